"""``check``: completeness and validity checks over one or more registries."""

from typing import TYPE_CHECKING, Annotated

import typer

from pledgectl.cli.common import open_registries
from pledgectl.cli.framework import PledgeCommand
from pledgectl.cli.options import OutputOpt, RedactOpt
from pledgectl.cli.output import choose, emit
from pledgectl.core.i18n import N_
from pledgectl.render.check import FORMATS

if TYPE_CHECKING:
    from pledgectl.core.registry import Registry

# This module's commands; the root group loads them only when one is invoked.
app = typer.Typer(add_completion=False, rich_markup_mode=None)

CHECK_FORMATS = tuple(FORMATS)  # registered in pledgectl.render.check, one module each


@app.command(cls=PledgeCommand, help=N_("Check declarations for completeness and validity."))
def check(
    agencies: Annotated[
        list[str] | None, typer.Argument(metavar="[AGENCY]...", help=N_("only these agencies"))
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(CHECK_FORMATS),
            help=N_("output format: text, json, github, junit or gitlab"),
        ),
    ] = "text",
    only: Annotated[
        list[str] | None, typer.Option("--only", help=N_("run only this check (repeatable)"))
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="error|warning",
            help=N_("exit 1 on findings of this severity or above"),
        ),
    ] = "error",
    output: OutputOpt = None,
    redact: RedactOpt = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help=N_(
                "text: print only the counts per check, the agencies, the coverage per"
                " election and the verdict"
            ),
        ),
    ] = False,
) -> None:
    from pledgectl.checks import CHECK_NAMES
    from pledgectl.core.privacy import redact_text
    from pledgectl.engine.runner import run_checks_over
    from pledgectl.render.check import Options, render

    choose(fmt, CHECK_FORMATS, "--format")
    choose(fail_on, ("error", "warning"), "--fail-on")
    for name in only or []:
        choose(name, CHECK_NAMES, "--only")
    registries = open_registries()
    for agency in agencies or []:
        if not any(r.agency_path_exists(agency) for r in registries):  # refuses a malformed id
            from pledgectl.core.errors import InvalidValue
            from pledgectl.core.registry import unknown_agency

            if len(registries) > 1:
                raise InvalidValue(
                    N_("no agency {agency!r} in any of the {count} registries given"),
                    hint=N_("see `pledgectl agency list --registry PATH` for each"),
                    agency=agency,
                    count=len(registries),
                )
            raise unknown_agency(agency)
    result = run_checks_over(registries, agencies or None, only or None)
    assessed = "coverage" in result.checks and all(
        r.settings.severity("coverage") != "off" for r in registries
    )
    checked = _checked(registries, agencies) if fmt == "junit" else ()
    text = render(fmt, result, Options(assessed, checked, fail_on, quiet))
    emit(redact_text(text) if redact else text, output)
    raise typer.Exit(1 if result.fails(fail_on) else 0)


def _checked(registries: "list[Registry]", agencies: list[str] | None) -> list[str]:
    """The agencies a run covered, labelled as reports head them (see ``agency_label``)."""
    from pledgectl.checks.base import Context
    from pledgectl.render.check.summary import agency_label

    labels = []
    for registry in registries:
        ctx = Context(registry, registry.settings)
        for agency, path in zip(registry.agency_ids(), registry.agency_paths(), strict=True):
            if not agencies or agency in agencies:
                labels.append(agency_label(agency, ctx.display_path(path), len(registries) > 1))
    return labels
