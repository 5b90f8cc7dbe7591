"""``coverage``: an agency with no complete declaration for an election in scope; roster members who signed none.

Completeness is :mod:`pledgectl.checks.completeness`'s, the same the ``report`` shows.
It needs to know which declarations the other checks found errors in, so this
is a :class:`~pledgectl.checks.base.JudgingCheck`: the engine runs the checks
it ``needs`` on the file first and hands it the ids of the faulted declarations.
When an agency has no complete declaration for an election, that one finding
stands for its whole roster; once it has one, each roster member who did not
sign a complete declaration for the election is named, at their roster line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pledgectl.checks.base import Context, Counts, JudgingCheck
from pledgectl.checks.completeness import DECLARATION_CHECKS, agency_state
from pledgectl.core.findings import Finding
from pledgectl.core.i18n import N_
from pledgectl.core.reader import AgencyFile

# The hint when no declaration names the election at all (nothing else to look at).
NONE_DECLARED = N_("no declaration names {election} yet: record one with `pledgectl declare`")


class CoverageCheck(JudgingCheck):
    name = "coverage"
    needs = DECLARATION_CHECKS

    def judge_file(
        self, af: AgencyFile, ctx: Context, faulted: set[str], counts: Counts
    ) -> Iterator[Finding]:
        if af.data is None:
            return  # unreadable: the parse check says so
        if not isinstance(af.data.get("agency"), dict):
            # read, but no [agency] table to judge: not complete
            for election in ctx.settings.policy.scope:
                yield ctx.finding(
                    self.name, "coverage-incomplete", af, path=("agency",), election=election
                )
            return
        state = agency_state(af.data, ctx.settings, faulted, memo=af._extra)
        for election, complete in state.complete_for.items():
            counts[election] = [state.signed(election), len(state.roster)]
            if not complete:
                named = any(election in d.elections for d in state.declarations)
                extra: dict[str, Any] = {} if named else {"hint": NONE_DECLARED}
                yield ctx.finding(
                    self.name,
                    "coverage-incomplete",
                    af,
                    path=("agency",),
                    election=election,
                    **extra,
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
                    signed=counts[election][0],  # for the text report's block header
                    roster=counts[election][1],
                )


CHECK = CoverageCheck()
