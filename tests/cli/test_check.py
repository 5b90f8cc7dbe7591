"""``pledgectl check`` through the CLI: formats, filters, exit codes, the text layout."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.checks import CHECK_NAMES
from pledgectl.cli.app import app
from pledgectl.core.findings import Finding
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import render

CORPUS = Path(__file__).resolve().parents[1] / "registries"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def reg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two agencies: one complete, one missing a KPU witness; the registry is the cwd."""
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "valid-two-agencies", root)
    path = root / "agencies" / "dinas-b.toml"
    text = path.read_text("utf-8")
    witness = '[[declarations.witnesses]]\ninstitution = "KPU"\nname = "Ketua KPU Kota"\n\n'
    assert witness in text
    path.write_text(text.replace(witness, ""), "utf-8")
    monkeypatch.chdir(root)
    return root


def test_text_is_hledger_like_grouped_and_summarised(reg: Path) -> None:
    code, out, _ = run("--registry", str(reg), "check")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "== dinas-b: 2 errors, 0 warnings"
    at = lines.index("agencies/dinas-b.toml:19:1: error [witnesses-missing]")
    assert lines[at + 1].strip() == "|"
    assert lines[at + 2] == "19 | [[declarations]]"
    assert lines[at + 3] == "   | ^^^^^^^^^^^^^^^^"
    assert lines[at + 4] == '20 | id = "ikrar-2023"'
    assert lines[at + 5] == "no witness from KPU"
    assert lines[at + 6].startswith("hint: ")
    assert "  witnesses  1 error, 0 warnings" in lines
    assert "Agencies: 2 checked, 1 complete, 1 incomplete." in lines
    assert lines[-1] == "Verdict: not complete."


def test_text_in_indonesian(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "--lang", "id", "check")
    assert "tidak ada saksi dari KPU" in out and "petunjuk: " in out
    assert "Instansi: 2 diperiksa, 1 lengkap, 1 belum lengkap." in out
    assert out.rstrip().endswith("Kesimpulan: belum lengkap.")


def test_agency_filter_only_and_fail_on(reg: Path) -> None:
    code, out, _ = run("--registry", str(reg), "check", "dinas-a")
    assert code == 0 and out.rstrip().endswith("Verdict: complete and valid.")
    code, out, _ = run("--registry", str(reg), "check", "--only", "commitments")
    assert code == 0 and "completeness not assessed" in out
    code, out, _ = run("--registry", str(reg), "check", "--only", "witnesses", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and {f["code"] for f in doc["findings"]} == {"witnesses-missing"}
    assert doc["summary"]["checks"] == ["witnesses"]


def test_warnings_fail_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "coverage-unsigned", root)
    code, out, _ = run("--registry", str(root), "check")
    assert code == 0 and "Verdict: complete, with warnings." in out
    code, _, _ = run("--registry", str(root), "check", "--fail-on", "warning")
    assert code == 1


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "xml"],
        ["check", "--only", "spelling"],
        ["check", "--fail-on", "info"],
    ],
)
def test_usage_errors_exit_2(reg: Path, args: list[str]) -> None:
    code, out, err = run("--registry", str(reg), *args)
    assert code == 2 and out == "" and "Traceback" not in err


def test_no_registry_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check")
    assert code == 2 and err


def test_json_summary(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "check", "--format", "json")
    summary = json.loads(out)["summary"]
    assert summary["agencies"] == {"total": 2, "complete": 1, "incomplete": 1}
    assert summary["verdict"] == "findings" and summary["errors"] == 2


def test_github_annotations(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "check", "--format", "github")
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=agencies/dinas-b.toml,line=3,title=coverage [coverage-incomplete] dinas-b::"
    )
    assert "%0Ahint: " in out


def test_github_escapes_data_and_properties() -> None:
    finding = Finding("x-y", "ids", "warning", "a", "dir,x/a:b.toml", 4, params={})
    out = render("github", CheckRun([finding], 1, ["ids"]))
    line = out.splitlines()[0]
    assert line.startswith("::warning file=dir%2Cx/a%3Ab.toml,line=4,title=ids [x-y] a::")


