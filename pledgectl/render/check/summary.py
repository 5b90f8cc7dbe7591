"""What every format of a check run shares: the verdict, the summary lines, agency labels.

The verdict speaks only of what was assessed (DESIGN.md 6.7): when the
``coverage`` check did not run (``--only`` left it out, or the policy turns it
off) completeness was not judged, and the summary says so and nothing more.
When it was judged, the agency counts and the verdict agree: an agency is
incomplete when it has no complete declaration for an election in scope (a
``coverage-incomplete`` finding) or its file cannot be read; error findings
that leave every agency complete make the verdict "complete, with errors".
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from pledgectl.checks import CHECK_NAMES
from pledgectl.core.findings import Finding
from pledgectl.core.i18n import N_, _, get_lang, t, tn
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options

# Findings that make an agency incomplete, beyond errors against its declarations.
INCOMPLETE_CODES = ("coverage-incomplete",)

SEVERITY = {"error": N_("error"), "warning": N_("warning")}
VERDICTS = {
    "clean": N_("Verdict: complete and valid."),
    "warnings": N_("Verdict: complete, with warnings."),
    "errors": N_("Verdict: complete, with errors."),
    "findings": N_("Verdict: not complete."),
    "not-assessed": N_("Completeness not assessed: the coverage check did not run."),
}


class Verdict(NamedTuple):
    """How many agencies are complete, when completeness was assessed in this run."""

    files: int
    incomplete: int | None  # None: completeness not assessed
    errors: int
    warnings: int

    @property
    def complete(self) -> int | None:
        return None if self.incomplete is None else self.files - self.incomplete

    @property
    def name(self) -> str:
        """``not-assessed``, ``findings`` (not complete), ``errors``, ``warnings`` or ``clean``."""
        if self.incomplete is None:
            return "not-assessed"
        if self.incomplete:
            return "findings"
        if self.errors:
            return "errors"
        return "warnings" if self.warnings else "clean"

    def message(self) -> str:
        return _(VERDICTS[self.name])


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
            if f.code in INCOMPLETE_CODES or (f.check == "parse" and f.severity == "error")
        }
        incomplete = len(files)
    return Verdict(run.files, incomplete, run.count("error"), run.count("warning"))


def severity_word(severity: str) -> str:
    return _(SEVERITY.get(severity, severity))


def hint_label() -> str:
    return _("hint")


def agency_label(agency: str, file: str | None, by_registry: bool) -> str:
    """An agency as reports head it: its id, and which registry when a run spans several.

    ``file`` is the finding's path as shown, ``<registry>/agencies/<id>.toml``.
    """
    if not by_registry or not file:
        return agency
    return f"{agency} ({os.path.dirname(os.path.dirname(file)) or '.'})"


def by_agency(findings: Iterable[Finding], by_registry: bool) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        label = agency_label(finding.agency or "?", finding.file, by_registry)
        groups.setdefault(label, []).append(finding)
    return list(groups.items())


def per_check(findings: Iterable[Finding]) -> dict[str, tuple[int, int]]:
    """Errors and warnings per check, in check order."""
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for f in findings:
        (errors if f.severity == "error" else warnings)[f.check] += 1
    names = [n for n in CHECK_NAMES if errors[n] or warnings[n]]
    names += sorted((set(errors) | set(warnings)) - set(names))
    return {n: (errors[n], warnings[n]) for n in names}


def percent(part: int, whole: int) -> str:
    """A share with one decimal, written as the reader's language writes it (``80,0`` in Indonesian)."""
    text = f"{100.0 * part / whole:.1f}" if whole else "0.0"
    return text.replace(".", ",") if get_lang() == "id" else text


def coverage_lines(run: CheckRun) -> list[str]:
    """One line per election in scope: the share of the roster covered, over the run."""
    out = []
    for election, (signed, roster) in run.coverage.items():
        if roster:
            out.append(
                t(
                    "Coverage of {election}: {percent}% ({signed} of {roster} roster members"
                    " signed a complete declaration).",
                    election=election,
                    percent=percent(signed, roster),
                    signed=signed,
                    roster=roster,
                )
            )
        else:
            out.append(t("Coverage of {election}: no roster recorded.", election=election))
    return out


def summary_lines(run: CheckRun, options: Options) -> list[str]:
    """Counts per check, files, agencies, coverage per election, and the verdict."""
    out: list[str] = []
    counts = per_check(run.findings)
    if counts:
        out.append(_("Findings per check:"))
        width = max(len(name) for name in counts)
        for name, (errors, warnings) in counts.items():
            row = counted(errors, warnings)
            out.append("  " + name.ljust(width) + "  " + row)
    state = verdict(run, options.assessed)
    if not options.quiet:
        out.append(summary_line(run))
    if state.incomplete is None:
        out.append(
            t(
                "Agencies: {total} checked; completeness not assessed"
                " (the coverage check did not run).",
                total=state.files,
            )
        )
        return out  # nothing more: the verdict would speak of what was not assessed
    out.append(
        t(
            "Agencies: {total} checked, {complete} complete, {incomplete} incomplete.",
            total=state.files,
            complete=state.complete,
            incomplete=state.incomplete,
        )
    )
    out.extend(coverage_lines(run))
    out.append(state.message())
    return out


def summary_line(run: CheckRun) -> str:
    """One line: files checked, errors and warnings."""
    text = tn(
        "1 agency file checked: {counts}",
        "{n} agency files checked: {counts}",
        run.files,
        counts=counted(run.count("error"), run.count("warning")),
    )
    return text + "."


def counted(errors: int, warnings: int) -> str:
    """``2 errors, 1 warning`` in the current language."""
    return t(
        "{errors}, {warnings}",
        errors=tn("1 error", "{n} errors", errors),
        warnings=tn("1 warning", "{n} warnings", warnings),
    )
