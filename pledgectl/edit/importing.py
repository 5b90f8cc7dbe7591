"""Bulk import of people (signatories or roster) from a CSV/XLSX staff list.

All or nothing: every row is validated first; a bad row is named by the row
number the user sees in the spreadsheet, with the field and the reason, and
nothing is written unless the caller chose to skip invalid rows. The write
itself is one append through :mod:`pledgectl.edit.recording`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pledgectl.core import i18n, validate
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_
from pledgectl.core.identity import same_name
from pledgectl.core.nip import kind_of, normalise
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import Person, make_person
from pledgectl.edit.tabular import HEADER_ALIASES, Table, read_table


@dataclass(frozen=True)
class BadRow:
    number: int
    field: str
    message: str


@dataclass(frozen=True)
class NameClash:
    """One NIP (or NIK) under two names within the file."""

    ident: str
    first_row: int
    first_name: str
    row: int
    name: str


@dataclass
class ImportPlan:
    table: Table
    people: list[Person] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # spreadsheet row of each person
    bad: list[BadRow] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (row, first row)
    clashes: list[NameClash] = field(default_factory=list)
    status_inferred: bool = False
    marked: int | None = None  # rows with a mark, when the file has a mark column
    not_marked: list[int] = field(default_factory=list)


def plan_import(
    registry: Registry,
    path: Path,
    *,
    with_dates: bool = True,
    status: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Read and validate every row; nothing is written here.

    ``status`` applies to rows without a status of their own (``--status NON-ASN`` for a
    name-only list). A file with neither a NIP nor a status column, and no ``status``,
    is refused: its people would otherwise all become NON-ASN without a word.
    """
    table = read_table(path, required=("name",))
    if status is not None:
        status = validate.status(status)
    elif "nip" not in table.columns and "status" not in table.columns:
        raise InvalidValue(
            N_(
                "{path}: no NIP column and no status column, so nobody's status is known"
                " (headers found: {found}; looked for NIP: {nip}; status: {status})"
            ),
            hint=N_(
                "add a NIP or a status column, or give --status NON-ASN if everyone on the"
                " list is non-ASN staff (THL, honorer)"
            ),
            path=str(path),
            found=", ".join([*table.columns.values(), *table.ignored_columns]) or "-",
            nip=", ".join(HEADER_ALIASES["nip"]),
            status=", ".join(HEADER_ALIASES["status"]),
        )
    plan = ImportPlan(table, status_inferred="status" not in table.columns and status is None)
    has_mark = "mark" in table.columns
    if has_mark:
        plan.marked = 0
    seen: dict[str, tuple[int, str]] = {}
    total = len(table.rows)
    for done, row in enumerate(table.rows, 1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        values = row.values
        if has_mark:
            if "mark" not in values:
                plan.not_marked.append(row.number)
                continue
            plan.marked = (plan.marked or 0) + 1
        if row.problems:
            for problem in row.problems:
                reason = i18n.t(problem.key, **problem.params)
                if problem.hint:
                    reason += " (" + i18n.t(problem.hint, **problem.params) + ")"
                plan.bad.append(BadRow(row.number, problem.field, reason))
            continue
        raw_nip = values.get("nip")
        row_status = values.get("status") or status
        if row_status is not None and validate.is_legal_standing(row_status):
            row_status = None  # SIASN's "Aktif": the NIP tells PNS from PPPK
        if row_status is None:
            clean = normalise(raw_nip) if raw_nip else ""
            if len(clean) == 18 and clean.isdigit():
                row_status = kind_of(clean)
            elif "status" in table.columns:
                plan.bad.append(
                    BadRow(
                        row.number,
                        "status",
                        i18n.t(
                            N_(
                                "no status and no NIP: write PNS, PPPK or NON-ASN in the"
                                " status column, or give --status"
                            )
                        ),
                    )
                )
                continue
            else:
                row_status = "NON-ASN"
        signed = values.get("signed") or values.get("date")  # a person's own date wins
        try:
            person = make_person(
                registry,
                name=values.get("name", ""),
                status=row_status,
                nip=raw_nip,
                position=values.get("position"),
                unit=values.get("unit"),
                signed=signed if with_dates else None,
                nik=values.get("nik"),
                grade=values.get("grade"),
            )
        except InvalidValue as exc:
            plan.bad.append(BadRow(row.number, getattr(exc, "field", "?"), exc.message))
            continue
        key = person.key
        if key in seen:
            first_row, first_name = seen[key]
            if same_name(first_name, person.name):
                plan.duplicates.append((row.number, first_row))
            else:
                plan.clashes.append(
                    NameClash(
                        person.nip or person.nik or "",
                        first_row,
                        first_name,
                        row.number,
                        person.name,
                    )
                )
            continue
        seen[key] = (row.number, person.name)
        plan.people.append(person)
        plan.rows.append(row.number)
    if progress is not None:
        progress(total, total)
    return plan
