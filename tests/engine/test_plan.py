"""The plan: checks the policy turns off never run; coverage judges from the findings."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from pledgectl.checks.base import Check, Context
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.registry import Registry
from pledgectl.engine import plan as plan_mod
from pledgectl.engine.plan import Plan
from pledgectl.engine.runner import run_checks

CORPUS = Path(__file__).resolve().parents[1] / "registries"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "pledgectl.toml").is_file())
TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_coverage_alone_judges_as_the_full_run(folder: Path) -> None:
    """``--only coverage`` runs the declaration checks hidden: same coverage findings."""
    full = run_checks(Registry(folder), today=TODAY, use_cache=False, jobs=1).findings
    alone = run_checks(
        Registry(folder), only=["coverage"], today=TODAY, use_cache=False, jobs=1
    ).findings
    assert alone == [f for f in full if f.check == "coverage"]


def test_hidden_checks_are_listed_and_off_checks_are_not_loaded() -> None:
    registry = Registry(CORPUS / "policy-off")
    off = {n for n, level in registry.settings.policy.checks.items() if level == "off"}
    assert off, "the policy-off registry turns something off"
    plan = Plan(registry.settings, ["coverage"])
    ran = {c.name for c in [*plan.file_checks, *plan.judging]}
    assert plan.shown == (["coverage"] if "coverage" not in off else [])
    assert not ran & off
    assert plan.hidden == ran - {"coverage"}


class _Exploding(Check):
    name = "nip"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        raise AssertionError("a check the policy turns off must not run")


def test_a_check_turned_off_is_never_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "nip-birth", root)
    settings = root / "pledgectl.toml"
    text = settings.read_text("utf-8")
    marker = 'duplicates = "warning"\n'
    assert marker in text
    settings.write_text(text.replace(marker, marker + 'nip = "off"\n'), "utf-8")
    real = plan_mod.load_check
    monkeypatch.setattr(
        plan_mod, "load_check", lambda name: _Exploding() if name == "nip" else real(name)
    )
    found = run_checks(Registry(root), today=TODAY, use_cache=False, jobs=1).findings
    assert not [f for f in found if f.check == "nip"]
    assert not [f for f in found if f.code == "coverage-incomplete"]  # nip's error no longer counts
