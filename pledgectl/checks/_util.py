"""Small readers shared by the checks: typed values out of untyped TOML data."""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import Any


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def column(records: list[Any], key: str) -> list[Any] | None:
    """``key`` of every record of a list (None where absent), read in C loops.

    None when some record is not a table: the caller then goes record by
    record. Checks use it to clear a whole list of signatories at once.
    """
    if not all(map(isinstance, records, repeat(dict))):
        return None
    return list(map(dict.get, records, repeat(key)))


def all_text(values: list[Any]) -> bool:
    """Whether every value is a non-empty ``str`` (exactly: not a subclass)."""
    return set(map(type, values)) <= {str} and "" not in values
