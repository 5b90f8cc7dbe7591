"""``duplicates``: one NIP under different names, or on two agencies' rosters; reported on both sides.

Between files only a compact entry per NIP is kept (the name, the agency and
the record's path in its file); the line of the earlier side is looked up
only for the few NIPs that turn out duplicated, when the run finishes. Memory
grows with the number of people, a few small values each, not with the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pledgectl.checks import Check, Context
from pledgectl.checks._util import text
from pledgectl.checks.nip import people
from pledgectl.errors import PledgeError
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile
from pledgectl.recording import fold

RecordPath = tuple[str | int, ...]


class _Place:
    """Where a NIP was first seen; one shared object per file for agency and path."""

    __slots__ = ("agency", "path")

    def __init__(self, agency: str, path: Path) -> None:
        self.agency = agency
        self.path = path


class DuplicatesCheck(Check):
    name = "duplicates"

    def __init__(self) -> None:
        # nip -> (name, place, record path, declaration)
        self.names: dict[str, tuple[str, _Place, RecordPath, str | None]] = {}
        self.rosters: dict[str, tuple[_Place, RecordPath]] = {}  # nip -> first roster entry
        self.reported: set[tuple[str, str]] = set()
        # the earlier side of each pair, resolved to a line in finish()
        self.pending: list[tuple[str, _Place, RecordPath, str | None, dict[str, str]]] = []

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterator[Finding | None]:
        if ctx.settings.policy.checks.get(self.name) == "off" or af.data is None:
            return
        agency_table = af.data.get("agency")
        agency = af.file_id
        if isinstance(agency_table, dict) and isinstance(agency_table.get("id"), str):
            agency = agency_table["id"]
        place = _Place(agency, af.path)
        file = ctx.display_path(af.path)
        for path, decl, person in people(af):
            nip = text(person.get("nip"))
            name = text(person.get("name"))
            if not nip or not name:
                continue
            first = self.names.get(nip)
            if first is None:
                self.names[nip] = (name, place, path, decl)
            elif fold(first[0]) != fold(name) and (nip, "name") not in self.reported:
                self.reported.add((nip, "name"))
                here = f"{file}:{af.line(path) or 1}"
                there = first[1]
                where = (
                    f"{file}:{af.line(first[2]) or 1}"
                    if there is place
                    else ctx.display_path(there.path)
                )
                yield ctx.finding(
                    self.name,
                    "duplicates-name",
                    af,
                    path=path,
                    nip=nip,
                    declaration=decl,
                    severity="warning",
                    nip_=nip,
                    name=name,
                    other=first[0],
                    where=where,
                )
                params = {"nip_": nip, "name": first[0], "other": name, "where": here}
                self.pending.append(("duplicates-name", there, first[2], first[3], params))
            if path[0] == "roster":
                seen = self.rosters.get(nip)
                if seen is None:
                    self.rosters[nip] = (place, path)
                elif seen[0].agency != agency and (nip, "roster") not in self.reported:
                    self.reported.add((nip, "roster"))
                    yield ctx.finding(
                        self.name,
                        "duplicates-roster",
                        af,
                        path=path,
                        nip=nip,
                        severity="warning",
                        nip_=nip,
                        other=seen[0].agency,
                    )
                    params = {"nip_": nip, "other": agency}
                    self.pending.append(("duplicates-roster", seen[0], seen[1], None, params))

    def finish(self, ctx: Context) -> Iterable[Finding | None]:
        """The earlier side of every pair, at its line (each file read again once)."""
        from pledgectl.reader import read_agency

        by_file: dict[Path, list[tuple[str, _Place, RecordPath, str | None, dict[str, str]]]] = {}
        for entry in self.pending:
            by_file.setdefault(entry[1].path, []).append(entry)
        for path, entries in by_file.items():
            try:
                af: AgencyFile | None = read_agency(path)
            except PledgeError:  # the file went away meanwhile: report without a line
                af = None
            for code, place, record, decl, params in entries:
                yield Finding(
                    code,
                    self.name,
                    ctx.severity(self.name, "warning"),
                    place.agency,
                    ctx.display_path(path),
                    af.line(record) if af is not None else None,
                    declaration=decl,
                    nip=params["nip_"],
                    params=params,
                )


CHECK = DuplicatesCheck()
