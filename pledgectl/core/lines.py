"""Lines of agency files, looked up after the fact: the one place that reads a file again for them.

Per-file checks know their lines while the file is open. Two other readers need
lines later: the cross-file checks (``ids``, ``duplicates``), which compare
compact keys and read again only the few files a finding points at, and the
text renderer, which shows the offending line. Both go through a
:class:`FileLines`, which reads each file once and keeps the last few.
"""

from __future__ import annotations

from pathlib import Path

from pledgectl.core.errors import PledgeError
from pledgectl.core.reader import AgencyFile, read_agency

RecordPath = tuple[str | int, ...]
KEEP = 8  # files kept parsed at once: findings come grouped by file


class FileLines:
    """Agency files read again on demand: a record's line, or a line's text."""

    def __init__(self, keep: int | None = KEEP) -> None:
        self.keep = keep  # parsed files kept at once; None: all
        self._parsed: dict[str, AgencyFile | None] = {}
        self._text: dict[str, list[str] | None] = {}

    def agency_file(self, file: str | Path) -> AgencyFile | None:
        """The file as read now; None when it is gone or cannot be read."""
        name = str(file)
        if name not in self._parsed:
            if self.keep is not None and len(self._parsed) >= self.keep:
                self._parsed.pop(next(iter(self._parsed)))
            try:
                self._parsed[name] = read_agency(Path(name))
            except PledgeError:  # gone meanwhile: nothing left to point at
                self._parsed[name] = None
        return self._parsed[name]

    def line(self, file: str | Path, record: RecordPath, key: str | None = None) -> int | None:
        """The line of a record (or of one of its keys) in ``file``."""
        af = self.agency_file(file)
        return af.line(record, key) if af is not None else None

    def text(self, file: str | None, line: int | None) -> str | None:
        """Line ``line`` (1-based) of ``file`` as shown to a reader, undecodable bytes replaced."""
        if not file or not line:
            return None
        if file not in self._text:
            try:
                text = Path(file).read_bytes().decode("utf-8", errors="replace")
                self._text[file] = text.splitlines()
            except OSError:
                self._text[file] = None
        lines = self._text[file]
        if lines is None or line > len(lines):
            return None
        return lines[line - 1].lstrip("\ufeff")
