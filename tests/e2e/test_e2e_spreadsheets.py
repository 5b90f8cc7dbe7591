"""End-to-end: workbooks and sheets from the installed command, opened as a user would.

LibreOffice (``soffice --headless --convert-to``) opens each workbook and saves it
again, as xlsx and as CSV; every NIP must come back exact. Headless Chromium prints
the signing sheet to PDF; the table header must be on every page. Each test skips,
naming the missing tool, where LibreOffice, Chromium or poppler is not installed.
"""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import pledgectl_command

pytestmark = pytest.mark.e2e
DECL = "ikrar-hut-korpri-2023"
AGENCY = "pekanbaru-bkpsdm"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [pledgectl_command(), *args], cwd=cwd, env=env, capture_output=True, timeout=120
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    assert result.returncode == 0, (args, result.stderr.decode())
    return result


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    return found


def convert(files: list[Path], to: str, outdir: Path, profile: Path) -> list[Path]:
    """Open ``files`` in LibreOffice headless and save them as ``to`` in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1" if to == "csv" else to
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            # CSV in: comma, double quote, UTF-8 (as a user picks in the import dialog)
            *(
                ["--infilter=Text - txt - csv (StarCalc):44,34,76"]
                if files[0].suffix == ".csv"
                else []
            ),
            "--convert-to",
            filt,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        timeout=240,
    )
    converted = [outdir / (f.stem + "." + to) for f in files]
    missing = [p for p in converted if not p.exists()]
    assert not missing, (missing, result.stdout, result.stderr)
    return converted


@pytest.fixture
def example(tmp_path: Path, cli_env: dict[str, str]) -> tuple[Path, dict[str, str]]:
    run(["init", "r", "--example"], tmp_path, cli_env)
    return tmp_path / "r", cli_env


def nips_of(registry: Path) -> tuple[set[str], set[str]]:
    """(every signatory NIP in the registry, the NIPs of the agency's roster)."""
    signed: set[str] = set()
    roster: set[str] = set()
    for path in (registry / "agencies").glob("*.toml"):
        data = tomllib.loads(path.read_text("utf-8"))
        for decl in data.get("declarations", []):
            signed |= {p["nip"] for p in decl.get("signatories", []) if "nip" in p}
        if path.stem == AGENCY:
            roster = {p["nip"] for p in data.get("roster", [])}
    return signed, roster


def column(ws: object, header: str) -> list[object]:
    rows = list(ws.iter_rows(values_only=True))  # type: ignore[attr-defined]
    index = list(rows[0]).index(header)
    return [row[index] for row in rows[1:] if row[index] not in (None, "")]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_workbooks_keep_every_nip_through_libreoffice(
    example: tuple[Path, dict[str, str]], tmp_path: Path, lang: str
) -> None:
    registry, env = example
    env["LANG"] = "id_ID.UTF-8" if lang == "id" else "en_US.UTF-8"
    out = tmp_path / "out"
    out.mkdir()
    export, report, sheet = out / "export.xlsx", out / "report.xlsx", out / "sheet.xlsx"
    run(["export", "--format", "xlsx", "-o", str(export)], registry, env)
    run(["report", "--by", "region", "--format", "xlsx", "-o", str(report)], registry, env)
    run(["sheet", AGENCY, DECL, "--format", "xlsx", "-o", str(sheet)], registry, env)
    signed, roster = nips_of(registry)

    # the files as written: text cells equal to the registry's
    ws = openpyxl.load_workbook(export).active
    cells = [ws.cell(r, 9) for r in range(2, ws.max_row + 1) if ws.cell(r, 9).value is not None]
    assert ws.cell(1, 9).value == "NIP" and {c.data_type for c in cells} == {"s"}
    assert {c.value for c in cells} == signed
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert set(column(ws, "NIP")) == roster
    regions = column(openpyxl.load_workbook(report).active, "region" if lang == "en" else "wilayah")
    assert "14.71" in regions and all(isinstance(r, str) for r in regions)

    # opened and saved again by LibreOffice, as xlsx
    profile = tmp_path / "lo-profile"
    again = convert([export, report, sheet], "xlsx", tmp_path / "lo-xlsx", profile)
    ws = openpyxl.load_workbook(again[0]).active
    assert set(column(ws, "NIP")) == signed
    assert all(isinstance(v, str) for v in column(ws, "NIP"))
    ws = openpyxl.load_workbook(again[2]).worksheets[0]
    assert set(column(ws, "NIP")) == roster
    regions = column(
        openpyxl.load_workbook(again[1]).active, "region" if lang == "en" else "wilayah"
    )
    assert "14.71" in regions and "14.71.10" in regions and all(isinstance(r, str) for r in regions)

    # ... and as CSV (the clerk's "save as CSV" before importing)
    for path, expected in zip(
        convert([export, sheet], "csv", tmp_path / "lo-csv", profile), (signed, roster), strict=True
    ):
        rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))
        assert {row["NIP"] for row in rows if row["NIP"]} == expected


