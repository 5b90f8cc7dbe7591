"""Read the spreadsheets HR offices already keep: CSV and XLSX, headers in Indonesian or English.

Shared by ``import`` (signatories) and ``roster import`` (staff lists). The reader only
turns a file into rows of canonical fields (``nip``, ``name``, ``position``, ``status``,
``unit``, ``date``) with their text; validating the values (NIP rules, statuses, dates)
is the importing command's job. The one value problem found here is a NIP that the
spreadsheet damaged by storing it as a number (Excel keeps 15 significant digits, a NIP
has 18): that can only be seen while the cell's type is still known.

Why python-calamine for XLSX: it is a binding of the Rust ``calamine`` reader, several
times faster than openpyxl on large sheets, and it keeps each cell's type (a number
stays a ``float``, a date a ``date``), which is exactly what is needed to tell a NIP typed
as text from one Excel turned into ``1.98503E+17``. It also reads .xls, .xlsb and .ods,
so those are accepted too. It is imported inside :func:`_workbook_grid` only, so the CLI
does not pay for it at start-up.

Choices, documented for the README:

* **Which sheet.** The first worksheet, unless it has no header row carrying the
  required columns and a later worksheet does; then the first such sheet is read and a
  ``tabular.sheet-used`` note says so.
* **Which row is the header.** Among the first 30 non-blank rows, the row that names
  every required column and recognises the most columns (the earliest on a tie); title
  rows above it ("DAFTAR HADIR ...") are skipped with a ``tabular.header-row`` note.
* **Row numbers** are the spreadsheet's own (as Excel shows them: the first line of the
  file is row 1, blank rows and title rows count). In a CSV one record is one row, even
  when a quoted field holds a line break, as Excel shows it.
* **Blank rows** -- rows with nothing in any recognised column (including pre-numbered
  empty lines of a signing sheet) -- are skipped; the numbering still counts them. A row
  right under the header that only numbers the columns ("1, 2, 3") and rows that repeat
  the header are skipped with a note.
* **Two columns for one field** (``NIP`` and ``NIP Baru``): the first is used, the other
  is listed as ignored and a note names both.
* **CSV** is decoded as UTF-8 (with or without BOM), UTF-16 when it has a UTF-16 BOM
  (Excel's "Unicode Text"), else as Windows-1252 with a
  note. The delimiter (``,`` ``;`` or tab) is sniffed, then checked against the header:
  the candidate that recognises the most headers wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pledgectl.core import i18n
from pledgectl.core.columns import MARK_HEADERS
from pledgectl.core.errors import InvalidValue, UsageFailure
from pledgectl.core.i18n import N_

# -- header aliases ---------------------------------------------------------------------
# canonical field -> headers as people write them. Matching ignores case, spaces,
# underscores, dots and any other punctuation, so "No. NIP", "no_nip" and "NO NIP" are one.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "nip": (
        "NIP",
        "NIP Baru",
        "NIP_BARU",
        "NIP Lama",
        "NIP_LAMA",
        "No NIP",
        "Nomor NIP",
        "Nomor Induk Pegawai",
        "Employee number",
    ),
    "nik": (
        "NIK",
        "NIK KTP",
        "No KTP",
        "Nomor KTP",
        "Nomor Induk Kependudukan",
    ),
    "name": (
        "Nama",
        "Name",
        "Nama Lengkap",
        "Nama Pegawai",
        "Nama ASN",
        "Full name",
    ),
    "title_front": ("Gelar Depan", "GELAR_DEPAN"),
    "title_back": ("Gelar Belakang", "GELAR_BELAKANG"),
    "position": (
        "Jabatan",
        "Position",
        "Nama Jabatan",
        "NAMA_JABATAN",
        "JABATAN_NAMA",
        "Job title",
    ),
    "grade": (
        "Pangkat",
        "Golongan",
        "Pangkat/Golongan",
        "Pangkat / Gol",
        "Pangkat Gol Ruang",
        "Gol",
        "Gol Ruang",
        "Golongan Ruang",
        "GOL_AKHIR_NAMA",
        "Grade",
    ),
    "status": (
        "Status",
        "Status Pegawai",
        "Status Kepegawaian",
        "Jenis Pegawai",
        "JENIS_PEGAWAI",
        "Kedudukan Hukum",
        "KEDUDUKAN_HUKUM_NAMA",
        "Employment status",
    ),
    "unit": (
        "Unit Kerja",
        "Work unit",
        "Unit",
        "Bidang",
        "Satuan Kerja",
        "Unit Organisasi",
        "UNOR_NAMA",
        "UNOR_INDUK_NAMA",
    ),
    "signed": (
        "Signed on",
        "Date signed",
        "Tanggal Tanda Tangan",
        "Tanggal TTD",
        "Tgl TTD",
        *MARK_HEADERS,  # the signing sheet's mark column (pledgectl.core.columns)
        "Sudah TTD",
    ),
    "date": (
        "Tanggal",
        "Date",
    ),
}

FIELDS: tuple[str, ...] = tuple(HEADER_ALIASES)

# how a missing column is named in the error, in both languages at once
COLUMN_LABELS: dict[str, str] = {
    "nip": "NIP",
    "nik": "NIK",
    "title_front": "Gelar Depan",
    "title_back": "Gelar Belakang",
    "grade": "Pangkat/Golongan / Grade",
    "signed": "Signed / Sudah tanda tangan",
    "name": "Nama / Name",
    "position": "Jabatan / Position",
    "status": "Status",
    "unit": "Unit Kerja / Work unit",
    "date": "Tanggal / Date",
}

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})

_HEADER_SCAN = 30  # non-blank rows searched for the header row
_SAMPLE_CHARS = 64 * 1024  # CSV text given to the delimiter sniffer
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# a NIP that went through a number: 1.98503E+17 / 1,98503E+17, 198503122010011000.00,
# 198.503.122.010.011.000 (thousands separators)
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+")
_DECIMAL = re.compile(r"\d{10,}[.,]\d+")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+")
_WHITESPACE = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_APOSTROPHES = "'\u2018\u2019`"
_NUMBERING_CELL = re.compile(r"\(?\s*(\d{1,2})\s*\)?")

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta


def normalise_header(text: str) -> str:
    """Header text reduced for matching: NFKC, case-folded, letters and digits only."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


