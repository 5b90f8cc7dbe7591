"""Renderers of a check run: the same findings as text for people or JSON for tools."""

from __future__ import annotations

import json
from collections import Counter

from pledgectl import i18n
from pledgectl.checks import CheckRun


def render_text(run: CheckRun) -> str:
    """``file:line:col: severity[code] message`` lines grouped by agency, then a summary."""
    lines: list[str] = []
    current: str | None = None
    for finding in run.findings:
        if finding.agency != current:
            current = finding.agency
            if lines:
                lines.append("")
            lines.append(f"== {current}")
        severity = i18n.t(f"severity.{finding.severity}")
        lines.append(f"{finding.location()}: {severity} [{finding.code}] {finding.message()}")
        hint = finding.hint()
        if hint:
            lines.append(f"    {i18n.t('cli.hint')}: {hint}")
    if lines:
        lines.append("")
    lines.append(summary_line(run))
    return "\n".join(lines) + "\n"


def summary_line(run: CheckRun) -> str:
    by_check = Counter(f.check for f in run.findings)
    detail = ", ".join(f"{name} {count}" for name, count in sorted(by_check.items()))
    verdict = i18n.t("check.verdict-clean" if not run.findings else "check.verdict-findings")
    text = i18n.t(
        "check.summary",
        files=run.files,
        errors=run.count("error"),
        warnings=run.count("warning"),
    )
    return f"{text}{' (' + detail + ')' if detail else ''}. {verdict}"


def render_json(run: CheckRun) -> str:
    document = {
        "findings": [f.as_dict() for f in run.findings],
        "summary": {
            "files": run.files,
            "errors": run.count("error"),
            "warnings": run.count("warning"),
            "by_check": dict(sorted(Counter(f.check for f in run.findings).items())),
            "checks": run.checks,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
