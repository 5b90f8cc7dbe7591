"""``sign``: one signatory, the command a clerk runs most; its own module keeps it light."""

import sys
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.output import say
from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


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


@app.command(
    cls=PledgeCommand,
    help=N_("Add one signatory to a declaration; on a terminal, asks for what is missing."),
)
def sign(
    agency: Annotated[str, typer.Argument(metavar="AGENCY", help=N_("agency id"))],
    declaration: Annotated[str, typer.Argument(metavar="DECL", help=N_("declaration id"))],
    nip: Annotated[
        str | None, typer.Option("--nip", help=N_("18-digit NIP (may be omitted for NON-ASN)"))
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help=N_("full name"))] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", metavar="PNS|PPPK|NON-ASN", help=N_("PNS, PPPK or NON-ASN")),
    ] = None,
    position: Annotated[
        str | None, typer.Option("--position", help=N_("position (jabatan)"))
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=N_("work unit"))] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help=N_("date signed"))
    ] = None,
    prompt: Annotated[
        bool | None,
        typer.Option(
            "--prompt/--no-prompt", help=N_("ask for missing values (default: when on a terminal)")
        ),
    ] = None,
) -> None:
    from pledgectl.core import validate
    from pledgectl.edit.recording import make_person
    from pledgectl.edit.recording import sign as record_signature

    registry = open_registry()
    validate.agency_id(agency)
    validate.record_id(declaration)
    interactive = sys.stdin.isatty() if prompt is None else prompt
    if interactive:
        settings = registry.settings
        if status is None:
            status = _ask(N_("Status (PNS, PPPK, NON-ASN)"), validate.status)
        clean_status = validate.status(status)
        if nip is None and clean_status not in settings.policy.nip_optional_for:
            nip = _ask(N_("NIP (18 digits)"), validate.nip)
        if name is None:
            name = _ask(N_("Full name"), lambda v: validate.text(v, "name"))
        if position is None:
            position = _ask(
                N_("Position (optional)"), lambda v: validate.text(v, "position"), False
            )
        if date is None:
            date = (
                _ask(
                    N_("Date signed, YYYY-MM-DD (optional)"),
                    lambda v: validate.date(v, "--date"),
                    False,
                )
                or None
            )
    missing = [opt for opt, val in (("--name", name), ("--status", status)) if val is None]
    if missing:
        raise InvalidValue(
            N_("{field} is required"),
            hint=N_("give {field}, or run the command on a terminal to be asked for it"),
            field=missing[0],
        )
    assert name is not None and status is not None
    person = make_person(
        registry, name=name, status=status, nip=nip, position=position, unit=unit, signed=date
    )
    outcome = record_signature(registry, agency, declaration, person)
    show_warnings(outcome.warnings)
    say(
        N_("recorded signature of {name} ({who}) on {declaration}"),
        who=person.nip or person.name,
        name=person.name,
        declaration=declaration,
    )
