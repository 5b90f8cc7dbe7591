"""``sheet``: the signing sheet of a declaration (HTML to print, xlsx or CSV)."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg, DeclArg, OutputOpt, RedactOpt
from pledgectl.cli.output import choose, emit
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

FORMATS = ("html", "xlsx", "csv")


@app.command(
    cls=PledgeCommand,
    help=N_(
        "The signing sheet (daftar hadir dan tanda tangan) of a declaration, to print for the ceremony."
    ),
)
def sheet(
    agency: AgencyArg,
    declaration: DeclArg,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="html|xlsx|csv",
            help=N_("html to print, xlsx with a mark column to fill in, or csv"),
        ),
    ] = "html",
    redact: RedactOpt = False,
    output: OutputOpt = None,
) -> None:
    from pledgectl.core.i18n import get_lang
    from pledgectl.core.validate import agency_id, record_id
    from pledgectl.views import sheet as sheets

    choose(fmt, FORMATS, "--format")
    if fmt == "xlsx":
        from pledgectl.cli.workbook import refuse_terminal

        refuse_terminal(output)
    agency_id(agency)
    record_id(declaration)
    data = sheets.sheet_data(open_registry(), agency, declaration, redacted=redact)
    if fmt == "html":
        from pledgectl.render.sheet_html import render_html

        emit(render_html(data, declaration), output)
    elif fmt == "csv":
        emit(sheets.render_csv(data), output)
    else:
        from pledgectl.cli.workbook import write_binary
        from pledgectl.core.i18n import t
        from pledgectl.render.xlsx import XColumn, XInfo, XSheet, workbook_bytes

        columns = [XColumn(label, kind) for label, kind in sheets.headers()]
        table = XSheet(
            t("Signing sheet"),
            columns,
            sheets.table_rows(data),
            landscape=True,
            row_height=24,
            ruled=True,
        )
        info = XInfo(t("Declaration"), sheets.info_lines(data))
        write_binary(workbook_bytes([table, info], get_lang()), output)
