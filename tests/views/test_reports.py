"""``report`` and ``roster import``: coverage that matches the roster, in every format."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core import i18n
from pledgectl.core.registry import Registry
from pledgectl.views import report as reports

CORPUS = Path(__file__).resolve().parents[1] / "registries"
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    """dinas-a complete with 2 of 3 roster members signed; dinas-b with no declaration."""
    root = tmp_path / "reg"
    shutil.copytree(CORPUS / "coverage-unsigned", root)
    (root / "agencies" / "dinas-b.toml").write_text(
        'schema = 1\n\n[agency]\nid = "dinas-b"\nname = "=Dinas Dua"\nregion = "61.71"\n\n'
        '[[roster]]\nnip = "198707152012031003"\nname = "Bambang Wijaya"\nstatus = "PNS"\n',
        "utf-8",
    )
    return root


def test_report_data_matches_the_roster(reg: Path) -> None:
    data = reports.build_report(Registry(reg))
    rows = {r.agency: r for r in data.rows}
    a, b = rows["dinas-a"], rows["dinas-b"]
    assert (a.roster, a.signed["pemilu-2024"], a.signatories, a.witnesses) == (3, 2, 2, 2)
    assert a.status(data.scope) == "complete" and b.status(data.scope) == "incomplete"
    assert data.coverage(a.signed["pemilu-2024"], a.roster) == 66.7
    grid = reports.grid(data)
    assert grid.rows[0][7] == 66.7 and grid.rows[1][7] == 0.0
    assert grid.total is not None and grid.total[7] == 50.0  # 2 of 4 people


def test_table_is_the_default_and_exits_0(reg: Path) -> None:
    code, out, _ = run("--registry", str(reg), "report")
    assert code == 0
    header, first, second, total = out.splitlines()
    assert header.split()[:3] == ["agency", "name", "region"]
    assert "66.7%" in first and "complete" in first
    assert "0.0%" in second and "incomplete" in second
    assert total.startswith("total") and "1 of 2 complete" in total and "50.0%" in total


def test_markdown_pastes_into_a_ticket(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "--lang", "id", "report", "--format", "markdown")
    lines = out.splitlines()
    assert lines[0] == "## Pernyataan netralitas: cakupan per instansi"
    assert lines[2].startswith("| instansi | nama | wilayah |")
    assert lines[3].startswith("| --- | --- | --- | ---: |")
    assert "| 66.7% | lengkap |" in lines[4]
    assert lines[-1].startswith("| **jumlah** |")


def test_html_is_one_self_contained_printable_page(reg: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, out, err = run("--registry", str(reg), "report", "--format", "html", "-o", str(target))
    html = target.read_text("utf-8")
    assert code == 0 and out == "" and str(target) in err
    assert html.startswith("<!DOCTYPE html>") and "@page { size: A4" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert 'style="width:66.7%"' in html and 'style="width:0.0%"' in html
    assert html.count('class="bar"') == 3  # two agencies and the total
    assert "=Dinas Dua" in html and "<td>" in html


def test_csv_opens_in_excel(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "report", "--format", "csv")
    assert out.startswith("\ufeff")
    grid = reports.grid(reports.build_report(Registry(reg)))
    assert reports.render_csv(grid).count("\r\n") == 3
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][:3] == ["agency", "name", "region"] and rows[0][7] == "coverage pemilu-2024"
    assert rows[1][7] == "66.7" and rows[2][1] == "'=Dinas Dua"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_defuse_formula_cells(value: str) -> None:
    assert reports.defuse(value) == "'" + value
    assert reports.defuse("Dinas " + value) == "Dinas " + value


def test_by_region_and_by_election(reg: Path) -> None:
    _, out, _ = run("--registry", str(reg), "report", "--by", "region", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0] == [
        "region", "agencies", "complete", "declarations", "signatories", "roster",
        "coverage pemilu-2024",
    ]  # fmt: skip
    assert rows[1] == ["14.71", "1", "1", "1", "2", "3", "66.7"]
    assert rows[2] == ["61.71", "1", "0", "0", "0", "1", "0.0"]
    _, out, _ = run("--registry", str(reg), "report", "--by", "election", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1][:5] == ["pemilu-2024", "2024 General Election", "yes", "2", "1"]
    assert rows[1][-1] == "50.0" and rows[2][0] == "pilkada-2024" and rows[2][2] == "no"


def test_unreadable_agencies_are_marked_and_the_report_still_exits_0(reg: Path) -> None:
    (reg / "agencies" / "rusak.toml").write_text("[agency\n", "utf-8")
    code, out, err = run("--registry", str(reg), "report")
    assert code == 0 and "unreadable" in out and "1 agency file could not be read" in err


def test_bad_choices_exit_2(reg: Path) -> None:
    assert run("--registry", str(reg), "report", "--format", "pdf")[0] == 2
    assert run("--registry", str(reg), "report", "--by", "province")[0] == 2


def test_report_on_the_demo_registry() -> None:
    i18n.set_lang("en")
    data = reports.build_report(Registry(ROOT / "registry"))
    complete = [r.agency for r in data.rows if r.complete(data.scope)]
    assert complete == ["pekanbaru-bkpsdm"]


def test_roster_import_then_coverage(reg: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "pegawai.csv"
    sheet.write_text(
        "NIP;Nama;Status\n'199205202019022002;Dewi Lestari;PNS\n199001012015032001;Siti Aminah;PNS\n"
        "198912122014031001;Joko Susilo;PNS\n",
        "utf-8",
    )
    code, _, err = run(
        "--registry", str(reg), "roster", "import", "dinas-a", str(sheet), "--dry-run"
    )
    assert code == 0, err
    before = (reg / "agencies" / "dinas-a.toml").read_bytes()
    code, _, err = run("--registry", str(reg), "roster", "import", "dinas-a", str(sheet))
    assert code == 0, err
    after = (reg / "agencies" / "dinas-a.toml").read_text("utf-8")
    assert after.startswith(before.decode("utf-8")[: before.index(b"[[declarations]]")])
    assert after.count("[[roster]]") == 4 and "Joko Susilo" in after
    again = run("--registry", str(reg), "roster", "import", "dinas-a", str(sheet))
    assert again[0] == 0 and (reg / "agencies" / "dinas-a.toml").read_text("utf-8") == after
    _, out, _ = run("--registry", str(reg), "check", "--format", "json", "--only", "coverage")
    unsigned = {f["nip"] for f in json.loads(out)["findings"] if f["code"] == "coverage-unsigned"}
    assert unsigned == {"199205202019022002", "198912122014031001"}
    data = reports.build_report(Registry(reg))
    a = next(r for r in data.rows if r.agency == "dinas-a")
    assert data.coverage(a.signed["pemilu-2024"], a.roster) == 50.0


def test_roster_import_refuses_bad_rows(reg: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "pegawai.csv"
    sheet.write_text("NIP,Nama,Status\n1.98503E+17,Rusak,PNS\n", "utf-8")
    before = (reg / "agencies" / "dinas-a.toml").read_bytes()
    code, _, err = run("--registry", str(reg), "roster", "import", "dinas-a", str(sheet))
    assert code == 1 and "row 2" in err and "Traceback" not in err
    assert (reg / "agencies" / "dinas-a.toml").read_bytes() == before
