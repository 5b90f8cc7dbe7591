"""Writing a workbook (binary) from a command: ``-o FILE``, or a pipe, never a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from pledgectl.cli.output import say
from pledgectl.core.errors import PledgeError, UsageFailure
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
    """``data`` to ``output`` (then say so on stderr), or to a piped stdout."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise PledgeError(
            N_("cannot write {file}: {reason}"),
            hint=N_("check that the folder exists and is writable"),
            file=str(output),
            reason=exc.strerror,
        ) from None
    say(N_("written {file}"), file=str(output))
