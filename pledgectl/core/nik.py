"""NIK (Nomor Induk Kependudukan) rules: the 16-digit population number on the KTP.

Digits: province (2), regency/city (2), district (2), birth date DDMMYY with 40
added to the day for women, and a 4-digit sequence. Like a NIP it is personal
data (it holds a birth date): ``--redact`` masks it. Problems are returned as
msgids with their values, never raised, so the same rules serve entry
validation and the ``nip`` check.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from pledgectl.core.i18n import N_

_DIGITS16 = re.compile(r"\d{16}")
_SEPARATORS = re.compile(r"[\s.\-']")

# Province codes (kode wilayah Kemendagri) in use, the Papua provinces of 2022 included.
_SUMATRA_TO_SULAWESI = (*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66))
PROVINCES = frozenset((*_SUMATRA_TO_SULAWESI, *range(71, 77), 81, 82, *range(91, 97)))


class NikProblem(NamedTuple):
    code: str  # stable: "nik-length", "nik-province", "nik-birth", "nik-sequence"
    msgid: str
    params: dict[str, str]


def normalise(raw: str) -> str:
    """Full-width digits to ASCII; drop the spaces, dots and dashes people type inside."""
    if not raw.isascii():
        raw = unicodedata.normalize("NFKC", raw)
    return _SEPARATORS.sub("", raw.strip())


def birth_date(nik: str, today: dt.date | None = None) -> dt.date | None:
    """The birth date a 16-digit NIK encodes (the day less 40 for women), or None."""
    today = today or dt.date.today()
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return None
    return born if born <= today else None


def problems(nik: str, today: dt.date | None = None) -> list[NikProblem]:
    """Every rule the NIK breaks (empty when it is valid)."""
    if not _DIGITS16.fullmatch(nik):
        return [
            NikProblem(
                "nik-length",
                N_("it must be 16 digits (found {count} characters)"),
                {"count": str(len(nik))},
            )
        ]
    found: list[NikProblem] = []
    if int(nik[:2]) not in PROVINCES:
        found.append(
            NikProblem(
                "nik-province",
                N_("province code {value} is not an Indonesian province"),
                {"value": nik[:2]},
            )
        )
    if birth_date(nik, today) is None:
        found.append(
            NikProblem(
                "nik-birth",
                N_("birth date {value} is not a real date (DDMMYY, day + 40 for women)"),
                {"value": nik[6:12]},
            )
        )
    if nik[12:] == "0000":
        found.append(NikProblem("nik-sequence", N_("sequence 0000 is not issued"), {}))
    return found


def redact(nik: str) -> str:
    """Keep the region (first 6 digits), mask the birth date and sequence."""
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:6] + "*" * 10
