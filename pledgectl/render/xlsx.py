"""Workbooks (.xlsx) for the people who open them in Excel or LibreOffice.

Written with XlsxWriter (imported here, inside :func:`workbook_bytes`, so no
other command pays for it). The rules every workbook pledgectl writes keeps:

- identifiers -- NIPs, NIKs, region codes -- are **text cells** (``write_string``
  with the ``@`` text format, so an edit in the cell stays text as well); no
  string is ever turned into a number, a formula or a link;
- dates are date cells with a date format (the language's month names);
- the header row is row 1, bold, frozen, with an autofilter over the data;
- columns are as wide as their longest value (within a cap);
- a page set-up for A4 that repeats the header row on every printed page.

The table is data in, bytes out: the caller writes them to ``-o FILE``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pledgectl.core.longdate import as_date

# kinds of column: text | code (identifier kept as text) | date | int | pct (percent
# units, 66.7) | mark (text the clerk fills in) | sig (a signature cell, staggered)
KINDS = frozenset({"text", "code", "date", "int", "pct", "mark", "sig"})

# a date as an Indonesian or English office reads it: 29 November 2023; the locale
# prefix makes Excel and LibreOffice spell the month in that language
DATE_FORMATS = {"id": "[$-421]d mmmm yyyy", "en": "[$-809]d mmmm yyyy"}

_MIN_WIDTH = 4
_DATE_WIDTH = 18


@dataclass(frozen=True)
class XColumn:
    label: str
    kind: str = "text"
    max_width: int = 60


@dataclass
class XSheet:
    """One worksheet: a header row and typed rows; an optional bold totals row after them."""

    name: str
    columns: Sequence[XColumn]
    rows: Iterable[Sequence[object]]
    totals: Sequence[object] | None = None
    landscape: bool = False
    row_height: float | None = None  # points; a signing sheet wants room to sign
    ruled: bool = False  # borders on every cell, for printing


@dataclass
class XInfo:
    """A worksheet of label/value lines (what a declaration is), with no filter."""

    name: str
    lines: Sequence[tuple[str, object]] = field(default_factory=list)


def _shown_width(value: object, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date" and as_date(value) is not None:
        return _DATE_WIDTH
    if kind == "pct":
        return 7
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def workbook_bytes(sheets: Sequence[XSheet | XInfo], lang: str = "en") -> bytes:
    """The workbook as bytes, sheets in order (the first is the one ``import`` reads)."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    header = book.add_format(
        {"bold": True, "bg_color": "#E8EDF2", "border": 1, "valign": "top", "text_wrap": True}
    )
    date_format = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
    base: dict[str, dict[str, object]] = {
        "text": {"valign": "top"},
        "code": {"num_format": "@", "valign": "top"},
        "date": {"num_format": date_format, "align": "left", "valign": "top"},
        "int": {"num_format": "0", "valign": "top"},
        "pct": {"num_format": "0.0%", "valign": "top"},
        "mark": {"num_format": "@", "bg_color": "#FFF8DC", "border": 1, "align": "center"},
        "sig_left": {"border": 1, "align": "left", "valign": "top"},
        "sig_right": {"border": 1, "align": "right", "valign": "top"},
    }
    plain = {kind: book.add_format(props) for kind, props in base.items()}
    # a sheet to print and sign has a grid: every cell bordered, text wrapped
    ruled = {
        kind: book.add_format({**props, "border": 1, "text_wrap": kind == "text"})
        for kind, props in base.items()
    }
    bold = {
        kind: book.add_format({"bold": True, "top": 2, "num_format": number})
        for kind, number in (("text", "General"), ("int", "0"), ("pct", "0.0%"), ("code", "@"))
    }
    label_format = book.add_format({"bold": True, "valign": "top"})
    wrap_format = book.add_format({"text_wrap": True, "valign": "top"})
    info_date = book.add_format({"num_format": date_format, "align": "left", "valign": "top"})
    used: set[str] = set()
    for sheet in sheets:
        name = _sheet_name(sheet.name, used)
        ws = book.add_worksheet(name)
        if isinstance(sheet, XInfo):
            ws.set_column(0, 0, max((len(k) for k, _ in sheet.lines), default=10) + 2)
            ws.set_column(1, 1, 90, wrap_format)
            for index, (label, value) in enumerate(sheet.lines):
                ws.write_string(index, 0, label, label_format)
                day = as_date(value) if isinstance(value, dt.date) else None
                if day is not None:
                    ws.write_datetime(
                        index, 1, dt.datetime(day.year, day.month, day.day), info_date
                    )
                else:
                    ws.write_string(index, 1, "" if value is None else str(value), wrap_format)
            ws.set_paper(9)
            continue
        columns = list(sheet.columns)
        widths = [max(_MIN_WIDTH, len(c.label) + 2) for c in columns]
        for col, column in enumerate(columns):
            ws.write_string(0, col, column.label, header)
        row_index = 0
        for row_index, row in enumerate(sheet.rows, 1):
            for col, (value, column) in enumerate(zip(row, columns, strict=True)):
                _write(
                    ws,
                    row_index,
                    col,
                    value,
                    column.kind,
                    ruled if sheet.ruled else plain,
                    row_index,
                )
                widths[col] = max(widths[col], _shown_width(value, column.kind) + 2)
            if sheet.row_height:
                ws.set_row(row_index, sheet.row_height)
        last_data = row_index
        if sheet.totals is not None:
            total_row = last_data + 1
            for col, (value, column) in enumerate(zip(sheet.totals, columns, strict=True)):
                kind = column.kind if column.kind in bold else "text"
                fmt = bold[kind]
                if value is None or value == "":
                    ws.write_blank(total_row, col, None, fmt)
                elif kind == "pct" and isinstance(value, int | float):
                    ws.write_number(total_row, col, float(value) / 100.0, fmt)
                elif kind == "int" and isinstance(value, int):
                    ws.write_number(total_row, col, value, fmt)
                else:
                    ws.write_string(total_row, col, str(value), fmt)
                widths[col] = max(widths[col], _shown_width(value, column.kind) + 2)
        for col, column in enumerate(columns):
            ws.set_column(col, col, min(widths[col], column.max_width))
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(last_data, 1), max(len(columns) - 1, 0))
        ws.set_paper(9)  # A4
        if sheet.landscape:
            ws.set_landscape()
        ws.repeat_rows(0)
        ws.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()


