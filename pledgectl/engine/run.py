"""The result of a check run, as every renderer receives it."""

from __future__ import annotations

from pledgectl.core.findings import SEVERITY_RANK, Finding


class CheckRun:
    """A check's result: the findings, how many files were read, which checks ran.

    ``registries``: how many registries the run spans (reports then say which
    registry an agency is in, since two registries may use the same agency id).
    ``coverage``: election in scope -> [roster members who signed a complete
    declaration, roster members], over the agencies judged (empty when the
    ``coverage`` check did not run).
    """

    def __init__(
        self,
        findings: list[Finding],
        files: int,
        checks: list[str],
        registries: int = 1,
        coverage: dict[str, list[int]] | None = None,
    ) -> None:
        self.findings = findings
        self.files = files
        self.checks = checks
        self.registries = registries
        self.coverage = coverage if coverage is not None else {}

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in self.findings)
