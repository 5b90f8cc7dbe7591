"""``init``: create a registry, optionally filled with the demo agencies."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import choose, say

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help="help.init")
def init(
    path: Annotated[Path, typer.Argument(help="help.arg.init-path")] = Path("registry"),
    example: Annotated[bool, typer.Option("--example", help="help.opt.example")] = False,
    checklist: Annotated[
        str, typer.Option("--checklist", metavar="behaviours|ikrar", help="help.opt.checklist")
    ] = "behaviours",
) -> None:
    from pledgectl.core.presets import CHECKLISTS
    from pledgectl.edit.scaffold import init_registry

    choose(checklist, tuple(CHECKLISTS), "--checklist")
    created = init_registry(path, checklist=checklist, example=example)
    say("init.done", path=str(path), agencies=created)
