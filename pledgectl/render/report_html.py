"""The coverage report as one HTML page: charts above the table, printable on A4.

Self-contained: inline CSS and SVG, no script, nothing fetched.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgectl.core import i18n
from pledgectl.render.charts import Bar, bar_chart
from pledgectl.views.report import Column, Grid, Report, cell_text, grid

_CSS = """
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 "Segoe UI", "Noto Sans", Arial, sans-serif; color: #1a1a1a; margin: 1.5em; }
h1 { font-size: 15pt; margin: 0 0 .2em; }
p.meta { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border-bottom: 1px solid #ccc; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid #888; }
.bar { width: 7em; height: .7em; background: #e3e3e3; border: 1px solid #999; margin-top: .2em; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.status-complete { color: #1b5e20; font-weight: 600; }
.status-incomplete { color: #b71c1c; font-weight: 600; }
.status-unreadable { color: #6a1b9a; font-weight: 600; }
figure.chart { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; max-width: 170mm; }
figure.chart figcaption { font-weight: 600; margin: 0 0 .2em; }
figure.chart svg text.value { font-variant-numeric: tabular-nums; }
.charts { margin: 0 0 1.2em; }
@media print {
  body { margin: 0; font-size: 9pt; }
  .bar, .bar span, th, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _pct(value: object) -> float | None:
    return value if isinstance(value, float) else None


def charts(report: Report) -> list[str]:
    """The report's charts: coverage per region (one per election in scope), per election.

    Each bar's text is :func:`cell_text` of the very cell the ``--by region`` or
    ``--by election`` table shows, so a chart never says what its table does not.
    """
    by_region = grid(report, "region")
    figures = []
    for election in report.scope:
        index = next(i for i, c in enumerate(by_region.columns) if c.key == f"coverage:{election}")
        column = by_region.columns[index]
        bars = [
            Bar(
                str(row[0]),
                _pct(row[index]),
                cell_text(row[index], column.kind),
            )
            for row in by_region.rows
        ]
        name = report.elections.get(election, election)
        figures.append(bar_chart(i18n.t("Coverage per region: {election}", election=name), bars))
    by_election = grid(report, "election")
    keys = [c.key for c in by_election.columns]
    coverage = keys.index("coverage")
    bars = [
        Bar(
            str(row[keys.index("name")]),
            _pct(row[coverage]),
            cell_text(row[coverage], "pct"),
        )
        for row in by_election.rows
        if row[0] in report.scope
    ]
    figures.append(bar_chart(i18n.t("Coverage per election in scope"), bars))
    return figures


def render_html(g: Grid, subtitle: str = "", figures: Sequence[str] = ()) -> str:
    """One self-contained page (inline CSS and SVG, no scripts, no network), printable on A4."""
    from html import escape

    lang = i18n.get_lang()

    def cell(value: object, column: Column, footer: bool = False) -> str:
        shown = escape(
            cell_text(value, column.kind if not footer or column.kind != "status" else "text")
            if value != ""
            else ""
        )
        if column.kind in ("int", "pct"):
            bar = ""
            if column.kind == "pct" and isinstance(value, float):
                width = max(0.0, min(100.0, value))
                bar = f'<div class="bar" aria-hidden="true"><span style="width:{width:.1f}%"></span></div>'
            return f'<td class="num">{shown}{bar}</td>'
        if column.kind == "status" and not footer and isinstance(value, str):
            return f'<td class="status-{escape(value)}">{shown}</td>'
        return f"<td>{shown}</td>"

    head = "".join(f"<th>{escape(c.label)}</th>" for c in g.columns)
    body = "\n".join(
        "<tr>" + "".join(cell(v, c) for v, c in zip(row, g.columns, strict=True)) + "</tr>"
        for row in g.rows
    )
    foot = ""
    if g.total is not None:
        foot = (
            "<tfoot><tr>"
            + "".join(cell(v, c, True) for v, c in zip(g.total, g.columns, strict=True))
            + "</tr></tfoot>"
        )
    meta = f'<p class="meta">{escape(subtitle)}</p>' if subtitle else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(g.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(g.title)}</h1>\n{meta}\n"
        + (f'<section class="charts">{"".join(figures)}</section>\n' if figures else "")
        + f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n{foot}\n</table>\n"
        "</body>\n</html>\n"
    )
