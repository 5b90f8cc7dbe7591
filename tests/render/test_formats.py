"""The format registry, and the GitLab Code Quality report (DESIGN.md 6.6)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.cli.check import CHECK_FORMATS
from pledgectl.core.findings import Finding
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import FORMATS, render
from pledgectl.render.check.gitlab import fingerprint

CORPUS = Path(__file__).resolve().parents[1] / "registries"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "pledgectl.toml").is_file())
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check(root: Path, *args: str, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--registry", str(root), "--lang", lang, "check", *args])
    return result.exit_code, result.stdout


def test_every_registered_format_is_one_module_and_the_cli_offers_it() -> None:
    assert tuple(FORMATS) == CHECK_FORMATS
    for name, module in FORMATS.items():
        assert callable(importlib.import_module(f"pledgectl.render.check.{module}").render), name
        code, out = check(CORPUS / "valid-complete", "--format", name)
        assert code == 0 and out, name


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_gitlab_report_has_what_gitlab_reads(folder: Path) -> None:
    code, out = check(folder, "--format", "gitlab")
    _, doc = check(folder, "--format", "json")
    findings = json.loads(doc)["findings"]
    issues = json.loads(out)
    assert isinstance(issues, list) and len(issues) == len(findings)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    for issue, finding in zip(issues, findings, strict=True):
        assert issue["description"].startswith(finding["message"])
        assert issue["check_name"] == f"{finding['check']}/{finding['code']}"
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["severity"] == (
            "blocker"
            if finding["check"] == "parse"
            else "critical"
            if finding["severity"] == "error"
            else "minor"
        )
        assert issue["location"]["path"] == finding["file"]
        assert issue["location"]["lines"]["begin"] == (finding["line"] or 1)
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)  # unique within a report


def test_gitlab_fingerprints_are_stable_across_runs_languages_and_lines(tmp_path: Path) -> None:
    folder = CORPUS / "nip-birth"
    _, first = check(folder, "--format", "gitlab")
    _, again = check(folder, "--format", "gitlab", lang="id")
    ours = [i["fingerprint"] for i in json.loads(first)]
    assert ours == [i["fingerprint"] for i in json.loads(again)]
    assert [i["description"] for i in json.loads(first)] != [
        i["description"] for i in json.loads(again)
    ]
    finding = Finding("x-code", "nip", "error", "a", "a.toml", 10, nip="1", params={"x": "1"})
    assert fingerprint(finding) == fingerprint(finding._replace(line=12))  # a line moved
    assert fingerprint(finding) != fingerprint(finding._replace(nip="2"))
    twins = render("gitlab", CheckRun([finding, finding], 1, ["nip"]))
    a, b = (i["fingerprint"] for i in json.loads(twins))
    assert a != b and a == fingerprint(finding)
