"""Small readers shared by the checks: typed values out of untyped TOML data."""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import Any, cast


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


Memo = dict[Any, Any]
_UNSET = object()


def column(records: list[Any], key: str, memo: Memo | None = None) -> list[Any] | None:
    """``key`` of every record of a list (None where absent), read in C loops.

    None when some record is not a table: the caller then goes record by
    record. Checks use it to clear a whole list of signatories at once.
    ``memo`` is the file's shared memo (``AgencyFile._extra``): the checks of
    one file then read each column once. The list returned is shared: read it only.
    """
    if memo is None:
        if not all(map(isinstance, records, repeat(dict))):
            return None
        return list(map(dict.get, records, repeat(key)))
    slot = ("column", id(records), key)  # the memo lives with the data: the id stays its own
    found = memo.get(slot, _UNSET)
    if found is _UNSET:
        tables = ("tables", id(records))
        if tables not in memo:
            memo[tables] = all(map(isinstance, records, repeat(dict)))
        found = memo[slot] = list(map(dict.get, records, repeat(key))) if memo[tables] else None
    return cast(list[Any] | None, found)


def text_column(records: list[Any], key: str, memo: Memo | None = None) -> list[str] | None:
    """:func:`column` when every value is a non-empty ``str``, else None; memoised likewise."""
    slot = ("text_column", id(records), key)
    if memo is not None and (found := memo.get(slot, _UNSET)) is not _UNSET:
        return cast(list[str] | None, found)
    values = column(records, key, memo)
    texts = values if values is not None and all_text(values) else None
    if memo is not None:
        memo[slot] = texts
    return texts


def all_text(values: list[Any]) -> bool:
    """Whether every value is a non-empty ``str`` (exactly: not a subclass)."""
    return set(map(type, values)) <= {str} and "" not in values
