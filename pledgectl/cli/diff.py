"""``diff``: the semantic diff of the registry between two git revisions."""

from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt, RedactOpt
from pledgectl.cli.output import choose, emit
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command(
    cls=PledgeCommand,
    help=N_(
        "Semantic diff of the registry between two git revisions (default: HEAD and the working tree); exit 1 when different."
    ),
)
def diff(
    rev_a: Annotated[
        str, typer.Argument(metavar="[REV_A]", help=N_("first revision (default HEAD)"))
    ] = "HEAD",
    rev_b: Annotated[
        str | None,
        typer.Argument(metavar="[REV_B]", help=N_("second revision (default: the working tree)")),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help=N_("text or json"))
    ] = "text",
    output: OutputOpt = None,
    redact: RedactOpt = False,
) -> None:
    from pledgectl.core import i18n
    from pledgectl.core.privacy import redact_text
    from pledgectl.git import plumbing as gitops
    from pledgectl.git import semdiff

    choose(fmt, ("text", "json"), "--format")
    registry = open_registry()
    root = registry.root
    gitops.verify_rev(root, rev_a)
    old = semdiff.parse_snapshot(gitops.read_agencies_at(root, rev_a))
    old_settings = gitops.read_settings_at(root, rev_a)
    if rev_b is None:
        label_b = i18n.t("working tree")
        new = semdiff.parse_snapshot(gitops.read_agencies_worktree(root))
        new_settings: bytes | None = registry.settings_path.read_bytes()
    else:
        gitops.verify_rev(root, rev_b)
        label_b = rev_b
        new = semdiff.parse_snapshot(gitops.read_agencies_at(root, rev_b))
        new_settings = gitops.read_settings_at(root, rev_b)

    def settings_of(raw: bytes | None) -> semdiff.AgencyData | None:
        return semdiff.parse_agency(raw) if raw is not None else None

    result = semdiff.diff_snapshots(
        old,
        new,
        rev_a=rev_a,
        rev_b=label_b,
        settings_old=settings_of(old_settings),
        settings_new=settings_of(new_settings),
    )
    text = semdiff.render_json(result) if fmt == "json" else semdiff.render_text(result)
    emit(redact_text(text) if redact else text, output)
    raise typer.Exit(0 if result.equal else 1)
