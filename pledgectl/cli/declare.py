"""``declare``: record a declaration event and print its id."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import emit, say

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help="help.declare")
def declare(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    kind: Annotated[str, typer.Option("--kind", help="help.opt.kind")],
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="help.opt.decl-date")],
    election: Annotated[list[str], typer.Option("--election", help="help.opt.election")],
    decl_id: Annotated[str | None, typer.Option("--id", help="help.opt.decl-id")] = None,
    title: Annotated[str | None, typer.Option("--title", help="help.opt.title")] = None,
    occasion: Annotated[str | None, typer.Option("--occasion", help="help.opt.occasion")] = None,
    place: Annotated[str | None, typer.Option("--place", help="help.opt.place")] = None,
    basis: Annotated[list[str] | None, typer.Option("--basis", help="help.opt.basis")] = None,
    commitment: Annotated[
        list[str] | None, typer.Option("--commitment", help="help.opt.commitment")
    ] = None,
    all_commitments: Annotated[
        bool, typer.Option("--all-commitments", help="help.opt.all-commitments")
    ] = False,
) -> None:
    from pledgectl.edit.recording import declare as record_declaration

    registry = open_registry()
    commitments = list(commitment or [])
    if all_commitments:
        commitments = list(registry.settings.checklist_ids)
    outcome = record_declaration(
        registry,
        agency,
        kind=kind,
        date=date,
        elections=election,
        decl_id=decl_id,
        title=title,
        occasion=occasion,
        place=place,
        basis=basis or [],
        commitments=commitments,
    )
    show_warnings(outcome.warnings)
    emit(outcome.record + "\n")
    say("declare.done", agency=agency, declaration=outcome.record)
