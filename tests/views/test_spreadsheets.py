"""Workbooks, the signing sheet and report charts: unit and CLI level.

Every workbook is read back with openpyxl, which keeps cell types: a NIP must be a
string cell equal to the registry's, a date a date cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import tomllib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core import i18n
from pledgectl.core.columns import MARK_HEADERS, is_mark_header, mark_header
from pledgectl.core.errors import UsageFailure
from pledgectl.core.longdate import long_date, weekday
from pledgectl.core.registry import Registry
from pledgectl.render.charts import Bar, bar_chart
from pledgectl.render.sheet_html import nip_display
from pledgectl.render.xlsx import XColumn, XInfo, XSheet, _sheet_name, workbook_bytes
from pledgectl.views import report as reports
from pledgectl.views.sheet import sheet_data

runner = CliRunner()
DECL = "ikrar-2023-11-29"
ROSTER = [
    ("197203111997031002", "Zulkarnain Effendi", "Kepala Dinas", "Pembina Utama Muda (IV/c)"),
    ("198503122010011002", "Rina Wulandari", "Sekretaris", ""),
    ("199104122023211021", "Hendri Kurniawan", "Pranata Komputer", ""),
]
OUTSIDER = "197006231996031001"  # signs, but is not on the roster


def run(reg: Registry, *args: str) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["--registry", str(reg.root), *args])
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def office(registry: Registry) -> Registry:
    """An agency with a 3-person roster (one with a grade), a declaration, one KPU witness,
    two signatures: a roster member and someone not on the roster."""
    run(registry, "agency", "add", "dinas", "--name", "Dinas Uji", "--region", "14.10")
    path = registry.agency_path("dinas")
    roster = "".join(
        f'\n[[roster]]\nnip = "{nip}"\nname = "{name}"\nstatus = "{"PPPK" if nip[12] == "2" else "PNS"}"\n'
        f'position = "{pos}"\n' + (f'grade = "{grade}"\n' if grade else "")
        for nip, name, pos, grade in ROSTER
    )
    path.write_text(path.read_text("utf-8") + roster, "utf-8")
    run(
        registry,
        "declare",
        "dinas",
        "--kind",
        "ikrar",
        "--date",
        "2023-11-29",
        "--election",
        "pemilu-2024",
        "--all-commitments",
        "--place",
        "Kota Pekanbaru",
    )
    run(registry, "witness", "dinas", DECL, "--institution", "KPU", "--name", "Perwakilan KPU")
    for nip, name in ((ROSTER[1][0], ROSTER[1][1]), (OUTSIDER, "Kepala <Badan>")):
        code, _, err = run(
            registry,
            "sign",
            "dinas",
            DECL,
            "--nip",
            nip,
            "--name",
            name,
            "--status",
            "PNS",
            "--date",
            "2023-11-29",
        )
        assert code == 0, err
    return registry


def complete(reg: Registry) -> None:
    """Add the Bawaslu witness: the declaration is complete, coverage 1 of 3 (33.3%)."""
    code, _, err = run(reg, "witness", "dinas", DECL, "--institution", "Bawaslu", "--name", "B")
    assert code == 0, err


def registry_nips(reg: Registry) -> set[str]:
    data = tomllib.loads(reg.agency_path("dinas").read_text("utf-8"))
    found = {p["nip"] for p in data.get("roster", [])}
    for decl in data.get("declarations", []):
        found |= {p["nip"] for p in decl.get("signatories", []) if "nip" in p}
    return found


def book_of(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


# -- unit ---------------------------------------------------------------------------------


def test_long_dates_in_both_languages() -> None:
    day = dt.date(2023, 11, 29)
    assert long_date(day, "id") == "29 November 2023" and weekday(day, "id") == "Rabu"
    assert long_date(dt.date(2024, 8, 5), "id") == "5 Agustus 2024"
    assert long_date("2024-02-14", "en") == "14 February 2024" and weekday(day, "en") == "Wednesday"
    assert long_date("someday", "id") == "someday" and weekday(None, "id") == ""


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_long_date_spells_every_day_once(day: dt.date) -> None:
    for lang in ("id", "en"):
        d, month, year = long_date(day, lang).split()
        assert (int(d), int(year)) == (day.day, day.year)
        assert month.isalpha() and month[0].isupper()
    assert (
        long_date(day, "id").split()[1]
        == [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ][day.month - 1]
    )


def test_mark_header_spellings() -> None:
    assert mark_header("id") == "Sudah tanda tangan" and mark_header("en") == "Signed"
    assert all(is_mark_header(h) for h in MARK_HEADERS)
    assert is_mark_header("  sudah   TANDA tangan ") and not is_mark_header("Tanda tangan")


@settings(max_examples=60, deadline=None)
@given(
    nip=st.text(alphabet="0123456789", min_size=18, max_size=18),
    region=st.from_regex(r"\A\d{2}(\.\d{2}){0,2}\Z"),
    name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and "\x00" not in s),
)
def test_workbook_cells_keep_every_digit_and_never_become_formulas(
    nip: str, region: str, name: str
) -> None:
    """Any 18 digits (leading zeros too), any region code (14.10), any text (=1+1) comes back
    as the same string cell; XlsxWriter must not turn one into a number or a formula."""
    name = "".join(c for c in name if c.isprintable()) or "x"
    data = workbook_bytes(
        [
            XSheet(
                "t",
                [XColumn("NIP", "code"), XColumn("Region", "code"), XColumn("Name")],
                [[nip, region, name], ["=" + nip, "+" + region, "@" + name]],
            )
        ]
    )
    ws = book_of(data).active
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    assert [(c.value, c.data_type) for c in rows[0]] == [(nip, "s"), (region, "s"), (name, "s")]
    assert [c.data_type for c in rows[1]] == ["s", "s", "s"]
    assert rows[1][0].value == "=" + nip


def test_workbook_layout_dates_percentages_and_totals() -> None:
    data = workbook_bytes(
        [
            XSheet(
                "Report: by region?",
                [
                    XColumn("Region", "code"),
                    XColumn("Date", "date"),
                    XColumn("Roster", "int"),
                    XColumn("Coverage", "pct"),
                ],
                [["14.10", dt.date(2023, 11, 29), 15, 66.7], ["65", "2024-02-14", 0, None]],
                totals=["total", "", 15, 66.7],
            ),
            XInfo("Info", [("Date", dt.date(2023, 11, 29)), ("Place", "Kota Pekanbaru")]),
        ],
        lang="id",
    )
    book = book_of(data)
    ws = book.worksheets[0]
    assert ws.title == "Report by region" and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D3"  # the data rows only: sorting leaves the total below
    assert ws["A2"].value == "14.10" and ws["A2"].number_format == "@"
    assert ws["B2"].is_date and ws["B2"].value == dt.datetime(2023, 11, 29)
    assert ws["B3"].is_date and "mmmm" in ws["B3"].number_format
    assert ws["C2"].value == 15 and ws["D2"].value == pytest.approx(0.667)
    assert ws["D2"].number_format == "0.0%" and ws["D3"].value is None
    assert ws["A4"].value == "total" and ws["A4"].font.b and ws["D4"].value == pytest.approx(0.667)
    assert ws.column_dimensions["A"].width >= len("Region") + 1
    assert ws.print_title_rows == "$1:$1"
    info = book["Info"]
    assert info["B1"].is_date and info["B2"].value == "Kota Pekanbaru"


def test_sheet_names_follow_excel_rules() -> None:
    used: set[str] = set()
    assert _sheet_name("a" * 40, used) == "a" * 31
    assert _sheet_name("A" * 40, used) == "A" * 27 + " (2)"
    assert _sheet_name("[x]:*?/\\", used) == "x"


def test_nip_display_groups_as_printed_on_documents() -> None:
    assert nip_display("197203111997031002") == "19720311 199703 1 002"
    assert nip_display("1972031119970****2") == "1972031119970****2"
    assert nip_display("") == ""


def test_bar_chart_draws_the_given_text_and_clamps_the_bar() -> None:
    svg = bar_chart(
        "<t>", [Bar("14.71", 66.7, "66.7%"), Bar("65", None, "–"), Bar("x", 150, "150.0%")]
    )
    assert "&lt;t&gt;" in svg and "<script" not in svg and "http" not in svg
    widths = [float(w) for w in re.findall(r'class="chart-bar"[^>]* width="([\d.]+)"', svg)]
    assert widths == [pytest.approx(360 * 0.667, abs=0.1), 360.0]
    assert re.findall(r'class="value"[^>]*>([^<]*)<', svg) == ["66.7%", "–", "150.0%"]


def test_sheet_rows_roster_then_outsiders_then_blanks(office: Registry) -> None:
    data = sheet_data(office, "dinas", DECL)
    names = [r.name for r in data.rows]
    assert names[:4] == [p[1] for p in ROSTER] + ["Kepala <Badan>"]
    assert [r.on_roster for r in data.people] == [True, True, True, False]
    assert [r.no for r in data.rows] == list(range(1, 10)) and all(r.blank for r in data.rows[4:])
    assert data.rows[0].grade == "Pembina Utama Muda (IV/c)"
    assert [(w.institution, w.name) for w in data.witnesses] == [
        ("KPU", "Perwakilan KPU"),
        ("Bawaslu", ""),
    ]
    assert data.date == dt.date(2023, 11, 29)
    redacted = sheet_data(office, "dinas", DECL, redacted=True)
    assert not {r.nip for r in redacted.rows} & registry_nips(office)


def test_sheet_knows_a_person_as_every_command_does(office: Registry) -> None:
    """Off-roster rows use the one identity of a person (pledgectl.core.identity): a
    roster member without NIP who signed with their titles, and one known by NIK, are
    not listed a second time."""
    path = office.agency_path("dinas")
    text = path.read_text("utf-8")
    roster = (
        '\n[[roster]]\nname = "Rina Wulandari"\nstatus = "NON-ASN"\n'
        '\n[[roster]]\nnik = "1471015708900002"\nname = "Sari Dewi"\nstatus = "NON-ASN"\n'
    )
    at = text.index("[[declarations]]")
    signers = (
        '\n[[declarations.signatories]]\nname = "Dr. Rina Wulandari, S.Sos."\n'
        'status = "NON-ASN"\nsigned = 2023-11-29\n'
        '\n[[declarations.signatories]]\nnik = "1471015708900002"\nname = "Sari Dewi, S.E."\n'
        'status = "NON-ASN"\nsigned = 2023-11-29\n'
    )
    path.write_text(text[:at] + roster.lstrip("\n") + "\n" + text[at:] + signers, "utf-8")
    data = sheet_data(office, "dinas", DECL)
    names = [r.name for r in data.people]
    assert names == [p[1] for p in ROSTER] + ["Rina Wulandari", "Sari Dewi", "Kepala <Badan>"]
    assert [r.on_roster for r in data.people] == [True] * 5 + [False]


def test_refuses_a_workbook_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from pledgectl.cli.workbook import refuse_terminal

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Tty())
    with pytest.raises(UsageFailure) as caught:
        refuse_terminal(None)
    assert "-o FILE" in caught.value.message and caught.value.exit_code == 2
    refuse_terminal(Path("x.xlsx"))  # a file: fine


# -- CLI ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "id"])
def test_export_xlsx(office: Registry, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "export.xlsx"
    code, out, err = run(office, "--lang", lang, "export", "--format", "xlsx", "-o", str(target))
    assert code == 0 and out == b"" and str(target) in err
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[:3] == (
        ["Agency", "Agency name", "Region code"]
        if lang == "en"
        else ["Instansi", "Nama instansi", "Kode wilayah"]
    )
    nip_col = header.index("NIP") + 1
    signed_col = header.index("Date signed" if lang == "en" else "Tanggal tanda tangan") + 1
    cells = [ws.cell(row, nip_col) for row in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in cells)
    assert {c.value for c in cells} == {ROSTER[1][0], OUTSIDER} <= registry_nips(office)
    assert ws.cell(2, 3).value == "14.10" and ws.cell(2, 3).data_type == "s"
    assert ws.cell(2, signed_col).is_date and ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_export_csv_headers_follow_the_language(office: Registry) -> None:
    _, out, _ = run(office, "--lang", "id", "export")
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    assert rows[0]["NIP"] in (ROSTER[1][0], OUTSIDER) and rows[0]["Kode wilayah"] == "14.10"
    assert "Tanggal tanda tangan" in rows[0] and "Tanggal pernyataan" in rows[0]


def test_export_carries_the_nik_as_text_and_redacts_it(office: Registry, tmp_path: Path) -> None:
    """A NON-ASN signatory known by NIK: the NIK is a text cell (every digit kept) and
    --redact masks it as it masks a NIP."""
    nik = "1471015708900002"
    code, _, err = run(
        office, "sign", "dinas", DECL, "--nik", nik, "--name", "Sari Dewi",
        "--status", "NON-ASN", "--date", "2023-11-29",
    )  # fmt: skip
    assert code == 0, err
    target = tmp_path / "export.xlsx"
    assert run(office, "export", "--format", "xlsx", "-o", str(target))[0] == 0
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[header.index("NIP") + 1] == "NIK"
    cells = [ws.cell(row, header.index("NIK") + 1) for row in range(2, ws.max_row + 1)]
    assert [c.value for c in cells if c.value] == [nik] and cells[-1].data_type == "s"
    _, out, _ = run(office, "export", "--redact")
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    assert [r["NIK"] for r in rows if r["NIK"]] == ["147101**********"]
    assert nik not in out.decode()


def test_export_excel_is_retired(office: Registry) -> None:
    code, out, err = run(office, "export", "--excel")
    assert code == 2 and out == b"" and "--format xlsx -o FILE" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("by", ["agency", "region", "election"])
def test_report_xlsx(office: Registry, tmp_path: Path, lang: str, by: str) -> None:
    complete(office)
    target = tmp_path / "r.xlsx"
    code, _, err = run(
        office, "--lang", lang, "report", "--by", by, "--format", "xlsx", "-o", str(target)
    )
    assert code == 0, err
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    i18n.set_lang(lang)
    grid = reports.grid(reports.build_report(office), by)
    i18n.set_lang("en")
    assert header == [c.label for c in grid.columns]
    if by != "election":
        region = header.index("region" if lang == "en" else "wilayah") + 1
        assert ws.cell(2, region).value == "14.10" and ws.cell(2, region).data_type == "s"
    if by == "agency":
        assert ws.cell(2, len(header)).value == ("complete" if lang == "en" else "lengkap")
        coverage = ws.cell(2, header.index(grid.columns[7].label) + 1)
        assert (
            coverage.value == pytest.approx(1 / 3, abs=0.001) and coverage.number_format == "0.0%"
        )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sheet_xlsx_rows_and_mark_column(office: Registry, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "sheet.xlsx"
    code, _, err = run(
        office, "--lang", lang, "sheet", "dinas", DECL, "-f", "xlsx", "-o", str(target)
    )
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[-1] == mark_header(lang) and is_mark_header(header[-1])
    assert header[:5] == (
        ["No.", "Name", "NIP", "Grade", "Position"]
        if lang == "en"
        else ["No.", "Nama", "NIP", "Pangkat/Golongan", "Jabatan"]
    )
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    assert len(rows) == 3 + 1 + 5
    nips = [r[2] for r in rows[:4]]
    assert [c.value for c in nips] == [p[0] for p in ROSTER] + [OUTSIDER]
    assert all(c.data_type == "s" for c in nips)
    assert [r[0].value for r in rows] == list(range(1, 10))
    assert all(r[-1].value is None for r in rows)  # the clerk fills the marks in
    assert rows[0][6].alignment.horizontal == "left" and rows[1][6].alignment.horizontal == "right"
    assert [r[5].value for r in rows[:4]] == ["PNS", "PNS", "PPPK", "PNS"]
    info = book.worksheets[1]
    dates = [row[1] for row in info.iter_rows() if row[1].is_date]
    assert [c.value for c in dates] == [dt.datetime(2023, 11, 29)]


def test_sheet_csv_in_indonesian(office: Registry) -> None:
    _, out, _ = run(office, "--lang", "id", "sheet", "dinas", DECL, "-f", "csv")
    rows = list(csv.reader(io.StringIO(out.decode())))
    assert rows[0] == [
        "No.", "Nama", "NIP", "Pangkat/Golongan", "Jabatan", "Status", "Tanda tangan",
        "Sudah tanda tangan",
    ]  # fmt: skip
    assert [r[2] for r in rows[1:5]] == [p[0] for p in ROSTER] + [OUTSIDER]
    assert len(rows) == 1 + 4 + 5


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sheet_html_is_a_daftar_hadir(office: Registry, lang: str) -> None:
    code, out, _ = run(office, "--lang", lang, "sheet", "dinas", DECL)
    page = out.decode()
    assert code == 0 and page.startswith("<!DOCTYPE html>")
    assert "@page { size: A4" in page and "thead { display: table-header-group; }" in page
    assert "break-inside: avoid" in page and "<script" not in page and "http" not in page
    assert '<div class="agency">DINAS UJI</div>' in page
    assert "19720311 199703 1 002" in page and "Kepala &lt;Badan&gt;" in page
    assert "Pembina Utama Muda (IV/c)" in page
    assert page.count('class="sig odd"') == 5 and page.count('class="sig even"') == 4
    assert page.count('<tr class="extra">') == 1
    if lang == "id":
        assert "DAFTAR HADIR DAN TANDA TANGAN" in page and "Rabu, 29 November 2023" in page
        assert "Saksi dari Komisi Pemilihan Umum" in page and "Saksi dari Badan Pengawas" in page
        assert "Mengetahui," in page and "Kepala Dinas Uji" in page
        assert "Pangkat/<wbr>Golongan" in page and "Tidak terlibat" in page
        assert "Kota Pekanbaru, 29 November 2023" in page
    else:
        assert "ATTENDANCE AND SIGNING SHEET" in page and "Wednesday, 29 November 2023" in page
        assert "Witness for General Elections Commission" in page and "Acknowledged by," in page


def test_sheet_unknown_declaration_is_one_line(office: Registry) -> None:
    code, out, err = run(office, "sheet", "dinas", "nope", "-f", "xlsx", "-o", "/dev/null")
    assert code == 1 and out == b"" and err.startswith("error:") and DECL in err


def test_sheet_xlsx_to_a_missing_folder_is_one_line(office: Registry, tmp_path: Path) -> None:
    code, _, err = run(
        office, "sheet", "dinas", DECL, "-f", "xlsx", "-o", str(tmp_path / "no/x.xlsx")
    )
    assert code == 1 and err.startswith("error:") and "Traceback" not in err


def chart_values(page: str, caption: str) -> dict[str, str]:
    figure = page.split(f"<figcaption>{caption}</figcaption>")[1].split("</figure>")[0]
    labels = re.findall(r'text-anchor="end"><title>([^<]*)</title>', figure)
    values = re.findall(r'class="value"[^>]*>([^<]*)<', figure)
    return dict(zip(labels, values, strict=True))


def table_values(page: str, key_col: int, value_col: int) -> dict[str, str]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body):
        cells = [re.sub(r"<div.*", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        found[cells[key_col]] = cells[value_col]
    return found


def test_report_html_charts_show_the_tables_numbers(office: Registry) -> None:
    complete(office)
    run(office, "agency", "add", "lain", "--name", "Dinas Lain", "--region", "65")
    _, out, _ = run(office, "report", "--by", "region", "--format", "html")
    page = out.decode()
    assert page.count("<svg") == 2 and "<script" not in page and "http" not in page
    bars = chart_values(page, "Coverage per region: 2024 General Election")
    assert bars == table_values(page, 0, 6) == {"14.10": "33.3%", "65": "–"}
    _, out, _ = run(office, "report", "--by", "election", "--format", "html")
    page = out.decode()
    bars = chart_values(page, "Coverage per election in scope")
    table = table_values(page, 1, 8)
    assert (
        bars
        == {"2024 General Election": table["2024 General Election"]}
        == {"2024 General Election": "33.3%"}
    )


def test_markdown_report_escapes_raw_html_in_names(registry: Registry) -> None:
    run(
        registry,
        "agency",
        "add",
        "x",
        "--name",
        "<img src=x onerror=alert(1)> & Co",
        "--region",
        "14",
    )
    _, out, _ = run(registry, "report", "--format", "markdown")
    text = out.decode()
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in text


def test_five_thousand_people_in_one_sheet(registry: Registry, tmp_path: Path) -> None:
    """A large office: every NIP of a 5,000-person roster is an exact text cell."""
    run(registry, "agency", "add", "besar", "--name", "Dinas Besar", "--region", "14.71")
    nips = [
        f"19{70 + i % 30:02d}0{1 + i % 9}1{i % 10}{2000 + i % 20}0{1 + i % 9}1{i % 1000:03d}"
        for i in range(5000)
    ]
    assert len(set(nips)) == 5000 and all(len(n) == 18 for n in nips)
    path = registry.agency_path("besar")
    path.write_text(
        path.read_text("utf-8")
        + "".join(
            f'\n[[roster]]\nnip = "{n}"\nname = "Pegawai {i}"\nstatus = "PNS"\n'
            for i, n in enumerate(nips)
        ),
        "utf-8",
    )
    run(
        registry,
        "declare",
        "besar",
        "--kind",
        "ikrar",
        "--date",
        "2023-11-29",
        "--election",
        "pemilu-2024",
        "--all-commitments",
    )
    target = tmp_path / "besar.xlsx"
    code, _, err = run(registry, "sheet", "besar", DECL, "-f", "xlsx", "-o", str(target))
    assert code == 0, err
    ws = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    cells = [row[2] for row in ws.iter_rows(min_row=2, max_row=5001)]
    assert [c.value for c in cells] == nips and {c.data_type for c in cells} == {"s"}


def test_a_workbook_goes_to_a_pipe(office: Registry) -> None:
    code, out, _ = run(office, "sheet", "dinas", DECL, "--format", "xlsx")
    assert code == 0 and out.startswith(b"PK\x03\x04")
    assert book_of(out).worksheets[0]["C2"].value == ROSTER[0][0]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_agency_list_xlsx(office: Registry, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "agencies.xlsx"
    code, _, err = run(office, "--lang", lang, "agency", "list", "-f", "xlsx", "-o", str(target))
    assert code == 0, err
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value == ("Agency" if lang == "en" else "Instansi")
    assert ws["C1"].value == ("Region code" if lang == "en" else "Kode wilayah")
    assert (ws["A2"].value, ws["C2"].value, ws["C2"].data_type) == ("dinas", "14.10", "s")
    assert ws["F2"].value == 2 and ws.freeze_panes == "A2"
