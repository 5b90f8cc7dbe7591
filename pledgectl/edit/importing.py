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

from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_
from pledgectl.core.identity import person_key
from pledgectl.core.nip import kind_of, normalise
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import Person, make_person
from pledgectl.edit.tabular import Table, read_table

_FIELD_OF_KEY = {
    N_("NIP {value!r} is not valid: {reason}"): "nip",
    N_("a NIP is required for status {status}"): "nip",
    N_("status {value!r} is not one of {choices}"): "status",
    N_("{field} {value!r} is not a date"): "date",
    N_("{field} is required"): "name",
    N_(
        "{field} {value!r} must be one line without control characters, at most {limit} characters"
    ): "name",
}


@dataclass(frozen=True)
class BadRow:
    number: int
    field: str
    message: str


@dataclass
class ImportPlan:
    table: Table
    people: list[Person] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # spreadsheet row of each person
    bad: list[BadRow] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (row, first row)
    status_inferred: bool = False


def plan_import(
    registry: Registry,
    path: Path,
    *,
    with_dates: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Read and validate every row; nothing is written here."""
    table = read_table(path, required=("name",))
    plan = ImportPlan(table, status_inferred="status" not in table.columns)
    seen: dict[str, int] = {}
    total = len(table.rows)
    for done, row in enumerate(table.rows, 1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        if row.problems:
            for problem in row.problems:
                reason = i18n.t(problem.key, **problem.params)
                if problem.hint:
                    reason += " (" + i18n.t(problem.hint, **problem.params) + ")"
                plan.bad.append(BadRow(row.number, problem.field, reason))
            continue
        values = row.values
        raw_nip = values.get("nip")
        status = values.get("status")
        if status is None:
            status = (
                kind_of(normalise(raw_nip))
                if raw_nip and len(normalise(raw_nip)) == 18
                else "NON-ASN"
            )
        try:
            person = make_person(
                registry,
                name=values.get("name", ""),
                status=status,
                nip=raw_nip,
                position=values.get("position"),
                unit=values.get("unit"),
                signed=values.get("date") if with_dates else None,
            )
        except InvalidValue as exc:
            plan.bad.append(BadRow(row.number, _FIELD_OF_KEY.get(exc.key, "?"), exc.message))
            continue
        key = person_key(person.nip, person.name)
        if key in seen:
            plan.duplicates.append((row.number, seen[key]))
            continue
        seen[key] = row.number
        plan.people.append(person)
        plan.rows.append(row.number)
    if progress is not None:
        progress(total, total)
    return plan
