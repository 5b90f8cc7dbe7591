"""The ``report`` command: a coverage summary auditors can hand on."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt
from pledgectl.cli.output import choose, emit, table, warn
from pledgectl.core import i18n
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_(
        "Coverage summary per agency, region or election: declarations, witnesses, signatories, roster coverage and status."
    ),
)
def report(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="table|markdown|html|csv|xlsx",
            help=N_("output format: table, markdown, html, csv or xlsx (with -o FILE)"),
        ),
    ] = "table",
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="agency|region|election",
            help=N_("one row per agency, region or election"),
        ),
    ] = "agency",
    output: OutputOpt = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact", help=N_("accepted for uniform scripts; a report shows no NIPs anyway")
        ),
    ] = False,
) -> None:
    """``--redact`` is accepted for scripts that pass it everywhere: a report names no NIP."""
    from pledgectl.views import report as reports

    choose(fmt, reports.FORMATS, "--format")
    choose(by, reports.BY, "--by")
    if fmt == "xlsx":
        from pledgectl.cli.workbook import refuse_terminal

        refuse_terminal(output)
    data = reports.build_report(open_registry())
    unreadable = sum(1 for row in data.rows if not row.readable)
    if unreadable:
        warn(
            i18n.tn(
                "1 agency file could not be read; run `pledgectl check` to see why",
                "{n} agency files could not be read; run `pledgectl check` to see why",
                unreadable,
            )
        )
    grid = reports.grid(data, by)
    if fmt == "table":
        headers, rows = reports.text_rows(grid)
        table(headers, rows, output)
    elif fmt == "markdown":
        emit(reports.render_markdown(grid), output)
    elif fmt == "html":
        from pledgectl.render.report_html import charts, render_html

        emit(render_html(grid, reports.subtitle(data), charts(data)), output)
    elif fmt == "csv":
        emit(reports.render_csv(grid), output)
    else:
        from pledgectl.cli.workbook import write_binary
        from pledgectl.core.i18n import get_lang, t
        from pledgectl.render.xlsx import XColumn, XSheet, workbook_bytes

        kinds = {"status": "text", "pct": "pct", "int": "int", "code": "code"}
        columns = [XColumn(c.label, kinds.get(c.kind, "text")) for c in grid.columns]
        cells = (
            [
                reports.cell_text(v, "status") if c.kind == "status" else v
                for v, c in zip(row, grid.columns, strict=True)
            ]
            for row in grid.rows
        )
        sheet = XSheet(t("Coverage"), columns, cells, totals=grid.total, landscape=True)
        write_binary(workbook_bytes([sheet], get_lang()), output)
