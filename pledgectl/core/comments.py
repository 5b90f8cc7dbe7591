"""Hand-written comments, anchored to what they describe, so a rewrite can keep them.

A comment line belongs to the next record header or key line below it; a
comment at the end of a line belongs to that line's key or header. Anchors are
positional record paths (``("declarations", 0, "signatories", 3)``) plus a
key, which is how the canonical writer walks the data, so ``fmt`` and the
merge driver put every comment back beside the same record. Comments inside
a table the model does not know go to the end of the record around it;
anything left unplaced goes to the end of the file: never dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from pledgectl.core.outline import (
    _INLINE_RECORDS,
    _TOKENS,
    END_OF_RECORD,
    Outline,
    Path_,
    _masked_spans,
)

Anchor = tuple[Path_, str | None]  # (record path, key) ; key None = the record's header
_KEY_LINE = re.compile(r"^[ \t]*(\"[^\"\n]*\"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*[.=]")


@dataclass
class CommentMap:
    leading: dict[Anchor, list[str]] = field(default_factory=dict)
    trailing: dict[Anchor, str] = field(default_factory=dict)
    end: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.leading or self.trailing or self.end)

    def all_text(self) -> list[str]:
        found = [c for lines in self.leading.values() for c in lines]
        return found + list(self.trailing.values()) + self.end


def _trailing_comment(line: str) -> str | None:
    pos = 0
    while True:
        match = _TOKENS.search(line, pos)
        if match is None:
            return None
        if match.group(0).startswith("#"):
            return match.group(0).rstrip()
        pos = match.end()


class _InlineRecords:
    """Where we are in records written as an inline array (``signatories = [ {…}, {…} ]``).

    Each ``{`` that opens an element starts the next record, whose canonical form
    is a ``[[…]]`` table: a comment on its line, or above it, belongs to it.
    """

    def __init__(self, prefix: Path_) -> None:
        self.prefix = prefix
        self.depth = 0  # brackets and braces open, the array's own "[" included
        self.count = 0  # elements opened so far

    def scan(self, code: str) -> list[int]:
        """Follow the brackets of ``code`` (a line, strings and comments blanked out);
        the indexes of the elements that open on it."""
        opened = []
        for char in code:
            if char in "[{":
                self.depth += 1
                if char == "{" and self.depth == 2:
                    opened.append(self.count)
                    self.count += 1
            elif char in "]}":
                self.depth -= 1
        return opened

    @property
    def open(self) -> bool:
        return self.depth > 0

    def anchor(self, index: int) -> Anchor:
        return ((*self.prefix, index), None)


def _code_only(line: str) -> str:
    """``line`` with its strings and comment removed, so brackets in them do not count."""
    return _TOKENS.sub("", line)


def extract(text: str, outline: Outline) -> CommentMap:
    """Every comment of ``text`` with its anchor."""
    found = CommentMap()
    if "#" not in text:
        return found
    masked = _masked_spans(text) if ('"""' in text or "'''" in text) else []
    mstarts = [s for s, _ in masked]
    blocks = outline.blocks
    starts = [b.start for b in blocks]

    def record_of(offset: int) -> tuple[Path_, bool]:
        """The record a line belongs to, and whether it sits in an unknown sub-table."""
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return (), False
        if blocks[i].kind != "other":
            return blocks[i].path, False
        for j in range(i - 1, -1, -1):
            if blocks[j].kind != "other":
                return blocks[j].path, True
        return (), True

    pending: list[str] = []
    pending_at = 0
    last: Anchor | None = None
    inline: _InlineRecords | None = None
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if masked:
            i = bisect_right(mstarts, line_start) - 1
            if i >= 0 and masked[i][0] < line_start < masked[i][1]:
                continue
        stripped = line.strip()
        if not stripped:
            if pending:  # a comment block set apart by a blank line closes its record
                path, _ = record_of(pending_at)
                found.leading.setdefault((path, END_OF_RECORD), []).extend(pending)
                pending = []
            continue
        if stripped.startswith("#"):
            if not pending:
                pending_at = line_start
            pending.append(stripped)
            continue
        path, inside_other = record_of(line_start)
        header_here = bisect_right(starts, line_start) - 1
        is_header = header_here >= 0 and blocks[header_here].start == line_start
        anchor: Anchor | None
        if inline is not None and inline.open:
            opened = inline.scan(_code_only(line))
            anchor = inline.anchor(opened[0]) if opened else last
        elif (records := _INLINE_RECORDS.match(line)) is not None and not inside_other:
            inline = _InlineRecords((*path, records.group(1)))
            opened = inline.scan(_code_only(line[records.end() - 1 :]))
            anchor = inline.anchor(opened[0] if opened else 0)
        elif inside_other:
            anchor = (path, END_OF_RECORD)
        elif is_header:
            anchor = (path, None)
        else:
            match = _KEY_LINE.match(line)
            anchor = (path, match.group(1).strip("\"'")) if match else last
        if anchor is None:
            anchor = ((), END_OF_RECORD)
        if pending:
            found.leading.setdefault(anchor, []).extend(pending)
            pending = []
        trailing = _trailing_comment(line)
        if trailing:
            if anchor in found.trailing:
                found.trailing[anchor] += " " + trailing
            else:
                found.trailing[anchor] = trailing
        last = anchor
    found.end.extend(pending)
    return found
