"""Where output goes: data to stdout (or ``-o FILE``), people's messages to stderr.

Rich is imported only when a table is drawn on a terminal, so start-up stays light.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from pledgectl.core import i18n
from pledgectl.core.errors import PledgeError, UsageFailure
from pledgectl.core.i18n import N_


def say(key: str, **params: object) -> None:
    """A confirmation for a person, on stderr."""
    typer.echo(i18n.t(key, **params), err=True)


def say_n(singular: str, plural: str, n: int, **params: object) -> None:
    """A confirmation with a count: the singular or plural form for ``n`` (``{n}``)."""
    typer.echo(i18n.tn(singular, plural, n, **params), err=True)


def warn(key: str, **params: object) -> None:
    typer.echo(i18n.t("warning") + ": " + i18n.t(key, **params), err=True)


def emit(text: str, output: Path | None = None) -> None:
    """Write data to stdout, or to ``output`` when given."""
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    write_file(output, (text if text.endswith("\n") else text + "\n").encode("utf-8"))


def write_file(output: Path, data: bytes) -> None:
    """``data`` to ``-o FILE`` (:func:`write_output`), then say so on stderr; a one-line
    error when it cannot be written."""
    try:
        write_output(output, data)
    except OSError as exc:
        raise PledgeError(
            N_("cannot write {file}: {reason}"),
            hint=N_("check that the folder exists and is writable"),
            file=str(output),
            reason=exc.strerror,
        ) from None
    say(N_("written {file}"), file=str(output))


def write_output(path: Path, data: bytes) -> None:
    """Write ``-o FILE`` whole or not at all: a full disk never leaves a truncated or empty file.

    The bytes go to a temporary file in the same folder, then replace ``path``
    in one rename (an old file stays as it was until then; the new one keeps
    its permissions). A symlink is followed and its target replaced. What is
    not a regular file (``/dev/stdout``, a pipe) is written to directly.
    Raises ``OSError``; the temporary file never stays behind.
    """
    import os
    import stat

    try:
        st: os.stat_result | None = os.stat(path)  # through symlinks, /dev/stdout included
    except FileNotFoundError:
        st = None
    if st is not None and (
        not stat.S_ISREG(st.st_mode) or str(path).startswith(("/dev/", "/proc/"))
    ):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    target = Path(os.path.realpath(path))
    if st is not None:
        mode = stat.S_IMODE(st.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def choose(value: str, choices: Sequence[str], option: str) -> str:
    """Validate a ``--format``-like choice with a message in the user's language."""
    if value not in choices:
        raise UsageFailure(
            N_("{option} {value!r} is not one of {choices}"),
            hint=N_("see the command's --help"),
            option=option,
            value=value,
            choices=", ".join(choices),
        )
    return value


# column id -> its heading, for the tables of ``agency list`` and ``find``
COLUMNS = {
    "agency": N_("agency"),
    "declaration": N_("declaration"),
    "declarations": N_("declarations"),
    "id": N_("id"),
    "name": N_("name"),
    "nip": N_("NIP"),
    "parent": N_("parent"),
    "position": N_("position"),
    "region": N_("region"),
    "role": N_("role"),
    "roster": N_("roster"),
    "signatories": N_("signatories"),
    "status": N_("status"),
    "witness": N_("witness"),
}


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], output: Path | None = None
) -> None:
    """A table for people: Rich on a terminal, aligned plain text when piped or saved."""
    if output is None and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        grid = Table(*headers)
        for row in rows:
            grid.add_row(*row)
        Console().print(grid)
        return
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)).rstrip()]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
    emit("\n".join(lines) + "\n", output)
