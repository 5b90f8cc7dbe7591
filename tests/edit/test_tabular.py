"""The spreadsheet reader shared by ``import`` and ``roster import``, on real files."""

from __future__ import annotations

import ast
import datetime as dt
import os
import string
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue, PledgeError, UsageFailure
from pledgectl.edit import tabular
from pledgectl.edit.tabular import (
    HEADER_ALIASES,
    Row,
    Table,
    field_label,
    nip_lost_digits,
    read_table,
    recognise,
)

NIP1 = "198503122010011002"
NIP2 = "199001012015032001"
NIP3 = "198712252019021003"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(path: Path, rows: list[list[object]], title: str | None = None) -> Path:
    """An XLSX written by openpyxl; ``None`` leaves a cell (or a whole row) empty."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.title = title
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    workbook.save(path)
    return path


def values(table: Table) -> list[dict[str, str]]:
    return [row.values for row in table.rows]


def numbers(table: Table) -> list[int]:
    return [row.number for row in table.rows]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# -- CSV dialects and encodings ---------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_each_csv_dialect(tmp_path: Path, delimiter: str) -> None:
    lines = [
        ["NIP", "Nama", "Jabatan", "Status"],
        [NIP1, "Budi Santoso", "Analis Kepegawaian", "PNS"],
        [NIP2, "Siti, S.Sos", "Kepala Seksi", "PNS"],
    ]
    body = "\r\n".join(
        delimiter.join(f'"{cell}"' if "," in cell else cell for cell in line) for line in lines
    )
    table = read_table(write(tmp_path / "daftar.csv", body + "\r\n"))
    assert table.columns == {
        "nip": "NIP",
        "name": "Nama",
        "position": "Jabatan",
        "status": "Status",
    }
    assert values(table) == [
        {"nip": NIP1, "name": "Budi Santoso", "position": "Analis Kepegawaian", "status": "PNS"},
        {"nip": NIP2, "name": "Siti, S.Sos", "position": "Kepala Seksi", "status": "PNS"},
    ]
    assert numbers(table) == [2, 3]
    assert table.notes == []
    assert table.ignored_columns == []


def test_semicolon_file_with_commas_inside_names(tmp_path: Path) -> None:
    # Indonesian-locale Excel writes ';' and names carry commas (academic titles)
    body = "NIP;Nama;Jabatan\n" + "".join(
        f"{NIP1};Dr. Ani, M.Si., Ak.;Kepala, Bidang {i}\n" for i in range(5)
    )
    table = read_table(write(tmp_path / "a.csv", body))
    assert table.rows[0].values["name"] == "Dr. Ani, M.Si., Ak."
    assert table.rows[0].values["position"] == "Kepala, Bidang 0"


def test_utf8_bom(tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "bom.csv", "\ufeffNama,NIP\nÉlia Ñurhayati,1\n"))
    assert table.columns == {"name": "Nama", "nip": "NIP"}
    assert values(table) == [{"name": "Élia Ñurhayati", "nip": "1"}]
    assert table.notes == []


def test_windows_1252_is_read_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path / "lama.csv", "Nama;NIP\nJosé Müller;" + NIP1 + "\n", "cp1252")
    table = read_table(path)
    assert values(table) == [{"name": "José Müller", "nip": NIP1}]
    assert [key for key, _ in table.notes] == [
        "{path} is not UTF-8 and was read as {encoding}; check that names with special letters look right"
    ]
    params = table.notes[0][1]
    assert params["encoding"] == "Windows-1252"
    assert "Windows-1252" in i18n.t(
        "{path} is not UTF-8 and was read as {encoding}; check that names with special letters look right",
        **params,
    )


def test_utf16_unicode_text_export(tmp_path: Path) -> None:
    # Excel's "Unicode Text": UTF-16 with BOM, tab-separated
    path = write(tmp_path / "unicode.txt", "\ufeffNIP\tNama\n" + NIP1 + "\tDéwi\n", "utf-16-le")
    assert values(read_table(path)) == [{"nip": NIP1, "name": "Déwi"}]


def test_quoted_newline_is_one_row(tmp_path: Path) -> None:
    body = f'NIP,Nama,Jabatan\n{NIP1},Budi,"Kepala\nSeksi Umum"\n{NIP2},Ani,Staf\n'
    table = read_table(write(tmp_path / "q.csv", body))
    assert table.rows[0].values["position"] == "Kepala\nSeksi Umum"
    # one record is one spreadsheet row, as Excel shows it
    assert numbers(table) == [2, 3]


def test_nip_read_as_text_apostrophe_and_spaces_removed(tmp_path: Path) -> None:
    body = f"NIP,Nama\n'{NIP1},A\n19850312 201001 1 002,B\n\u00a0{NIP2}\u00a0,C\n0012,D\n"
    table = read_table(write(tmp_path / "n.csv", body))
    assert [row.values["nip"] for row in table.rows] == [NIP1, NIP1, NIP2, "0012"]
    assert all(row.problems == () for row in table.rows)


@pytest.mark.parametrize(
    "written", ["1.98503E+17", "1,98503E+17", "1.98503122010011e17", "198503122010011000.00",
                "198.503.122.010.011.000", "198503122010011000"]
)  # fmt: skip
def test_csv_nip_damaged_by_excel(tmp_path: Path, written: str) -> None:
    body = f'NIP;Nama\n{NIP1};Utuh\n"{written}";Rusak\n'
    table = read_table(write(tmp_path / "d.csv", body))
    ok, damaged = table.rows
    assert ok.problems == ()
    assert damaged.number == 3
    (problem,) = damaged.problems
    assert problem.field == "nip"
    assert (
        problem.key
        == "NIP {value} in column {column} has lost digits: the spreadsheet stored it as a number and kept only 15 significant digits"
    )
    assert problem.params["value"] == written
    assert problem.params["column"] == "NIP"
    assert problem.hint is not None
    assert "Text" in i18n.t(problem.hint, **problem.params)


@pytest.mark.parametrize(
    ("text", "lost"),
    [(NIP1, False), ("1.98503E+17", True), ("19850312.2010011002", False), ("12345", False),
     ("1234567890123.5", True), ("1E+17", True), ("19850312-201001-1-002", False)],
)  # fmt: skip
def test_lost_digit_patterns(text: str, lost: bool) -> None:
    assert nip_lost_digits(text) is lost


# -- headers ------------------------------------------------------------------------------


def test_indonesian_headers_in_odd_case_and_spacing(tmp_path: Path) -> None:
    header = " no. nip ;NAMA_LENGKAP; Nama  Jabatan ;jenis pegawai;UNIT KERJA;Tanggal Tanda-Tangan"
    row = f"{NIP1};Budi;Staf;PNS;Bidang Mutasi;2023-11-29"
    table = read_table(write(tmp_path / "id.csv", f"{header}\n{row}\n"))
    assert table.columns == {
        "nip": "no. nip",
        "name": "NAMA_LENGKAP",
        "position": "Nama Jabatan",
        "status": "jenis pegawai",
        "unit": "UNIT KERJA",
        "signed": "Tanggal Tanda-Tangan",
    }
    assert values(table)[0] == {
        "nip": NIP1, "name": "Budi", "position": "Staf", "status": "PNS",
        "unit": "Bidang Mutasi", "signed": "2023-11-29",
    }  # fmt: skip


def test_english_headers(tmp_path: Path) -> None:
    header = "Full Name,JOB TITLE,employment_status,Work Unit,signed on,Employee Number"
    table = read_table(
        write(tmp_path / "en.csv", f"{header}\nAni,Clerk,PPPK,HR,2024-01-02,{NIP2}\n")
    )
    assert set(table.columns) == {"name", "position", "status", "unit", "signed", "nip"}
    assert values(table)[0]["status"] == "PPPK"


def test_every_alias_is_recognised() -> None:
    for name, aliases in HEADER_ALIASES.items():
        for alias in (name, *aliases):
            assert recognise(alias) == name
            assert recognise(f"  {alias.upper()}. ") == name
            assert recognise(alias.lower().replace(" ", "_")) == name
    assert field_label("name") == "name"
    i18n.set_lang("id")
    assert field_label("name") == "nama"


def test_unknown_columns_are_listed(tmp_path: Path) -> None:
    body = f"No,NIP,Nama,Golongan,Keterangan,,\n1,{NIP1},Budi,III/a,hadir,,\n"
    table = read_table(write(tmp_path / "u.csv", body))
    assert table.ignored_columns == ["No", "Keterangan"]
    assert values(table) == [{"nip": NIP1, "name": "Budi", "grade": "III/a"}]
    assert "Golongan" in i18n.t("columns not recognised, ignored: {columns}", columns="Golongan")


def test_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "Nama,Jabatan,Golongan\nBudi,Staf,III/a\n")
    with pytest.raises(InvalidValue) as caught:
        read_table(path, required=("nip", "name"))
    error = caught.value
    assert error.key == "{path}: no column for {columns}; headers found: {found}"
    assert error.params["columns"] == "NIP"
    assert error.params["found"] == "Nama, Jabatan, Golongan"
    assert "Nomor Induk Pegawai" in str(error.params["accepted"])
    assert "NIP" in error.message and "Golongan" in error.message
    assert error.hint is not None and "Nomor Induk Pegawai" in error.hint
    i18n.set_lang("id")
    assert "tidak ada kolom" in error.message
    assert error.hint is not None and "judul kolom" in error.hint


def test_missing_name_column_default_required(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_table(write(tmp_path / "m.csv", f"NIP\n{NIP1}\n"))
    assert caught.value.key == "{path}: no column for {columns}; headers found: {found}"
    assert caught.value.params["columns"] == "Nama / Name"


def test_title_rows_numbering_row_and_repeated_header(tmp_path: Path) -> None:
    body = (
        "DAFTAR HADIR IKRAR NETRALITAS ASN,,\n"  # row 1
        ",,\n"  # row 2
        "No,NIP,Nama\n"  # row 3: header
        "(1),(2),(3)\n"  # row 4: column numbers
        f"1,{NIP1},Budi\n"  # row 5
        "No,NIP,Nama\n"  # row 6: header repeated after a page break
        f"2,{NIP2},Ani\n"  # row 7
    )
    table = read_table(write(tmp_path / "t.csv", body))
    assert table.header_row == 3
    assert numbers(table) == [5, 7]
    assert [key for key, _ in table.notes] == [
        "column headers read from row {row}; the rows above it were skipped",
        "row {row} only numbers the columns (1, 2, 3, ...) and was skipped",
        "rows {rows} repeat the column headers and were skipped",
    ]
    assert table.notes[1][1] == {"row": "4"}
    assert table.notes[2][1] == {"rows": "6"}


def test_duplicate_column_first_wins(tmp_path: Path) -> None:
    body = f"NIP,Nama,NIP Baru\n{NIP1},Budi,{NIP2}\n"
    table = read_table(write(tmp_path / "d.csv", body))
    assert table.columns["nip"] == "NIP"
    assert values(table) == [{"nip": NIP1, "name": "Budi"}]
    assert table.ignored_columns == ["NIP Baru"]
    assert table.notes == [
        (
            "columns {first} and {second} both hold {field}; {first} is used, {second} is ignored",
            {"first": "NIP", "second": "NIP Baru", "field": "nip"},
        )
    ]


# -- rows ---------------------------------------------------------------------------------


def test_blank_rows_skipped_numbering_preserved(tmp_path: Path) -> None:
    body = f"\n\nNIP,Nama\n{NIP1},Budi\n,\n   ,  \n\n{NIP2},Ani\n3,\n"
    table = read_table(write(tmp_path / "b.csv", body))
    assert table.header_row == 3
    assert numbers(table) == [4, 8, 9]
    assert table.rows[2] == Row(9, {"nip": "3"})


def test_prenumbered_empty_signing_lines_are_blank(tmp_path: Path) -> None:
    body = "No,NIP,Nama\n" + f"1,{NIP1},Budi\n" + "".join(f"{i},,\n" for i in range(2, 30))
    table = read_table(write(tmp_path / "s.csv", body))
    assert numbers(table) == [2]


def test_twenty_thousand_rows(tmp_path: Path) -> None:
    lines = ["NIP;Nama;Jabatan;Status"]
    lines += [f"198503122010011{i % 999 + 1:03d};Pegawai {i};Staf;PNS" for i in range(20_000)]
    table = read_table(write(tmp_path / "big.csv", "\n".join(lines) + "\n"))
    assert len(table.rows) == 20_000
    assert table.rows[-1].number == 20_001
    assert table.rows[-1].values["name"] == "Pegawai 19999"


# -- XLSX ---------------------------------------------------------------------------------


def test_xlsx_text_and_numeric_nip_cells(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "daftar.xlsx",
        [
            ["No", "NIP", "Nama", "Jabatan", "Tanggal"],  # row 1
            [1, NIP1, "Budi", "Staf", dt.date(2023, 11, 29)],  # row 2: text NIP
            [2, int(NIP2), "Ani", "Kepala", dt.datetime(2023, 11, 29, 9, 30)],  # row 3: number
            [3, 1.98712252019021e17, "Citra", 12.0, "29/11/2023"],  # row 4: what Excel keeps
            [4, "'" + NIP3, "Dedi", 2.5, None],  # row 5: apostrophe marker
            [5, 123456789, "Eko", None, None],  # row 6: a small number (old 9-digit NIP)
        ],
    )
    table = read_table(path, required=("nip", "name"))
    assert table.sheet == "Sheet"
    assert table.ignored_columns == ["No"]
    rows = {row.number: row for row in table.rows}
    assert set(rows) == {2, 3, 4, 5, 6}

    assert rows[2].values == {"nip": NIP1, "name": "Budi", "position": "Staf", "date": "2023-11-29"}
    assert rows[2].problems == ()

    for number in (3, 4):  # a number cell holding 18 digits cannot be trusted
        (problem,) = rows[number].problems
        assert (
            problem.key
            == "NIP {value} in column {column} has lost digits: the spreadsheet stored it as a number and kept only 15 significant digits"
        )
        assert problem.field == "nip"
        assert problem.params["row"] == str(number)
        assert problem.params["column"] == "NIP"
    assert rows[3].values["date"] == "2023-11-29"  # a datetime in the date column: the day
    assert rows[4].values["position"] == "12"  # numbers without ".0"
    assert rows[4].values["date"] == "29/11/2023"  # text dates are left to the importer

    assert rows[5].values["nip"] == NIP3 and rows[5].problems == ()
    assert rows[5].values["position"] == "2.5"
    assert rows[6].values["nip"] == "123456789" and rows[6].problems == ()


def test_xlsx_leading_blank_rows_and_columns_keep_sheet_numbering(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "offset.xlsx",
        [
            [],  # row 1
            [None, "Daftar Hadir"],  # row 2: a title
            [],  # row 3
            [None, "NIP", "Nama"],  # row 4: header, starting in column B
            [None, NIP1, "Budi"],  # row 5
            [],  # row 6
            [None, NIP2, "Ani"],  # row 7
        ],
    )
    table = read_table(path)
    assert table.header_row == 4
    assert numbers(table) == [5, 7]
    assert values(table)[1] == {"nip": NIP2, "name": "Ani"}
    assert (
        "column headers read from row {row}; the rows above it were skipped",
        {"row": "4"},
    ) in table.notes


def test_xlsx_reads_the_sheet_with_the_headers(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "Petunjuk"
    cover["A1"] = "Isi daftar di lembar berikutnya"
    data = workbook.create_sheet("Peserta")
    data.append(["NIP", "Nama"])
    data.append([NIP1, "Budi"])
    workbook.save(path)
    table = read_table(path)
    assert table.sheet == "Peserta"
    assert values(table) == [{"nip": NIP1, "name": "Budi"}]
    assert (
        "the first sheet has no recognised column headers; read sheet {sheet} instead",
        {"sheet": "Peserta"},
    ) in table.notes


def test_xlsx_missing_column_and_empty_sheet(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_table(xlsx(tmp_path / "m.xlsx", [["NIP", "Jabatan"], [NIP1, "Staf"]]))
    assert caught.value.key == "{path}: no column for {columns}; headers found: {found}"
    assert caught.value.params["found"] == "NIP, Jabatan"
    with pytest.raises(InvalidValue) as caught:
        read_table(xlsx(tmp_path / "e.xlsx", []))
    assert caught.value.key == "{path} is empty: no header row and no data"


def test_xlsx_twenty_thousand_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["NIP", "Nama", "Jabatan"])
    for i in range(20_000):
        sheet.append([f"198503122010011{i % 999 + 1:03d}", f"Pegawai {i}", "Staf"])
    workbook.save(path)
    table = read_table(path, required=("nip", "name"))
    assert len(table.rows) == 20_000
    assert table.rows[-1].number == 20_001
    assert all(row.problems == () for row in table.rows)


def test_xlsx_saved_with_a_csv_name_is_read_as_a_workbook(tmp_path: Path) -> None:
    source = xlsx(tmp_path / "real.xlsx", [["NIP", "Nama"], [NIP1, "Budi"]])
    renamed = tmp_path / "daftar.csv"
    renamed.write_bytes(source.read_bytes())
    table = read_table(renamed)
    assert values(table) == [{"nip": NIP1, "name": "Budi"}]
    assert (
        table.notes[0][0] == "{path} is really a {format} file despite its name and was read as one"
    )


# -- failures -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"PK\x03\x04" + os.urandom(500), b"", b"NIP,Nama\n1,Budi\n"],
    ids=["random", "zip-header", "zero-bytes", "csv-text"],
)
def test_corrupt_xlsx_is_a_clean_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(content)
    with pytest.raises(InvalidValue) as caught:
        read_table(path)
    assert caught.value.key == "{path} cannot be read as a spreadsheet: {reason}"
    assert caught.value.hint is not None
    assert caught.value.params["path"] == str(path)


def test_truncated_xlsx_is_a_clean_error(tmp_path: Path) -> None:
    whole = xlsx(tmp_path / "whole.xlsx", [["NIP", "Nama"], [NIP1, "Budi"]]).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InvalidValue) as caught:
        read_table(path)
    assert caught.value.key == "{path} cannot be read as a spreadsheet: {reason}"


@pytest.mark.parametrize("content", ["", "\n\n  \n", ",,,\n,,\n", "\ufeff"])
def test_empty_csv(tmp_path: Path, content: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        read_table(write(tmp_path / "kosong.csv", content))
    assert caught.value.key == "{path} is empty: no header row and no data"
    assert caught.value.hint is not None and "NIP" in caught.value.hint


def test_header_only_csv_has_no_rows(tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "h.csv", "NIP,Nama\n"))
    assert table.rows == []
    assert table.columns == {"nip": "NIP", "name": "Nama"}


def test_missing_file_folder_and_unsupported_format(tmp_path: Path) -> None:
    with pytest.raises(UsageFailure) as caught:
        read_table(tmp_path / "tidak-ada.csv")
    assert caught.value.key == "file not found: {path}"
    assert caught.value.hint is not None
    with pytest.raises(UsageFailure) as caught:
        read_table(tmp_path)
    assert caught.value.key == "{path} is a folder, not a file"
    pdf = tmp_path / "daftar.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(UsageFailure) as caught:
        read_table(pdf)
    assert caught.value.key == "{path} is not a CSV or XLSX file"
    assert caught.value.hint is not None and "CSV UTF-8" in caught.value.hint


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InvalidValue) as caught:
        read_table(path)
    assert caught.value.key == "{path} does not look like a text (CSV) file"


def test_oversized_csv_field_is_a_clean_error(tmp_path: Path) -> None:
    body = 'NIP,Nama\n1,"' + "x" * 200_000 + "\n"  # an unclosed quote swallows the file
    with pytest.raises(PledgeError) as caught:
        read_table(write(tmp_path / "q.csv", body))
    assert caught.value.key == "{path}: the CSV cannot be read near line {line}: {reason}"
    assert caught.value.hint is not None


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=2000) | st.text(alphabet=",;\t\"'\n\r aNIPm.E+0189\x00\u00e9", max_size=300).map(str.encode))  # fmt: skip
def test_arbitrary_bytes_raise_only_pledge_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "acak.csv"
    path.write_bytes(content)
    try:
        table = read_table(path, required=())
    except PledgeError as error:
        assert i18n.gettext_in("id", error.key) != error.key  # a msgid with a translation
        assert error.hint is not None
    else:
        assert all(row.number >= 1 for row in table.rows)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=3000))
def test_arbitrary_bytes_as_xlsx_raise_only_pledge_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "acak.xlsx"
    path.write_bytes(b"PK\x03\x04" + content)
    with pytest.raises(PledgeError):
        read_table(path)


# -- catalog and start-up -------------------------------------------------------------------


def test_every_field_label_is_translated() -> None:
    for name in HEADER_ALIASES:
        label = field_label(name)
        i18n.set_lang("id")
        try:
            assert field_label(name) != label or name in (
                "nip",
                "status",
                "nik",
                "title_front",
                "title_back",
            ), name
        finally:
            i18n.set_lang("en")


def test_every_error_has_a_hint() -> None:
    source = (Path(tabular.__file__)).read_text("utf-8")
    tree = ast.parse(source)
    raised = [
        node.exc
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and ast.unparse(node.exc.func) in ("UsageFailure", "InvalidValue")
    ]
    assert len(raised) >= 10
    for call in raised:
        assert any(k.arg == "hint" for k in call.keywords), ast.unparse(call)


def test_calamine_is_not_imported_at_startup() -> None:
    code = "import sys, pledgectl.edit.tabular; print('python_calamine' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
