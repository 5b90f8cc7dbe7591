"""Options that several commands share, spelled once."""

from pathlib import Path
from typing import Annotated

import typer

FormatOpt = Annotated[
    str, typer.Option("--format", "-f", metavar="table|json", help="help.opt.format-table-json")
]

OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="help.opt.output")]

RedactOpt = Annotated[bool, typer.Option("--redact", help="help.opt.redact")]
