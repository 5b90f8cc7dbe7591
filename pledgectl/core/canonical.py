"""The one canonical writer: the same data always gives the same bytes.

Key order comes from :mod:`pledgectl.core.model`; unknown keys follow the known
ones, sorted, so nothing written by hand is lost. Records are always
``[[...]]`` tables (tomli-w would inline short arrays of tables, so it is used
here only to spell single values). Lists of strings stay on one line, so a
record is a fixed, greppable block of lines.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import tomli_w

from pledgectl.core.model import AGENCY_FILE, Record
from pledgectl.core.outline import END_OF_RECORD, Path_

if TYPE_CHECKING:  # comments are needed only by whole-file rewrites, not by appends
    from pledgectl.core.comments import Anchor, CommentMap

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def key(name: str) -> str:
    return name if _BARE_KEY.match(name) else _scalar(name)


@lru_cache(maxsize=4096)
def _cached_scalar(value: str | int | bool | float | dt.date) -> str:
    return tomli_w.dumps({"v": value})[4:-1]


def _scalar(value: Any) -> str:
    if isinstance(value, str | int | float | dt.date | dt.time):
        if isinstance(value, dt.datetime | dt.time):
            return tomli_w.dumps({"v": value})[4:-1]
        return _cached_scalar(value)
    raise TypeError(value)


def value(v: Any) -> str:
    """One TOML value on one line: scalars, arrays and inline tables."""
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }"
    return _scalar(v)


def _inline(table: dict[str, Any], spec: Record | None) -> str:
    """An inline table in the model's key order (``covers = { witnesses = 2, ... }``)."""
    if not table:
        return "{}"
    return (
        "{ " + ", ".join(f"{key(k)} = {value(table[k])}" for k in _ordered_keys(table, spec)) + " }"
    )


def _is_records(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _ordered_keys(table: dict[str, Any], spec: Record | None) -> list[str]:
    known = [k for k in (spec.keys if spec else ()) if k in table]
    unknown = sorted(k for k in table if spec is None or spec.get(k) is None)
    return known + unknown


class _Placer:
    """Puts anchored comments back while the writer walks the data."""

    def __init__(self, comments: CommentMap | None) -> None:
        self.comments = comments
        self.used: set[Anchor] = set()
        self.used_trailing: set[Anchor] = set()

    def before(self, anchor: Anchor) -> list[str]:
        if self.comments is None or anchor not in self.comments.leading:
            return []
        self.used.add(anchor)
        return list(self.comments.leading[anchor])

    def after(self, anchor: Anchor, line: str) -> str:
        if self.comments is None or anchor not in self.comments.trailing:
            return line
        self.used_trailing.add(anchor)
        return f"{line}  {self.comments.trailing[anchor]}"

    def leftovers(self) -> list[str]:
        if self.comments is None:
            return []
        out = list(self.comments.end)
        for anchor, lines in self.comments.leading.items():
            if anchor not in self.used:
                out.extend(lines)
        for anchor, text in self.comments.trailing.items():
            if anchor not in self.used_trailing:
                out.append(text)
        return out


def record_lines(
    table: dict[str, Any],
    spec: Record | None,
    path: tuple[str, ...],
    pos: Path_ = (),
    placer: _Placer | None = None,
) -> list[str]:
    """Lines of one table's body and its sub-tables (without its own header)."""
    placer = placer or _Placer(None)
    lines: list[str] = []
    subtables: list[tuple[str, Any, Record | None]] = []
    for k in _ordered_keys(table, spec):
        v = table[k]
        field_spec = spec.get(k) if spec else None
        sub_spec = field_spec.record if field_spec else None
        known_table = field_spec is not None and field_spec.type in ("table", "records")
        if field_spec is not None and field_spec.type == "inline" and isinstance(v, dict):
            lines.extend(placer.before((pos, k)))
            lines.append(placer.after((pos, k), f"{key(k)} = {_inline(v, sub_spec)}"))
        elif (isinstance(v, dict) and (known_table or v)) or (
            _is_records(v) and (known_table or field_spec is None)
        ):
            subtables.append((k, v, sub_spec))
        elif isinstance(v, list) and not v and field_spec is not None and known_table:
            continue
        else:
            lines.extend(placer.before((pos, k)))
            lines.append(placer.after((pos, k), f"{key(k)} = {value(v)}"))
    lines.extend(placer.before((pos, END_OF_RECORD)))
    for k, v, sub_spec in subtables:
        sub_path = (*path, key(k))
        if isinstance(v, dict):
            sub_pos: Path_ = (*pos, k)
            lines.append("")
            lines.extend(placer.before((pos, k)))
            lines.extend(placer.before((sub_pos, None)))
            lines.append(placer.after((sub_pos, None), "[" + ".".join(sub_path) + "]"))
            lines.extend(record_lines(v, sub_spec, sub_path, sub_pos, placer))
        else:
            for index, item in enumerate(v):
                sub_pos = (*pos, k, index)
                lines.append("")
                lines.extend(placer.before((sub_pos, None)))
                lines.append(placer.after((sub_pos, None), "[[" + ".".join(sub_path) + "]]"))
                lines.extend(record_lines(item, sub_spec, sub_path, sub_pos, placer))
    return lines


def block(header: str, table: dict[str, Any], spec: Record | None) -> str:
    """A ``[[header]]`` record block, ending in a newline, for appends."""
    path = tuple(header.split("."))
    return "\n".join(["[[" + header + "]]", *record_lines(table, spec, path)]) + "\n"


def dumps_agency(data: dict[str, Any], comments: CommentMap | None = None) -> str:
    """Canonical text of a whole agency file, with ``comments`` put back beside their records."""
    placer = _Placer(comments)
    lines = record_lines(data, AGENCY_FILE, (), (), placer)
    while lines and lines[0] == "":
        lines.pop(0)
    leftovers = placer.leftovers()
    if leftovers:
        lines.extend(["", *leftovers])
    return "\n".join(lines) + "\n"
