"""Many strings against one pattern in a single regex call.

Checking 200 NIPs one ``fullmatch`` at a time costs 200 calls; joined one per
line and matched once by ``(?:body\\n)*`` it costs one. That is exact only
when no part of the pattern can match a newline -- then each line must match
whole -- and when no value holds a newline itself (so lines are values).
:func:`compile_batch` accepts only patterns built from parts known never to
match a newline; anything else gets None and callers match value by value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Escapes and classes that never match a newline, literals, counts, groups and
# alternatives; not ".", "\s", "\D", "\W", "[^...]", nor a newline written in a class.
_NEWLINE_FREE = re.compile(
    r"(?:\\[dw.\-]|\[(?!\^)(?:\\[dw.\-]|[^\]\\\n])*\]|[A-Za-z0-9_\-(){},?*+|:])*"
)


def compile_batch(pattern: str) -> re.Pattern[str] | None:
    """The batch form of ``pattern`` (anchored ``^...$``), or None when it may not be exact."""
    if not (pattern.startswith("^") and pattern.endswith("$")):
        return None
    body = pattern[1:-1]
    if not _NEWLINE_FREE.fullmatch(body):
        return None
    return re.compile(f"(?:(?:{body})\\n)*")


def all_match(batch: re.Pattern[str], values: Sequence[str]) -> bool:
    """Whether every value fully matches the pattern ``batch`` was compiled from."""
    if not values:
        return True
    joined = "\n".join(values) + "\n"
    # a value holding a newline would read as two lines: refuse it (it cannot match anyway)
    return joined.count("\n") == len(values) and batch.fullmatch(joined) is not None
