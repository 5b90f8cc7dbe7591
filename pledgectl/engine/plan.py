"""What runs on each agency file, and the per-file step itself (in this process or a worker).

A :class:`Plan` is made once per run from the checks asked for and the policy:

* a check the policy turns ``off`` is not run at all (the one place that asks);
* a :class:`~pledgectl.checks.base.JudgingCheck` (``coverage``) needs the
  error findings of other checks on the same file: those run too, *hidden*
  when they were not asked for (``--only coverage``), their findings used to
  fault declarations and then dropped;
* a :class:`~pledgectl.checks.base.KeyedCheck` also gives the file's keys.

:func:`check_file` then gives one file's findings and keys;
:func:`file_state` is the same judgement for ``report``, one file at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from pledgectl.checks import CHECK_NAMES
from pledgectl.checks.base import Check, Context, Counts, JudgingCheck, KeyedCheck, load_check
from pledgectl.checks.completeness import (
    DECLARATION_CHECKS,
    AgencyState,
    agency_state,
    faulted_declarations,
)
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.settings import Settings


class Plan:
    """The checks of a run: shown ones, hidden ones a judging check needs, keyed ones."""

    def __init__(self, settings: Settings, names: Iterable[str]) -> None:
        off = {n for n in CHECK_NAMES if settings.policy.checks.get(n) == "off"}
        self.shown = [n for n in CHECK_NAMES if n in set(names) and n not in off]
        checks = {name: load_check(name) for name in self.shown}
        for check in list(checks.values()):
            if isinstance(check, JudgingCheck):
                for name in check.needs:
                    if name not in off and name not in checks:
                        checks[name] = load_check(name)
        ordered = [checks[n] for n in CHECK_NAMES if n in checks]
        self.file_checks: list[Check] = [c for c in ordered if not isinstance(c, JudgingCheck)]
        self.judging = [c for c in ordered if isinstance(c, JudgingCheck)]
        self.keyed = [c for c in ordered if isinstance(c, KeyedCheck) and c.name in self.shown]
        self.hidden = {c.name for c in ordered} - set(self.shown)


class FileResult(NamedTuple):
    findings: list[Finding]  # of the shown checks, in check order
    keys: dict[str, Any]  # check name -> the file's keys, for each keyed check
    counts: Counts  # what the judging checks count, to add up over the run


def check_file(af: AgencyFile, ctx: Context, plan: Plan) -> FileResult:
    """One file's findings, its keys and its counts."""
    found: list[Finding] = []
    hidden: list[Finding] = []
    for check in plan.file_checks:
        (hidden if check.name in plan.hidden else found).extend(check.check_file(af, ctx))
    keys = {check.name: check.file_keys(af) for check in plan.keyed}
    counts: Counts = {}
    for judge in plan.judging:
        faulted = faulted_declarations([*found, *hidden], judge.needs)
        found.extend(judge.judge_file(af, ctx, faulted, counts))
    return FileResult(found, keys, counts)


def add_counts(total: Counts, more: Counts) -> None:
    """Add ``more`` into ``total``, key by key and item by item."""
    for key, values in more.items():
        into = total.setdefault(key, [0] * len(values))
        for i, value in enumerate(values):
            into[i] += value


def file_state(
    af: AgencyFile, ctx: Context, elections: Iterable[str] | None = None, plan: Plan | None = None
) -> AgencyState | None:
    """A file's completeness as ``check`` judges it; None when it has no ``[agency]`` table.

    ``plan``: :func:`declaration_plan` of the settings, made once for many files.
    """
    if af.data is None or not isinstance(af.data.get("agency"), dict):
        return None
    plan = plan or declaration_plan(ctx.settings)
    found: list[Finding] = []
    for check in plan.file_checks:
        found.extend(check.check_file(af, ctx))
    return agency_state(af.data, ctx.settings, faulted_declarations(found), elections, af._extra)


def declaration_plan(settings: Settings) -> Plan:
    """The checks whose errors fault a declaration, as the policy has them."""
    return Plan(settings, DECLARATION_CHECKS)
