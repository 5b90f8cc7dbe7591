"""The ``roster`` group: an agency's staff list, for coverage."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.app import app
from pledgectl.cli.framework import PledgeCommand, PledgeGroup

roster_app = typer.Typer(cls=PledgeGroup, help="help.roster", no_args_is_help=True)
app.add_typer(roster_app, name="roster")


@roster_app.command("import", cls=PledgeCommand, help="help.roster-import")
def roster_import(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="help.arg.sheet-file")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.opt.dry-run")] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="help.opt.skip-invalid")
    ] = False,
) -> None:
    from pledgectl.cli.people import import_people

    import_people(agency, None, file, dry_run, skip_invalid)
