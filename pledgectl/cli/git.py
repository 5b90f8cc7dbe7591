"""The ``git`` group: ``git install`` and the drivers git calls."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.output import emit, say, say_n
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

git_app = typer.Typer(
    cls=PledgeGroup,
    help=N_("Git integration: diff and merge drivers."),
    no_args_is_help=True,
    rich_markup_mode=None,
)

app.add_typer(git_app, name="git")


@git_app.command(
    "install",
    cls=PledgeCommand,
    help=N_(
        "Register the textconv diff driver and the merge driver for agency files (idempotent)."
    ),
)
def git_install() -> None:
    from pledgectl.git.drivers import install

    result = install(open_registry().root)
    if result.added_lines or result.config_set:
        say(
            N_("registered the pledgectl diff and merge drivers ({file} and .git/config)"),
            file=str(result.attributes_file),
        )
    else:
        say(N_("the pledgectl git drivers were already installed"))
    if result.replaced and "diff.pledgectl.textconv" in result.replaced:
        old = result.replaced["diff.pledgectl.textconv"]
        say(N_("replaced an older registration, which ran: {old}"), old=old)
    say(
        N_("git runs them as {python} -m pledgectl, from any shell, IDE or git GUI"),
        python=result.python,
    )
    say(
        N_(
            "note: run this in every clone; a hosting service's web merge button does not run custom merge drivers"
        )
    )


@git_app.command(
    "textconv",
    cls=PledgeCommand,
    help=N_("Readable summary of an agency file (called by git diff)."),
)
def git_textconv(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=N_("file"))],
) -> None:
    from pledgectl.git.drivers import textconv

    emit(textconv(file))


@git_app.command(
    "merge-driver",
    cls=PledgeCommand,
    help=N_("Merge driver for agency files (called by git merge)."),
)
def git_merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASE", help=N_("file"))],
    ours: Annotated[Path, typer.Argument(metavar="OURS", help=N_("file"))],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help=N_("file"))],
    name: Annotated[str, typer.Argument(metavar="PATH", help=N_("file"))] = "agency.toml",
    marker_size: Annotated[
        int, typer.Option("--marker-size", min=1, help=N_("Length of conflict markers (git's %L)."))
    ] = 7,
    ours_label: Annotated[
        str, typer.Option("--ours-label", help=N_("Label of our side on conflict markers."))
    ] = "",
    base_label: Annotated[
        str, typer.Option("--base-label", help=N_("Label of the common ancestor."))
    ] = "",
    theirs_label: Annotated[
        str, typer.Option("--theirs-label", help=N_("Label of their side on conflict markers."))
    ] = "",
) -> None:
    from pledgectl.git.drivers import merge_driver, merge_labels

    labels = merge_labels(ours_label, base_label, theirs_label)
    outcome = merge_driver(base, ours, theirs, name, labels, marker_size)
    if outcome.clean:
        say(N_("merged {file} semantically"), file=name)
        return
    say_n(
        "{file}: 1 conflict left for you, marked with <<<<<<< and >>>>>>>",
        "{file}: {n} conflicts left for you, marked with <<<<<<< and >>>>>>>",
        max(1, len(outcome.conflicts)),
        file=name,
    )
    for conflict in outcome.conflicts[:20]:
        typer.echo(f"  {conflict}", err=True)
    from pledgectl.core import i18n

    typer.echo(
        i18n.t("hint")
        + ": "
        + i18n.t(
            "edit the file to resolve the marked records, run `pledgectl fmt`, then `git add` it"
        ),
        err=True,
    )
    raise typer.Exit(1)
