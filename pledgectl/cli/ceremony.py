"""``ceremony``: the roster on screen, ticked as people sign (a Textual view).

Textual is imported here, inside the command, and nowhere else: no other
command's start-up pays for it.
"""

import sys
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg, DeclArg, RedactOpt
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_(
        "Record a ceremony as it happens: the roster on screen, one key per signature, "
        "each written at once."
    ),
)
def ceremony(
    agency: AgencyArg,
    declaration: DeclArg,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help=N_("date of the signatures (default: the declaration's date)"),
        ),
    ] = None,
    redact: RedactOpt = False,
) -> None:
    from pledgectl.core import validate
    from pledgectl.core.errors import UsageFailure
    from pledgectl.tui.session import Ceremony

    registry = open_registry()
    validate.agency_id(agency)
    validate.record_id(declaration)
    when = validate.date(date, "--date") if date is not None else None
    session = Ceremony(registry, agency, declaration, date=when)  # errors before the screen
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # keys come in, Textual draws on stderr
        raise UsageFailure(
            N_("ceremony needs a terminal: it is a full-screen view"),
            hint=N_("run it in a terminal; to record from a script use `pledgectl sign`"),
        )
    from pledgectl.tui.ceremony import CeremonyApp
    from pledgectl.views.ceremony import count_line

    CeremonyApp(session, redact=redact).run()
    # what was done, on stderr like every confirmation
    typer.echo(
        summary(session.written, session.withdrawn) + "; " + count_line(session.counts()), err=True
    )


def summary(written: int, withdrawn: int) -> str:
    from pledgectl.core.i18n import t, tn

    line = tn("{n} signature recorded", "{n} signatures recorded", written - withdrawn)
    if withdrawn:
        line += " " + t("({n} taken off again)", n=withdrawn)
    return line
