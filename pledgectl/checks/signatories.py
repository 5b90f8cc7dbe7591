"""``signatories``: a declaration nobody signed, or a person signing the same one twice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pledgectl.checks._util import text, text_column
from pledgectl.checks.base import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.identity import person_key
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations, records


class SignatoriesCheck(Check):
    name = "signatories"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        for index, decl in declarations(af):
            path = ("declarations", index)
            ident = text(decl.get("id"))
            raw = decl.get("signatories")
            nips = text_column(raw, "nip", af._extra) if isinstance(raw, list) and raw else None
            if nips is not None and len(set(nips)) == len(nips):
                continue  # signed, each by a distinct NIP: nothing to report
            people = list(records(decl, "signatories"))
            if not people:
                yield ctx.finding(self.name, "signatories-none", af, path=path, declaration=ident)
            seen: set[str] = set()
            for s_index, person in people:
                name = text(person.get("name")) or ""
                key = person_key(text(person.get("nip")), name, text(person.get("nik")))
                if key in seen:
                    yield ctx.finding(
                        self.name,
                        "signatories-twice",
                        af,
                        path=(*path, "signatories", s_index),
                        declaration=ident,
                        nip=text(person.get("nip")),
                        who=text(person.get("nip")) or name,
                    )
                seen.add(key)


CHECK = SignatoriesCheck()
