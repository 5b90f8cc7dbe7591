"""The ten checks on the demo registry and on planted defects, in both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def check(reg: Path, *args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(app, ["--registry", str(reg), "check", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def codes(doc: dict[str, object]) -> set[tuple[str, str]]:
    return {(f["agency"], f["code"]) for f in doc["findings"]}  # type: ignore[index,union-attr]


def test_demo_registry_findings_are_pinned() -> None:
    code, doc = check(ROOT / "registry")
    assert code == 1
    found = codes(doc)
    assert ("kaltara-setda", "witnesses-missing") in found
    assert ("kaltara-diskominfo", "commitments-missing") in found
    assert ("kecamatan-tenayan-raya", "witnesses-missing") in found
    assert ("pemprov-kalbar", "coverage-incomplete") in found
    assert not any(agency == "pekanbaru-bkpsdm" and c != "coverage-unsigned" for agency, c in found)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "registry", tmp_path / "reg")
    return tmp_path / "reg"


def test_removing_a_checklist_item_removes_its_findings(demo: Path) -> None:
    settings = demo / "pledgectl.toml"
    text = settings.read_text("utf-8")
    start = text.index('[[checklist]]\nid = "neutral-conduct"')
    settings.write_text(text[:start] + text[start:].split("\n\n", 1)[1], "utf-8")
    _, doc = check(demo)
    assert ("kaltara-diskominfo", "commitments-missing") not in codes(doc)


def test_planted_defects_at_their_lines(demo: Path) -> None:
    path = demo / "agencies" / "pekanbaru-bkpsdm.toml"
    text = path.read_text("utf-8")
    text = text.replace('institution = "KPU"', 'institution = "KPK"', 1)
    text = text.replace("date = 2023-11-29", "date = 2024-03-01", 1)
    path.write_text(text, "utf-8")
    _, doc = check(demo, "pekanbaru-bkpsdm")
    found = {(f["code"], f["line"]) for f in doc["findings"]}  # type: ignore[index]
    lines = text.splitlines()
    kpk_line = next(i for i, line in enumerate(lines, 1) if 'institution = "KPK"' in line)
    date_line = next(i for i, line in enumerate(lines, 1) if "date = 2024-03-01" in line)
    assert ("witnesses-unknown", kpk_line) in found
    assert ("dates-late-declaration", date_line) in found
    assert any(code == "witnesses-missing" for code, _ in found)


def test_text_report_in_indonesian_and_fail_on(demo: Path) -> None:
    result = CliRunner().invoke(app, ["--registry", str(demo), "--lang", "id", "check"])
    assert result.exit_code == 1 and "tidak ada saksi dari KPU" in result.stdout
    assert "Kesimpulan: belum lengkap." in result.stdout
    ok = CliRunner().invoke(app, ["--registry", str(demo), "check", "pekanbaru-bkpsdm"])
    assert ok.exit_code == 0
    strict = CliRunner().invoke(
        app, ["--registry", str(demo), "check", "pekanbaru-bkpsdm", "--fail-on", "warning"]
    )
    assert strict.exit_code == 1


def test_policy_turns_a_check_off(demo: Path) -> None:
    settings = demo / "pledgectl.toml"
    settings.write_text(
        settings.read_text("utf-8").replace(
            'duplicates = "warning"', 'duplicates = "warning"\nwitnesses = "off"\ncoverage = "off"'
        ),
        "utf-8",
    )
    _, doc = check(demo)
    assert not any(f["check"] in ("witnesses", "coverage") for f in doc["findings"])  # type: ignore[index,union-attr]


def test_duplicates_reported_on_both_sides(demo: Path) -> None:
    a = demo / "agencies" / "pekanbaru-bkpsdm.toml"
    b = demo / "agencies" / "kecamatan-tenayan-raya.toml"
    nip = a.read_text("utf-8").split('nip = "')[1].split('"')[0]
    b.write_text(
        b.read_text("utf-8")
        + f'\n[[roster]]\nnip = "{nip}"\nname = "Orang Lain"\nstatus = "PNS"\n',
        "utf-8",
    )
    _, doc = check(demo, "--only", "duplicates")
    agencies = {f["agency"] for f in doc["findings"] if f["code"] == "duplicates-name"}  # type: ignore[index,union-attr]
    assert agencies == {"pekanbaru-bkpsdm", "kecamatan-tenayan-raya"}