def test_csv_is_for_programs_libreoffice_turns_its_nips_into_numbers(
    example: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """Why README says to hand the xlsx to a spreadsheet: a CSV cannot say "text", so a
    spreadsheet opening ``export``, ``sheet --format csv`` or ``report --format csv`` makes
    every NIP and most region codes numbers. If this ever stops holding, the README's
    advice can be revisited."""
    registry, env = example
    export, sheet, report = tmp_path / "export.csv", tmp_path / "sheet.csv", tmp_path / "report.csv"
    run(["export", "-o", str(export)], registry, env)
    run(["sheet", AGENCY, DECL, "-f", "csv", "-o", str(sheet)], registry, env)
    run(["report", "--by", "region", "-f", "csv", "-o", str(report)], registry, env)
    signed, roster = nips_of(registry)
    # the CSVs themselves hold every digit, for programs and for `pledgectl import`
    rows = list(csv.DictReader(io.StringIO(export.read_text("utf-8"))))
    assert {row["NIP"] for row in rows if row["NIP"]} == signed
    rows = list(csv.DictReader(io.StringIO(sheet.read_text("utf-8-sig"))))
    assert {row["NIP"] for row in rows if row["NIP"]} == roster
    converted = convert([export, sheet, report], "xlsx", tmp_path / "lo", tmp_path / "lo-profile")
    for path, expected in zip(converted[:2], (signed, roster), strict=True):
        values = column(openpyxl.load_workbook(path).active, "NIP")
        assert len(values) == len(expected) and not {str(v) for v in values} & expected
        assert all(isinstance(v, int | float) for v in values)  # 1.97006231996031E+17
    regions = column(openpyxl.load_workbook(converted[2]).active, "region")
    assert 65 in regions and 14.71 in regions and "14.71.10" in regions


def big_roster(registry: Path, people: int) -> None:
    path = registry / "agencies" / f"{AGENCY}.toml"
    text = path.read_text("utf-8")
    head, rest = text.split("\n[[declarations]]", 1)
    extra = "".join(
        f'\n[[roster]]\nnip = "1980{1 + i % 12:02d}{1 + i % 28:02d}2005{1 + i % 12:02d}1{i:03d}"\n'
        f'name = "Pegawai Nomor {i}"\nstatus = "PNS"\nposition = "Analis SDM Aparatur Ahli Muda"\n'
        for i in range(people)
    )
    path.write_text(head + extra + "\n[[declarations]]" + rest, "utf-8")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_signing_sheet_prints_on_a4_with_the_header_on_every_page(
    example: tuple[Path, dict[str, str]], tmp_path: Path, lang: str
) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium is not installed: apt-get install chromium")
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")
    registry, env = example
    env["LANG"] = "id_ID.UTF-8" if lang == "id" else "en_US.UTF-8"
    big_roster(registry, 105)  # 15 + 105 = 120 people
    page = tmp_path / "sheet.html"
    run(["sheet", AGENCY, DECL, "-o", str(page)], registry, env)
    pdf = tmp_path / "sheet.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    assert "A4" in info and pages >= 4
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, pages + 1)
    ]
    position = "Position" if lang == "en" else "Jabatan"
    with_table = [t for t in texts if "Pegawai Nomor" in t]
    assert len(with_table) >= 3 and all("NIP" in t and position in t for t in with_table)
    assert re.search(rf"\b{pages} ?/ ?{pages}\b", texts[-1])
    last = "Acknowledged by," if lang == "en" else "Mengetahui,"
    assert last in texts[-1] and ("29 November 2023" in texts[0])
    # 120 people and 5 blank rows, each number once, none cut between pages
    numbers = "\n".join(texts)
    assert "Pegawai Nomor 104" in numbers and "125." in numbers


def test_workbook_on_a_terminal_is_refused_naming_o(
    example: tuple[Path, dict[str, str]],
) -> None:
    registry, env = example
    for args in (["export"], ["report"], ["sheet", AGENCY, DECL], ["agency", "list"]):
        leader, follower = pty.openpty()
        try:
            result = subprocess.run(
                [pledgectl_command(), *args, "--format", "xlsx"],
                cwd=registry,
                env=env,
                stdout=follower,
                stderr=subprocess.PIPE,
                timeout=60,
            )
        finally:
            os.close(follower)
            os.close(leader)
        assert result.returncode == 2, args
        assert b"-o FILE" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "id"])
def test_filled_in_sheet_imports_the_marked_rows_once(
    example: tuple[Path, dict[str, str]], tmp_path: Path, lang: str
) -> None:
    """The issue's round trip: a sheet marked for 10 of 15 people imports those 10, again
    none; the same workbook saved as CSV by LibreOffice works the same."""
    registry, env = example
    env["LANG"] = "id_ID.UTF-8" if lang == "id" else "en_US.UTF-8"
    for decl, date in (("dekl-2024", "2024-01-10"), ("pakta-2024", "2024-01-11")):
        run(
            ["declare", AGENCY, "--kind", "deklarasi", "--date", date,
             "--election", "pemilu-2024", "--all-commitments", "--id", decl],
            registry, env,
        )  # fmt: skip
    blank = tmp_path / "sheet.xlsx"
    run(["sheet", AGENCY, "dekl-2024", "--format", "xlsx", "-o", str(blank)], registry, env)
    book = openpyxl.load_workbook(blank)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    mark = header.index("Signed" if lang == "en" else "Sudah tanda tangan") + 1
    marked = [ws.cell(row, 3).value for row in range(2, 12)]  # the first 10 of 15
    for row in range(2, 12):
        ws.cell(row, mark).value = "v"
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    def signers(decl: str) -> list[str]:
        data = tomllib.loads((registry / "agencies" / f"{AGENCY}.toml").read_text("utf-8"))
        found = next(d for d in data["declarations"] if d["id"] == decl)
        return [p["nip"] for p in found.get("signatories", [])]

    first = run(["import", AGENCY, "dekl-2024", str(filled)], registry, env)
    assert signers("dekl-2024") == marked
    assert b"10" in first.stderr and b"5" in first.stderr
    again = run(["import", AGENCY, "dekl-2024", str(filled)], registry, env)
    assert signers("dekl-2024") == marked and b"10" in again.stderr
    (as_csv,) = convert([filled], "csv", tmp_path / "lo", tmp_path / "lo-profile")
    run(["import", AGENCY, "pakta-2024", str(as_csv)], registry, env)
    assert signers("pakta-2024") == marked
