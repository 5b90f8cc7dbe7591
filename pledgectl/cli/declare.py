"""``declare``: record a declaration event and print its id."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg
from pledgectl.cli.output import emit, say
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_("Record a declaration event (ikrar, deklarasi, pakta integritas); prints its id."),
)
def declare(
    agency: AgencyArg,
    kind: Annotated[str, typer.Option("--kind", help=N_("kind of declaration (policy.kinds)"))],
    date: Annotated[
        str, typer.Option("--date", metavar="YYYY-MM-DD", help=N_("date of the declaration"))
    ],
    election: Annotated[
        list[str], typer.Option("--election", help=N_("election covered (repeatable)"))
    ],
    decl_id: Annotated[
        str | None, typer.Option("--id", help=N_("declaration id (default: KIND-DATE)"))
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help=N_("title of the declaration"))
    ] = None,
    occasion: Annotated[
        str | None, typer.Option("--occasion", help=N_("occasion, e.g. a ceremony"))
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help=N_("place"))] = None,
    basis: Annotated[
        list[str] | None, typer.Option("--basis", help=N_("legal basis (repeatable)"))
    ] = None,
    commitment: Annotated[
        list[str] | None,
        typer.Option("--commitment", help=N_("checklist item covered (repeatable)")),
    ] = None,
    all_commitments: Annotated[
        bool,
        typer.Option("--all-commitments", help=N_("the declaration covers every checklist item")),
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
    say(
        N_("recorded declaration {declaration} for {agency}"),
        agency=agency,
        declaration=outcome.record,
    )
