"""NIP (Nomor Induk Pegawai) rules for PNS and PPPK numbers.

A NIP is 18 digits and always a string. PNS: birth date YYYYMMDD, TMT (the
CPNS start month) YYYYMM, gender digit, sequence. PPPK: birth date, TMT year
YYYY, then a PPPK code 21-29 (digits 13-14: never a month; what its second
digit means varies between sources, so nothing more is read from it), gender
digit, sequence. BKN issues NIPs before the TMT, so a TMT up to 12 months after
today is accepted. Problems are returned as catalog
keys, never raised, so the same rules serve entry validation and ``check``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from operator import itemgetter
from typing import NamedTuple

from pledgectl.core.batch import all_match
from pledgectl.core.i18n import N_

_DIGITS18 = re.compile(r"\d{18}")
_SEPARATORS = re.compile(r"[\s.\-']")


class NipProblem(NamedTuple):
    key: str  # stable code, e.g. "nip.birth"; the finding code is "nip-birth"
    params: dict[str, str]

    @property
    def msgid(self) -> str:
        return MESSAGES[self.key]


# code -> the rule's text, as a msgid (translated where it is shown)
MESSAGES = {
    "nip.length": N_("it must be 18 digits (found {count} characters)"),
    "nip.birth": N_("birth date {value} is not a real past date"),
    "nip.appointment": N_("TMT {value} is not a month"),
    "nip.appointment-future": N_(
        "TMT {value} is more than 12 months after today; BKN issues a NIP at most a year ahead"
    ),
    "nip.appointment-young": N_("TMT {value} is before the 18th birthday"),
    "nip.gender": N_("gender digit {value} must be 1 or 2"),
    "nip.sequence": N_("sequence 000 is not issued"),
}


TMT_AHEAD_MONTHS = 12  # how far after today a TMT may lie


def normalise(raw: str) -> str:
    """Full-width digits to ASCII; drop the spaces, dots and dashes people type inside a NIP."""
    if not raw.isascii():
        import unicodedata

        raw = unicodedata.normalize("NFKC", raw)
    return _SEPARATORS.sub("", raw.strip())


def _months(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def kind_of(nip: str) -> str:
    """``PPPK`` when digits 13-14 are 21-29, else ``PNS``."""
    return kind_of_digits(nip[12:14])


def kind_of_digits(digits: str) -> str:
    """:func:`kind_of` from digits 13-14 alone."""
    return "PPPK" if digits[0] == "2" and digits[1] != "0" else "PNS"


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def problems(nip: str, today: dt.date | None = None) -> list[NipProblem]:
    """Every rule the NIP breaks (empty when it is valid)."""
    today = today or dt.date.today()
    if not _DIGITS18.fullmatch(nip):
        return [NipProblem("nip.length", {"nip": nip, "count": str(len(nip))})]
    found: list[NipProblem] = []
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or birth > today or birth.year < 1900:
        found.append(NipProblem("nip.birth", {"nip": nip, "value": nip[0:8]}))
    year = int(nip[8:12])
    if kind_of(nip) == "PPPK":
        appointed = _date(year, 1, 1)
        appointed_label = nip[8:12]
    else:
        month = int(nip[12:14])
        appointed = _date(year, month, 1) if 1 <= month <= 12 else None
        appointed_label = f"{nip[8:12]}-{nip[12:14]}"
        if appointed is None:
            found.append(NipProblem("nip.appointment", {"nip": nip, "value": appointed_label}))
    if appointed is not None:
        if _months(appointed) > _months(today) + TMT_AHEAD_MONTHS:
            found.append(
                NipProblem("nip.appointment-future", {"nip": nip, "value": appointed_label})
            )
        elif birth is not None and appointed.year * 12 + appointed.month < (
            (birth.year + 18) * 12 + birth.month
        ):
            found.append(
                NipProblem("nip.appointment-young", {"nip": nip, "value": appointed_label})
            )
    if nip[14] not in "12":
        found.append(NipProblem("nip.gender", {"nip": nip, "value": nip[14]}))
    if nip[15:18] == "000":
        found.append(NipProblem("nip.sequence", {"nip": nip}))
    return found


def is_valid(nip: str, today: dt.date | None = None) -> bool:
    """Whether :func:`problems` finds nothing, fast enough to ask of every signatory.

    The dates (the first 14 digits) are judged by :func:`problems` once per
    prefix and day; people born and appointed in the same months share them.
    """
    return (
        _DIGITS18.fullmatch(nip) is not None
        and nip[14] in "12"
        and nip[15:18] != "000"
        and _dates_valid(nip[:14], today or dt.date.today())
    )


# is_valid's shape rules in batch form (pledgectl.core.batch): no part matches a newline.
_SHAPES = re.compile(r"(?:\d{14}[12](?!000)\d{3}\n)*")
# Date prefixes (the first 14 digits) known valid, by the day they were judged on.
_GOOD_PREFIXES: dict[dt.date, set[str]] = {}
_MAX_GOOD = 1 << 16


def all_valid(nips: list[str], today: dt.date | None = None) -> bool:
    """Whether every NIP of a list is valid (:func:`is_valid`), in a few C loops.

    One regex pass over the joined list checks every shape rule; the distinct
    date prefixes are then compared with those already judged valid.
    """
    today = today or dt.date.today()
    if not all_match(_SHAPES, nips):
        return False
    good = _GOOD_PREFIXES.get(today)
    if good is None or len(good) > _MAX_GOOD:
        _GOOD_PREFIXES.clear()  # one day at a time, and bounded: real NIPs rarely share one
        good = _GOOD_PREFIXES[today] = set()
    prefixes = set(map(itemgetter(slice(0, 14)), nips))
    if prefixes <= good:
        return True
    for prefix in prefixes - good:
        if not _dates_valid(prefix, today):
            return False
        good.add(prefix)
    return True


@functools.lru_cache(maxsize=1 << 16)
def _dates_valid(prefix: str, today: dt.date) -> bool:
    return not problems(prefix + "1001", today)  # a valid gender and sequence


def redact(nip: str) -> str:
    """Mask the birth date, gender and sequence; keep the appointment month to stay useful."""
    if len(nip) != 18:
        return "*" * len(nip)
    return "*" * 8 + nip[8:14] + "*" * 4
