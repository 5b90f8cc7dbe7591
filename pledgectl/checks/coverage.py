"""``coverage``: an agency with no complete declaration for an election in scope; roster members who signed none.

Completeness is :mod:`pledgectl.engine.completeness`'s, the same the ``report`` shows.
When an agency has no complete declaration for an election, that one finding
stands for its whole roster; once it has one, each roster member who did not
sign a complete declaration for the election is named, at their roster line.
"""

from __future__ import annotations

from collections.abc import Iterator

from pledgectl.checks import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.engine.completeness import file_state


class CoverageCheck(Check):
    name = "coverage"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterator[Finding | None]:
        if ctx.settings.policy.checks.get(self.name) == "off":
            return
        state = file_state(af, ctx)
        if state is None:
            if af.data is not None:  # read, but no [agency] table to judge: not complete
                for election in ctx.settings.policy.scope:
                    yield ctx.finding(
                        self.name, "coverage-incomplete", af, path=("agency",), election=election
                    )
            return
        for election, complete in state.complete_for.items():
            if not complete:
                yield ctx.finding(
                    self.name, "coverage-incomplete", af, path=("agency",), election=election
                )
                continue
            for index in state.unsigned(election):
                key, name = state.roster[index]
                yield ctx.finding(
                    self.name,
                    "coverage-unsigned",
                    af,
                    path=("roster", index),
                    nip=None if key.startswith("name:") else key,
                    severity="warning",
                    name=name,
                    election=election,
                )


CHECK = CoverageCheck()
