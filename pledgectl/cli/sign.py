"""``sign``: one signatory, the command a clerk runs most; its own module keeps it light."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg, DeclArg
from pledgectl.cli.output import say
from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_, t
from pledgectl.core.nip import normalise as normalise_nip

if TYPE_CHECKING:
    from pledgectl.edit.recording import SignContext

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


def lock_notice(path: Path, left: float | None) -> None:
    """Say at once, on stderr, that another clerk holds the file, and count down."""
    terminal = sys.stderr.isatty()
    if left is None:
        if _notice["shown"] and terminal:
            typer.echo("", err=True)
        _notice["shown"] = False
        return
    if not _notice["shown"]:
        _notice["shown"] = True
        typer.echo(
            t(
                N_("another clerk is writing to {file}; waiting\u2026 (up to {seconds} s)"),
                file=str(path),
                seconds=int(left),
            ),
            err=True,
            nl=not terminal,
        )
    elif terminal:
        typer.echo(
            "\r" + t(N_("waiting\u2026 {seconds} s left")).format(seconds=int(left)) + "   ",
            err=True,
            nl=False,
        )


_notice = {"shown": False}

_NIK_HELP = N_("16-digit NIK (Nomor Induk Kependudukan), optional")
_GRADE_HELP = N_("pangkat / golongan, e.g. Penata Muda, III/a")


@app.command(
    cls=PledgeCommand,
    help=N_("Add one signatory to a declaration; on a terminal, asks for what is missing."),
)
def sign(
    agency: AgencyArg,
    declaration: DeclArg,
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
    nik: Annotated[str | None, typer.Option("--nik", help=_NIK_HELP)] = None,
    grade: Annotated[str | None, typer.Option("--grade", help=_GRADE_HELP)] = None,
    prompt: Annotated[
        bool | None,
        typer.Option(
            "--prompt/--no-prompt", help=N_("ask for missing values (default: when on a terminal)")
        ),
    ] = None,
) -> None:
    from pledgectl.core import storage, validate
    from pledgectl.core.errors import RefusedWrite, UsageFailure
    from pledgectl.edit.recording import make_person
    from pledgectl.edit.recording import sign as record_signature

    registry = open_registry()
    validate.agency_id(agency)
    validate.record_id(declaration)
    storage.set_wait_reporter(lock_notice)  # a held lock is said at once, not waited on in silence
    given = (nip, nik, name, status, position, unit, date, grade)
    interactive = sys.stdin.isatty() if prompt is None else prompt
    # optional values are asked only on request, or when nothing at all was given
    ask_optional = prompt is True or (interactive and all(v is None for v in given))
    if nip is not None:
        nip = validate.nip(nip)
    if nik is not None:
        nik = validate.nik(nik) if nik.strip() else None
    if interactive or name is None or status is None:
        # Before any question: the agency, the declaration, the lock, who signed already.
        from pledgectl.edit.recording import sign_context

        context = sign_context(registry, agency, declaration)

        def refuse_if_signed() -> None:
            recorded = context.already(nip, nik, name)
            if recorded is not None:
                raise RefusedWrite(
                    N_("{who} has already signed {declaration}"),
                    hint=N_("each person signs a declaration once; see `pledgectl agency show`"),
                    who=nip or nik or recorded,
                    declaration=declaration,
                )

        def fill() -> None:
            nonlocal name, status, position, unit, grade, nip, nik
            refuse_if_signed()
            member = context.member(nip, nik, name)
            if member is None:
                return
            # the roster fills what the line left out; options given on the line win
            name = name if name is not None else _str(member.get("name"))
            status = status if status is not None else _str(member.get("status"))
            position = position if position is not None else _str(member.get("position"))
            unit = unit if unit is not None else _str(member.get("unit"))
            grade = grade if grade is not None else _str(member.get("grade"))
            nip = nip if nip is not None else _str(member.get("nip"))
            nik = nik if nik is not None else _str(member.get("nik"))
            refuse_if_signed()  # the roster may have named someone who has

        fill()
        registry.ensure_writable_here()
        storage.wait_for_lock(registry.agency_path(agency))
        if interactive:
            if nip is None and nik is None and name is None:
                answer = _ask(
                    N_("NIP, or a name on the roster (empty if there is no NIP)"),
                    _nip_or_name,
                    False,
                )
                if answer.strip() and normalise_nip(answer).isdigit():
                    nip = validate.nip(answer)
                elif answer.strip():
                    name = _pick_from_roster(context, answer.strip())
                fill()
            if status is None:
                status = _ask(N_("Status (PNS, PPPK, NON-ASN)"), validate.status)
            clean_status = validate.status(status)
            settings = registry.settings
            if nip is None and nik is None and clean_status not in settings.policy.nip_optional_for:
                nip = validate.nip(_ask(N_("NIP (18 digits)"), validate.nip))
                fill()
            if name is None:
                name = _pick_from_roster(
                    context, _ask(N_("Full name"), lambda v: validate.text(v, "name"))
                )
                fill()
            if ask_optional:
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
        raise UsageFailure(
            N_("{field} is required"),
            hint=N_("give {field}, or run the command on a terminal to be asked for it"),
            field=missing[0],
        )
    assert name is not None and status is not None
    person = make_person(
        registry,
        name=name,
        status=status,
        nip=nip,
        position=position,
        unit=unit,
        signed=date,
        nik=nik,
        grade=grade,
    )
    outcome = record_signature(registry, agency, declaration, person)
    show_warnings(outcome.warnings)
    if person.nip:
        say(
            N_("recorded signature of {name} ({who}) on {declaration}"),
            who=person.nip,
            name=person.name,
            declaration=declaration,
        )
    else:
        typer.echo(
            t(
                N_("recorded signature of {name} ({status}, without NIP) on {declaration}"),
                name=person.name,
                status=person.status,
                declaration=declaration,
            ),
            err=True,
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _nip_or_name(value: str) -> None:
    """A NIP when it is digits (then it must be valid), else any one-line name."""
    from pledgectl.core import validate

    if normalise_nip(value).isdigit():
        validate.nip(value)
    elif value.strip():
        validate.text(value, "name")


def _pick_from_roster(context: "SignContext", typed: str) -> str:
    """The roster member a typed name points to: offered by number when several match."""
    from pledgectl.core.identity import name_key

    matches = context.unsigned_like(typed)
    if not matches or any(name_key(m["name"]) == name_key(typed) for m in matches):
        return typed
    shown = matches[:9]
    typer.echo(t(N_("on the roster and not yet signed:")), err=True)
    for number, member in enumerate(shown, 1):
        ident = member.get("nip") or member.get("nik") or member.get("status") or ""
        typer.echo(f"  {number}) {member['name']}  {ident}", err=True)
    choice = typer.prompt(
        t(N_("number of the person (empty: keep {typed!r})"), typed=typed),
        default="",
        show_default=False,
    ).strip()
    if choice.isdigit() and 1 <= int(choice) <= len(shown):
        return str(shown[int(choice) - 1]["name"])
    return typed
