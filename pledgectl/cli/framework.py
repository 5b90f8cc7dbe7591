"""The CLI boundary: language, help in two languages, and the one error handler.

Click and Typer translate their own words ("Usage:", "Missing option",
"[default: ...]") with :func:`gettext.gettext`; :func:`pledgectl.core.i18n.activated`
binds the ``pledgectl`` domain for the run, so they come from our ``.po`` like
every other message (the msgids are listed in :mod:`pledgectl.cli.click_messages`).
The root group runs Click in non-standalone mode and frames its usage errors
as ours: ``error: <Click's message>`` and ``hint: see `pledgectl X --help```.
Help texts are msgids translated on the command tree when help is shown.
Every foreseeable error becomes one line and a hint; anything unexpected says
so, with the path of a log holding the traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from typing import Any

import click as _click
import typer
from typer.core import TyperCommand, TyperGroup

from pledgectl.core import i18n
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_

EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130

# Options every command accepts wherever they stand on the line.
GLOBAL_OPTIONS = ("--lang", "--registry")
_globals: dict[str, list[str]] = {"registries": []}


def global_registry() -> str | None:
    """The registry given with ``--registry`` (None: discover it); given twice is refused."""
    given = _globals["registries"]
    if len(given) > 1:
        from pledgectl.core.errors import UsageFailure

        raise UsageFailure(
            N_("--registry was given {count} times; only check works over several registries"),
            hint=N_("give --registry once for this command"),
            count=len(given),
        )
    return given[0] if given else None


def global_registries() -> list[str]:
    """Every registry given with ``--registry``, in order: ``check`` takes several."""
    return list(_globals["registries"])


def extract_globals(args: Sequence[str]) -> tuple[list[str], dict[str, list[str | None]]]:
    """Pull ``--lang`` and ``--registry`` out of ``args`` wherever they stand (before ``--``).

    Each option's values in order: a repeated ``--lang`` counts once (the last),
    a repeated ``--registry`` names several registries; None where the option
    ends the line without its value.
    """
    rest: list[str] = []
    found: dict[str, list[str | None]] = {}
    i = 0
    args = list(args)
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name, eq, val = arg.partition("=")
        if name in GLOBAL_OPTIONS:
            value: str | None = None
            if eq:
                value = val
            elif i + 1 < len(args):
                value = args[i + 1]
                i += 1
            found.setdefault(name[2:], []).append(value)
            i += 1
            continue
        rest.append(arg)
        i += 1
    return rest, found


def _translate(value: str | None) -> str | None:
    return i18n._(value) if value else value


# Placeholders in usage and help, as the messages' hints spell them in each language
# (``--key KEY`` is ``--key KUNCI`` in Indonesian). Literal values (``table|json``,
# ``YYYY-MM-DD``, ``PATH``) are not placeholders of this kind and stay as they are.
METAVARS = {
    "AGENCY": N_("AGENCY"),
    "[AGENCY]...": N_("[AGENCY]..."),
    "DECL": N_("DECL"),
    "FILE": N_("FILE"),
    "KEY": N_("KEY"),
}


def translate_tree(command: _click.Command) -> None:
    """Translate the help msgids into the current language, through the whole tree."""
    command.help = _translate(command.help)
    command.short_help = _translate(command.short_help)
    for param in command.params:
        if hasattr(param, "help"):
            param.help = _translate(param.help)
        if param.metavar is None and isinstance(param.type, _click.Path):
            # Click would spell the type's translated name ("path berkas"): two words
            param.metavar = "PATH"
        if param.metavar in METAVARS:  # a tree is built and translated once per language
            param.metavar = i18n._(METAVARS[param.metavar])
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            translate_tree(sub)


def _usage_pieces(pieces: list[str]) -> list[str]:
    """Click's usage metavars ``[OPTIONS]``, ``COMMAND [ARGS]...`` in the current language."""
    words = {
        "[OPTIONS]": N_("[OPTIONS]"),
        "COMMAND [ARGS]...": N_("COMMAND [ARGS]..."),
    }
    return [i18n._(words[piece]) if piece in words else piece for piece in pieces]


def _parse_args(parse: Any, ctx: _click.Context, args: list[str]) -> list[str]:
    """Click's parser raises some usage errors without their context: give it, for the hint."""
    try:
        return list(parse(ctx, args))
    except _click.exceptions.UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
        raise


class PledgeCommand(TyperCommand):
    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return _usage_pieces(super().collect_usage_pieces(ctx))

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        return _parse_args(super().parse_args, ctx, args)


# Command name -> module whose ``app`` defines it. Only the invoked command's module is
# imported and built, so start-up does not grow with the number of commands.
COMMAND_MODULES = {
    "init": "init",
    "agency": "agency",
    "declare": "declare",
    "witness": "witness",
    "sign": "sign",
    "seal": "seal",
    "import": "imports",
    "roster": "roster",
    "check": "check",
    "report": "report",
    "find": "find",
    "export": "export",
    "sheet": "sheet",
    "fmt": "fmt",
    "diff": "diff",
    "git": "git",
    "schema": "schema",
    "ceremony": "ceremony",
}


def load_command(name: str) -> _click.Command | None:
    """Build one command (or command group) from its module, translated."""
    module_name = COMMAND_MODULES.get(name)
    if module_name is None:
        return None
    import importlib

    from typer.main import get_command

    module = importlib.import_module(f"pledgectl.cli.{module_name}")
    built = get_command(module.app)
    command = built.commands.get(name) if isinstance(built, _click.Group) else built
    if command is not None:
        translate_tree(command)
    return command


