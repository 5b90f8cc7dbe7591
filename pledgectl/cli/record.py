"""Recording commands: init, agency, declare, witness (``sign`` has a module of its own)."""

import json
from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.output import choose, emit, say, table
from pledgectl.core import i18n

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

agency_app = typer.Typer(
    cls=PledgeGroup, help="help.agency", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(agency_app, name="agency")

FormatOpt = Annotated[
    str, typer.Option("--format", "-f", metavar="table|json", help="help.opt.format-table-json")
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="help.opt.output")]


@app.command(cls=PledgeCommand, help="help.init")
def init(
    path: Annotated[Path, typer.Argument(help="help.arg.init-path")] = Path("registry"),
    example: Annotated[bool, typer.Option("--example", help="help.opt.example")] = False,
    checklist: Annotated[
        str, typer.Option("--checklist", metavar="behaviours|ikrar", help="help.opt.checklist")
    ] = "behaviours",
) -> None:
    from pledgectl.core.presets import CHECKLISTS
    from pledgectl.edit.scaffold import init_registry

    choose(checklist, tuple(CHECKLISTS), "--checklist")
    created = init_registry(path, checklist=checklist, example=example)
    say("init.done", path=str(path), agencies=created)


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


@app.command(cls=PledgeCommand, help="help.declare")
def declare(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    kind: Annotated[str, typer.Option("--kind", help="help.opt.kind")],
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="help.opt.decl-date")],
    election: Annotated[list[str], typer.Option("--election", help="help.opt.election")],
    decl_id: Annotated[str | None, typer.Option("--id", help="help.opt.decl-id")] = None,
    title: Annotated[str | None, typer.Option("--title", help="help.opt.title")] = None,
    occasion: Annotated[str | None, typer.Option("--occasion", help="help.opt.occasion")] = None,
    place: Annotated[str | None, typer.Option("--place", help="help.opt.place")] = None,
    basis: Annotated[list[str] | None, typer.Option("--basis", help="help.opt.basis")] = None,
    commitment: Annotated[
        list[str] | None, typer.Option("--commitment", help="help.opt.commitment")
    ] = None,
    all_commitments: Annotated[
        bool, typer.Option("--all-commitments", help="help.opt.all-commitments")
    ] = False,
) -> None:
    from pledgectl.edit.recording import declare as record_declaration

    registry = open_registry()
    commitments = list(commitment or [])
    if all_commitments:
        commitments = list(registry.settings.checklist_ids)
    outcome = record_declaration(
        registry,
        agency,
        kind=kind,
        date=date,
        elections=election,
        decl_id=decl_id,
        title=title,
        occasion=occasion,
        place=place,
        basis=basis or [],
        commitments=commitments,
    )
    show_warnings(outcome.warnings)
    emit(outcome.record + "\n")
    say("declare.done", agency=agency, declaration=outcome.record)


@app.command(cls=PledgeCommand, help="help.witness")
def witness(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help="help.arg.decl")],
    institution: Annotated[str, typer.Option("--institution", help="help.opt.institution")],
    name: Annotated[str, typer.Option("--name", help="help.opt.witness-name")],
    role: Annotated[str | None, typer.Option("--role", help="help.opt.role")] = None,
) -> None:
    from pledgectl.edit.recording import add_witness

    outcome = add_witness(
        open_registry(), agency, declaration, institution=institution, name=name, role=role
    )
    show_warnings(outcome.warnings)
    say("witness.done", name=name, institution=institution, declaration=declaration)
