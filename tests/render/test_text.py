"""What the auditor reads (issue 17, items 8-11): verdicts, coverage blocks, excerpts, hints.

CLI tests in both languages, over copies of the corpus registries.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.findings import Finding
from pledgectl.engine.run import CheckRun
from pledgectl.render.check import Options, render

CORPUS = Path(__file__).resolve().parents[1] / "registries"
LANGS = ["en", "id"]
NOT_ASSESSED = {
    "en": "completeness not assessed",
    "id": "kelengkapan tidak dinilai",
}


def check(root: Path, lang: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--registry", str(root), "--lang", lang, "check", *args])
    return result.exit_code, result.stdout


def copy(name: str, tmp_path: Path) -> Path:
    root = tmp_path / name
    shutil.copytree(CORPUS / name, root)
    return root


# -- item 8: the verdict says only what was assessed; counts and verdict agree --------


@pytest.mark.parametrize("lang", LANGS)
def test_only_schema_says_completeness_not_assessed_and_nothing_more(lang: str) -> None:
    code, out = check(CORPUS / "schema-extra", lang, "--only", "schema")
    assert code == 0
    last = out.rstrip().splitlines()[-1]
    assert NOT_ASSESSED[lang] in last
    assert "Verdict" not in out and "Kesimpulan" not in out
    assert "complete" not in last.replace("completeness", "")
    _, doc = check(CORPUS / "schema-extra", lang, "--only", "schema", "--format", "json")
    summary = json.loads(doc)["summary"]
    assert summary["verdict"] == "not-assessed"
    assert summary["agencies"] == {"total": 1, "complete": None, "incomplete": None}


def _one_complete_one_incomplete(tmp_path: Path) -> Path:
    """An agency with a complete declaration and a second one missing its KPU witness."""
    root = copy("valid-complete", tmp_path)
    path = root / "agencies" / "dinas-a.toml"
    text = path.read_text("utf-8")
    second = (
        '\n[[declarations]]\nid = "apel-2024"\nkind = "ikrar"\nelections = ["pemilu-2024"]\n'
        'date = 2024-01-10\ncommitments = ["no-campaign", "rule-compliance", "fair-service",'
        ' "neutral-conduct"]\n\n[[declarations.witnesses]]\ninstitution = "Bawaslu"\n'
        'name = "Ketua Bawaslu Kota"\n\n[[declarations.signatories]]\n'
        'nip = "198503122010011002"\nname = "Andi Pratama"\nstatus = "PNS"\nsigned = 2024-01-10\n'
    )
    path.write_text(text + second, "utf-8")
    return root


@pytest.mark.parametrize(
    ("lang", "agencies", "verdict"),
    [
        ("en", "Agencies: 1 checked, 1 complete, 0 incomplete.", "Verdict: complete, with errors."),
        (
            "id",
            "Instansi: 1 diperiksa, 1 lengkap, 0 belum lengkap.",
            "Kesimpulan: lengkap, dengan kesalahan.",
        ),
    ],
)
def test_counts_and_verdict_agree(tmp_path: Path, lang: str, agencies: str, verdict: str) -> None:
    root = _one_complete_one_incomplete(tmp_path)
    code, out = check(root, lang)
    assert code == 1  # an error finding still fails the run
    assert "[witnesses-missing]" in out
    assert agencies in out and out.rstrip().endswith(verdict)
    _, doc = check(root, lang, "--format", "json")
    summary = json.loads(doc)["summary"]
    assert summary["agencies"]["incomplete"] == 0 and summary["verdict"] == "errors"


def test_an_incomplete_agency_still_reads_not_complete() -> None:
    code, out = check(CORPUS / "witnesses-missing", "en")
    assert code == 1
    assert "0 complete, 1 incomplete" in out and out.rstrip().endswith("Verdict: not complete.")


# -- item 9: coverage at scale -------------------------------------------------------------


def _many_unsigned(tmp_path: Path, count: int = 40) -> Path:
    """The coverage-unsigned registry with ``count`` more roster members who did not sign."""
    root = copy("coverage-unsigned", tmp_path)
    path = root / "agencies" / "dinas-a.toml"
    text = path.read_text("utf-8")
    at = text.index("[[declarations]]")
    people = "".join(
        f'[[roster]]\nnip = "198503122010011{k + 100:03d}"\nname = "Orang Fiktif {k}"\n'
        'status = "PNS"\n\n'
        for k in range(count)
    )
    path.write_text(text[:at] + people + text[at:], "utf-8")
    return root


@pytest.mark.parametrize(
    ("lang", "head", "summary"),
    [
        (
            "en",
            "41 roster members signed no complete declaration for pemilu-2024 (4.7% of 43 covered):",
            "Coverage of pemilu-2024: 4.7% (2 of 43 roster members signed a complete declaration).",
        ),
        (
            "id",
            "41 orang dalam daftar pegawai belum menandatangani pernyataan lengkap untuk pemilu-2024"
            " (cakupan 4,7% dari 43):",
            "Cakupan pemilu-2024: 4,7% (2 dari 43 orang dalam daftar pegawai menandatangani"
            " pernyataan lengkap).",
        ),
    ],
)
def test_a_coverage_shortfall_is_one_block(
    tmp_path: Path, lang: str, head: str, summary: str
) -> None:
    root = _many_unsigned(tmp_path)
    code, out = check(root, lang)
    assert code == 0
    lines = out.splitlines()
    assert out.count("[coverage-unsigned]") == 1  # one block, not one finding each
    start = lines.index(head)
    people = lines[start + 1 : start + 42]
    assert all(
        line.startswith("  ") and line.split(": ", 1)[0].strip().isdigit() for line in people
    )
    assert " | " not in "\n".join(people)  # no excerpt per person
    assert summary in lines
    _, doc = check(root, lang, "--format", "json")
    found = json.loads(doc)["findings"]
    assert sum(1 for f in found if f["code"] == "coverage-unsigned") == 41  # one per person


@pytest.mark.parametrize("lang", LANGS)
def test_quiet_prints_the_summary_only(tmp_path: Path, lang: str) -> None:
    root = _many_unsigned(tmp_path)
    _, full = check(root, lang)
    code, quiet = check(root, lang, "-q")
    assert code == 0
    assert "[coverage-unsigned]" not in quiet and "Orang Fiktif" not in quiet
    lines = quiet.splitlines()
    assert lines[0] == ("Findings per check:" if lang == "en" else "Temuan per pemeriksaan:")
    assert lines[1].split()[0] == "coverage"
    # the agencies line, coverage per election and the verdict, as in the full output
    assert lines[2:] == full.splitlines()[-3:]


# -- item 10: repetition and fitting hints ---------------------------------------------------


def test_one_excerpt_per_line_with_its_findings_under_it(tmp_path: Path) -> None:
    root = copy("valid-complete", tmp_path)
    file = str(root / "agencies" / "dinas-a.toml")
    a = Finding("x-one", "ids", "error", "dinas-a", file, 24, params={})
    b = Finding("x-two", "ids", "warning", "dinas-a", file, 24, params={})
    c = Finding("x-three", "ids", "error", "dinas-a", file, 25, params={})
    out = render("text", CheckRun([a, b, c], 1, ["ids"]), Options(assessed=False))
    assert out.count("24 | commitments") == 1
    assert out.count("25 | ") == 1
    lines = out.splitlines()
    second = lines.index("warning [x-two]")
    assert lines[second - 2].startswith("24 | ") or lines[second - 3].startswith("24 | ")


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", "no declaration names pemilu-2024 yet: record one with `pledgectl declare`"),
        ("id", "belum ada pernyataan untuk pemilu-2024: catat dengan `pledgectl declare`"),
    ],
)
def test_an_agency_with_no_declaration_is_told_to_record_one(
    tmp_path: Path, lang: str, hint: str
) -> None:
    root = copy("valid-complete", tmp_path)
    path = root / "agencies" / "dinas-a.toml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("[[declarations]]")], "utf-8")
    _, out = check(root, lang)
    assert hint in out
    _, doc = check(root, lang, "--format", "json")
    (finding,) = json.loads(doc)["findings"]
    assert finding["code"] == "coverage-incomplete" and finding["hint"] == hint
    # with a declaration that is incomplete, the hint points at its findings instead
    _, other = check(CORPUS / "witnesses-missing", lang, "--format", "json")
    hints = {f["hint"] for f in json.loads(other)["findings"] if f["code"] == "coverage-incomplete"}
    assert hints and "pledgectl declare" not in next(iter(hints))


def test_one_nip_under_two_names_in_one_file_is_one_finding(tmp_path: Path) -> None:
    root = copy("valid-complete", tmp_path)
    path = root / "agencies" / "dinas-a.toml"
    text = path.read_text("utf-8")
    assert 'name = "Siti Aminah"' in text
    path.write_text(text.replace('name = "Siti Aminah"', 'name = "Siti Aminah Lain"', 1), "utf-8")
    _, doc = check(root, "en", "--format", "json")
    names = [f for f in json.loads(doc)["findings"] if f["code"] == "duplicates-name"]
    assert len(names) == 1
    # across two files it is still reported on both sides
    _, doc = check(CORPUS / "duplicates-name", "en", "--format", "json")
    assert sum(f["code"] == "duplicates-name" for f in json.loads(doc)["findings"]) == 2


# -- item 11: hints wrap on words ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", ["50", "70", "100"])
def test_hints_wrap_on_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    root = _many_unsigned(tmp_path, 2)
    _, doc = check(root, lang, "--format", "json")
    hints = {f["hint"] for f in json.loads(doc)["findings"] if f["hint"]}
    _, out = check(root, lang)
    lines = out.splitlines()
    label = "hint: " if lang == "en" else "petunjuk: "
    for hint in hints:
        words = (label + hint).split()
        starts = [i for i, line in enumerate(lines) if line.startswith(label)]
        for i in starts:
            block = [lines[i]]
            block += [line for line in lines[i + 1 :] if line.startswith(" " * len(label))][:9]
            got = " ".join(block).split()
            if got[: len(words)] == words:
                assert all(len(line) <= int(columns) for line in block[: len(words)])
                break
        else:
            pytest.fail(f"hint not found whole-worded: {hint!r}")
