"""Renderers of a check run: the same findings as text, JSON, GitHub annotations or JUnit XML.

Text follows hledger's manner: ``file:line:col``, the offending line with a
marker under it, what is wrong, then how to fix it; grouped by agency and
ending with counts per check, complete and incomplete agencies and a verdict.
Every renderer is a pure function of the :class:`CheckRun` (and of the
agency files, re-read only for the lines a finding points at).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from pledgectl.checks import CheckRun
from pledgectl.core import i18n
from pledgectl.core.findings import SEVERITY_RANK, Finding
from pledgectl.core.i18n import N_

# Findings that make an agency incomplete, beyond errors against its declarations.
_INCOMPLETE_CODES = ("coverage-incomplete",)

SEVERITY = {"error": N_("error"), "warning": N_("warning")}
_VERDICTS = {
    "findings": N_("Verdict: not complete."),
    "warnings": N_("Verdict: complete, with warnings."),
    "clean": N_("Verdict: complete and valid."),
}


class Verdict(NamedTuple):
    """How many agencies are complete, when completeness was assessed in this run."""

    files: int
    incomplete: int | None  # None: the coverage check did not run
    errors: int
    warnings: int

    @property
    def complete(self) -> int | None:
        return None if self.incomplete is None else self.files - self.incomplete

    @property
    def verdict(self) -> str:
        """``findings``, ``warnings`` or ``clean`` (the JSON's ``verdict``)."""
        if self.errors or self.incomplete:
            return "findings"
        return "warnings" if self.warnings else "clean"

    @property
    def key(self) -> str:
        return _VERDICTS[self.verdict]


def verdict(run: CheckRun, assessed: bool | None = None) -> Verdict:
    """Complete and incomplete agencies from the findings (a file that cannot be read is incomplete).

    ``assessed`` says whether completeness was checked (the ``coverage``
    check ran and is not off); by default, whether it is among the run's checks.
    """
    if assessed is None:
        assessed = "coverage" in run.checks
    incomplete: int | None = None
    if assessed:
        files = {
            f.file
            for f in run.findings
            if f.code in _INCOMPLETE_CODES or (f.check == "parse" and f.severity == "error")
        }
        incomplete = len(files)
    return Verdict(run.files, incomplete, run.count("error"), run.count("warning"))


# -- text ---------------------------------------------------------------------


class _Lines:
    """The lines of the files findings point at, each file read once, on demand."""

    def __init__(self) -> None:
        self.files: dict[str, list[str] | None] = {}

    def get(self, file: str | None, line: int | None) -> str | None:
        if not file or not line:
            return None
        if file not in self.files:
            try:
                text = Path(file).read_bytes().decode("utf-8", errors="replace")
                self.files[file] = text.splitlines()
            except OSError:
                self.files[file] = None
        lines = self.files[file]
        if lines is None or line > len(lines):
            return None
        return lines[line - 1].lstrip("\ufeff")


def _expand(text: str) -> str:
    return text.replace("\t", "    ")


def _marker(source: str, col: int | None) -> str:
    """A caret at ``col``, or a line of carets under the content of ``source``."""
    shown = _expand(source)
    if col:
        prefix = _expand(source[: col - 1])
        return " " * len(prefix) + "^"
    stripped = shown.rstrip()
    start = len(shown) - len(shown.lstrip())
    # under a key's value rather than the whole line: "key = value"
    if not stripped.lstrip().startswith("[") and "=" in stripped:
        value_at = stripped.index("=") + 1
        value_at += len(stripped[value_at:]) - len(stripped[value_at:].lstrip())
        if value_at < len(stripped):
            start = value_at
    return " " * start + "^" * max(1, len(stripped) - start)


def _first_col(source: str) -> int:
    return len(source) - len(source.lstrip()) + 1


def excerpt(finding: Finding, lines: _Lines) -> list[str]:
    """The offending line with a marker under it, and the record's first key for context."""
    source = lines.get(finding.file, finding.line)
    if source is None or finding.line is None:
        return []
    number = str(finding.line)
    gutter = " " * len(number)
    out = [
        f"{gutter} |",
        f"{number} | {_expand(source)}",
        f"{gutter} | {_marker(source, finding.col)}",
    ]
    if source.lstrip().startswith("["):
        following = lines.get(finding.file, finding.line + 1)
        if following is not None and following.strip() and not following.lstrip().startswith("["):
            next_number = str(finding.line + 1).rjust(len(number))
            out.append(f"{next_number} | {_expand(following)}")
    return out


def _location(finding: Finding, lines: _Lines) -> str:
    """``file:line:col``; the column is where the line's content starts when the check knows none."""
    if finding.line and not finding.col:
        source = lines.get(finding.file, finding.line)
        if source is not None:
            return f"{finding.file}:{finding.line}:{_first_col(source)}"
    return finding.location()


def render_text(run: CheckRun, assessed: bool | None = None) -> str:
    """Findings grouped by agency, each in the hledger manner, then the summary."""
    lines = _Lines()
    out: list[str] = []
    for agency, findings in _by_agency(run.findings, run.registries > 1):
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = len(findings) - errors
        if out:
            out.append("")
        out.append(
            "== "
            + i18n.t(
                "{agency}: {errors} error(s), {warnings} warning(s)",
                agency=agency,
                errors=errors,
                warnings=warnings,
            )
        )
        for finding in findings:
            out.append("")
            severity = i18n.t(SEVERITY[finding.severity])
            out.append(f"{_location(finding, lines)}: {severity} [{finding.code}]")
            out.extend(excerpt(finding, lines))
            out.append(finding.message())
            hint = finding.hint()
            if hint:
                out.append(i18n.t("hint") + f": {hint}")
    if out:
        out.append("")
    out.extend(summary_lines(run, assessed))
    return "\n".join(out) + "\n"


def agency_label(agency: str, file: str | None, by_registry: bool) -> str:
    """An agency as reports head it: its id, and which registry when a run spans several.

    ``file`` is the finding's path as shown, ``<registry>/agencies/<id>.toml``.
    """
    if not by_registry or not file:
        return agency
    return f"{agency} ({os.path.dirname(os.path.dirname(file)) or '.'})"


def _by_agency(findings: Iterable[Finding], by_registry: bool) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        label = agency_label(finding.agency or "?", finding.file, by_registry)
        groups.setdefault(label, []).append(finding)
    return list(groups.items())


def summary_lines(run: CheckRun, assessed: bool | None = None) -> list[str]:
    """Counts per check, complete and incomplete agencies, and the verdict."""
    out: list[str] = []
    per_check = _per_check(run.findings)
    if per_check:
        out.append(i18n.t("Findings per check:"))
        width = max(len(name) for name in per_check)
        for name, (errors, warnings) in per_check.items():
            out.append(
                "  "
                + name.ljust(width)
                + "  "
                + i18n.t(
                    "{errors} error(s), {warnings} warning(s)", errors=errors, warnings=warnings
                )
            )
    state = verdict(run, assessed)
    out.append(summary_line(run))
    if state.incomplete is not None:
        out.append(
            i18n.t(
                "Agencies: {total} checked, {complete} complete, {incomplete} incomplete.",
                total=state.files,
                complete=state.complete,
                incomplete=state.incomplete,
            )
        )
    else:
        out.append(
            i18n.t(
                "Agencies: {total} checked; completeness not assessed (the coverage check did not run).",
                total=state.files,
            )
        )
    out.append(i18n.t(state.key))
    return out


def _per_check(findings: Iterable[Finding]) -> dict[str, tuple[int, int]]:
    from pledgectl.checks import CHECK_NAMES

    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for f in findings:
        (errors if f.severity == "error" else warnings)[f.check] += 1
    names = [n for n in CHECK_NAMES if errors[n] or warnings[n]]
    names += sorted((set(errors) | set(warnings)) - set(names))
    return {n: (errors[n], warnings[n]) for n in names}


def summary_line(run: CheckRun) -> str:
    """One line: files checked, errors and warnings."""
    text = i18n.t(
        "{files} agency file(s) checked: {errors} error(s), {warnings} warning(s)",
        files=run.files,
        errors=run.count("error"),
        warnings=run.count("warning"),
    )
    return text + "."


# -- JSON ---------------------------------------------------------------------


def render_json(run: CheckRun, assessed: bool | None = None) -> str:
    state = verdict(run, assessed)
    document = {
        "findings": [f.as_dict() for f in run.findings],
        "summary": {
            "files": run.files,
            "errors": run.count("error"),
            "warnings": run.count("warning"),
            "by_check": dict(sorted(Counter(f.check for f in run.findings).items())),
            "checks": run.checks,
            "agencies": {
                "total": state.files,
                "complete": state.complete,
                "incomplete": state.incomplete,
            },
            "verdict": state.verdict,
            "verdict_message": i18n.t(state.key),
        },
    }
    import json  # here: the text report, the usual one, does without it

    return json.dumps(document, ensure_ascii=False, indent=2)


# -- GitHub workflow annotations ---------------------------------------------


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(run: CheckRun, assessed: bool | None = None) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` per finding, then the summary."""
    out: list[str] = []
    for finding in run.findings:
        level = "error" if finding.severity == "error" else "warning"
        props = []
        if finding.file:
            props.append(f"file={_gh_property(finding.file)}")
        if finding.line:
            props.append(f"line={finding.line}")
            if finding.col:
                props.append(f"col={finding.col}")
        title = f"{finding.check} [{finding.code}] {finding.agency or ''}".strip()
        props.append(f"title={_gh_property(title)}")
        message = finding.message()
        hint = finding.hint()
        if hint:
            message += "\n" + i18n.t("hint") + f": {hint}"
        out.append(f"::{level} {','.join(props)}::{_gh_data(message)}")
    out.extend(summary_lines(run, assessed))
    return "\n".join(out) + "\n"


# -- JUnit XML ------------------------------------------------------------------


def render_junit(
    run: CheckRun,
    agencies: Sequence[str] = (),
    fail_on: str = "error",
    assessed: bool | None = None,
) -> str:
    """One ``testsuite`` per agency, one ``testcase`` per check; findings at or above
    ``fail_on`` are ``failure`` elements, the others go to ``system-out``."""
    import xml.etree.ElementTree as ET

    threshold = SEVERITY_RANK[fail_on]
    grouped = dict(_by_agency(run.findings, run.registries > 1))
    names = list(dict.fromkeys([*agencies, *grouped]))
    root = ET.Element("testsuites", name="pledgectl check")
    total_tests = total_failures = 0
    for agency in names:
        findings = grouped.get(agency, [])
        suite = ET.SubElement(root, "testsuite", name=agency)
        failures = 0
        files = {f.file for f in findings if f.file}
        for check in run.checks:
            case = ET.SubElement(suite, "testcase", classname=f"pledgectl.{agency}", name=check)
            mine = [f for f in findings if f.check == check]
            if len(files) == 1:
                case.set("file", next(iter(files)))
            failing = [f for f in mine if SEVERITY_RANK.get(f.severity, 0) >= threshold]
            other = [f for f in mine if f not in failing]
            if failing:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=failing[0].code,
                    message=i18n.t(
                        "{count} finding(s) of the {check} check", count=len(failing), check=check
                    ),
                )
                failure.text = "\n".join(_junit_line(f) for f in failing)
            if other:
                ET.SubElement(case, "system-out").text = "\n".join(_junit_line(f) for f in other)
        suite.set("tests", str(len(run.checks)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(run.checks)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _junit_line(finding: Finding) -> str:
    severity = i18n.t(SEVERITY[finding.severity])
    line = f"{finding.location()}: {severity} [{finding.code}] {finding.message()}"
    hint = finding.hint()
    return f"{line} (" + i18n.t("hint") + f": {hint})" if hint else line
