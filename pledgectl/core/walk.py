"""Walking an agency file's data: its declarations, their records, its people, its agency id.

The one place that knows how the tables nest; checks, completeness and views
all walk files through these. Every walker skips what has the wrong type (a
string where a table belongs) instead of failing: the ``schema`` check is the
one that reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pledgectl.core.reader import AgencyFile

RecordPath = tuple[str | int, ...]
# (record path prefix, declaration id, the list of people)
Group = tuple[RecordPath, str | None, list[Any]]


def declarations(af: AgencyFile) -> Iterator[tuple[int, dict[str, Any]]]:
    """The declaration tables of a file, skipping anything of the wrong type."""
    if af.data is None:
        return
    raw = af.data.get("declarations")
    if not isinstance(raw, list):
        return
    for index, decl in enumerate(raw):
        if isinstance(decl, dict):
            yield index, decl


def records(decl: dict[str, Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The tables of a declaration's list ``name`` (``signatories``, ``witnesses``)."""
    raw = decl.get(name)
    if not isinstance(raw, list):
        return
    for index, item in enumerate(raw):
        if isinstance(item, dict):
            yield index, item


def groups(af: AgencyFile) -> Iterator[Group]:
    """The lists of people in a file: (record path prefix, declaration id, the list).

    The roster first, then each declaration's signatories; a person's record
    path is the prefix plus their index in the list.
    """
    if af.data is None:
        return
    roster = af.data.get("roster")
    if isinstance(roster, list):
        yield ("roster",), None, roster
    for d, decl in declarations(af):
        signatories = decl.get("signatories")
        if isinstance(signatories, list):
            ident = decl.get("id")
            yield (
                ("declarations", d, "signatories"),
                ident if isinstance(ident, str) else None,
                signatories,
            )


def people(af: AgencyFile) -> Iterator[tuple[RecordPath, str | None, dict[str, Any]]]:
    """Every roster entry and signatory with its record path and declaration id."""
    for prefix, decl, group in groups(af):
        for index, person in enumerate(group):
            if isinstance(person, dict):
                yield (*prefix, index), decl, person


def agency_of(af: AgencyFile) -> str:
    """The agency a file is about: its ``[agency] id``, else the id its file name promises."""
    table = af.data.get("agency") if af.data is not None else None
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        return str(table["id"])
    return af.file_id
