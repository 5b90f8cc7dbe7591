"""``import``: many signatories from a CSV or XLSX staff list (shared with ``roster import``)."""

import sys
from pathlib import Path

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import (
    AgencyArg,
    DeclArg,
    DryRunOpt,
    SkipInvalidOpt,
    StaffFileArg,
    StatusOpt,
)
from pledgectl.cli.output import say, say_n, warn
from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_, N_plural

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


def _progress() -> tuple[object, object] | None:
    """A Rich progress bar on stderr when a person is watching."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task(i18n.t("reading rows"), total=None)
    return bar, task


def import_people(
    agency: str,
    declaration: str | None,
    file: Path,
    dry_run: bool,
    skip_invalid: bool,
    status: str | None = None,
) -> None:
    """Shared by ``import`` (signatories) and ``roster import``."""
    from pledgectl.cli.sign import lock_notice
    from pledgectl.core import storage
    from pledgectl.core.errors import RefusedWrite
    from pledgectl.core.i18n import N_, t, tn
    from pledgectl.edit.importing import plan_import
    from pledgectl.edit.recording import add_roster, add_signatories

    registry = open_registry()
    storage.set_wait_reporter(lock_notice)
    from pledgectl.core.validate import agency_id as check_agency

    check_agency(agency)
    registry.existing_path(agency)
    with_dates = declaration is not None
    progress = _progress()
    if progress is not None:
        bar, task = progress
        bar.start()  # type: ignore[attr-defined]

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)  # type: ignore[attr-defined]

        try:
            plan = plan_import(registry, file, with_dates=with_dates, status=status, progress=tick)
        finally:
            bar.stop()  # type: ignore[attr-defined]
    else:
        plan = plan_import(registry, file, with_dates=with_dates, status=status)
    for key, params in plan.table.notes:
        warn(key, **params)
    if plan.table.ignored_columns:
        say(N_("note: columns not used: {columns}"), columns=", ".join(plan.table.ignored_columns))
    if plan.status_inferred:
        say(
            N_(
                "note: no Status column; PNS or PPPK is taken from each NIP, NON-ASN where there is none"
            )
        )
    for row, first in plan.duplicates:
        say(N_("note: row {row} repeats row {first} and is counted once"), row=row, first=first)
    if plan.clashes:
        for clash in plan.clashes:
            typer.echo(
                t(
                    N_("row {row}: {ident} is {name!r} here but {first_name!r} in row {first}"),
                    row=clash.row,
                    ident=clash.ident,
                    name=clash.name,
                    first_name=clash.first_name,
                    first=clash.first_row,
                ),
                err=True,
            )
        clash = plan.clashes[0]
        raise RefusedWrite(
            N_(
                "{file}: {count} NIP(s) appear under two names in the file, e.g. {ident}:"
                " {first_name!r} (row {first}) and {name!r} (row {row}); nothing was written"
            ),
            hint=N_("correct the name or the NIP in the file, then import it again"),
            file=str(file),
            count=len(plan.clashes),
            ident=clash.ident,
            first_name=clash.first_name,
            first=clash.first_row,
            name=clash.name,
            row=clash.row,
        )
    if plan.bad:
        for bad in plan.bad:
            typer.echo(
                i18n.t(
                    "row {row}: {field}: {reason}",
                    row=bad.number,
                    field=bad.field,
                    reason=bad.message,
                ),
                err=True,
            )
        if not skip_invalid:
            raise InvalidValue(
                N_plural(
                    "{count} invalid row in {file}; nothing was written",
                    "{count} invalid rows in {file}; nothing was written",
                ),
                hint=N_(
                    "fix the rows listed above and import again, or pass --skip-invalid to import the valid rows only"
                ),
                count=len(plan.bad),
                file=str(file),
            )
        say_n(
            "skipped 1 invalid row (listed above)",
            "skipped {n} invalid rows (listed above)",
            len(plan.bad),
        )
    if declaration is None:
        outcome = add_roster(registry, agency, plan.people, dry_run=dry_run)
    else:
        outcome = add_signatories(
            registry, agency, declaration, plan.people, dry_run=dry_run, on_existing="skip"
        )
    if outcome.warnings:
        say_n(
            "1 signature date warning:",
            "{n} signature date warnings; the first ones:",
            len(outcome.warnings),
        )
        show_warnings(outcome.warnings[:5])
    row_of = {person.key: row for person, row in zip(plan.people, plan.rows, strict=True)}
    for known in outcome.known_by_id:
        typer.echo(
            t(
                N_(
                    "note: {name!r} has no NIP here but is already recorded as {recorded!r}"
                    " with {ident}; not added again"
                ),
                name=known["name"],
                recorded=known["recorded"],
                ident=known["id"],
            ),
            err=True,
        )
    if dry_run:
        for person in outcome.added_people:
            cells = [
                str(row_of.get(person.key, "")),
                person.nip or person.nik or "-",
                person.name,
                person.status,
                person.position or "",
            ]
            typer.echo("\t".join(cells).rstrip())
    already = len(outcome.skipped) + len(outcome.known_by_id)
    if plan.marked is not None:
        typer.echo(
            t(
                N_(
                    "{marked} marked, {imported} imported, {already} already recorded,"
                    " {not_marked} not marked"
                ),
                marked=plan.marked,
                imported=outcome.added,
                already=already,
                not_marked=len(plan.not_marked),
            )
            + (" " + t(N_("(dry run: nothing written)")) if dry_run else ""),
            err=True,
        )
        return
    if dry_run:
        typer.echo(
            tn(
                "dry run: would add {n} person listed above, {already} already recorded;"
                " nothing written",
                "dry run: would add {n} people listed above, {already} already recorded;"
                " nothing written",
                outcome.added,
                already=already,
            ),
            err=True,
        )
        return
    say(
        N_("added {added} from {file}; {already} already recorded"),
        added=outcome.added,
        already=already,
        file=str(file),
    )


@app.command(
    "import",
    cls=PledgeCommand,
    help=N_(
        "Add many signatories from a CSV or XLSX staff list (idempotent by NIP; all or nothing)."
    ),
)
def import_command(
    agency: AgencyArg,
    declaration: DeclArg,
    file: StaffFileArg,
    dry_run: DryRunOpt = False,
    skip_invalid: SkipInvalidOpt = False,
    status: StatusOpt = None,
) -> None:
    from pledgectl.core.validate import record_id

    record_id(declaration)
    import_people(agency, declaration, file, dry_run, skip_invalid, status)
