"""``fmt``: rewrite agency files to canonical form, or say which differ."""

from typing import TYPE_CHECKING, Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import say

if TYPE_CHECKING:
    pass

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help="help.fmt")
def fmt(
    check_only: Annotated[bool, typer.Option("--check", help="help.opt.fmt-check")] = False,
) -> None:
    from pledgectl.edit.fmt import format_registry

    registry = open_registry()
    results = format_registry(registry, check_only=check_only)
    bad = False
    for result in results:
        if result.status == "changed":
            bad = bad or check_only
            say("fmt.would-change" if check_only else "fmt.changed", file=str(result.path))
        elif result.status == "refused":
            bad = True
            say(result.reason_key, file=str(result.path), **dict(result.params))
    if not bad:
        say("fmt.ok", count=len(results))
    raise typer.Exit(1 if bad else 0)