_ALIAS_INDEX: dict[str, str] = {
    normalise_header(alias): name
    for name, aliases in HEADER_ALIASES.items()
    for alias in (name, *aliases)
}


def recognise(header: str) -> str | None:
    """The canonical field a header names, or None."""
    return _ALIAS_INDEX.get(normalise_header(header))


_FIELD_LABELS = {
    "nik": N_("NIK"),
    "grade": N_("grade"),
    "title_front": N_("gelar depan"),
    "title_back": N_("gelar belakang"),
    "signed": N_("date signed"),
    "mark": N_("mark"),
    "date": N_("date"),
    "name": N_("name"),
    "nip": N_("NIP"),
    "position": N_("position"),
    "status": N_("status"),
    "unit": N_("work unit"),
}


def field_label(name: str) -> str:
    """A canonical field's name in the current language (``nama`` / ``name``)."""
    return i18n.t(_FIELD_LABELS.get(name, name))


# -- the result ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    field: str  # canonical field name, e.g. "nip"
    key: str  # the message, a msgid
    params: dict[str, str]
    hint: str | None = None  # a msgid too


@dataclass(frozen=True)
class Row:
    number: int  # row number as the spreadsheet shows it (first row = 1)
    values: dict[str, str]  # canonical field -> stripped text; known, non-empty fields only
    problems: tuple[RowProblem, ...] = ()


@dataclass
class Table:
    path: Path
    columns: dict[str, str]  # canonical field -> header as written in the file
    ignored_columns: list[str]  # headers not recognised (the CLI prints a note)
    notes: list[tuple[str, dict[str, str]]]  # (catalog key, params)
    rows: list[Row]  # blank rows skipped, numbering kept
    sheet: str | None = None  # the worksheet read (workbooks only)
    header_row: int = 1  # the header's row number


# -- entry point --------------------------------------------------------------------------


def read_table(path: Path, required: Sequence[str] = ("name",)) -> Table:
    """Read a CSV or spreadsheet file into canonical rows.

    Raises :class:`UsageFailure` when the file is missing, a folder or not CSV/XLSX, and
    :class:`InvalidValue` when it cannot be read, is empty or lacks a required column.
    Every failure carries a catalog key with a ``.hint`` telling the user what to do.
    """
    path = Path(path)
    unknown = [name for name in required if name not in HEADER_ALIASES]
    if unknown:  # a programming error, not a user's
        raise ValueError(f"unknown canonical fields: {unknown}")
    data = _read_bytes(path)
    notes: list[tuple[str, dict[str, str]]] = []
    sheet: str | None = None
    if _kind(path, data, notes) == "csv":
        grid = _csv_grid(path, data, required, notes)
    else:
        sheet, grid = _workbook_grid(path, data, required, notes)
    return _build_table(path, grid, required, notes, sheet)


