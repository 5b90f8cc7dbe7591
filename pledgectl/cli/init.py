"""``init``: create a registry, optionally filled with the demo agencies."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import choose, say_n
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_("Create a registry with the default checklist, elections and policy."),
)
def init(
    path: Annotated[Path, typer.Argument(help=N_("folder to create"))] = Path("registry"),
    example: Annotated[
        bool,
        typer.Option("--example", help=N_("fill it with the demo agencies from the seed reports")),
    ] = False,
    checklist: Annotated[
        str,
        typer.Option(
            "--checklist",
            metavar="behaviours|ikrar",
            help=N_("checklist preset: behaviours (the four neutrality behaviours) or ikrar"),
        ),
    ] = "behaviours",
) -> None:
    from pledgectl.core.presets import CHECKLISTS
    from pledgectl.edit.scaffold import init_registry

    choose(checklist, tuple(CHECKLISTS), "--checklist")
    created = init_registry(path, checklist=checklist, example=example)
    say_n(
        "created registry {path} ({n} demo agency)",
        "created registry {path} ({n} demo agencies)",
        created,
        path=str(path),
    )
