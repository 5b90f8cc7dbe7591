"""import, find, export and sheet, with real CSV and XLSX files."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.registry import Registry

runner = CliRunner()
DECL = "ikrar-2023-11-29"


def run(reg: Registry, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--registry", str(reg.root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def declared(registry: Registry) -> Registry:
    run(registry, "agency", "add", "a", "--name", "A", "--region", "14.71")
    run(
        registry,
        "declare",
        "a",
        "--kind",
        "ikrar",
        "--date",
        "2023-11-29",
        "--election",
        "pemilu-2024",
        "--all-commitments",
    )
    return registry


def signatories(reg: Registry) -> list[dict[str, object]]:
    data = tomllib.loads(reg.agency_path("a").read_text("utf-8"))
    return list(data["declarations"][0].get("signatories", []))


def test_xlsx_with_text_and_damaged_numeric_nips(declared: Registry, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIP", "Nama", "Jabatan", "Status"])
    sheet.append(["198503122010011002", "Rina Wulandari", "Kepala", "PNS"])
    sheet.append([198503122010011003, "Budi Santoso", "Staf", "PNS"])  # numeric cell: digits lost
    path = tmp_path / "staff.xlsx"
    book.save(path)
    before = declared.agency_path("a").read_bytes()
    code, _, err = run(declared, "import", "a", DECL, str(path))
    assert code == 1 and "row 3: nip" in err and "Text" in err
    assert declared.agency_path("a").read_bytes() == before
    code, _, err = run(declared, "import", "a", DECL, str(path), "--skip-invalid")
    assert code == 0 and [s["name"] for s in signatories(declared)] == ["Rina Wulandari"]


def test_reimport_is_idempotent_and_conflicts_are_refused(
    declared: Registry, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("NIP,Nama,Status\n198503122010011002,Rina,PNS\n,Siti,NON-ASN\n", "utf-8")
    assert run(declared, "import", "a", DECL, str(path))[0] == 0
    assert run(declared, "import", "a", DECL, str(path))[0] == 0
    assert len(signatories(declared)) == 2
    before = declared.agency_path("a").read_bytes()
    path.write_text("NIP,Nama,Status\n198503122010011002,Rina Berbeda,PNS\n", "utf-8")
    code, _, err = run(declared, "import", "a", DECL, str(path))
    assert code == 1 and "Rina Berbeda" in err
    assert declared.agency_path("a").read_bytes() == before


def test_dry_run_writes_nothing(declared: Registry, tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("NIP;Nama\n198503122010011002;Rina\n", "utf-8")
    before = declared.agency_path("a").read_bytes()
    code, _, err = run(declared, "import", "a", DECL, str(path), "--dry-run")
    assert code == 0 and "would add 1" in err
    assert declared.agency_path("a").read_bytes() == before


def test_missing_column_and_missing_file(declared: Registry, tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("NIP,Jabatan\n198503122010011002,Staf\n", "utf-8")
    code, _, err = run(declared, "import", "a", DECL, str(path))
    assert code != 0 and "Traceback" not in err and err.startswith("error:")
    code, _, err = run(declared, "import", "a", DECL, str(tmp_path / "nope.csv"))
    assert code != 0 and err.startswith("error:")


def test_large_import_is_one_write(declared: Registry, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("NIP,Nama,Status\n")
        seen = set()
        for i in range(20000):
            year, month, day = 1960 + i % 20, 1 + (i // 20) % 12, 1 + (i // 240) % 28
            value = f"{year}{month:02d}{day:02d}{year + 25}011{1 + i // 6720:03d}"
            seen.add(value)
            handle.write(f"{value},Pegawai {i},PNS\n")
    code, _, err = run(declared, "import", "a", DECL, str(path))
    assert code == 0, err
    assert len(signatories(declared)) == len(seen)


def test_find_export_redact_and_injection(declared: Registry) -> None:
    run(
        declared,
        "sign",
        "a",
        DECL,
        "--nip",
        "198503122010011002",
        "--name",
        '=HYPERLINK("x")',
        "--status",
        "PNS",
    )
    run(
        declared,
        "sign",
        "a",
        DECL,
        "--nip",
        "199012312015032001",
        "--name",
        "Dewi Kartika Sari",
        "--status",
        "PNS",
    )
    code, out, _ = run(declared, "find", "kartika", "--format", "json")
    assert [r["name"] for r in json.loads(out)] == ["Dewi Kartika Sari"]
    code, out, _ = run(declared, "find", "19850312")
    assert "198503122010011002" in out
    code, out, _ = run(declared, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["Name"].startswith("'=") and rows[0]["NIP"] == "198503122010011002"
    for fmt in ("csv", "jsonl", "json"):
        code, out, _ = run(declared, "export", "--format", fmt, "--redact")
        assert code == 0 and "198503122010011002" not in out and "199012312015032001" not in out
    code, out, _ = run(declared, "find", "1985", "--redact")
    assert "198503122010011002" not in out
    code, out, err = run(declared, "export", "--excel")
    assert code == 2 and out == "" and "--format xlsx" in err


def test_sheet_html_and_csv(declared: Registry) -> None:
    run(declared, "witness", "a", DECL, "--institution", "KPU", "--name", "Perwakilan <KPU>")
    run(
        declared,
        "sign",
        "a",
        DECL,
        "--nip",
        "198503122010011002",
        "--name",
        "Rina",
        "--status",
        "PNS",
    )
    code, out, _ = run(declared, "--lang", "id", "sheet", "a", DECL)
    assert code == 0 and "DAFTAR HADIR DAN TANDA TANGAN" in out and "@page" in out
    assert "Perwakilan &lt;KPU&gt;" in out and "Tidak terlibat" in out
    code, out, _ = run(declared, "sheet", "a", DECL, "--format", "csv")
    assert "Signature" in out and "Rina" in out
    code, _, err = run(declared, "sheet", "a", "nope")
    assert code == 1 and err.startswith("error:")


def test_redact_is_honoured_by_every_command_that_prints_nips(declared: Registry) -> None:
    nip = "198503122010011002"
    run(declared, "sign", "a", DECL, "--nip", nip, "--name", "Rina", "--status", "PNS")
    path = declared.agency_path("a")
    path.write_text(path.read_text("utf-8").replace('status = "PNS"', 'status = "PPPK"'), "utf-8")
    shown = 0
    for args in (
        ["check"],
        ["check", "--format", "json"],
        ["agency", "show", "a"],
        ["agency", "show", "a", "--format", "json"],
        ["find", "Rina"],
        ["export"],
        ["sheet", "a", DECL],
    ):
        _, plain, _ = run(declared, *args)
        _, out, err = run(declared, *args, "--redact")
        assert nip not in out + err, args
        if nip in plain:  # the command shows NIPs: redacted, they are masked, not dropped
            shown += 1
            assert "****" in out, args
    assert shown >= 5
