"""``find``: a person by NIP or part of a name, across all agencies."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt, RedactOpt
from pledgectl.cli.output import COLUMNS, choose, emit, say, table
from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_("Find a person by NIP (or its start) or part of a name, across all agencies."),
)
def find(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help=N_("NIP, NIP prefix or part of a name"))
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="table|json", help=N_("output format: table or json")
        ),
    ] = "table",
    redact: RedactOpt = False,
    output: OutputOpt = None,
) -> None:
    import json

    from pledgectl.views.people import find as find_people

    choose(fmt, ("table", "json"), "--format")
    if not query.strip():
        raise InvalidValue(
            N_("{field} is required"),
            hint=N_("give {field}, or run the command on a terminal to be asked for it"),
            field="QUERY",
        )
    rows = find_people(open_registry(), query, redacted=redact)
    if fmt == "json":
        emit(json.dumps(rows, ensure_ascii=False, indent=2), output)
        return
    columns = ("agency", "declaration", "role", "nip", "name", "status", "position")
    table([i18n.t(COLUMNS[c]) for c in columns], [[r[c] for c in columns] for r in rows], output)
    if not rows:
        say(N_("nobody matches {query!r}"), query=query)
