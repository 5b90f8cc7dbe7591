"""Who a person record is: the NIP, or for staff without one the folded name.

Its own small module because the checks need it on every run, and they should
not pay for importing the writer (:mod:`pledgectl.edit.recording`) to get it.
"""

from __future__ import annotations

import re
import unicodedata


def person_key(nip: str | None, name: str) -> str:
    """Who a record is: the NIP, or for staff without one the folded name."""
    return nip if nip else "name:" + fold(name)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for matching."""
    if text.isascii():
        return " ".join(text.split()).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip().casefold()
