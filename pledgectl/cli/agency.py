"""The ``agency`` group: add, list and show agencies."""

import json
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.options import FormatOpt, OutputOpt, RedactOpt
from pledgectl.cli.output import COLUMNS, choose, emit, say, table
from pledgectl.core import i18n
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

agency_app = typer.Typer(
    cls=PledgeGroup,
    help=N_("Add, list and show agencies (OPD)."),
    no_args_is_help=True,
    rich_markup_mode=None,
)

app.add_typer(agency_app, name="agency")


@agency_app.command("add", cls=PledgeCommand, help=N_("Add an agency file."))
def agency_add(
    agency_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("agency id, e.g. pekanbaru-bkpsdm"))
    ],
    name: Annotated[str, typer.Option("--name", help=N_("full name of the agency"))],
    region: Annotated[str, typer.Option("--region", help=N_("Kemendagri region code, e.g. 14.71"))],
    parent: Annotated[
        str | None, typer.Option("--parent", help=N_("id of the parent agency"))
    ] = None,
) -> None:
    from pledgectl.edit.recording import add_agency

    registry = open_registry()
    path = add_agency(registry, agency_id, name, region, parent)
    say(N_("added agency {agency} ({file})"), agency=agency_id, file=str(path))


@agency_app.command("list", cls=PledgeCommand, help=N_("List the agencies."))
def agency_list(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="table|json|xlsx",
            help=N_("table, json, or xlsx for a spreadsheet (with -o FILE)"),
        ),
    ] = "table",
    output: OutputOpt = None,
) -> None:
    from pledgectl.views.agencies import agency_rows

    choose(fmt, ("table", "json", "xlsx"), "--format")
    if fmt == "xlsx":
        from pledgectl.cli.workbook import refuse_terminal

        refuse_terminal(output)
    rows = agency_rows(open_registry())
    if fmt == "xlsx":
        from pledgectl.cli.workbook import write_binary
        from pledgectl.render.xlsx import XColumn, XSheet, workbook_bytes

        columns = [
            XColumn(i18n.t(N_("Agency"))),
            XColumn(i18n.t(N_("Name"))),
            XColumn(i18n.t(N_("Region code")), "code"),
            XColumn(i18n.t(N_("Parent agency"))),
            XColumn(i18n.t(N_("Declarations")), "int"),
            XColumn(i18n.t(N_("Signatories")), "int"),
        ]
        cells = [
            [
                r["id"],
                r["name"],
                r["region"],
                r["parent"] or "",
                r["declarations"],
                r["signatories"],
            ]
            if r["readable"]
            else [r["id"], i18n.t("(unreadable: run pledgectl check)"), "", "", None, None]
            for r in rows
        ]
        sheet = XSheet(i18n.t(N_("Agencies")), columns, cells)
        write_binary(workbook_bytes([sheet], i18n.get_lang()), output)
        return
    if fmt == "json":
        emit(json.dumps(rows, ensure_ascii=False, indent=2), output)
        return
    headers = [i18n.t(COLUMNS[k]) for k in ("id", "name", "region", "parent", "declarations")]
    table(
        headers,
        [
            [r["id"], r["name"], r["region"], r["parent"] or "", str(r["declarations"])]
            if r["readable"]
            else [r["id"], i18n.t("(unreadable: run pledgectl check)"), "", "", ""]
            for r in rows
        ],
        output,
    )


@agency_app.command("show", cls=PledgeCommand, help=N_("Show one agency with its declarations."))
def agency_show(
    agency_id: Annotated[
        str, typer.Argument(metavar="ID", help=N_("agency id, e.g. pekanbaru-bkpsdm"))
    ],
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    redact: RedactOpt = False,
) -> None:
    from pledgectl.views.agencies import agency_detail, render_agency_detail

    choose(fmt, ("table", "json"), "--format")
    detail = agency_detail(open_registry(), agency_id)
    if fmt == "json":
        text = json.dumps(detail, ensure_ascii=False, indent=2, default=str)
    else:
        text = render_agency_detail(detail)
    if redact:
        from pledgectl.core.privacy import redact_text

        text = redact_text(text)
    emit(text, output)
