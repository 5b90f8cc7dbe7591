"""``export``: a flat export of signatories (CSV and JSON for programs, xlsx for people)."""

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

FORMATS = ("csv", "jsonl", "json", "xlsx")


@app.command(
    cls=PledgeCommand,
    help=N_("Export one row per signatory, with agency, declaration and witnesses."),
)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="csv|jsonl|json|xlsx",
            help=N_("csv or json for programs, xlsx for a spreadsheet (with -o FILE)"),
        ),
    ] = "csv",
    redact: RedactOpt = False,
    excel: Annotated[bool, typer.Option("--excel", hidden=True)] = False,
    output: OutputOpt = None,
) -> None:
    from pledgectl.core.errors import UsageFailure
    from pledgectl.views import people

    if excel:
        # retired: a CSV cannot keep an 18-digit NIP or a region code like 14.10 as text
        # once Excel or LibreOffice opens it (measured: 1.97006231996031E+17, 14.1)
        raise UsageFailure(
            N_(
                "--excel is retired: a spreadsheet that opens a CSV turns NIPs into numbers"
                " and loses digits; write a workbook with --format xlsx -o FILE"
            ),
            hint=N_("for example: pledgectl export --format xlsx -o {file}"),
            file="export.xlsx",
        )
    choose(fmt, FORMATS, "--format")
    if fmt == "xlsx":
        from pledgectl.cli.workbook import refuse_terminal

        refuse_terminal(output)
    rows = people.signatory_rows(open_registry(), redacted=redact)
    if fmt == "xlsx":
        from pledgectl.cli.workbook import write_binary
        from pledgectl.core.i18n import get_lang, t
        from pledgectl.render.xlsx import XColumn, XSheet, workbook_bytes

        columns = [XColumn(t(label), kind) for label, kind in people.EXPORT_FIELDS.values()]
        book = workbook_bytes(
            [XSheet(t("Signatories"), columns, people.export_table(rows), landscape=True)],
            get_lang(),
        )
        write_binary(book, output)
        return
    if fmt == "csv":
        text = people.to_csv(rows, people.EXPORT_COLUMNS, people.export_headers())
    elif fmt == "jsonl":
        text = people.to_jsonl(rows)
    else:
        text = people.to_json(rows)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        emit(text, output)
