"""``fmt``: rewrite agency files to canonical form, or say which differ."""

from typing import TYPE_CHECKING, Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import say, say_n
from pledgectl.core.i18n import N_

if TYPE_CHECKING:
    pass

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help=N_("Rewrite agency files in canonical form."))
def fmt(
    check_only: Annotated[
        bool, typer.Option("--check", help=N_("only list the files that differ; exit 1 if any"))
    ] = False,
) -> None:
    from pledgectl.edit.fmt import format_registry

    registry = open_registry()
    results = format_registry(registry, check_only=check_only)
    bad = False
    for result in results:
        if result.status == "changed":
            bad = bad or check_only
            say(
                N_("{file}: not in canonical form") if check_only else N_("formatted {file}"),
                file=str(result.path),
            )
        elif result.status == "refused":
            bad = True
            say(result.reason_key, file=str(result.path), **dict(result.params))
    if not bad:
        say_n("1 agency file in canonical form", "{n} agency files in canonical form", len(results))
    raise typer.Exit(1 if bad else 0)
