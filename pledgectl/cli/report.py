"""The ``report`` command: a coverage summary auditors can hand on."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import choose, emit, table, warn

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help="help.report")
def report(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="table|markdown|html|csv", help="help.opt.report-format"
        ),
    ] = "table",
    by: Annotated[
        str, typer.Option("--by", metavar="agency|region|election", help="help.opt.report-by")
    ] = "agency",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="help.opt.output")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="help.opt.report-redact")] = False,
) -> None:
    """``--redact`` is accepted for scripts that pass it everywhere: a report names no NIP."""
    from pledgectl.views import report as reports

    choose(fmt, reports.FORMATS, "--format")
    choose(by, reports.BY, "--by")
    data = reports.build_report(open_registry())
    unreadable = sum(1 for row in data.rows if not row.readable)
    if unreadable:
        warn("report.unreadable-note", count=unreadable)
    grid = reports.grid(data, by)
    if fmt == "table":
        headers, rows = reports.text_rows(grid)
        table(headers, rows, output)
    elif fmt == "markdown":
        emit(reports.render_markdown(grid), output)
    elif fmt == "html":
        emit(reports.render_html(grid, reports.subtitle(data)), output)
    else:
        emit(reports.render_csv(grid), output)
