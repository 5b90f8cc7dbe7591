"""Read one agency file: bytes to data, plus where every record is.

The fast parser (rtoml, Rust) reads the data; on a syntax error the standard
library's tomllib explains it with a line and column. Both are real TOML 1.0
parsers, so a file valid for one is valid for the other (a test holds them to
it). Reading never raises for bad content: a problem is returned as data for
the ``parse`` check, so one broken file never stops the others.
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from pledgectl.core import outline as outline_mod
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_

MAX_FILE_BYTES = 64 * 1024 * 1024
_LINE_COL = re.compile(r"\(at line (\d+), column (\d+)\)")


class ParseProblem(NamedTuple):
    key: str  # catalog key: parse.syntax, parse.encoding, parse.too-deep, parse.too-large
    line: int
    col: int
    reason: str = ""


class AgencyFile:
    """One agency file as read: text, data (None when unreadable) and its outline.

    A plain class: it is on every command's start-up path, where a dataclass
    costs its generated methods' compilation.
    """

    def __init__(
        self,
        path: Path,
        text: str,
        data: dict[str, Any] | None,
        problem: ParseProblem | None = None,
        size: int = 0,
    ) -> None:
        self.path = path
        self.text = text
        self.data = data
        self.problem = problem
        self.size = size
        self._extra: dict[str, Any] = {}  # what checks learnt of this file, shared between them

    def __repr__(self) -> str:
        return f"AgencyFile({str(self.path)!r}, problem={self.problem!r})"

    @property
    def file_id(self) -> str:
        """The agency id the file name promises."""
        return self.path.name.removesuffix(".toml")

    @cached_property
    def outline(self) -> outline_mod.Outline:
        return outline_mod.build(self.text)

    def line(self, path: tuple[str | int, ...], key: str | None = None) -> int | None:
        """Line of a record (or of one of its keys) for findings; None when not known."""
        if key is not None:
            found = self.outline.key_line(path, key)
            if found is not None:
                return found
        block = self.outline.by_path().get(path)
        return block.line if block else None


def _parser() -> str:
    return os.environ.get("PLEDGECTL_PARSER", "rtoml")


class TomlSyntaxError(ValueError):
    """Not valid TOML, explained by tomllib: ``reason`` at ``line``:``col``."""

    def __init__(self, reason: str, line: int, col: int) -> None:
        super().__init__(f"{reason} (line {line}, column {col})")
        self.reason, self.line, self.col = reason, line, col


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text with the configured parser; :class:`TomlSyntaxError` on bad input.

    tomllib is imported only to explain an error (or for the plain path), which
    keeps it off the start-up of every command.
    """
    if _parser() == "rtoml":
        import rtoml

        try:
            data: dict[str, Any] = rtoml.loads(text)
            return data
        except Exception as exc:
            if too_deep_error(exc):
                # tomllib would accept it, in time and memory quadratic in the depth
                # (a 100 kB file of dotted keys: 70 s and 9 GB), so stop here.
                raise RecursionError(str(exc)) from None
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE_COL.search(str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        raise TomlSyntaxError(_LINE_COL.sub("", str(exc)).strip(), line, col) from None


_CONFLICT_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?: |\r?$)", re.M)


def conflict_marker_line(text: str) -> int | None:
    """The line of the first merge conflict marker (``<<<<<<<``, ``=======``, ``>>>>>>>``).

    For a file that does not parse: a marker line is never valid TOML, so one
    found there means a merge left unfinished.
    """
    found = _CONFLICT_MARKER.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


_TOO_DEEP = re.compile(r"recursion limit|max recursion depth", re.I)


def too_deep_error(exc: Exception) -> bool:
    return bool(_TOO_DEEP.search(str(exc)))


def parse_text(path: Path, raw: bytes) -> AgencyFile:
    if len(raw) > MAX_FILE_BYTES:
        return AgencyFile(path, "", None, ParseProblem("parse.too-large", 1, 1), len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        text = raw.decode("utf-8", errors="replace")
        return AgencyFile(path, text, None, ParseProblem("parse.encoding", line, col), len(raw))
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = loads(text)
    except TomlSyntaxError as exc:
        return AgencyFile(
            path, text, None, ParseProblem("parse.syntax", exc.line, exc.col, exc.reason), len(raw)
        )
    except (RecursionError, MemoryError):
        return AgencyFile(path, text, None, ParseProblem("parse.too-deep", 1, 1), len(raw))
    return AgencyFile(path, text, data, None, len(raw))


def cannot_read(path: Path, reason: str | None) -> PledgeError:
    """The one error for a file that cannot be read, wherever it is read."""
    return PledgeError(
        N_("cannot read {file}: {reason}"),
        hint=N_("check the file's permissions"),
        file=str(path),
        reason=reason or "",
    )


def read_bytes(path: Path) -> bytes:
    """The whole file, or :func:`cannot_read`'s error (for files that are not agency files too)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise cannot_read(path, exc.strerror) from None


def read_raw(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """The bytes of an agency file, and the identity (size, mtime, inode) of exactly those bytes.

    Raises only when the file cannot be opened at all; the identity keys the check cache.
    """
    if path.exists() and not path.is_file():  # a FIFO would block the read forever
        raise cannot_read(path, "not a regular file")
    try:
        with path.open("rb") as handle:
            st = os.fstat(handle.fileno())
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PledgeError(
            N_("file {file} does not exist"), hint=N_("check the path"), file=str(path)
        ) from None
    except IsADirectoryError:
        raise cannot_read(path, "is a directory") from None
    except OSError as exc:
        raise cannot_read(path, exc.strerror) from None
    return raw, (st.st_size, st.st_mtime_ns, st.st_ino)


def read_agency(path: Path) -> AgencyFile:
    """Read and parse ``path``. Raises only when the file cannot be opened at all."""
    return parse_text(path, read_raw(path)[0])
