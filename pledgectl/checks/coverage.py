"""``coverage``: an agency with no complete declaration for an election in scope; roster members who signed none."""

from __future__ import annotations

from collections.abc import Iterable

from pledgectl.checks import Check, Context
from pledgectl.completeness import agency_state
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile


class CoverageCheck(Check):
    name = "coverage"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        if af.data is None or not isinstance(af.data.get("agency"), dict):
            return
        state = agency_state(af.data, ctx.settings)
        for election, complete in state.complete_for.items():
            if not complete:
                yield ctx.finding(
                    self.name, "coverage-incomplete", af, path=("agency",), election=election
                )
                continue
            for index, (key, name) in enumerate(state.roster):
                if key not in state.covered[election]:
                    yield ctx.finding(
                        self.name,
                        "coverage-unsigned",
                        af,
                        path=("roster", index),
                        nip=key if not key.startswith("name:") else None,
                        severity="warning",
                        name=name,
                        election=election,
                    )


CHECK = CoverageCheck()
