"""``duplicates``: one NIP under different names, or on two agencies' rosters; reported on both sides.

Between files only compact keys travel: per person with a NIP, the NIP, the
name, the record's path in its file, the declaration id and whether it is a
roster entry. ``collect`` hands them to the runner and ``finish_from``
compares them in file order, keeping one entry per NIP; only the few files
with a duplicate are read again, for the lines. Run directly (``check_file``
then ``finish``) the check keeps the same keys itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pledgectl.checks import Check, Context
from pledgectl.checks._util import text
from pledgectl.checks.nip import people
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile
from pledgectl.recording import fold

# [agency, [[nip, name, record path, declaration, on roster], ...]]
Keys = list[Any]
RecordPath = tuple[str | int, ...]
# (file, agency, code, record path, declaration, nip, params, the other side for "where")
Wanted = tuple[
    str, str, str, list[Any], str | None, str, dict[str, str], tuple[str, list[Any]] | None
]


def file_keys(af: AgencyFile) -> Keys:
    if af.data is None:
        return [af.file_id, []]
    table = af.data.get("agency")
    agency = af.file_id
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        agency = table["id"]
    found = []
    for path, decl, person in people(af):
        nip = text(person.get("nip"))
        name = text(person.get("name"))
        if nip and name:
            found.append([nip, name, list(path), decl, path[0] == "roster"])
    return [agency, found]


class DuplicatesCheck(Check):
    name = "duplicates"

    def __init__(self) -> None:
        self.keys: list[tuple[str, Keys]] = []  # the direct path's keys

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        if ctx.settings.policy.checks.get(self.name) != "off":
            self.keys.append((str(af.path), file_keys(af)))
        return ()

    def collect(self, af: AgencyFile, ctx: Context) -> Keys:
        """The file's keys, taken over by the runner (called after ``check_file``)."""
        if self.keys and self.keys[-1][0] == str(af.path):
            return self.keys.pop()[1]
        return file_keys(af) if ctx.settings.policy.checks.get(self.name) != "off" else ["", []]

    def finish(self, ctx: Context) -> Iterable[Finding | None]:
        keys, self.keys = self.keys, []
        return self.finish_from(keys, ctx)

    def finish_from(self, keys: list[tuple[str, Keys]], ctx: Context) -> Iterator[Finding | None]:
        if ctx.settings.policy.checks.get(self.name) == "off":
            return
        # nip -> (name, file, agency, path, declaration) where it was first seen
        names: dict[str, tuple[str, str, str, list[Any], str | None]] = {}
        rosters: dict[str, tuple[str, str, list[Any]]] = {}  # nip -> (file, agency, path)
        reported: set[tuple[str, str]] = set()
        wanted: list[Wanted] = []
        for file, (agency, found) in keys:
            for nip, name, path, decl, on_roster in found:
                first = names.get(nip)
                if first is None:
                    names[nip] = (name, file, agency, path, decl)
                elif (nip, "name") not in reported and fold(first[0]) != fold(name):
                    reported.add((nip, "name"))
                    wanted.append(
                        (file, agency, "duplicates-name", path, decl, nip,
                         {"nip_": nip, "name": name, "other": first[0]}, (first[1], first[3]))
                    )  # fmt: skip
                    wanted.append(
                        (first[1], first[2], "duplicates-name", first[3], first[4], nip,
                         {"nip_": nip, "name": first[0], "other": name}, (file, path))
                    )  # fmt: skip
                if on_roster:
                    seen = rosters.get(nip)
                    if seen is None:
                        rosters[nip] = (file, agency, path)
                    elif seen[1] != agency and (nip, "roster") not in reported:
                        reported.add((nip, "roster"))
                        wanted.append(
                            (file, agency, "duplicates-roster", path, None, nip,
                             {"nip_": nip, "other": seen[1]}, None)
                        )  # fmt: skip
                        wanted.append(
                            (seen[0], seen[1], "duplicates-roster", seen[2], None, nip,
                             {"nip_": nip, "other": agency}, None)
                        )  # fmt: skip
        yield from _at_lines(self.name, wanted, ctx)


def _at_lines(
    check: str,
    wanted: list[Wanted],
    ctx: Context,
) -> Iterator[Finding]:
    """The findings with their lines: each involved file read again, once."""
    from pledgectl.errors import PledgeError
    from pledgectl.reader import read_agency

    files: dict[str, AgencyFile | None] = {}

    def line(file: str, path: list[Any]) -> int | None:
        if file not in files:
            try:
                files[file] = read_agency(Path(file))
            except PledgeError:
                files[file] = None
        af = files[file]
        record: RecordPath = tuple(path)
        return af.line(record) if af is not None else None

    severity = ctx.severity(check, "warning")
    for file, agency, code, path, decl, nip, params, other in wanted:
        if other is not None:
            params["where"] = f"{ctx.display_path(Path(other[0]))}:{line(*other) or 1}"
        yield Finding(
            code,
            check,
            severity,
            agency,
            ctx.display_path(Path(file)),
            line(file, path),
            declaration=decl,
            nip=nip,
            params=params,
        )


CHECK = DuplicatesCheck()
