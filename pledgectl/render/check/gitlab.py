"""``--format gitlab``: a GitLab Code Quality report (DESIGN.md 6.6).

A JSON array of issues, each with ``description``, ``check_name``,
``fingerprint``, ``severity``, ``location.path`` and ``location.lines.begin``
(https://docs.gitlab.com/ee/ci/testing/code_quality.html). The fingerprint is a
stable hash of what identifies the finding -- code, file, agency, declaration,
NIP and parameters, not the line (an edit above it must not make it new) nor
the language -- with a counter for identical ones, so GitLab can tell new
issues from fixed ones between pipelines. Severities: an error is
``critical`` (``blocker`` when the file cannot be read at all), a warning ``minor``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pledgectl.core.findings import Finding
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options
from pledgectl.render.check.summary import hint_label

# severity -> GitLab's (info, minor, major, critical, blocker)
SEVERITY = {"error": "critical", "warning": "minor"}


def gitlab_severity(finding: Finding) -> str:
    if finding.check == "parse" and finding.severity == "error":
        return "blocker"  # nothing else in the file can be checked
    return SEVERITY.get(finding.severity, "info")


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    identity = [
        finding.code,
        finding.file or "",
        finding.agency or "",
        finding.declaration or "",
        finding.nip or "",
        sorted(finding.params.items()),
        occurrence,
    ]
    text = json.dumps(identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(run: CheckRun, options: Options) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for finding in run.findings:
        base = fingerprint(finding)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        description = finding.message()
        hint = finding.hint()
        if hint:
            description += f" ({hint_label()}: {hint})"
        issues.append(
            {
                "description": description,
                "check_name": f"{finding.check}/{finding.code}",
                "fingerprint": fingerprint(finding, occurrence) if occurrence else base,
                "severity": gitlab_severity(finding),
                "location": {
                    "path": finding.file or "",
                    "lines": {"begin": finding.line or 1},
                },
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
