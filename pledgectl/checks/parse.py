"""``parse``: a file that is not valid UTF-8 TOML, with the parser's line and column."""

from __future__ import annotations

from collections.abc import Iterable

from pledgectl.checks.base import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile


class ParseCheck(Check):
    name = "parse"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        problem = af.problem
        if problem is None:
            return
        code = problem.key.replace(".", "-")
        yield ctx.finding(
            self.name, code, af, line=problem.line, col=problem.col, reason=problem.reason
        )


CHECK = ParseCheck()
