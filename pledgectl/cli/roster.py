"""The ``roster`` group: an agency's staff list, for coverage."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.core.i18n import N_

_STATUS_HELP = N_(
    "status of rows that give none, e.g. NON-ASN for a name-only list of THL or honorer staff"
)
_DRY_RUN_HELP = N_("list the people that would be added, with the counts; write nothing")

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

roster_app = typer.Typer(
    cls=PledgeGroup,
    help=N_("Manage an agency's staff list (roster), used for coverage."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(roster_app, name="roster")


@roster_app.command(
    "import",
    cls=PledgeCommand,
    help=N_("Load an agency's staff list from CSV or XLSX (idempotent by NIP)."),
)
def roster_import(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help=N_("agency id"))],
    file: Annotated[Path, typer.Argument(metavar="FILE", help=N_("CSV or XLSX file"))],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_DRY_RUN_HELP)] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help=N_("import the valid rows and list the skipped ones")),
    ] = False,
    status: Annotated[
        str | None, typer.Option("--status", metavar="PNS|PPPK|NON-ASN", help=_STATUS_HELP)
    ] = None,
) -> None:
    from pledgectl.cli.imports import import_people

    import_people(agency, None, file, dry_run, skip_invalid, status)
