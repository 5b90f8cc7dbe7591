"""``parse``: a file that is not valid UTF-8 TOML, with the parser's line and column.

Unresolved merge conflict markers are ``parse-conflict``, at the first marker.
"""

from __future__ import annotations

from collections.abc import Iterable

from pledgectl.checks.base import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile, conflict_marker_line


class ParseCheck(Check):
    name = "parse"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        problem = af.problem
        if problem is None:
            return
        code = problem.key.replace(".", "-")
        line, col = problem.line, problem.col
        if code == "parse-syntax" and (marker := conflict_marker_line(af.text)) is not None:
            code, line, col = "parse-conflict", marker, 1  # a merge left unfinished
        yield ctx.finding(self.name, code, af, line=line, col=col, reason=problem.reason)


CHECK = ParseCheck()
