"""Column headers that pledgectl writes and reads back: one spelling, two languages.

The signing sheet (``sheet --format xlsx|csv``) carries a mark column the clerk
fills in at the ceremony; ``import`` recognises it by any of these headers and
imports only the marked rows. Writer and reader share this module so the two
cannot drift apart.
"""

from __future__ import annotations

# English first, then Indonesian; compare case-insensitively after stripping.
MARK_HEADERS: tuple[str, ...] = ("Signed", "Sudah tanda tangan")
MARK_HEADER = {"en": MARK_HEADERS[0], "id": MARK_HEADERS[1]}


def mark_header(lang: str) -> str:
    """The mark column's header in ``lang`` (English for anything else)."""
    return MARK_HEADER.get(lang, MARK_HEADERS[0])


def is_mark_header(text: str) -> bool:
    """True when ``text`` names the mark column, in either language, any case."""
    folded = " ".join(text.split()).casefold()
    return any(folded == h.casefold() for h in MARK_HEADERS)
