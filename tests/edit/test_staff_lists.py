"""Staff lists as offices have them (``tests/data/``) through ``import`` and ``roster import``.

Each file's expected outcome is in ``tests/data/generate.py`` (``EXPECTED``). Refusals
name the problem in the chosen language and leave the registry byte for byte as it was.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.registry import Registry
from pledgectl.edit.scaffold import init_registry
from tests.data.generate import EXPECTED

DATA = Path(__file__).resolve().parents[1] / "data"
AGENCY = "pekanbaru-bkpsdm"
DECL = "ikrar-hut-korpri-2023"
runner = CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Registry:
    root = tmp_path / "reg"
    init_registry(root, example=True)
    return Registry(root)


def run(reg: Registry, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--registry", str(reg.root), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def snapshot(reg: Registry) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in reg.root.rglob("*") if p.is_file()}


def agency(reg: Registry) -> dict[str, Any]:
    return tomllib.loads(reg.agency_path(AGENCY).read_text("utf-8"))


def people(reg: Registry, target: str) -> list[dict[str, Any]]:
    data = agency(reg)
    if target == "roster":
        return list(data.get("roster", []))
    decl = next(d for d in data["declarations"] if d["id"] == DECL)
    return list(decl.get("signatories", []))


def command(target: str, file: str, *extra: str) -> list[str]:
    path = str(DATA / file)
    if target == "roster":
        return ["roster", "import", AGENCY, path, *extra]
    return ["import", AGENCY, DECL, path, *extra]


def test_every_data_file_has_an_expected_outcome() -> None:
    made = {p.name for p in DATA.iterdir() if p.suffix in (".csv", ".xlsx")}
    assert made == set(EXPECTED)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("target", ["roster", "signatories"])
@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_staff_list_imports_as_a_clerk_expects(
    example: Registry, file: str, target: str, lang: str
) -> None:
    expected = EXPECTED[file]
    before = snapshot(example)
    count_before = len(people(example, target))
    code, _, err = run(example, "--lang", lang, *command(target, file))
    assert "Traceback" not in err
    if "refused" in expected:
        assert code == 1, err
        assert expected["refused" if lang == "en" else "refused_id"] in err, err
        assert err.splitlines()[-1].startswith("hint:" if lang == "en" else "petunjuk:"), err
        assert snapshot(example) == before  # byte for byte
        if "with_status" not in expected:
            return
        code, _, err = run(
            example, "--lang", lang, *command(target, file, "--status", expected["with_status"])
        )
    assert code == 0, err
    added = people(example, target)[count_before:]
    assert len(added) == expected["added"], err
    if "note" in expected:
        assert expected["note_id" if lang == "id" and "note_id" in expected else "note"] in err
    for key, value in expected.get("person", {}).items():
        match = [p for p in added if p.get(key) == value]
        assert match, (key, value, added)
    if "with_status" in expected:
        assert {p["status"] for p in added} == {expected["with_status"]}
    # idempotent: the same file again adds nobody and changes no byte
    after = snapshot(example)
    code, _, err = run(example, "--lang", lang, *command(target, file, *_status(expected)))
    assert code == 0, err
    assert snapshot(example) == after
    assert ("0 added" in err) or ("added 0" in err) or ("0 ditambahkan" in err), err


def _status(expected: dict[str, Any]) -> list[str]:
    return ["--status", expected["with_status"]] if "with_status" in expected else []


def test_siasn_export_reads_titles_grade_nik_and_status_spellings(example: Registry) -> None:
    code, _, err = run(example, *command("roster", "siasn_export.xlsx"))
    assert code == 0, err
    added = {p["nip"]: p for p in people(example, "roster")[15:]}
    assert "Dr. Hj. SITI RAHMAH LUBIS, S.Sos., M.Si." in {p["name"] for p in added.values()}
    assert added["199807212027011002"]["status"] == "PNS"  # CPNS, TMT next month
    assert added["199003142023212007"]["status"] == "PPPK"  # P3K
    assert added["197508171999031003"]["name"] == "Ir. H. BAMBANG SUTRISNO, M.M."
    assert added["198905172015032004"]["unit"] == "Bidang Mutasi"  # UNOR_NAMA, not INDUK
    assert "header" in err or "row 5" in err  # the title rows above the header


def test_canonical_key_order_of_new_fields(example: Registry) -> None:
    assert run(example, *command("roster", "siasn_export.xlsx"))[0] == 0
    text = example.agency_path(AGENCY).read_text("utf-8")
    block = text[text.index('nip = "198905172015032004"') :].split("\n\n")[0]
    keys = [line.split(" = ")[0] for line in block.splitlines()]
    assert keys == ["nip", "nik", "name", "status", "grade", "position", "unit"]


def test_dry_run_lists_the_rows_and_writes_nothing(example: Registry) -> None:
    before = snapshot(example)
    code, out, err = run(example, *command("signatories", "nip_lama_baru.csv", "--dry-run"))
    assert code == 0, err
    assert "199208142019032011" in out and "Putri Ayu Lestari" in out
    assert len(out.strip().splitlines()) == 3
    assert "would add 3 people listed above" in err
    assert snapshot(example) == before


def test_a_name_only_row_naming_someone_recorded_with_a_nip_is_reported(
    example: Registry, tmp_path: Path
) -> None:
    sheet = tmp_path / "names.csv"
    # signed already with a NIP as "Dr. H. Zulkarnain Effendi, S.Sos., M.Si."
    sheet.write_text("Nama;Jabatan\nZULKARNAIN EFFENDI;Kepala\nAnton Wijaya;Sopir\n", "utf-8")
    for target in ("signatories", "roster"):
        count = len(people(example, target))
        code, _, err = run(example, *command(target, str(sheet), "--status", "NON-ASN"))
        assert code == 0, err
        added = people(example, target)[count:]
        assert [p["name"] for p in added] == ["Anton Wijaya"]
        assert "ZULKARNAIN EFFENDI" in err and "197203111997031002" in err


def test_titled_roster_name_and_untitled_row_are_one_person(
    example: Registry, tmp_path: Path
) -> None:
    sheet = tmp_path / "thl.csv"
    sheet.write_text("Nama,Status\nHj. Sití  Aminah, S.E.\n", "utf-8")
    sheet.write_text('Nama,Status\n"Hj. Sití  Aminah, S.E.",THL\n', "utf-8")
    assert run(example, *command("roster", str(sheet)))[0] == 0
    again = tmp_path / "thl2.csv"
    again.write_text("Nama,Status\nSITI AMINAH,Honorer\n", "utf-8")
    before = snapshot(example)
    code, _, err = run(example, *command("roster", str(again)))
    assert code == 0 and snapshot(example) == before, err


def test_unknown_status_lists_the_accepted_spellings(example: Registry, tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("NIP,Nama,Status\n198503122010011002,Budi,Pegawai Tetap\n", "utf-8")
    before = snapshot(example)
    code, _, err = run(example, *command("roster", str(sheet)))
    assert code == 1 and "Pegawai Tetap" in err
    assert "CPNS" in err and "P3K" in err and "THL" in err and "PTT" in err
    assert snapshot(example) == before


def test_filled_in_signing_sheet_imports_only_marked_rows(
    example: Registry, tmp_path: Path
) -> None:
    roster = agency(example)["roster"]
    signed = {p.get("nip") for p in people(example, "signatories")}
    unsigned = [p for p in roster if p.get("nip") not in signed]
    assert len(unsigned) >= 3
    marks = ["x", "", "✓"] + [""] * (len(unsigned) - 3)
    lines = ["No;NIP;Nama;Jabatan;Tanda tangan;Sudah tanda tangan"]
    for number, (person, mark) in enumerate(zip(unsigned, marks, strict=True), 1):
        lines.append(f"{number};{person['nip']};{person['name']};{person['position']};;{mark}")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("\n".join(lines) + "\n", "utf-8")
    count = len(people(example, "signatories"))
    code, _, err = run(example, *command("signatories", str(sheet)))
    assert code == 0, err
    added = people(example, "signatories")[count:]
    assert {p["nip"] for p in added} == {unsigned[0]["nip"], unsigned[2]["nip"]}
    not_marked = len(unsigned) - 2
    assert f"2 marked, 2 imported, 0 already recorded, {not_marked} not marked" in err
    before = snapshot(example)
    code, _, err = run(example, "--lang", "id", *command("signatories", str(sheet)))
    assert code == 0 and snapshot(example) == before
    assert f"2 ditandai, 0 diimpor, 2 sudah tercatat, {not_marked} tidak ditandai" in err


def test_signed_column_wins_over_the_declaration_date(example: Registry, tmp_path: Path) -> None:
    sheet = tmp_path / "export.csv"
    sheet.write_text(
        "declaration,date,nip,name,status,signed\n"
        "x,2023-11-29,198503122010011002,Budi,PNS,2023-12-01\n"
        "x,2023-11-29,199001152015032005,Ani,PNS,\n",
        "utf-8",
    )
    count = len(people(example, "signatories"))
    code, _, err = run(example, *command("signatories", str(sheet)))
    assert code == 0, err
    added = people(example, "signatories")[count:]
    assert str(added[0]["signed"]) == "2023-12-01"
    assert str(added[1]["signed"]) == "2023-11-29"  # no date of their own: the row's date


def test_same_nip_against_the_registry_refused_titles_aside(
    example: Registry, tmp_path: Path
) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text(
        "NIP,Nama,Status\n197203111997031002,Zulkarnain Effendi,PNS\n"
        "197607272001122001,Someone Else,PNS\n",
        "utf-8",
    )
    before = snapshot(example)
    code, _, err = run(example, *command("roster", str(sheet)))
    assert code == 1 and "Someone Else" in err and "Zulkarnain" not in err.split("\n")[0]
    assert snapshot(example) == before


@pytest.mark.parametrize(
    "block",
    [
        ',"Pekanbaru,      ............ 2023",\n,Kepala Dinas,\n\n,Nama Kepala,\n,NIP. 19651231 199003 1 005,\n',
        ",Mengetahui,\n,Kepala Bagian,\n\n,Nama Kepala,\n,NIP: 196512311990031005,\n",
        ",Kepala Dinas,\n\n\n,Nama Kepala,\n,NIP. 196512311990031005,\n",
    ],
)
def test_signature_block_variants_end_the_data(tmp_path: Path, block: str) -> None:
    from pledgectl.edit.tabular import read_table

    body = "NIP,Nama,Status\n198503122010011002,Budi,PNS\n199001152015032005,Ani,PNS\n\n" + block
    table = read_table(_write(tmp_path / "b.csv", body))
    assert [row.values["name"] for row in table.rows] == ["Budi", "Ani"]
    assert any("signature block" in key for key, _ in table.notes)


def test_a_name_only_list_keeps_its_last_person_before_the_block(tmp_path: Path) -> None:
    from pledgectl.edit.tabular import read_table

    body = 'Nama\nJoko\nSri\n\n"Pekanbaru, 30 November 2023"\nKepala\n\nNama\nNIP. 196512311990031005\n'
    table = read_table(_write(tmp_path / "n.csv", body))
    assert [row.values["name"] for row in table.rows] == ["Joko", "Sri"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "id"])
def test_siasn_legal_standing_aktif_takes_the_status_from_the_nip(
    example: Registry, tmp_path: Path, lang: str
) -> None:
    """SIASN's KEDUDUKAN_HUKUM_NAMA says "Aktif" (legal standing), not PNS/PPPK: the NIP decides."""
    sheet = tmp_path / "siasn_aktif.csv"
    sheet.write_text(
        "NIP_BARU,NAMA,JABATAN_NAMA,KEDUDUKAN_HUKUM_NAMA\n"
        "199203152019031009,Ahmad Fauzi,Analis SDM Aparatur Ahli Pertama,Aktif\n"
        "199408172023212013,Siti Rahma,Pranata Komputer Ahli Pertama,AKTIF\n",
        encoding="utf-8",
    )
    code, _out, err = run(example, "--lang", lang, "roster", "import", AGENCY, str(sheet))
    assert code == 0, err
    added = {p["nip"]: p["status"] for p in people(example, "roster")}
    assert added["199203152019031009"] == "PNS"
    assert added["199408172023212013"] == "PPPK"


def test_an_unknown_status_word_is_still_a_row_error(example: Registry, tmp_path: Path) -> None:
    sheet = tmp_path / "odd_status.csv"
    sheet.write_text(
        "NIP_BARU,NAMA,KEDUDUKAN_HUKUM_NAMA\n199203152019031009,Ahmad Fauzi,Magang\n",
        encoding="utf-8",
    )
    before = snapshot(example)
    code, _out, err = run(example, "roster", "import", AGENCY, str(sheet))
    assert code == 1 and "Magang" in err
    assert snapshot(example) == before


def test_jenis_pegawai_wins_over_kedudukan_hukum(example: Registry, tmp_path: Path) -> None:
    sheet = tmp_path / "both.csv"
    sheet.write_text(
        "NIP_BARU,NAMA,KEDUDUKAN_HUKUM_NAMA,JENIS_PEGAWAI\n"
        "199203152019031009,Ahmad Fauzi,Tugas Belajar,CPNS\n",
        encoding="utf-8",
    )
    code, _out, err = run(example, "roster", "import", AGENCY, str(sheet))
    assert code == 0, err
    assert "JENIS_PEGAWAI is used" in err
    assert {p["nip"]: p["status"] for p in people(example, "roster")}["199203152019031009"] == "PNS"
