"""The ``tests/registries`` corpus: each folder a tiny registry and the findings it must give.

Every folder is checked in both languages and must give exactly the findings
in its ``expected.toml`` (check, code, agency, line, severity): a planted
defect is found at its line, and nothing else is. Folders named ``valid-*``
expect none. Each is also run through the CLI in every format.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.checks import CHECK_NAMES
from pledgectl.cli.app import app
from pledgectl.core import i18n
from pledgectl.core.registry import Registry
from pledgectl.engine.runner import run_checks

CORPUS = Path(__file__).resolve().parents[1] / "registries"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "pledgectl.toml").is_file())
TODAY = dt.date(2025, 6, 1)

Expected = list[tuple[str, str, str, int, str]]


def expected(folder: Path) -> Expected:
    data = tomllib.loads((folder / "expected.toml").read_text("utf-8"))
    return sorted(
        (f["check"], f["code"], f["agency"], f["line"], f["severity"]) for f in data["findings"]
    )


def found(folder: Path) -> Expected:
    run = run_checks(Registry(folder), today=TODAY)
    return sorted((f.check, f.code, f.agency or "", f.line or 0, f.severity) for f in run.findings)


def test_the_corpus_covers_every_check() -> None:
    checks = {item[0] for folder in FOLDERS for item in expected(folder)}
    assert checks == set(CHECK_NAMES)
    assert any(folder.name.startswith("valid-") for folder in FOLDERS)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_findings_exactly_as_expected(folder: Path, lang: str) -> None:
    i18n.set_lang(lang)
    assert found(folder) == expected(folder)
    if folder.name.startswith("valid-"):
        assert expected(folder) == []


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_message_is_rendered_in_the_language(folder: Path, lang: str) -> None:
    i18n.set_lang(lang)
    for finding in run_checks(Registry(folder), today=TODAY).findings:
        text = finding.message()
        assert text and not text.startswith("finding."), finding
        assert "{" not in text, text
        if finding.hint() is not None:
            assert "{" not in (finding.hint() or "")
        both = i18n.both(finding.msgid, **finding.params)
        assert both["en"] != both["id"], finding.code


def _cli(folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--registry", str(folder), "check", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_format_points_at_the_same_lines(folder: Path) -> None:
    want = expected(folder)
    errors = any(sev == "error" for *_, sev in want)
    code, out = _cli(folder, "--format", "json")
    assert code == (1 if errors else 0)
    doc = json.loads(out)
    assert (
        sorted(
            (f["check"], f["code"], f["agency"], f["line"], f["severity"]) for f in doc["findings"]
        )
        == want
    )
    for finding in doc["findings"]:
        assert finding["file"] and finding["messages"]["en"] and finding["messages"]["id"]

    _, github = _cli(folder, "--format", "github")
    annotations = [line for line in github.splitlines() if line.startswith("::")]
    assert len(annotations) == len(want)
    for _check, code_, _agency, line, severity in want:
        assert any(
            a.startswith(f"::{severity} ") and f"line={line}," in a and f"[{code_}]" in a
            for a in annotations
        ), (code_, line)

    _, junit = _cli(folder, "--format", "junit")
    root = ET.fromstring(junit)
    failing = {
        (suite.get("name"), case.get("name"))
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
        if case.find("failure") is not None
    }
    assert failing == {(agency, check) for check, _, agency, _, sev in want if sev == "error"}

    _, text = _cli(folder)
    for _check, code_, _agency, line, _sev in want:
        assert f"[{code_}]" in text
        if code_ == "coverage-unsigned":  # one block per agency, a short line per person
            assert f"\n  {line}: " in text
        else:
            assert f".toml:{line}:" in text