def _read_bytes(path: Path) -> bytes:
    shown = str(path)
    try:
        if path.is_dir():
            raise UsageFailure(
                N_("{path} is a folder, not a file"),
                hint=N_("give the path of a CSV or XLSX file"),
                path=shown,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageFailure(
            N_("file not found: {path}"),
            hint=N_("check the path and the file name, or give the full path to the file"),
            path=shown,
        ) from None
    except IsADirectoryError:
        raise UsageFailure(
            N_("{path} is a folder, not a file"),
            hint=N_("give the path of a CSV or XLSX file"),
            path=shown,
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageFailure(
            N_("cannot read {path}: {reason}"),
            hint=N_("check that you may read the file and that no other program has it locked"),
            path=shown,
            reason=reason,
        ) from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise UsageFailure(
            N_("cannot read {path}: {reason}"),
            hint=N_("check that you may read the file and that no other program has it locked"),
            path=shown,
            reason=str(exc),
        ) from None


def _kind(path: Path, data: bytes, notes: list[tuple[str, dict[str, str]]]) -> str:
    """``csv`` or ``workbook``, by the name, corrected by the content's magic bytes."""
    suffix = path.suffix.lower()
    looks_like_workbook = data.startswith((_ZIP_MAGIC, _OLE_MAGIC))
    if suffix in WORKBOOK_SUFFIXES:
        return "workbook"
    if looks_like_workbook:
        if suffix in CSV_SUFFIXES:
            notes.append(
                (
                    N_("{path} is really a {format} file despite its name and was read as one"),
                    {"path": str(path), "format": "Excel"},
                )
            )
        return "workbook"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise UsageFailure(
        N_("{path} is not a CSV or XLSX file"),
        hint=N_(
            "in Excel or LibreOffice use Save As and choose 'CSV UTF-8' or 'Excel Workbook (.xlsx)'"
        ),
        path=str(path),
    )


# -- CSV ----------------------------------------------------------------------------------


def _decode(path: Path, data: bytes, notes: list[tuple[str, dict[str, str]]]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    notes.append(
        (
            N_(
                "{path} is not UTF-8 and was read as {encoding}; check that names with special letters look right"
            ),
            {"path": str(path), "encoding": "Windows-1252"},
        )
    )
    # five bytes are undefined in cp1252; they become U+FFFD rather than an exception
    return data.decode("cp1252", errors="replace")


def _csv_records(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _choose_delimiter(text: str, required: Sequence[str]) -> str:
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    candidates: list[str] = []
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
        if sniffed in _DELIMITERS:
            candidates.append(sniffed)
    except Exception:  # the sniffer raises csv.Error, and worse on odd input
        pass
    candidates += [d for d in _DELIMITERS if d not in candidates]
    best, best_score = "", 0
    for delimiter in candidates:
        try:
            records = _csv_records(sample, delimiter)
        except csv.Error:
            continue
        found = _find_header(list(enumerate(records[: _HEADER_SCAN * 4])), required)
        score = found[1] if found else 0
        if score > best_score:
            best, best_score = delimiter, score
    if best:
        return best
    # nothing recognised: the sniffer's guess, else the commonest candidate on the first line
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    if candidates and counts.get(candidates[0], 0) > 0:
        return candidates[0]
    commonest = max(_DELIMITERS, key=lambda d: counts[d])
    return commonest if counts[commonest] > 0 else ","


def _csv_grid(
    path: Path, data: bytes, required: Sequence[str], notes: list[tuple[str, dict[str, str]]]
) -> list[list[Cell]]:
    text = _decode(path, data, notes)
    if "\x00" in text:
        raise InvalidValue(
            N_("{path} does not look like a text (CSV) file"),
            hint=N_("open it in Excel or LibreOffice and save it again as 'CSV UTF-8' or as .xlsx"),
            path=str(path),
        )
    delimiter = _choose_delimiter(text, required)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)  # type: ignore[arg-type]  # list[list[str]] is a list[list[Cell]]
    except csv.Error as exc:
        raise InvalidValue(
            N_("{path}: the CSV cannot be read near line {line}: {reason}"),
            hint=N_(
                "look for an unclosed quote (\") near that line, or open the file in a spreadsheet and save it again as 'CSV UTF-8'"
            ),
            path=str(path),
            line=str(reader.line_num),
            reason=str(exc),
        ) from None


# -- workbooks ----------------------------------------------------------------------------


def _workbook_grid(
    path: Path, data: bytes, required: Sequence[str], notes: list[tuple[str, dict[str, str]]]
) -> tuple[str | None, list[list[Cell]]]:
    """The chosen sheet's cells, row 0 being the sheet's row 1 (blank leading rows kept)."""
    import python_calamine  # imported here: the CLI must start fast

    first: tuple[str, list[list[Cell]]] | None = None
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        with workbook:
            for index, meta in enumerate(workbook.sheets_metadata):
                if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                    continue
                sheet = workbook.get_sheet_by_index(index)
                # skip_empty_area=False keeps leading blank rows/columns: row i is row i + 1
                grid: list[list[Cell]] = sheet.to_python(skip_empty_area=False)
                if first is None:
                    first = (meta.name, grid)
                found = _find_header(list(enumerate(grid)), required)
                if found is not None and found[2]:
                    if first[0] != meta.name:
                        notes.append(
                            (
                                N_(
                                    "the first sheet has no recognised column headers; read sheet {sheet} instead"
                                ),
                                {"sheet": meta.name},
                            )
                        )
                    return meta.name, grid
    except python_calamine.PasswordError:
        raise InvalidValue(
            N_("{path} is protected with a password"),
            hint=N_(
                "remove the password in Excel (File > Info > Protect Workbook) and save again, or export the sheet as 'CSV UTF-8'"
            ),
            path=str(path),
        ) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # CalamineError, and pyo3's PanicException (a BaseException)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InvalidValue(
            N_("{path} cannot be read as a spreadsheet: {reason}"),
            hint=N_(
                "the file may be damaged or not really an Excel file; open it in Excel or LibreOffice and save it again as .xlsx, or export it as 'CSV UTF-8'"
            ),
            path=str(path),
            reason=reason,
        ) from None
    if first is None:
        raise InvalidValue(
            N_("{path} is empty: no header row and no data"),
            hint=N_(
                "put the column headers (e.g. NIP, Nama, Jabatan, Status) on the first row and one person on each row below"
            ),
            path=str(path),
        )
    return first


# -- cells --------------------------------------------------------------------------------


def _float_text(value: float) -> str:
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _text(cell: Cell) -> str:
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return _float_text(cell)
    if isinstance(cell, dt.datetime):
        if cell.time() == dt.time(0, 0):
            return cell.date().isoformat()
        return cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell).strip()


def _date_text(cell: Cell) -> str:
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    return _text(cell)


def nip_lost_digits(text: str) -> bool:
    """Whether NIP text shows a number's damage: exponent, decimals, separators, or 15 digits + 000.

    An 18-digit NIP never ends in ``000`` (the sequence runs 001-999), but Excel's
    15 significant digits turn the last three into zeros when the column is a number
    formatted without exponent.
    """
    if text.isdigit():
        return len(text) == 18 and text.endswith("000")
    if _SCIENTIFIC.fullmatch(text) or _DECIMAL.fullmatch(text):
        return True
    if _GROUPED.fullmatch(text) and sum(ch.isdigit() for ch in text) >= 15:
        return True
    return len(text) == 18 and text.isdigit() and text.endswith("000")


def _nip(cell: Cell) -> tuple[str, bool]:
    """NIP text and whether its digits were lost. Never int(): a NIP is text."""
    if isinstance(cell, bool):
        return _text(cell), False
    if isinstance(cell, float):
        if not math.isfinite(cell) or not cell.is_integer() or abs(cell) >= 1e15:
            return repr(cell), True
        return str(int(cell)), False
    if isinstance(cell, int):
        text = str(cell)
        return text, nip_lost_digits(text)
    text = _text(cell)
    if not text.isdigit():
        text = _WHITESPACE.sub("", text.lstrip(_APOSTROPHES))
    return text, nip_lost_digits(text)


# -- header and rows ----------------------------------------------------------------------


def _header_text(cell: Cell) -> str:
    return " ".join(_text(cell).split())


def _is_blank(cells: Sequence[Cell]) -> bool:
    return all(cell == "" or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _find_header(
    rows: Iterable[tuple[int, Sequence[Cell]]], required: Sequence[str]
) -> tuple[int, int, bool] | None:
    """(row index, recognised count, has every required field) of the best header candidate.

    The first ``_HEADER_SCAN`` non-blank rows are candidates; the best names every
    required field and recognises the most columns, the earliest winning a tie. None
    when every row is blank.
    """
    best: tuple[int, int, bool] | None = None
    seen = 0
    for index, cells in rows:
        if _is_blank(cells):
            continue
        fields = {recognise(_header_text(cell)) for cell in cells} - {None}
        complete = all(name in fields for name in required)
        candidate = (index, len(fields), complete)
        if best is None or (complete, len(fields)) > (best[2], best[1]):
            best = candidate
        seen += 1
        if seen >= _HEADER_SCAN:
            break
    return best


def _is_numbering_row(cells: Sequence[Cell]) -> bool:
    """A row like ``1 | 2 | 3 | 4`` or ``(1) | (2) | (3)`` numbering the columns."""
    numbers = []
    for cell in cells:
        text = _text(cell)
        if not text:
            continue
        match = _NUMBERING_CELL.fullmatch(text)
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


# The signature block at the foot of an office's staff list: "Pekanbaru, 30 November 2023",
# "Kepala BKPSDM ...", the head's name, "NIP. 1965...". Rows from it on are not people.
_MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "january|february|march|may|june|july|august|october|december|"
    "jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec"
)
_PLACE_DATE = re.compile(
    r"[^\W\d][\w .'()/-]{1,60},\s*(?:\d{1,2}[\s.-]+)?(?:(?:" + _MONTHS + r")\.?|[._\s\u2026]{2,})"
    r"[\s.-]*(?:19|20)\d{2}",
    re.IGNORECASE,
)
_NIP_LINE = re.compile(r"nip\s*[.:]?\s*[\d\s.]{8,}", re.IGNORECASE)
_BLOCK_WORD = re.compile(r"(?:mengetahui|a\.\s*n\.?|an\.)\b.*", re.IGNORECASE)
# Mark cells that say "not signed" although they are not empty.
_NOT_MARKED = frozenset({"0", "-", "tidak", "belum", "no", "n", "false", "x-"})
# Mark headers that never name a date (the English "Signed" may: it is decided by content).
_MARK_ONLY = frozenset(normalise_header(h) for h in (*MARK_HEADERS[1:], "Sudah TTD"))
_DATE_TEXT = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _filled(cells: Sequence[Cell]) -> list[str]:
    return [text for text in map(_text, cells) if text]


def _signature_block(grid: list[list[Cell]], first: int) -> int | None:
    """Index of the first row of a staff list's closing signature block, or None.

    A marker row has at most two filled cells, one of them a place-and-date line, a
    ``NIP. ...`` line or ``Mengetahui``. The block takes in the lines above the marker
    (a title, a name) up to the first blank row below the data.
    """
    for index in range(first, len(grid)):
        filled = _filled(grid[index])
        if not filled or len(filled) > 2:
            continue
        if not any(
            _PLACE_DATE.fullmatch(text) or _NIP_LINE.fullmatch(text) or _BLOCK_WORD.fullmatch(text)
            for text in filled
        ):
            continue
        # the lines leading up to it (a title, a name) belong to it: the block starts
        # after the first blank row below the data (the last row with 2+ cells)
        dense = next(
            (i for i in range(index - 1, first - 1, -1) if len(_filled(grid[i])) > 1), None
        )
        if dense is not None:
            start = dense + 1
            while start < index and _filled(grid[start]):
                start += 1  # sparse rows right under the data are data
            while start < index and not _filled(grid[start]):
                start += 1
        else:  # a one-column list: the run of lines right above the marker, after a blank
            start = index
            while start - 1 >= first and _filled(grid[start - 1]):
                start -= 1
            if start == first:
                start = index  # no blank row between the names and the marker
        return start
    return None


def _nip_shaped(cell: Cell) -> bool:
    """A cell holding an 18-digit NIP, or a number that was one."""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return 1e17 <= abs(cell) < 1e18
    text, lost = _nip(cell)
    return (len(text) == 18 and text.isdigit()) or (lost and text[:1].isdigit())


def _nip_score(grid: list[list[Cell]], first: int, end: int, column: int) -> int:
    return sum(1 for row in grid[first:end] if column < len(row) and _nip_shaped(row[column]))


def _is_date_cell(cell: Cell) -> bool:
    if isinstance(cell, dt.date):
        return True
    return bool(_DATE_TEXT.fullmatch(_text(cell)))


def _choose_columns(
    grid: list[list[Cell]],
    header_index: int,
    end: int,
    notes: list[tuple[str, dict[str, str]]],
) -> tuple[dict[str, str], list[tuple[int, str]], list[str], list[str]]:
    """(columns, (index, field) pairs, ignored headers, every header) of the header row.

    Several NIP columns (an old 9-digit ``NIP``, ``NIP BARU``): the one holding the most
    18-digit NIPs. No NIP header at all: a column whose values are NIPs is read as one.
    Several grade columns (``PANGKAT`` and ``GOLONGAN``) are joined. A ``Signed`` column
    whose values are not dates is the mark column of a filled-in signing sheet.
    """
    first = header_index + 1
    candidates: dict[str, list[tuple[int, str]]] = {}
    unknown: list[tuple[int, str]] = []
    headers_found: list[str] = []
    for index, cell in enumerate(grid[header_index]):
        header = _header_text(cell)
        if not header:
            continue
        headers_found.append(header)
        name = recognise(header)
        if name is None:
            unknown.append((index, header))
        else:
            candidates.setdefault(name, []).append((index, header))
    if "nip" not in candidates:
        shaped = [
            (index, header)
            for index, header in unknown
            if (score := _nip_score(grid, first, end, index))
            and score * 2
            >= sum(1 for row in grid[first:end] if index < len(row) and _text(row[index]))
        ]
        if shaped:
            candidates["nip"] = [shaped[0]]
            unknown.remove(shaped[0])
            notes.append(
                (
                    N_("column {column!r} holds NIPs and is read as the NIP column"),
                    {"column": shaped[0][1]},
                )
            )
    nips = candidates.get("nip", [])
    chosen_by_content = False
    if len(nips) > 1:
        scores = [_nip_score(grid, first, end, index) for index, _ in nips]
        best = scores.index(max(scores))
        if best:
            chosen_by_content = True
            nips.insert(0, nips.pop(best))
            notes.append(
                (
                    N_(
                        "columns {columns} all name a NIP; {chosen!r} holds the 18-digit NIPs and is read"
                    ),
                    {"columns": ", ".join(repr(h) for _, h in nips), "chosen": nips[0][1]},
                )
            )
    signed = candidates.get("signed", [])
    if signed:
        index, header = signed[0]
        values = [row[index] for row in grid[first:end] if index < len(row) and _text(row[index])]
        as_mark = normalise_header(header) in _MARK_ONLY or (
            any(not _is_date_cell(v) for v in values) if values else "date" not in candidates
        )
        if as_mark:
            candidates["mark"] = candidates.pop("signed")
    if len(candidates.get("status", [])) > 1:
        # SIASN's KEDUDUKAN_HUKUM_NAMA is a legal standing ("Aktif") more often than a
        # status: a JENIS_PEGAWAI beside it is the better column, wherever it stands
        candidates["status"].sort(key=lambda found: "KEDUDUKAN" in found[1].upper())
    columns: dict[str, str] = {}
    indexes: list[tuple[int, str]] = []
    ignored = [header for _, header in unknown]
    for name, found in candidates.items():
        keep = found if name == "grade" else found[:1]
        columns[name] = " + ".join(header for _, header in keep)
        indexes.extend((index, name) for index, _ in keep)
        for _, header in found[len(keep) :]:
            ignored.append(header)
            if name != "nip" or not chosen_by_content:
                notes.append(
                    (
                        N_(
                            "columns {first} and {second} both hold {field}; {first} is used, {second} is ignored"
                        ),
                        {"first": found[0][1], "second": header, "field": name},
                    )
                )
    indexes.sort()
    return columns, indexes, ignored, headers_found


def _build_table(
    path: Path,
    grid: list[list[Cell]],
    required: Sequence[str],
    notes: list[tuple[str, dict[str, str]]],
    sheet: str | None,
) -> Table:
    found = _find_header(enumerate(grid), required)
    if found is None:
        raise InvalidValue(
            N_("{path} is empty: no header row and no data"),
            hint=N_(
                "put the column headers (e.g. NIP, Nama, Jabatan, Status) on the first row and one person on each row below"
            ),
            path=str(path),
        )
    header_index = found[0]
    first_filled = next(i for i, cells in enumerate(grid) if not _is_blank(cells))
    if header_index != first_filled:
        notes.append(
            (
                N_("column headers read from row {row}; the rows above it were skipped"),
                {"row": str(header_index + 1)},
            )
        )

    block = _signature_block(grid, header_index + 1)
    end = len(grid) if block is None else block
    columns, indexes, ignored, headers_found = _choose_columns(grid, header_index, end, notes)
    if block is not None:
        skipped = [str(i + 1) for i in range(block, len(grid)) if not _is_blank(grid[i])]
        notes.append(
            (
                N_(
                    "rows {rows} after the data are a signature block (place and date, title,"
                    " name, NIP), not people; they are not read"
                ),
                {"rows": ", ".join(skipped)},
            )
        )

    missing = [name for name in required if name not in columns]
    if missing:
        raise InvalidValue(
            N_("{path}: no column for {columns}; headers found: {found}"),
            hint=N_(
                "add the column, or rename its header to one of the accepted names (any case or spacing): {accepted}"
            ),
            path=str(path),
            columns=", ".join(COLUMN_LABELS.get(name, name) for name in missing),
            found=", ".join(headers_found) if headers_found else i18n.t("(none)"),
            accepted="; ".join(", ".join(HEADER_ALIASES[name]) for name in missing),
        )

    header_keys = {name: normalise_header(text) for name, text in columns.items()}
    probe = next(iter(columns), "")  # a cheap first test before normalising a whole row
    rows: list[Row] = []
    repeated: list[str] = []
    first_data = True
    for index in range(header_index + 1, end):
        cells = grid[index]
        number = index + 1
        values: dict[str, str] = {}
        problems: list[RowProblem] = []
        width = len(cells)
        for column, name in indexes:
            if column >= width:
                continue
            cell = cells[column]
            if name in ("nip", "nik"):
                text, lost = _nip(cell)
                if lost:
                    problems.append(
                        RowProblem(
                            name,
                            N_(
                                "NIP {value} in column {column} has lost digits: the spreadsheet stored it as a number and kept only 15 significant digits"
                            ),
                            {"value": text, "column": columns[name], "row": str(number)},
                            N_(
                                "format the {column} column as Text (Format Cells > Text), type or paste the full 18-digit NIPs again, and export the file again"
                            ),
                        )
                    )
            elif name in ("date", "signed"):
                text = _date_text(cell)
            else:
                text = _text(cell)
            if text:
                if name == "grade" and name in values:
                    values[name] += ", " + text
                else:
                    values[name] = text
        if not values:
            continue
        if first_data:
            first_data = False
            if _is_numbering_row(cells):
                notes.append(
                    (
                        N_("row {row} only numbers the columns (1, 2, 3, ...) and was skipped"),
                        {"row": str(number)},
                    )
                )
                continue
        if (
            probe in values
            and len(values) == len(header_keys)
            and values[probe][:1].casefold() == columns[probe][:1].casefold()
            and all(
                normalise_header(values.get(name, "")) == key for name, key in header_keys.items()
            )
        ):
            repeated.append(str(number))
            continue
        front, back = values.pop("title_front", ""), values.pop("title_back", "")
        if "name" in values and (front or back):
            values["name"] = joined_name(front, values["name"], back)
        if "mark" in values and values["mark"].casefold() in _NOT_MARKED:
            del values["mark"]
        rows.append(Row(number, values, tuple(problems)))
    if repeated:
        notes.append(
            (
                N_("rows {rows} repeat the column headers and were skipped"),
                {"rows": ", ".join(repeated)},
            )
        )
    return Table(
        path=path,
        columns=columns,
        ignored_columns=ignored,
        notes=notes,
        rows=rows,
        sheet=sheet,
        header_row=header_index + 1,
    )


def joined_name(front: str, name: str, back: str) -> str:
    """Name and gelar as written: ``Dr. H.`` + ``Nama`` + ``S.Sos., M.Si.`` -> ``Dr. H. Nama, S.Sos., M.Si.``."""
    text = f"{front.strip()} {name.strip()}".strip()
    back = back.strip().lstrip(",").strip()
    return f"{text}, {back}" if back else text


__all__ = [
    "COLUMN_LABELS",
    "FIELDS",
    "HEADER_ALIASES",
    "Row",
    "RowProblem",
    "Table",
    "field_label",
    "joined_name",
    "nip_lost_digits",
    "normalise_header",
    "read_table",
    "recognise",
]
