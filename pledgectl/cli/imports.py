"""``import``: many signatories from a CSV or XLSX staff list (shared with ``roster import``)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import say, warn
from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


def _progress() -> tuple[object, object] | None:
    """A Rich progress bar on stderr when a person is watching."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task(i18n.t("import.reading"), total=None)
    return bar, task


def import_people(
    agency: str, declaration: str | None, file: Path, dry_run: bool, skip_invalid: bool
) -> None:
    """Shared by ``import`` (signatories) and ``roster import``."""
    from pledgectl.edit.importing import plan_import
    from pledgectl.edit.recording import add_roster, add_signatories

    registry = open_registry()
    from pledgectl.core.validate import agency_id as check_agency

    check_agency(agency)
    if not registry.agency_path(agency).exists():
        raise InvalidValue("value.unknown-agency", agency=agency)
    progress = _progress()
    if progress is not None:
        bar, task = progress
        bar.start()  # type: ignore[attr-defined]

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)  # type: ignore[attr-defined]

        try:
            plan = plan_import(registry, file, with_dates=declaration is not None, progress=tick)
        finally:
            bar.stop()  # type: ignore[attr-defined]
    else:
        plan = plan_import(registry, file, with_dates=declaration is not None)
    for key, params in plan.table.notes:
        warn(key, **params)
    if plan.table.ignored_columns:
        say("import.ignored-columns", columns=", ".join(plan.table.ignored_columns))
    if plan.status_inferred:
        say("import.status-inferred")
    for row, first in plan.duplicates:
        say("import.duplicate-row", row=row, first=first)
    if plan.bad:
        for bad in plan.bad:
            typer.echo(
                i18n.t("import.bad-row", row=bad.number, field=bad.field, reason=bad.message),
                err=True,
            )
        if not skip_invalid:
            raise InvalidValue("import.refused", count=len(plan.bad), file=str(file))
        say("import.skipped-invalid", count=len(plan.bad))
    if declaration is None:
        outcome = add_roster(registry, agency, plan.people, dry_run=dry_run)
    else:
        outcome = add_signatories(
            registry, agency, declaration, plan.people, dry_run=dry_run, on_existing="skip"
        )
    if outcome.warnings:
        say("import.rule-warnings", count=len(outcome.warnings))
        show_warnings(outcome.warnings[:5])
    key = "import.dry-run" if dry_run else "import.done"
    say(key, added=outcome.added, already=len(outcome.skipped), file=str(file))


@app.command("import", cls=PledgeCommand, help="help.import")
def import_command(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help="help.arg.decl")],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="help.arg.sheet-file")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.opt.dry-run")] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="help.opt.skip-invalid")
    ] = False,
) -> None:
    from pledgectl.core.validate import record_id

    record_id(declaration)
    import_people(agency, declaration, file, dry_run, skip_invalid)
