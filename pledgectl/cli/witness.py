"""``witness``: add a witness to a declaration."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import say

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help="help.witness")
def witness(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help="help.arg.decl")],
    institution: Annotated[str, typer.Option("--institution", help="help.opt.institution")],
    name: Annotated[str, typer.Option("--name", help="help.opt.witness-name")],
    role: Annotated[str | None, typer.Option("--role", help="help.opt.role")] = None,
) -> None:
    from pledgectl.edit.recording import add_witness

    outcome = add_witness(
        open_registry(), agency, declaration, institution=institution, name=name, role=role
    )
    show_warnings(outcome.warnings)
    say("witness.done", name=name, institution=institution, declaration=declaration)
