"""Writing a workbook (binary) from a command: ``-o FILE``, or a pipe, never a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from pledgectl.cli.output import write_file
from pledgectl.core.errors import UsageFailure
from pledgectl.core.i18n import N_


def refuse_terminal(output: Path | None) -> None:
    """A workbook on a terminal is noise: ask for ``-o FILE`` (exit 2) before any work."""
    if output is None and sys.stdout.isatty():
        raise UsageFailure(
            N_("--format xlsx writes a binary workbook; give a file with -o FILE"),
            hint=N_("for example: -o {example}"),
            example="pledgectl.xlsx",
        )


def write_binary(data: bytes, output: Path | None) -> None:
    """``data`` to ``output`` whole or not at all (then say so on stderr), or to a piped
    stdout."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_file(output, data)
