"""Options that several commands share, spelled once."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.core.i18n import N_

FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", metavar="table|json", help=N_("output format: table or json")),
]

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=N_("write to this file instead of standard output"),
    ),
]

RedactOpt = Annotated[
    bool, typer.Option("--redact", help=N_("mask NIPs (they contain birth dates)"))
]
