"""The console entry point: the CLI is imported inside the interrupt boundary.

``pledgectl`` starts here, not in :mod:`pledgectl.cli.app`, so that Ctrl-C while
Typer and Click are still being imported ends like Ctrl-C anywhere else: the
word "aborted" on a line of its own and exit status 130, no traceback. This
module imports nothing but the standard library until the CLI is loaded.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def _lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def interrupted(lang: str | None = None) -> int:
    """Say "aborted" in the user's language on its own line (the terminal shows ``^C``).

    ``lang``: the run's language when known; else ``--lang`` on the line or the locale.
    """
    try:
        from pledgectl.core import i18n

        lang = lang or i18n.detect_lang(_lang(sys.argv[1:]))
        word = i18n.gettext_in(lang, i18n.N_("aborted"))
    except (Exception, KeyboardInterrupt):
        word = "aborted"
    try:
        start = "\n" if sys.stderr.isatty() else ""
        sys.stderr.write(f"{start}{word}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_INTERRUPTED


def main() -> None:
    try:
        from pledgectl.cli.app import main as run
    except KeyboardInterrupt:
        sys.exit(interrupted())
    try:
        run()
    except KeyboardInterrupt:  # outside the root group's own boundary (a few lines)
        sys.exit(interrupted())
