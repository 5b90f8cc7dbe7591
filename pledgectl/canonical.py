"""The one canonical writer: the same data always gives the same bytes.

Key order comes from :mod:`pledgectl.model`; unknown keys follow the known
ones, sorted, so nothing written by hand is lost. Records are always
``[[...]]`` tables (tomli-w would inline short arrays of tables, so it is used
here only to spell single values). Lists of strings stay on one line, so a
record is a fixed, greppable block of lines.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import tomli_w

from pledgectl.model import AGENCY_FILE, Record

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


def _is_records(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _ordered_keys(table: dict[str, Any], spec: Record | None) -> list[str]:
    known = [k for k in (spec.keys if spec else ()) if k in table]
    unknown = sorted(k for k in table if spec is None or spec.get(k) is None)
    return known + unknown


def record_lines(table: dict[str, Any], spec: Record | None, path: tuple[str, ...]) -> list[str]:
    """Lines of one table's body and its sub-tables (without its own header)."""
    lines: list[str] = []
    subtables: list[tuple[str, Any, Record | None]] = []
    for k in _ordered_keys(table, spec):
        v = table[k]
        field_spec = spec.get(k) if spec else None
        sub_spec = field_spec.record if field_spec else None
        known_table = field_spec is not None and field_spec.type in ("table", "records")
        if (isinstance(v, dict) and (known_table or v)) or (
            _is_records(v) and (known_table or field_spec is None)
        ):
            subtables.append((k, v, sub_spec))
        elif isinstance(v, list) and not v and field_spec is not None and known_table:
            continue
        else:
            lines.append(f"{key(k)} = {value(v)}")
    for k, v, sub_spec in subtables:
        sub_path = (*path, key(k))
        if isinstance(v, dict):
            lines.append("")
            lines.append("[" + ".".join(sub_path) + "]")
            lines.extend(record_lines(v, sub_spec, sub_path))
        else:
            for item in v:
                lines.append("")
                lines.append("[[" + ".".join(sub_path) + "]]")
                lines.extend(record_lines(item, sub_spec, sub_path))
    return lines


def block(header: str, table: dict[str, Any], spec: Record | None) -> str:
    """A ``[[header]]`` record block, ending in a newline, for appends."""
    path = tuple(header.split("."))
    return "\n".join(["[[" + header + "]]", *record_lines(table, spec, path)]) + "\n"


def dumps_agency(data: dict[str, Any]) -> str:
    """Canonical text of a whole agency file."""
    lines = record_lines(data, AGENCY_FILE, ())
    while lines and lines[0] == "":
        lines.pop(0)
    return "\n".join(lines) + "\n"
