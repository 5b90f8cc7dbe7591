"""``seal``: a witness institution signs a declaration with its SSH key (DESIGN.md 6.4)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import AgencyArg, DeclArg
from pledgectl.cli.output import say, warn
from pledgectl.core.errors import UsageFailure
from pledgectl.core.i18n import N_

app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_(
        "Seal a declaration: sign what it records now with an SSH key (ssh-keygen -Y sign), "
        "for a witness institution. --print-content writes the exact bytes a seal signed, "
        "for ssh-keygen -Y verify; --print-covered what it covers, for sha256sum."
    ),
)
def seal(
    agency: AgencyArg,
    declaration: DeclArg,
    institution: Annotated[
        str | None,
        typer.Option("--institution", help=N_("the sealing institution (an institutions id)")),
    ] = None,
    key: Annotated[
        Path | None,
        typer.Option(
            "--key",
            metavar="KEY",
            help=N_("the SSH private key (or the .pub of a key in ssh-agent or a security key)"),
        ),
    ] = None,
    principal: Annotated[
        str | None,
        typer.Option(
            "--principal", help=N_("the key's principal in allowed_signers (default: found)")
        ),
    ] = None,
    print_content: Annotated[
        bool,
        typer.Option(
            "--print-content",
            help=N_("write the bytes the last seal signed (no seal: what a seal would sign now)"),
        ),
    ] = False,
    print_covered: Annotated[
        bool,
        typer.Option(
            "--print-covered",
            help=N_("write what the last seal covers, as it stands: its SHA-256 is the digest"),
        ),
    ] = False,
    print_signature: Annotated[
        bool,
        typer.Option("--print-signature", help=N_("write the last seal's armored signature")),
    ] = False,
    number: Annotated[
        int | None,
        typer.Option("--seal", metavar="N", help=N_("with --print-*: seal N (1 = first)")),
    ] = None,
) -> None:
    from pledgectl.edit import seal as sealing

    registry = open_registry()
    printing = [print_content, print_covered, print_signature]
    if any(printing):
        if sum(printing) > 1:
            raise UsageFailure(
                N_("give one of --print-content, --print-covered and --print-signature"),
                hint=N_("run the command once for each: each writes one thing to stdout"),
            )
        if print_signature:
            sys.stdout.write(sealing.print_signature(registry, agency, declaration, number))
            sys.stdout.flush()
            return
        if print_covered:
            body, holds = sealing.print_covered(registry, agency, declaration, number)
        else:
            body, holds = sealing.print_content(
                registry, agency, declaration, number, institution, principal
            )
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        if not holds:
            warn(
                N_(
                    "what this seal covers has changed since it was sealed: "
                    "it no longer matches the seal's digest"
                )
            )
        return
    if institution is None or key is None:
        raise UsageFailure(
            N_("seal needs --institution and --key (or one of the --print-* options)"),
            hint=N_("e.g. pledgectl seal AGENCY DECL --institution KPU --key ~/.ssh/id_ed25519"),
        )
    outcome = sealing.seal(
        registry,
        agency,
        declaration,
        institution=institution,
        key=key,
        principal=principal,
    )
    say(
        N_(
            "sealed {declaration} for {institution} as {principal}: "
            "{witnesses} witnesses and {signatories} signatories ({digest})"
        ),
        declaration=declaration,
        institution=outcome.institution,
        principal=outcome.principal,
        witnesses=outcome.covers.witnesses,
        signatories=outcome.covers.signatories,
        digest=outcome.digest[:19] + "…",
    )
