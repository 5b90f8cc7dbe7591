"""The ``pledgectl`` command: the root group and its global options.

The commands live in modules of this package, each with its own ``app``; the
root group (:mod:`pledgectl.cli.framework`) imports and builds only the one
invoked, and each keeps its heavy imports inside its functions, so start-up
stays light whatever the number of commands.
"""

from typing import Annotated

import typer

from pledgectl import __version__
from pledgectl.cli.framework import PledgeGroup
from pledgectl.core.i18n import N_

app = typer.Typer(
    cls=PledgeGroup,
    name="pledgectl",
    help=N_(
        "A registry of ASN neutrality pledges kept as TOML files in git: record declarations, witnesses and signatories, and check them for completeness."
    ),
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pledgectl {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    registry: Annotated[
        str | None,
        typer.Option(
            "--registry",
            metavar="PATH",
            help=N_(
                "registry folder (default: found from the current folder); check takes it several times"
            ),
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", metavar="en|id", help=N_("language of messages: en or id (default from LANG)")
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("show the version and exit")
        ),
    ] = False,
) -> None:
    """Global options are taken by the root group wherever they stand on the line."""


def main() -> None:
    app()
