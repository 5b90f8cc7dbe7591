"""``--format text``: findings grouped by agency in hledger's manner, then the summary.

Each finding: ``file:line:col: severity [code]``, the offending line with a
marker under it, what is wrong, then how to fix it. Several findings on one
line share one excerpt. A coverage shortfall (``coverage-unsigned``) is one
block per agency and election: how many and what share first, then one short
line per person. Hints wrap on words at the terminal's width (100 columns
when the output is not a terminal). ``--quiet`` prints the summary only.
"""

from __future__ import annotations

import shutil
import textwrap

from pledgectl.core.findings import Finding
from pledgectl.core.i18n import t, tn
from pledgectl.core.lines import FileLines
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options
from pledgectl.render.check.summary import (
    by_agency,
    counted,
    hint_label,
    percent,
    severity_word,
    summary_lines,
)

BLOCK_CODES = ("coverage-unsigned",)  # one block per agency and election, not one per person
WIDTH = 100  # when the output is not a terminal


def render(run: CheckRun, options: Options) -> str:
    out: list[str] = []
    if not options.quiet:
        lines = FileLines()
        width = shutil.get_terminal_size((WIDTH, 24)).columns
        for agency, findings in by_agency(run.findings, run.registries > 1):
            errors = sum(1 for f in findings if f.severity == "error")
            warnings = len(findings) - errors
            if out:
                out.append("")
            out.append(
                "== " + t("{agency}: {counts}", agency=agency, counts=counted(errors, warnings))
            )
            out.extend(_agency_findings(findings, lines, width))
        if out:
            out.append("")
    out.extend(summary_lines(run, options))
    return "\n".join(out) + "\n"


def _agency_findings(findings: list[Finding], lines: FileLines, width: int) -> list[str]:
    out: list[str] = []
    blocks: dict[tuple[str | None, str], list[Finding]] = {}
    for f in findings:
        if f.code in BLOCK_CODES:
            blocks.setdefault((f.file, f.params.get("election", "")), []).append(f)
    shown: set[tuple[str | None, str]] = set()
    last_line: tuple[str | None, int | None] | None = None
    for finding in findings:
        if finding.code in BLOCK_CODES:
            key = (finding.file, finding.params.get("election", ""))
            if key not in shown:
                shown.add(key)
                out.append("")
                out.extend(_block(blocks[key], lines, width))
            last_line = None
            continue
        here = (finding.file, finding.line)
        if here != last_line or not finding.line:
            out.append("")
            out.append(f"{_location(finding, lines)}: {_head(finding)}")
            out.extend(excerpt(finding, lines))
        else:  # the same line as the finding above: its excerpt serves both
            out.append(_head(finding))
        last_line = here
        out.append(finding.message())
        out.extend(_hint(finding, width))
    return out


def _head(finding: Finding) -> str:
    return f"{severity_word(finding.severity)} [{finding.code}]"


def _hint(finding: Finding, width: int) -> list[str]:
    hint = finding.hint()
    if not hint:
        return []
    label = f"{hint_label()}: "
    return textwrap.wrap(
        label + hint,
        width=max(40, width - 1),
        subsequent_indent=" " * len(label),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _block(findings: list[Finding], lines: FileLines, width: int) -> list[str]:
    """A coverage shortfall: count and share first, then one short line per person."""
    first = findings[0]
    roster = int(first.params.get("roster", "0") or 0)
    signed = int(first.params.get("signed", "0") or 0)
    out = [
        f"{first.file}: {_head(first)}",
        tn(
            "{n} roster member signed no complete declaration for {election}"
            " ({percent}% of {roster} covered):",
            "{n} roster members signed no complete declaration for {election}"
            " ({percent}% of {roster} covered):",
            len(findings),
            election=first.params.get("election", "?"),
            percent=percent(signed, roster),
            roster=roster,
        ),
    ]
    for f in findings:
        who = f.params.get("name", "?")
        if f.nip:
            who += f" ({f.nip})"
        out.append(f"  {f.line or '?'}: {who}")
    out.extend(_hint(first, width))
    return out


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


def excerpt(finding: Finding, lines: FileLines) -> list[str]:
    """The offending line with a marker under it, and the record's first key for context."""
    source = lines.text(finding.file, finding.line)
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
        following = lines.text(finding.file, finding.line + 1)
        if following is not None and following.strip() and not following.lstrip().startswith("["):
            next_number = str(finding.line + 1).rjust(len(number))
            out.append(f"{next_number} | {_expand(following)}")
    return out


def _location(finding: Finding, lines: FileLines) -> str:
    """``file:line:col``; the column is where the line's content starts when the check knows none."""
    if finding.line and not finding.col:
        source = lines.text(finding.file, finding.line)
        if source is not None:
            return f"{finding.file}:{finding.line}:{_first_col(source)}"
    return finding.location()
