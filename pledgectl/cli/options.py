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

AgencyArg = Annotated[str, typer.Argument(metavar="AGENCY", help=N_("agency id"))]

DeclArg = Annotated[str, typer.Argument(metavar="DECL", help=N_("declaration id"))]

# ``import`` and ``roster import``: a staff list and how to read it
StaffFileArg = Annotated[Path, typer.Argument(metavar="FILE", help=N_("CSV or XLSX file"))]

DryRunOpt = Annotated[
    bool,
    typer.Option(
        "--dry-run",
        help=N_("list the people that would be added, with the counts; write nothing"),
    ),
]

SkipInvalidOpt = Annotated[
    bool,
    typer.Option("--skip-invalid", help=N_("import the valid rows and list the skipped ones")),
]

StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        metavar="PNS|PPPK|NON-ASN",
        help=N_(
            "status of rows that give none, e.g. NON-ASN for a name-only list of THL or "
            "honorer staff"
        ),
    ),
]
