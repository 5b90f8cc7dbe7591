"""Small readers shared by the checks: typed values out of untyped TOML data."""

from __future__ import annotations

import datetime as dt
from typing import Any


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
