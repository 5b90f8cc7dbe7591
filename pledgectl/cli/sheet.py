"""``sheet``: the printable signing sheet of a declaration."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt, RedactOpt
from pledgectl.cli.output import choose, emit
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand, help=N_("Print a signing sheet (daftar tanda tangan) for a ceremony.")
)
def sheet(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help=N_("agency id"))],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help=N_("declaration id"))],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="html|csv", help=N_("html or csv"))
    ] = "html",
    redact: RedactOpt = False,
    output: OutputOpt = None,
) -> None:
    from pledgectl.core.validate import agency_id, record_id
    from pledgectl.views.sheet import render_csv, render_html, sheet_data

    choose(fmt, ("html", "csv"), "--format")
    agency_id(agency)
    record_id(declaration)
    data = sheet_data(open_registry(), agency, declaration, redacted=redact)
    emit(render_html(data) if fmt == "html" else render_csv(data), output)
