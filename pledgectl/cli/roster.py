"""The ``roster`` group: an agency's staff list, for coverage."""

import typer

from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.options import AgencyArg, DryRunOpt, SkipInvalidOpt, StaffFileArg, StatusOpt
from pledgectl.core.i18n import N_

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
    agency: AgencyArg,
    file: StaffFileArg,
    dry_run: DryRunOpt = False,
    skip_invalid: SkipInvalidOpt = False,
    status: StatusOpt = None,
) -> None:
    from pledgectl.cli.imports import import_people

    import_people(agency, None, file, dry_run, skip_invalid, status)
