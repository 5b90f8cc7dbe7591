"""Validation of values a user types or imports, one function per field.

Each returns the clean value or raises :class:`InvalidValue` naming the field,
the value and how to fix it; the CLI prompts re-ask on that error.
"""

from __future__ import annotations

import datetime as dt
import re

from pledgectl.core import i18n
from pledgectl.core import nip as nip_rules
from pledgectl.core.errors import InvalidValue
from pledgectl.core.i18n import N_
from pledgectl.core.model import REGION_PATTERN
from pledgectl.core.registry import check_id
from pledgectl.core.settings import Settings

_REGION = re.compile(REGION_PATTERN)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_TEXT = 500
# Status spellings of real staff lists (SIASN, SIMPEG, office sheets), compared upper-case
# with spaces, dashes and underscores removed (DESIGN.md 6.3).
STATUS_SPELLINGS: dict[str, tuple[str, ...]] = {
    "PNS": ("PNS", "CPNS"),
    "PPPK": ("PPPK", "P3K", "PPPK PARUH WAKTU"),
    "NON-ASN": ("NON-ASN", "NON ASN", "NON PNS", "HONORER", "THL", "PTT"),
}
# SIASN's KEDUDUKAN_HUKUM_NAMA holds a civil servant's legal standing ("Aktif", "CLTN",
# "Tugas Belajar", ...), not PNS or PPPK. Such a value says nothing about the status, so
# the importer takes the status from the NIP instead (compared like the spellings).
LEGAL_STANDINGS = (
    "AKTIF",
    "CLTN",
    "PERPANJANGAN CLTN",
    "TUGAS BELAJAR",
    "MASA PERSIAPAN PENSIUN",
    "PEMBERHENTIAN SEMENTARA",
    "PENERIMA UANG TUNGGU",
)
_LEGAL_STANDINGS = frozenset(re.sub(r"[\s_\-]+", "", v) for v in LEGAL_STANDINGS)


def is_legal_standing(value: str) -> bool:
    """Whether a status cell holds SIASN's legal standing (``Aktif``) rather than a status."""
    return re.sub(r"[\s_\-]+", "", value.strip().upper()) in _LEGAL_STANDINGS


_STATUS_ALIASES = {
    re.sub(r"[\s_\-]+", "", spelling): status
    for status, spellings in STATUS_SPELLINGS.items()
    for spelling in spellings
}

agency_id = check_id


def record_id(value: str) -> str:
    return check_id(value, "record")


def text(value: str, field: str, required: bool = True) -> str:
    """A free-text field: trimmed, one line, no control characters, bounded length."""
    clean = value.strip()
    if not clean:
        if required:
            raise InvalidValue(
                N_("{field} is required"),
                hint=N_("give {field}, or run the command on a terminal to be asked for it"),
                field=field,
            )
        return ""
    if _CONTROL.search(clean) or "\n" in clean or len(clean) > MAX_TEXT:
        raise InvalidValue(
            N_(
                "{field} {value!r} must be one line without control characters, at most {limit} characters"
            ),
            hint=N_("shorten the text and keep it on one line"),
            field=field,
            value=clean[:40],
            limit=MAX_TEXT,
        )
    return clean


def region(value: str) -> str:
    clean = value.strip()
    if not _REGION.fullmatch(clean) or not 11 <= int(clean[:2]) <= 99:
        raise InvalidValue(
            N_("region code {value!r} is not a Kemendagri code"),
            hint=N_(
                "write PP, PP.KK or PP.KK.CC, e.g. 14 (Riau), 14.71 (Kota Pekanbaru), 14.71.01"
            ),
            value=clean,
        )
    return clean


def date(value: str, field: str = "--date") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidValue(
            N_("{field} {value!r} is not a date"),
            hint=N_("write the date as YYYY-MM-DD, e.g. 2023-11-29"),
            field=field,
            value=value,
        ) from None


def status_spellings() -> str:
    """The accepted status spellings, for messages: ``PNS (CPNS), PPPK (P3K, ...), ...``."""
    return "; ".join(
        f"{status} ({', '.join(s for s in spellings if s != status)})"
        for status, spellings in STATUS_SPELLINGS.items()
    )


def status(value: str) -> str:
    clean = _STATUS_ALIASES.get(re.sub(r"[\s_\-]+", "", value.strip().upper()))
    if clean is None:
        raise InvalidValue(
            N_("status {value!r} is not one of {choices}"),
            hint=N_("use PNS, PPPK or NON-ASN (THL and honorer staff are NON-ASN)"),
            value=value,
            choices=status_spellings(),
        )
    return clean


def nip(value: str, today: dt.date | None = None) -> str:
    clean = nip_rules.normalise(value)
    found = nip_rules.problems(clean, today)
    if found:
        first = found[0]
        raise InvalidValue(
            N_("NIP {value!r} is not valid: {reason}"),
            hint=N_(
                "a NIP has 18 digits: birth date YYYYMMDD, appointment YYYYMM (PPPK: YYYY2F), gender 1 or 2, sequence 001-999"
            ),
            value=value,
            reason=i18n.t(first.msgid, **first.params),
        )
    return clean


def nik(value: str, today: dt.date | None = None) -> str:
    """A NIK: 16 digits, a province code, a real birth date (day + 40 for women)."""
    from pledgectl.core import nik as nik_rules

    clean = nik_rules.normalise(value)
    found = nik_rules.problems(clean, today)
    if found:
        first = found[0]
        raise InvalidValue(
            N_("NIK {value!r} is not valid: {reason}"),
            hint=N_(
                "a NIK has 16 digits: province, regency and district codes, birth date DDMMYY"
                " (day + 40 for women), sequence"
            ),
            value=value,
            reason=i18n.t(first.msgid, **first.params),
        )
    return clean


def nip_for(value: str | None, person_status: str, settings: Settings) -> str | None:
    """A NIP is required unless the status is exempt (``policy.nip_optional_for``)."""
    if value is None or not value.strip():
        if person_status in settings.policy.nip_optional_for:
            return None
        raise InvalidValue(
            N_("a NIP is required for status {status}"),
            hint=N_(
                "give --nip; only statuses listed in policy.nip_optional_for (pledgectl.toml) may omit it"
            ),
            status=person_status,
        )
    return nip(value)


def kind(value: str, settings: Settings) -> str:
    if value not in settings.policy.kinds:
        raise InvalidValue(
            N_("kind {value!r} is not one of {choices}"),
            hint=N_("use a kind listed in policy.kinds of pledgectl.toml, or add it there"),
            value=value,
            choices=", ".join(settings.policy.kinds),
        )
    return value


def election(value: str, settings: Settings) -> str:
    if value not in settings.elections:
        raise InvalidValue(
            N_("election {value!r} is not one of {choices}"),
            hint=N_("use an election id from pledgectl.toml, or add an [[elections]] entry there"),
            value=value,
            choices=", ".join(settings.elections) or "-",
        )
    return value


def commitment(value: str, settings: Settings) -> str:
    if value not in settings.checklist_ids:
        raise InvalidValue(
            N_("commitment {value!r} is not a checklist item ({choices})"),
            hint=N_("use an id from [[checklist]] in pledgectl.toml"),
            value=value,
            choices=", ".join(settings.checklist_ids) or "-",
        )
    return value


def institution(value: str, settings: Settings) -> str:
    if value not in settings.institutions:
        raise InvalidValue(
            N_("institution {value!r} is not one of {choices}"),
            hint=N_("use an id from [[institutions]] in pledgectl.toml, or add it there"),
            value=value,
            choices=", ".join(settings.institutions) or "-",
        )
    return value
