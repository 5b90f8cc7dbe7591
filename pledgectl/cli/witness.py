"""``witness``: add a witness to a declaration."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry, show_warnings
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg, DeclArg
from pledgectl.cli.output import say
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(cls=PledgeCommand, help=N_("Add a witness to a declaration."))
def witness(
    agency: AgencyArg,
    declaration: DeclArg,
    institution: Annotated[
        str, typer.Option("--institution", help=N_("institution id, e.g. KPU or Bawaslu"))
    ],
    name: Annotated[str, typer.Option("--name", help=N_("name of the witness"))],
    role: Annotated[str | None, typer.Option("--role", help=N_("role of the witness"))] = None,
) -> None:
    from pledgectl.edit.recording import add_witness

    outcome = add_witness(
        open_registry(), agency, declaration, institution=institution, name=name, role=role
    )
    show_warnings(outcome.warnings)
    say(
        N_("recorded witness {name} ({institution}) for {declaration}"),
        name=name,
        institution=institution,
        declaration=declaration,
    )
