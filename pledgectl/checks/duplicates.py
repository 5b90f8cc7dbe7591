"""``duplicates``: one NIP under different names, or on two agencies' rosters; reported on both sides.

Keeps only (NIP -> first place seen) between files: memory grows with the
number of people, a compact key each, not with the data.
"""

from __future__ import annotations

from collections.abc import Iterable

from pledgectl.checks import Check, Context
from pledgectl.checks._util import text
from pledgectl.checks.nip import people
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile
from pledgectl.recording import fold


class DuplicatesCheck(Check):
    name = "duplicates"

    def __init__(self) -> None:
        self.names: dict[
            str, tuple[str, str, str, int | None]
        ] = {}  # nip -> (name, agency, file, line)
        self.rosters: dict[str, tuple[str, str, int | None]] = {}  # nip -> (agency, file, line)
        self.reported: set[tuple[str, str]] = set()

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        agency = af.file_id
        file = ctx.display_path(af.path)
        for path, decl, person in people(af):
            nip = text(person.get("nip"))
            name = text(person.get("name"))
            if not nip or not name:
                continue
            line = af.line(path)
            first = self.names.get(nip)
            if first is None:
                self.names[nip] = (name, agency, file, line)
            elif fold(first[0]) != fold(name) and (nip, "name") not in self.reported:
                self.reported.add((nip, "name"))
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
                    where=f"{first[2]}:{first[3] or 1}",
                )
                yield Finding(
                    "duplicates-name",
                    self.name,
                    ctx.severity(self.name, "warning"),
                    first[1],
                    first[2],
                    first[3],
                    nip=nip,
                    params={
                        "nip_": nip,
                        "name": first[0],
                        "other": name,
                        "where": f"{file}:{line or 1}",
                    },
                )
            if path[0] == "roster":
                seen = self.rosters.get(nip)
                if seen is None:
                    self.rosters[nip] = (agency, file, line)
                elif seen[0] != agency and (nip, "roster") not in self.reported:
                    self.reported.add((nip, "roster"))
                    yield ctx.finding(
                        self.name,
                        "duplicates-roster",
                        af,
                        path=path,
                        nip=nip,
                        severity="warning",
                        nip_=nip,
                        other=seen[0],
                    )
                    yield Finding(
                        "duplicates-roster",
                        self.name,
                        ctx.severity(self.name, "warning"),
                        seen[0],
                        seen[1],
                        seen[2],
                        nip=nip,
                        params={"nip_": nip, "other": agency},
                    )


CHECK = DuplicatesCheck()
