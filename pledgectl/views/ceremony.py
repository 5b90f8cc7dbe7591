"""The ceremony sheet: an agency's roster with who has signed one declaration.

What ``pledgectl ceremony`` shows, without any user interface: the rows (the
roster in roster order, then signatories who are not on it), the search that
filters them as the clerk types, and the running count. Reading is one parse of
the agency file; :func:`stamp` says cheaply whether the file changed since.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, NamedTuple

from pledgectl.core import i18n
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_, t
from pledgectl.core.identity import name_key, record_key
from pledgectl.core.nip import normalise
from pledgectl.core.reader import parse_text, read_raw
from pledgectl.core.registry import Registry, unknown_declaration

Stamp = tuple[int, int, int]  # size, mtime_ns, inode: the file as last read


class Entry:
    """One row: a person of the roster, or a signatory who is not on it."""

    __slots__ = (
        "grade",
        "key",
        "name",
        "nik",
        "nip",
        "on_roster",
        "position",
        "signed",
        "status",
        "unit",
    )

    def __init__(
        self,
        key: str,
        name: str,
        nip: str,
        status: str,
        position: str,
        unit: str,
        on_roster: bool,
        signed: str | None,
        nik: str = "",
        grade: str = "",
    ) -> None:
        self.key = key  # who the person is (pledgectl.core.identity): one identity everywhere
        self.name = name
        self.nip = nip
        self.status = status
        self.position = position
        self.unit = unit
        self.on_roster = on_roster
        self.signed = signed  # the date as written ("" when the record has none); None: not signed
        self.nik = nik
        self.grade = grade

    def __repr__(self) -> str:
        return f"Entry({self.name!r}, signed={self.signed!r})"


class Counts(NamedTuple):
    signed: int  # people of the roster who have signed
    total: int  # people on the roster
    off_roster: int  # signatories who are not on the roster

    @property
    def missing(self) -> int:
        return self.total - self.signed


class Sheet:
    """The declaration as the clerk sees it: rows in order, and how to search them."""

    def __init__(
        self,
        agency: str,
        declaration: str,
        declared: dt.date | None,
        entries: list[Entry],
        has_roster: bool,
        stamp: Stamp,
    ) -> None:
        self.agency = agency
        self.declaration = declaration
        self.declared = declared
        self.entries = entries
        self.has_roster = has_roster
        self.stamp = stamp
        # the search forms, built once per read: a keystroke is then one pass of ``in``
        self._names = [search_form(e.name) for e in entries]
        self._nips = [e.nip for e in entries]

    def signed(self, key: str, person: Any, now: Stamp) -> None:
        """The sheet after ``person`` (a :class:`pledgectl.edit.recording.Person`) was
        recorded with nothing else changed: their row ticked, or a row added below."""
        when = person.signed.isoformat() if person.signed else ""
        found = [e for e in self.entries if e.key == key]
        for entry in found:
            entry.signed = when
        if not found:
            entry = Entry(
                key,
                person.name,
                person.nip or "",
                person.status,
                person.position or "",
                person.unit or "",
                False,
                when,
                person.nik or "",
                person.grade or "",
            )
            self.entries.append(entry)
            self._names.append(search_form(entry.name))
            self._nips.append(entry.nip)
        self.stamp = now

    def unsigned(self, key: str, now: Stamp) -> None:
        """The sheet after the signature of ``key`` was taken off, nothing else changed."""
        for index in range(len(self.entries) - 1, -1, -1):
            entry = self.entries[index]
            if entry.key != key:
                continue
            if entry.on_roster:
                entry.signed = None
            else:
                del self.entries[index], self._names[index], self._nips[index]
        self.stamp = now

    def counts(self) -> Counts:
        roster = {e.key: e.signed is not None for e in self.entries if e.on_roster}
        off = sum(1 for e in self.entries if not e.on_roster)
        return Counts(sum(roster.values()), len(roster), off)

    def search(self, query: str) -> list[int]:
        """Indexes of the rows matching ``query``, in order.

        Digits (spaces and dots allowed) match the start of a NIP; anything else
        matches names by every word, ignoring case, accents and academic and religious
        titles as ``find`` does (``dr zulkarnain`` finds "Dr. H. Zulkarnain Effendi, S.Sos.").
        """
        text = query.strip()
        if not text:
            return list(range(len(self.entries)))
        digits = normalise(text).replace(".", "")
        if digits.isdigit():
            return [i for i, nip in enumerate(self._nips) if nip.startswith(digits)]
        words = search_form(text).split()
        if not words:
            return list(range(len(self.entries)))
        names = self._names
        if len(words) == 1:
            word = words[0]
            return [i for i, name in enumerate(names) if word in name]
        return [i for i, name in enumerate(names) if all(w in name for w in words)]


def search_form(name: str) -> str:
    """A name as search compares it: :func:`pledgectl.core.identity.name_key`, as ``find``
    does (folded; gelar depan and belakang removed)."""
    return name_key(name)


def _tables(value: Any) -> list[dict[str, Any]]:
    """The tables of an array of tables, skipping anything of the wrong type (as the checks do)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def stamp(path: Path) -> Stamp | None:
    """The file's identity now (None when it is gone): unchanged means nothing to re-read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def load(registry: Registry, agency_id: str, decl_id: str) -> Sheet:
    """Read the agency file and lay out the sheet of one declaration."""
    path = registry.existing_path(agency_id)
    raw, identity = read_raw(path)
    af = parse_text(path, raw)
    if af.data is None:
        problem = af.problem
        raise PledgeError(
            N_("{file}:{line}:{col}: not valid TOML"),
            hint=N_("run `pledgectl check` for details"),
            file=str(path),
            line=problem.line if problem else 1,
            col=problem.col if problem else 1,
        )
    decls = _tables(af.data.get("declarations"))
    decl = next((d for d in decls if d.get("id") == decl_id), None)
    if decl is None:
        raise unknown_declaration(agency_id, decl_id, (_text(d.get("id")) for d in decls))
    signed: dict[str, str] = {}
    signatories: list[tuple[str, dict[str, Any]]] = []
    for person in _tables(decl.get("signatories")):
        key = record_key(person)
        if key not in signed:
            signed[key] = _text(person.get("signed"))
            signatories.append((key, person))
    entries: list[Entry] = []
    for person in _tables(af.data.get("roster")):
        entries.append(_entry(person, True, signed))
    on_roster = {entry.key for entry in entries}
    entries.extend(
        _entry(person, False, signed) for key, person in signatories if key not in on_roster
    )
    declared = decl.get("date")
    when = (
        declared
        if isinstance(declared, dt.date) and not isinstance(declared, dt.datetime)
        else None
    )
    return Sheet(agency_id, decl_id, when, entries, bool(on_roster), identity)


def _entry(person: dict[str, Any], on_roster: bool, signed: dict[str, str]) -> Entry:
    key = record_key(person)
    return Entry(
        key,
        _text(person.get("name")),
        _text(person.get("nip")),
        _text(person.get("status")),
        _text(person.get("position")),
        _text(person.get("unit")),
        on_roster,
        signed.get(key),
        _text(person.get("nik")),
        _text(person.get("grade")),
    )


def percent(part: int, whole: int) -> str:
    """One decimal in the reader's notation; short of everyone is never shown as 100.0."""
    value = 100 * part / whole if whole else 0.0
    text = f"{value:.1f}"
    if part < whole and text == "100.0":
        text = "99.9"
    return text.replace(".", ",") if i18n.get_lang() == "id" else text


def count_line(counts: Counts) -> str:
    """``87 / 120 signed (72.5%) · 33 missing``, or the signatories alone without a roster."""
    if not counts.total:
        return t("{n} signed (no roster to count against)", n=counts.off_roster)
    line = t(
        "{signed} / {total} signed ({percent}%) · {missing} missing",
        signed=counts.signed,
        total=counts.total,
        percent=percent(counts.signed, counts.total),
        missing=counts.missing,
    )
    if counts.off_roster:
        line += " · " + t("{n} not on the roster", n=counts.off_roster)
    return line
