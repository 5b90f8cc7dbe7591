"""``schema``: print the JSON Schema of agency files or of pledgectl.toml."""

from typing import Annotated

import typer

from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt
from pledgectl.cli.output import emit
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_("Print the JSON Schema of an agency file, for editors (taplo, Even Better TOML)."),
)
def schema(
    settings: Annotated[
        bool, typer.Option("--settings", help=N_("the schema of pledgectl.toml instead"))
    ] = False,
    output: OutputOpt = None,
) -> None:
    import json

    from pledgectl.views.jsonschema import agency_schema, settings_schema

    document = settings_schema() if settings else agency_schema()
    emit(json.dumps(document, ensure_ascii=False, indent=2), output)
