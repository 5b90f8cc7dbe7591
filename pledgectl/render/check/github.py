"""``--format github``: GitHub workflow annotations, one per finding, then the summary.

``::error file=…,line=…,col=…,title=…::message``, escaped as the runner expects.
"""

from __future__ import annotations

from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options
from pledgectl.render.check.summary import hint_label, summary_lines


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: CheckRun, options: Options) -> str:
    out: list[str] = []
    for finding in run.findings:
        level = "error" if finding.severity == "error" else "warning"
        props = []
        if finding.file:
            props.append(f"file={_property(finding.file)}")
        if finding.line:
            props.append(f"line={finding.line}")
            if finding.col:
                props.append(f"col={finding.col}")
        title = f"{finding.check} [{finding.code}] {finding.agency or ''}".strip()
        props.append(f"title={_property(title)}")
        message = finding.message()
        hint = finding.hint()
        if hint:
            message += f"\n{hint_label()}: {hint}"
        out.append(f"::{level} {','.join(props)}::{_data(message)}")
    out.extend(summary_lines(run, options._replace(quiet=False)))
    return "\n".join(out) + "\n"
