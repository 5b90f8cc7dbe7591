"""The ``git`` group: ``git install`` and the drivers git calls."""

from pathlib import Path
from typing import Annotated

import typer

from pledgectl.cli.common import open_registry
from pledgectl.cli.framework import PledgeCommand, PledgeGroup
from pledgectl.cli.output import emit, say
from pledgectl.core.i18n import N_

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

git_app = typer.Typer(cls=PledgeGroup, help="help.git", no_args_is_help=True, rich_markup_mode=None)

app.add_typer(git_app, name="git")


@git_app.command("install", cls=PledgeCommand, help="help.git.install")
def git_install() -> None:
    from pledgectl.git.drivers import install

    result = install(open_registry().root)
    if result.added_lines or result.config_set:
        say("git.installed", file=str(result.attributes_file))
    else:
        say("git.already-installed")
    say("git.install-note")


@git_app.command("textconv", cls=PledgeCommand, help="help.git.textconv")
def git_textconv(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="help.arg.file")],
) -> None:
    from pledgectl.git.drivers import textconv

    emit(textconv(file))


@git_app.command("merge-driver", cls=PledgeCommand, help="help.git.merge-driver")
def git_merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASE", help="help.arg.file")],
    ours: Annotated[Path, typer.Argument(metavar="OURS", help="help.arg.file")],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="help.arg.file")],
    name: Annotated[str, typer.Argument(metavar="PATH", help="help.arg.file")] = "agency.toml",
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
        say("git.merged", file=name)
        return
    say("git.conflict", file=name, count=max(1, len(outcome.conflicts)))
    for conflict in outcome.conflicts[:20]:
        typer.echo(f"  {conflict}", err=True)
    from pledgectl.core import i18n

    typer.echo(f"{i18n.t('cli.hint')}: {i18n.t('merge.conflicts.hint')}", err=True)
    raise typer.Exit(1)
