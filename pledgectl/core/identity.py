"""Who a person record is: one rule for every command.

A person is their NIP; else their NIK; else their name folded (case, accents,
spacing) with academic and religious titles removed, so "Dr. H. Zulkarnain
Effendi, S.Sos., M.Si." and "zulkarnain  effendi" are one person. A witness is
their institution and folded name. ``sign``, ``import``, ``roster``, the
checks, ``find``, ``diff``, textconv and the merge driver all ask this module,
so two spellings that one of them treats as one person are one person for all.

The titles (gelar) are data: :data:`GELAR_DEPAN` and :data:`GELAR_BELAKANG`,
written as offices write them; matching ignores case, dots and spaces. Its own
small module (no third-party imports) because ``sign`` and the checks need it
on every run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

# -- the titles, as data --------------------------------------------------------------
# Gelar depan: written before the name ("Dr. H. Nama"). Religious titles included.
GELAR_DEPAN: tuple[str, ...] = (
    "Prof.",
    "Dr.",
    "dr.",
    "drg.",
    "Drs.",
    "Dra.",
    "Ir.",
    "H.",
    "Hj.",
    "K.H.",
    "KH.",
    "Ust.",
    "Ustadz",
    "Ustazah",
    "Tgk.",
    "R.",
    "Rr.",
    "apt.",
    "Ns.",
    "Bd.",
)
# Gelar belakang: written after the name and a comma ("Nama, S.Sos., M.Si.").
GELAR_BELAKANG: tuple[str, ...] = (
    "S.Sos.",
    "S.E.",
    "S.H.",
    "S.Pd.",
    "S.Pd.I.",
    "S.T.",
    "S.Kom.",
    "S.Si.",
    "S.IP.",
    "S.STP.",
    "S.Kep.",
    "S.Ked.",
    "S.Psi.",
    "S.Ag.",
    "S.Hut.",
    "S.P.",
    "S.I.Kom.",
    "S.Ak.",
    "S.Farm.",
    "S.KM.",
    "S.Tr.",
    "S.AP.",
    "M.Si.",
    "M.M.",
    "M.H.",
    "M.Pd.",
    "M.Kes.",
    "M.T.",
    "M.Kom.",
    "M.Ag.",
    "M.AP.",
    "M.Ak.",
    "M.Sc.",
    "M.A.",
    "M.Eng.",
    "MPA",
    "MBA",
    "A.Md.",
    "A.Md.Kep.",
    "A.Md.Keb.",
    "A.Md.Kes.",
    "A.Ma.",
    "Ph.D.",
    "Ak.",
    "CA",
    "Sp.A.",
    "Sp.OG.",
    "Sp.PD.",
    "M.Kes",
    "Lc.",
    "Amd.",
)
# -- folding ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a text, for matching and search."""
    if text.isascii():
        return " ".join(text.split()).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split()).casefold()


# Degrees not in the lists still follow a shape: S./M. or A.Md. and an abbreviation.
_DEGREE_SHAPE = re.compile(r"(?:[sm]|a\.\s?md|sp)\.\s?[a-z]{1,6}(?:\.\s?[a-z]{1,6})*\.?")


def _bare(title: str) -> str:
    """A title as compared: folded, without dots or spaces (``S.Sos.`` -> ``ssos``)."""
    return re.sub(r"[.\s]", "", fold(title))


_FRONT = frozenset(_bare(t) for t in GELAR_DEPAN)
_BACK = frozenset(_bare(t) for t in GELAR_BELAKANG)
# A front title at the start: a dotted run ("k.h.") or one abbreviation, then a dot or space.
_FRONT_RUN = re.compile(r"([a-z]+(?:\.[a-z]+)+)(?:\.\s*|\s+)")
_FRONT_WORD = re.compile(r"([a-z]+)(?:\.\s*|\s+)")


def strip_titles(folded: str) -> str:
    """A folded name without its gelar depan and gelar belakang."""
    name, _, tail = folded.partition(",")
    # gelar belakang: every comma-separated part after the name that is a degree
    if tail:
        kept = [p.strip() for p in tail.split(",") if p.strip() and not _is_back_title(p.strip())]
        name = ", ".join([name.strip(), *kept]) if kept else name
    # gelar depan: leading abbreviations from the list ("dr. h. ", "hj ", "prof.dr.")
    name = name.strip()
    pos = 0
    while pos < len(name):
        for pattern in (_FRONT_RUN, _FRONT_WORD):
            match = pattern.match(name, pos)
            if match and _bare(match.group(1)) in _FRONT and match.end() < len(name):
                pos = match.end()
                break
        else:
            break
    name = name[pos:]
    # a trailing dotted degree without a comma ("budi s.e.")
    words = name.split()
    while len(words) > 1 and "." in words[-1] and _is_back_title(words[-1]):
        words.pop()
    return " ".join(words)


def _is_back_title(part: str) -> bool:
    return _bare(part) in _BACK or _DEGREE_SHAPE.fullmatch(part) is not None


def name_key(name: str) -> str:
    """A name as an identity: folded, titles removed (``Dr. H. Nama, S.Sos.`` -> ``nama``)."""
    folded = fold(name)
    if (
        "." not in folded
        and "," not in folded
        and " " in folded
        and folded.split()[0] not in _FRONT
    ):
        return folded  # the common case: no title can be there
    return strip_titles(folded) or folded


def same_name(a: str, b: str) -> bool:
    """Whether two spellings name the same person."""
    return a == b or name_key(a) == name_key(b)


# -- identities ------------------------------------------------------------------------


def person_key(nip: str | None, name: str, nik: str | None = None) -> str:
    """Who a record is: the NIP, else ``nik:<NIK>``, else ``name:<name key>``."""
    if nip:
        return nip
    if nik:
        return "nik:" + nik
    return "name:" + name_key(name)


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def record_key(record: Mapping[str, Any]) -> str:
    """:func:`person_key` of a parsed signatory or roster record (any value types)."""
    name = record.get("name")
    return person_key(
        _str(record.get("nip")), name if isinstance(name, str) else "", _str(record.get("nik"))
    )


def witness_key(institution: str, name: str) -> str:
    """Who a witness is: the institution and the name key."""
    return f"{institution}/{name_key(name)}"


def witness_record_key(record: Mapping[str, Any]) -> str:
    """:func:`witness_key` of a parsed witness record."""
    inst, name = record.get("institution"), record.get("name")
    return witness_key(str(inst) if inst is not None else "", str(name) if name is not None else "")