def _write(
    ws: object, row: int, col: int, value: object, kind: str, formats: dict[str, object], n: int
) -> None:
    """One cell, typed by its column's kind; strings are never read as numbers or formulas."""
    write_string = ws.write_string  # type: ignore[attr-defined]
    if kind == "sig":
        fmt = formats["sig_left" if n % 2 else "sig_right"]
        write_string(row, col, "" if value is None else str(value), fmt)
        return
    if value is None or value == "":
        blank = formats["code" if kind in ("int", "pct", "date") else kind]
        ws.write_blank(row, col, None, blank)  # type: ignore[attr-defined]
        return
    if kind == "date":
        day = as_date(value)
        if day is not None:
            ws.write_datetime(  # type: ignore[attr-defined]
                row, col, dt.datetime(day.year, day.month, day.day), formats["date"]
            )
            return
    elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        ws.write_number(row, col, value, formats["int"])  # type: ignore[attr-defined]
        return
    elif kind == "pct" and isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(row, col, float(value) / 100.0, formats["pct"])  # type: ignore[attr-defined]
        return
    fmt = formats["code" if kind in ("code", "int", "pct", "date") else kind]
    write_string(row, col, str(value), fmt)


_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``, unique (case-insensitive)."""
    base = " ".join(name.translate(_BAD_SHEET_CHARS).split())[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.casefold())
    return candidate