def test_junit_one_case_per_agency_and_check(reg: Path, tmp_path: Path) -> None:
    target = tmp_path / "junit.xml"
    code, out, err = run("--registry", str(reg), "check", "--format", "junit", "-o", str(target))
    assert code == 1 and out == "" and str(target) in err
    root = ET.fromstring(target.read_text("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"dinas-a", "dinas-b"}
    assert all(len(list(s.iter("testcase"))) == len(CHECK_NAMES) for s in suites.values())
    assert suites["dinas-a"].get("failures") == "0"
    failed = [
        c.get("name") for c in suites["dinas-b"].iter("testcase") if c.find("failure") is not None
    ]
    assert failed == ["witnesses", "coverage"]
    assert root.get("tests") == str(2 * len(CHECK_NAMES)) and root.get("failures") == "2"


def test_parse_error_points_at_line_and_column(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "parse-syntax", root)
    code, out, _ = run("--registry", str(root), "check")
    assert code == 1
    assert "agencies/dinas-a.toml:5:" in out or "dinas-a.toml:5:" in out
    assert "Agencies: 1 checked, 0 complete, 1 incomplete." in out


def test_a_broken_file_does_not_stop_the_others(reg: Path) -> None:
    (reg / "agencies" / "aaa.toml").write_bytes(b"\xff\xfe not text")
    code, out, _ = run("--registry", str(reg), "check", "--format", "json")
    doc = json.loads(out)
    agencies = {f["agency"] for f in doc["findings"]}
    assert {"aaa", "dinas-b"} <= agencies and code == 1


# -- several registries (a province over its kabupaten/kota) --------------------------------


@pytest.fixture
def members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two member registries side by side: one all complete, one with an incomplete agency."""
    complete, partial = tmp_path / "kota-a", tmp_path / "kab-b"
    shutil.copytree(CORPUS / "valid-two-agencies", complete)
    shutil.copytree(CORPUS / "valid-two-agencies", partial)
    for path in (partial / "agencies").iterdir():  # other people: other sequence numbers
        text = path.read_text("utf-8")
        for nip_ in OWN_NIPS:
            text = text.replace(nip_, nip_[:-2] + "1" + nip_[-1])
        path.write_text(text, "utf-8")
    path = partial / "agencies" / "dinas-b.toml"
    witness = '[[declarations.witnesses]]\ninstitution = "KPU"\nname = "Ketua KPU Kota"\n\n'
    path.write_text(path.read_text("utf-8").replace(witness, ""), "utf-8")
    monkeypatch.chdir(tmp_path)
    return complete, partial


OWN_NIPS = ("198503122010011002", "199001012015032001", "198707152012031003", "199205202019022002")


def test_check_over_several_registries_is_one_report(members: tuple[Path, Path]) -> None:
    code, out, _ = run("check", "--registry", "kota-a", "--registry", "kab-b")
    assert code == 1
    assert "kab-b/agencies/dinas-b.toml:19:1: error [witnesses-missing]" in out
    assert "kota-a/agencies" not in out  # the complete member has nothing to report
    assert "Agencies: 4 checked, 3 complete, 1 incomplete." in out
    code, out, _ = run("--registry", "kota-a", "check", "--format", "json", "--registry", "kab-b")
    summary = json.loads(out)["summary"]
    assert (summary["files"], summary["errors"]) == (4, 2)
    code, out, _ = run("check", "--registry", "kota-a", "--registry", "kota-a")
    assert code == 0 and "Agencies: 2 checked, 2 complete, 0 incomplete." in out


def test_agencies_are_picked_in_whichever_registry_has_them(members: tuple[Path, Path]) -> None:
    (members[1] / "agencies" / "dinas-b.toml").rename(members[1] / "agencies" / "dinas-c.toml")
    code, out, _ = run("check", "--registry", "kota-a", "--registry", "kab-b", "dinas-c")
    assert "1 agency file checked" in out and "kab-b/agencies/dinas-c.toml" in out
    code, _, err = run("check", "--registry", "kota-a", "--registry", "kab-b", "dinas-z")
    assert code == 1  # an unknown agency is refused (1), as by every command
    assert err.splitlines()[0] == "error: no agency 'dinas-z' in any of the 2 registries given"


def test_other_commands_refuse_several_registries(members: tuple[Path, Path]) -> None:
    before = {p: p.read_bytes() for m in members for p in (m / "agencies").iterdir()}
    code, out, err = run(
        "--registry", "kota-a", "sign", "dinas-a", "ikrar-2023", "--registry", "kab-b",
        "--nip", "198503122010011002", "--name", "Rina", "--status", "PNS",
    )  # fmt: skip
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "error: --registry was given 2 times; only check works over several registries",
        "hint: give --registry once for this command",
    ]
    assert {p: p.read_bytes() for m in members for p in (m / "agencies").iterdir()} == before
    code, _, err = run("--lang", "id", "report", "--registry", "kota-a", "--registry", "kab-b")
    assert code == 2 and "hanya check yang bekerja atas beberapa registri" in err


def test_same_agency_id_in_two_registries_is_two_agencies(members: tuple[Path, Path]) -> None:
    shutil.copy(members[1] / "agencies" / "dinas-b.toml", members[0] / "agencies" / "dinas-b.toml")
    code, out, _ = run("check", "--registry", "kota-a", "--registry", "kab-b")
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings == [  # the same people on both registries' rosters: warned on both
        "== dinas-b (kota-a): 2 errors, 2 warnings",
        "== dinas-b (kab-b): 2 errors, 2 warnings",
    ]
    assert code == 1 and "Agencies: 4 checked, 2 complete, 2 incomplete." in out
    code, out, _ = run("check", "--registry", "kota-a", "--registry", "kab-b", "-f", "junit")
    assert code == 1
    suites = [s.get("name") for s in ET.fromstring(out).iter("testsuite")]
    assert suites == ["dinas-a (kota-a)", "dinas-b (kota-a)", "dinas-a (kab-b)", "dinas-b (kab-b)"]


def test_people_are_compared_across_registries(
    members: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Andi (kota-a, dinas-a) is also on kab-b's dinas-b roster; Siti's NIP signs in kab-b
    under another name. Each is reported on both sides, naming the other registry."""
    path = members[1] / "agencies" / "dinas-b.toml"
    text = path.read_text("utf-8")
    andi = '[[roster]]\nnip = "198503122010011002"\nname = "Andi Pratama"\nstatus = "PNS"\n\n'
    text = text.replace("[[roster]]\n", andi + "[[roster]]\n", 1)
    head, _, tail = text.rpartition('nip = "199205202019022012"\nname = "')  # a signatory
    path.write_text(head + 'nip = "199001012015032001"\nname = "X' + tail, "utf-8")
    code, out, _ = run(
        "check", "--registry", "kota-a", "--registry", "kab-b", "--only", "duplicates"
    )
    assert code == 0  # duplicates warn
    found = [line for line in out.splitlines() if "[duplicates-" in line]
    assert found == [
        "kota-a/agencies/dinas-a.toml:8:1: warning [duplicates-roster]",
        "kota-a/agencies/dinas-a.toml:13:1: warning [duplicates-name]",
        "kab-b/agencies/dinas-b.toml:9:1: warning [duplicates-roster]",
        "kab-b/agencies/dinas-b.toml:42:1: warning [duplicates-name]",
    ]
    assert "is also on the roster of dinas-b (kab-b)" in out
    assert "is also on the roster of dinas-a (kota-a)" in out
    assert "as 'XDewi Lestari' at kab-b/agencies/dinas-b.toml:42" in out
    # each registry alone has none of them
    assert "[duplicates-" not in run("check", "--registry", "kab-b", "--only", "duplicates")[1]
    # the cache's path (keys kept per file, then read back) says the same, cold and warm
    monkeypatch.delenv("PLEDGECTL_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for _ in ("cold", "warm"):
        again = run("check", "--registry", "kota-a", "--registry", "kab-b", "--only", "duplicates")
        assert again[1] == out


def test_duplicates_inside_one_registry_are_reported_once(
    members: tuple[Path, Path], tmp_path: Path
) -> None:
    shutil.copytree(CORPUS / "duplicates-roster", tmp_path / "kab-c")
    _, alone, _ = run("check", "--registry", "kab-c", "--only", "duplicates")
    _, both, _ = run("check", "--registry", "kab-b", "--registry", "kab-c", "--only", "duplicates")
    assert alone.count("[duplicates-roster]") == both.count("[duplicates-roster]") == 2


def test_a_file_with_no_agency_table_is_incomplete_and_located(reg: Path) -> None:
    """An empty agency file, or one whose [agency] is not a table, cannot be complete;
    its missing top-level keys are reported at line 1 (annotations need a line)."""
    (reg / "agencies" / "kosong.toml").write_text("", "utf-8")
    (reg / "agencies" / "rusak.toml").write_text('schema = 1\nagency = "x"\n', "utf-8")
    code, out, _ = run("check", "--format", "json")
    found = json.loads(out)["findings"]
    mine = {
        (f["agency"], f["code"], f["line"]) for f in found if f["agency"] in ("kosong", "rusak")
    }
    assert ("kosong", "schema-missing", 1) in mine
    assert ("kosong", "coverage-incomplete", None) in mine
    assert ("rusak", "schema-type", 2) in mine
    assert ("rusak", "coverage-incomplete", None) in mine
    code, out, _ = run("check")
    assert code == 1 and "Agencies: 4 checked, 1 complete, 3 incomplete." in out
