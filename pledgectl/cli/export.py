"""``export``: a flat export of signatories."""

import sys
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
    cls=PledgeCommand,
    help=N_("Export one row per signatory, with agency, declaration and witnesses."),
)
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="csv|jsonl|json", help=N_("csv, jsonl or json"))
    ] = "csv",
    redact: RedactOpt = False,
    excel: Annotated[
        bool, typer.Option("--excel", help=N_("CSV for Excel: byte-order mark and CRLF line ends"))
    ] = False,
    output: OutputOpt = None,
) -> None:
    from pledgectl.views import people

    choose(fmt, ("csv", "jsonl", "json"), "--format")
    rows = people.signatory_rows(open_registry(), redacted=redact)
    if fmt == "csv":
        text = people.to_csv(rows, people.EXPORT_COLUMNS, excel=excel)
    elif fmt == "jsonl":
        text = people.to_jsonl(rows)
    else:
        text = people.to_json(rows)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        emit(text, output)
