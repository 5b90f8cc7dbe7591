"""``commitments``: a declaration that misses a checklist item or names an unknown one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pledgectl.checks._util import strings, text
from pledgectl.checks.base import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations


class CommitmentsCheck(Check):
    name = "commitments"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        checklist = ctx.settings.checklist_ids
        for index, decl in declarations(af):
            path = ("declarations", index)
            ident = text(decl.get("id"))
            named = strings(decl.get("commitments"))
            missing = [c for c in checklist if c not in named]
            if missing:
                yield ctx.finding(
                    self.name,
                    "commitments-missing",
                    af,
                    path=path,
                    key="commitments" if named else None,
                    declaration=ident,
                    missing=", ".join(missing),
                )
            for item in named:
                if item not in checklist:
                    yield ctx.finding(
                        self.name,
                        "commitments-unknown",
                        af,
                        path=path,
                        key="commitments",
                        declaration=ident,
                        # a warning: narrowing the checklist must not fault a declaration
                        severity="warning",
                        item=item,
                    )


CHECK = CommitmentsCheck()