class PledgeGroup(TyperGroup):
    """The root group: runs the whole CLI inside the error boundary, loading commands lazily."""

    lazy = True

    def get_help(self, ctx: _click.Context) -> str:
        # translated here, not at start-up: only help shows these texts, and the
        # catalogs cost ~5 ms that ``--version`` and most runs need not pay
        translate_tree(self)
        return super().get_help(ctx)

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return _usage_pieces(super().collect_usage_pieces(ctx))

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        return _parse_args(super().parse_args, ctx, args)

    def invoke(self, ctx: _click.Context) -> Any:
        # Typer turns Ctrl-C into a silent exit 130; as an Abort it reaches our boundary,
        # which says "aborted" on a line of its own
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _click.exceptions.Abort() from None

    def list_commands(self, ctx: _click.Context) -> list[str]:
        names = super().list_commands(ctx)
        if self.lazy and ctx.parent is None:
            names = sorted(set(names) | set(COMMAND_MODULES))
        return names

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and self.lazy and ctx.parent is None:
            found = load_command(cmd_name)
            if found is not None:
                self.commands[cmd_name] = found
        return found

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        raw = list(sys.argv[1:] if args is None else args)
        rest, found = extract_globals(raw)
        if rest[:1] == ["--version"]:  # before any catalog is bound: --version reads none
            from pledgectl import __version__

            typer.echo(f"pledgectl {__version__}")
            _exit(0, standalone_mode)
            return 0
        lang = found["lang"][-1] if "lang" in found else None
        if "lang" in found and lang not in i18n.LANGS:
            i18n.set_lang(i18n.detect_lang())
            code = report(
                PledgeError(
                    N_("--lang {value!r} is not one of en, id"),
                    hint=N_("use --lang en or --lang id"),
                    value=lang,
                ),
                usage=True,
            )
            _exit(code, standalone_mode)
            return code
        with i18n.activated(i18n.detect_lang(lang)):
            code = self._run(rest, found, prog_name, complete_var, **extra)
        _exit(code, standalone_mode)
        return code

    def _run(
        self,
        rest: list[str],
        found: dict[str, list[str | None]],
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> int:
        try:
            _globals["registries"] = _registry_paths(found.get("registry", []))
            result = super().main(
                rest,
                prog_name=prog_name or "pledgectl",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else 0
        except PledgeError as exc:
            code = report(exc)
        except _click.exceptions.NoArgsIsHelpError as exc:
            ctx = exc.ctx
            typer.echo(ctx.get_help() if ctx else "")
            code = 0
        except _click.exceptions.UsageError as exc:
            code = report_usage(exc)
        except (_click.exceptions.Abort, KeyboardInterrupt):
            code = interrupted()
        except BrokenPipeError:
            _silence_stdout()
            code = 1
        except typer.Exit as exc:
            code = exc.exit_code
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:
            code = report_unexpected()
        return code


def _registry_paths(given: list[str | None]) -> list[str]:
    """The ``--registry`` values; an empty one (an unset variable in a script) is refused."""
    from pledgectl.core.errors import UsageFailure

    for value in given:
        if value is None:
            message = i18n.ngettext(
                "Option {name!r} requires an argument.",
                "Option {name!r} requires {nargs} arguments.",
                1,
            )
            raise _click.exceptions.UsageError(message.format(name="--registry", nargs=1))
        if not value.strip():
            raise UsageFailure(
                N_("--registry was given an empty path"),
                hint=N_("give the registry's folder, e.g. --registry . (is a variable unset?)"),
            )
    return [value for value in given if value]


def interrupted() -> int:
    """Ctrl-C: say so on a line of its own (the terminal has echoed ``^C`` without a newline)."""
    from pledgectl.cli import entry

    return entry.interrupted(i18n.get_lang())


def _exit(code: int, standalone_mode: bool) -> None:
    if standalone_mode:
        sys.exit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report(exc: PledgeError, usage: bool = False) -> int:
    """One line: what is wrong; then, if known, how to fix it."""
    typer.echo(i18n.t("error") + f": {exc.message}", err=True)
    hint = exc.hint
    if hint:
        typer.echo(i18n.t("hint") + f": {hint}", err=True)
    return 2 if usage else exc.exit_code


def usage_message(exc: _click.exceptions.UsageError) -> str:
    """Click's own message for the usage error, translated by Click through our catalog."""
    return exc.format_message().strip()


def report_usage(exc: _click.exceptions.UsageError) -> int:
    typer.echo(i18n.t("error") + f": {usage_message(exc)}", err=True)
    path = exc.ctx.command_path if exc.ctx else "pledgectl"
    see = i18n.t("see `{command} --help`", command=path)
    typer.echo(i18n.t("hint") + f": {see}", err=True)
    return 2


def report_unexpected() -> int:
    """Say plainly that this is a bug, and where the traceback went."""
    log_dir = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    try:
        os.makedirs(os.path.join(log_dir, "pledgectl"), exist_ok=True)
        log_path = os.path.join(log_dir, "pledgectl", "pledgectl.log")
        with open(log_path, "a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    except OSError:
        fd, log_path = tempfile.mkstemp(prefix="pledgectl-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
    typer.echo(
        i18n.t("error")
        + ": "
        + i18n.t(
            "unexpected internal error; this is a bug in pledgectl, the details are in {log}",
            log=log_path,
        ),
        err=True,
    )
    return EXIT_UNEXPECTED
