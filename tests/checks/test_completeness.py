"""Completeness as DESIGN.md defines it, and checks that never raise on mistyped data."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pledgectl.checks import CHECK_NAMES
from pledgectl.checks.base import Context
from pledgectl.checks.completeness import agency_state, declaration_state
from pledgectl.core.reader import AgencyFile, read_agency
from pledgectl.core.registry import Registry
from pledgectl.engine.plan import Plan, check_file, file_state
from pledgectl.engine.runner import run_checks

CORPUS = Path(__file__).resolve().parents[1] / "registries"
TODAY = dt.date(2025, 6, 1)


def data_of(name: str, agency: str = "dinas-a") -> dict[str, Any]:
    return tomllib.loads((CORPUS / name / "agencies" / f"{agency}.toml").read_text("utf-8"))


def state(name: str) -> Any:
    registry = Registry(CORPUS / name)
    af = read_agency(registry.agency_path("dinas-a"))
    return file_state(af, Context(registry, registry.settings, TODAY))


def test_complete_declaration_and_coverage_with_one_decimal() -> None:
    s = state("coverage-unsigned")
    assert s.complete_for == {"pemilu-2024": True} and s.complete
    assert s.coverage("pemilu-2024") == 66.7 and s.unsigned("pemilu-2024") == [2]


@pytest.mark.parametrize(
    "name",
    [
        "nip-gender",
        "dates-late-declaration",
        "ids-unknown-kind",
        "schema-type",
        "signatories-twice",
    ],
)
def test_an_error_finding_makes_the_declaration_incomplete(name: str) -> None:
    s = state(name)
    assert not s.complete and s.declarations[0].erroneous
    # the same data without the findings would have been complete
    settings = Registry(CORPUS / name).settings
    assert agency_state(data_of(name), settings).declarations[0].erroneous is False


def test_a_warning_does_not() -> None:
    assert state("policy-nip-warning").complete
    assert state("nip-status-mismatch").complete


def test_missing_parts_are_named() -> None:
    settings = Registry(CORPUS / "valid-complete").settings
    decl = data_of("witnesses-missing")["declarations"][0]
    d = declaration_state(decl, settings)
    assert d.missing_witnesses == ["KPU"] and d.witnesses_present == ["Bawaslu"]
    d = declaration_state(data_of("commitments-missing")["declarations"][0], settings)
    assert d.missing_commitments == ["neutral-conduct"]


def test_removing_a_checklist_item_needs_no_code(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "commitments-missing", root)
    before = {f.code for f in run_checks(Registry(root), today=TODAY).findings}
    assert before == {"commitments-missing", "coverage-incomplete"}
    settings = root / "pledgectl.toml"
    text = settings.read_text("utf-8")
    start = text.index('[[checklist]]\nid = "neutral-conduct"')
    end = text.index("# Elections a declaration")
    settings.write_text(text[:start] + text[end:], "utf-8")
    assert run_checks(Registry(root), today=TODAY).findings == []


def test_narrowing_the_checklist_keeps_a_declaration_complete(tmp_path: Path) -> None:
    """A commitment the checklist no longer has is a warning, never an incompleteness."""
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "valid-complete", root)
    assert run_checks(Registry(root), today=TODAY).findings == []
    settings = root / "pledgectl.toml"
    text = settings.read_text("utf-8")
    start = text.index('[[checklist]]\nid = "fair-service"')
    end = text.index('[[checklist]]\nid = "neutral-conduct"')
    settings.write_text(text[:start] + text[end:], "utf-8")
    registry = Registry(root)
    found = run_checks(registry, today=TODAY).findings
    assert [(f.code, f.severity, f.params["item"]) for f in found] == [
        ("commitments-unknown", "warning", "fair-service")
    ]
    s = file_state(read_agency(registry.agency_paths()[0]), Context(registry, registry.settings))
    assert s is not None and s.complete


def _mutations(value: Any, rnd: random.Random) -> Any:
    choices: list[Any] = [
        None,
        7,
        1.5,
        True,
        "x",
        [],
        {},
        [1, "a"],
        {"k": [None]},
        dt.date(2099, 1, 1),
    ]
    if isinstance(value, dict):
        out = dict(value)
        for key in list(out):
            if rnd.random() < 0.25:
                out[key] = rnd.choice(choices)
            else:
                out[key] = _mutations(out[key], rnd)
        return out
    if isinstance(value, list):
        return [_mutations(v, rnd) if rnd.random() > 0.2 else rnd.choice(choices) for v in value]
    return value


@pytest.mark.parametrize("seed", range(40))
def test_checks_never_raise_on_mistyped_data(seed: int) -> None:
    rnd = random.Random(seed)
    registry = Registry(CORPUS / "duplicates-roster")
    ctx = Context(registry, registry.settings, TODAY)
    plan = Plan(registry.settings, CHECK_NAMES)
    keys: dict[str, list[tuple[str, Any]]] = {c.name: [] for c in plan.keyed}
    for agency in ("dinas-a", "dinas-b"):
        original = read_agency(registry.agency_path(agency))
        assert original.data is not None
        af = AgencyFile(original.path, original.text, _mutations(original.data, rnd))
        _found, file_keys, _counts = check_file(af, ctx, plan)
        for name, got in file_keys.items():
            keys[name].append((str(af.path), got))
    for check in plan.keyed:
        list(check.finish_from(keys[check.name], ctx))
