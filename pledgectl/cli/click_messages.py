"""Click's and Typer's own messages, listed so that Babel extracts them into our catalog.

Click and Typer translate these with :func:`gettext.gettext` / ``ngettext`` in
whatever text domain is bound; :func:`pledgectl.core.i18n.activated` binds
``pledgectl`` for the run, so the Indonesian comes from our ``.po``. The msgids
are copied exactly from the installed ``click`` (8.x) and ``typer`` sources
(``grep -rn '_("' .../site-packages/click``); a msgid that does not match
Click's text byte for byte is simply never used, so check after upgrading Click
(``tests/core/test_catalog.py`` runs a usage error and ``--help`` in Indonesian).

This module is never imported at run time.
"""

from __future__ import annotations

from pledgectl.core.i18n import N_, N_plural

# help pages (click.formatting, click.core, typer.core)
HELP = (
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("required"),
    N_("(dynamic)"),
    N_("env var: {var}"),
    N_("deprecated"),
)

# usage errors (click.exceptions, click.parser, click.core)
ERRORS = (
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Invalid start character for option ({option})"),
    N_("Value must be an iterable."),
    N_("Could not open file {filename!r}: {message}"),
    N_("unknown error"),
    N_("Aborted!"),
)

# parameter types (click.types)
TYPES = (
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{value!r} is not a valid UUID."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{name} {filename!r} is not executable."),
    N_("Choose from:\n\t{choices}"),
)

# prompts (click.termui)
PROMPTS = (
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("Error: invalid input"),
)

PLURALS = (
    N_plural("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    N_plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    N_plural(
        "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."
    ),
    N_plural("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    N_plural("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."),
    N_plural(
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ),
    N_plural(
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ),
)

# usage metavars: Click does not translate them; pledgectl.cli.framework does
METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))
