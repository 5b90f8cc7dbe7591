"""``--format json``: every finding (one per person for a coverage shortfall) and a summary."""

from __future__ import annotations

import json
from collections import Counter

from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options
from pledgectl.render.check.summary import verdict


def render(run: CheckRun, options: Options) -> str:
    state = verdict(run, options.assessed)
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
            "verdict": state.name,
            "verdict_message": state.message(),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
