"""The ``agency`` group: add, list and show agencies."""

import json
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.options import FormatOpt, OutputOpt
from pledgectl.cli.output import choose, emit, say, table
from pledgectl.core import i18n

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

agency_app = typer.Typer(
    cls=PledgeGroup, help="help.agency", no_args_is_help=True, rich_markup_mode=None
)

app.add_typer(agency_app, name="agency")


@agency_app.command("add", cls=PledgeCommand, help="help.agency.add")
def agency_add(
    agency_id: Annotated[str, typer.Argument(metavar="ID", help="help.arg.agency-id")],
    name: Annotated[str, typer.Option("--name", help="help.opt.agency-name")],
    region: Annotated[str, typer.Option("--region", help="help.opt.region")],
    parent: Annotated[str | None, typer.Option("--parent", help="help.opt.parent")] = None,
) -> None:
    from pledgectl.edit.recording import add_agency

    registry = open_registry()
    path = add_agency(registry, agency_id, name, region, parent)
    say("agency.added", agency=agency_id, file=str(path))


@agency_app.command("list", cls=PledgeCommand, help="help.agency.list")
def agency_list(fmt: FormatOpt = "table", output: OutputOpt = None) -> None:
    from pledgectl.views.agencies import agency_rows

    choose(fmt, ("table", "json"), "--format")
    rows = agency_rows(open_registry())
    if fmt == "json":
        emit(json.dumps(rows, ensure_ascii=False, indent=2), output)
        return
    headers = [i18n.t(f"col.{k}") for k in ("id", "name", "region", "parent", "declarations")]
    table(
        headers,
        [
            [r["id"], r["name"], r["region"], r["parent"] or "", str(r["declarations"])]
            if r["readable"]
            else [r["id"], i18n.t("agency.unreadable"), "", "", ""]
            for r in rows
        ],
        output,
    )


@agency_app.command("show", cls=PledgeCommand, help="help.agency.show")
def agency_show(
    agency_id: Annotated[str, typer.Argument(metavar="ID", help="help.arg.agency-id")],
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    redact: Annotated[bool, typer.Option("--redact", help="help.opt.redact")] = False,
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
