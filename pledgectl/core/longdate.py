"""Dates as people write them in documents: "29 November 2023", "Rabu, 29 November 2023".

Month and day names are spelled here, not taken from the C library's locale:
the machine printing a sheet for a Pekanbaru office need not have ``id_ID``
installed, and the names are fixed (KBBI / EYD usage; English for ``en``).
"""

from __future__ import annotations

import datetime as dt

_MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def as_date(value: object) -> dt.date | None:
    """A date from a TOML date or an ISO ``YYYY-MM-DD`` string; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def long_date(value: object, lang: str = "en") -> str:
    """``29 November 2023`` in the language; a value that is not a date comes back as text."""
    day = as_date(value)
    if day is None:
        return "" if value is None else str(value)
    months = _MONTHS.get(lang, _MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def weekday(value: object, lang: str = "en") -> str:
    """``Rabu`` / ``Wednesday``; empty when ``value`` is not a date."""
    day = as_date(value)
    if day is None:
        return ""
    return _WEEKDAYS.get(lang, _WEEKDAYS["en"])[day.weekday()]
