"""Recording commands: init, agency, declare, witness, sign."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pledgectl import i18n
from pledgectl.cli.app import app
from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.output import choose, emit, say, table
from pledgectl.errors import InvalidValue

agency_app = typer.Typer(cls=PledgeGroup, help="help.agency", no_args_is_help=True)
app.add_typer(agency_app, name="agency")

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="help.opt.format-table-json")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="help.opt.output")]


@app.command(cls=PledgeCommand, help="help.init")
def init(
    path: Annotated[Path, typer.Argument(help="help.arg.init-path")] = Path("registry"),
    example: Annotated[bool, typer.Option("--example", help="help.opt.example")] = False,
    checklist: Annotated[
        str, typer.Option("--checklist", metavar="behaviours|ikrar", help="help.opt.checklist")
    ] = "behaviours",
) -> None:
    from pledgectl.presets import CHECKLISTS
    from pledgectl.scaffold import init_registry

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
    from pledgectl.recording import add_agency

    registry = open_registry()
    path = add_agency(registry, agency_id, name, region, parent)
    say("agency.added", agency=agency_id, file=str(path))


@agency_app.command("list", cls=PledgeCommand, help="help.agency.list")
def agency_list(fmt: FormatOpt = "table", output: OutputOpt = None) -> None:
    from pledgectl.summary import agency_rows

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
) -> None:
    from pledgectl.summary import agency_detail, render_agency_detail

    choose(fmt, ("table", "json"), "--format")
    detail = agency_detail(open_registry(), agency_id)
    if fmt == "json":
        emit(json.dumps(detail, ensure_ascii=False, indent=2, default=str), output)
    else:
        emit(render_agency_detail(detail), output)


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
    from pledgectl.recording import declare as record_declaration

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
    from pledgectl.recording import add_witness

    outcome = add_witness(
        open_registry(), agency, declaration, institution=institution, name=name, role=role
    )
    show_warnings(outcome.warnings)
    say("witness.done", name=name, institution=institution, declaration=declaration)


def _ask(label_key: str, check: object, required: bool = True) -> str:
    """Prompt until the value passes ``check`` (a validator raising InvalidValue)."""
    from pledgectl.cli.framework import report

    while True:
        answer = typer.prompt(
            i18n.t(label_key), default="" if not required else None, show_default=False
        )
        try:
            if answer or required:
                check(answer)  # type: ignore[operator]
            return str(answer)
        except InvalidValue as exc:
            report(exc)


@app.command(cls=PledgeCommand, help="help.sign")
def sign(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help="help.arg.agency")],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help="help.arg.decl")],
    nip: Annotated[str | None, typer.Option("--nip", help="help.opt.nip")] = None,
    name: Annotated[str | None, typer.Option("--name", help="help.opt.person-name")] = None,
    status: Annotated[
        str | None, typer.Option("--status", metavar="PNS|PPPK|NON-ASN", help="help.opt.status")
    ] = None,
    position: Annotated[str | None, typer.Option("--position", help="help.opt.position")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="help.opt.unit")] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="help.opt.signed")
    ] = None,
    prompt: Annotated[
        bool | None, typer.Option("--prompt/--no-prompt", help="help.opt.prompt")
    ] = None,
) -> None:
    from pledgectl import validate
    from pledgectl.recording import make_person
    from pledgectl.recording import sign as record_signature

    registry = open_registry()
    validate.agency_id(agency)
    validate.record_id(declaration)
    interactive = sys.stdin.isatty() if prompt is None else prompt
    if interactive:
        settings = registry.settings
        if status is None:
            status = _ask("prompt.status", validate.status)
        clean_status = validate.status(status)
        if nip is None and clean_status not in settings.policy.nip_optional_for:
            nip = _ask("prompt.nip", validate.nip)
        if name is None:
            name = _ask("prompt.name", lambda v: validate.text(v, "name"))
        if position is None:
            position = _ask("prompt.position", lambda v: validate.text(v, "position"), False)
        if date is None:
            date = _ask("prompt.date", lambda v: validate.date(v, "--date"), False) or None
    missing = [opt for opt, val in (("--name", name), ("--status", status)) if val is None]
    if missing:
        raise InvalidValue("value.required", field=missing[0])
    assert name is not None and status is not None
    person = make_person(
        registry, name=name, status=status, nip=nip, position=position, unit=unit, signed=date
    )
    outcome = record_signature(registry, agency, declaration, person)
    show_warnings(outcome.warnings)
    say("sign.done", who=person.nip or person.name, name=person.name, declaration=declaration)
