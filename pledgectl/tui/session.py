"""A ceremony session: what the view does to the file, without the view.

Every mark goes through :func:`pledgectl.edit.recording.sign` (lock, read,
validate, append, atomic write) the moment it is made; the session only remembers
the exact block each of its marks wrote, so that a mark made by mistake can be
taken off again (:func:`pledgectl.edit.recording.withdraw_signatory`) while the
view is open. The sheet is read again whenever the file's size, mtime or inode
changed (another clerk's ``sign``), before every write and after it.

No Textual here: the session is driven the same way by the app and by tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from pledgectl.core import validate
from pledgectl.core.errors import PledgeError, RefusedWrite
from pledgectl.core.i18n import N_
from pledgectl.core.identity import person_key
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import Person, make_person, sign, withdraw_signatory
from pledgectl.views.ceremony import Counts, Entry, Sheet, load, stamp

Warning_ = tuple[str, dict[str, str]]

# The form's fields, in the order ``sign`` prompts for them, with ``sign``'s prompts.
FORM_FIELDS = ("status", "nip", "name", "position", "date")
FORM_LABELS = {
    "status": N_("Status (PNS, PPPK, NON-ASN)"),
    "nip": N_("NIP (18 digits)"),
    "name": N_("Full name"),
    "position": N_("Position (optional)"),
    "date": N_("Date signed, YYYY-MM-DD (optional)"),
}


class Mark(NamedTuple):
    """A signature this session recorded: the exact block written, and whose it is."""

    block: str
    name: str


class FieldError(Exception):
    """A form field failed ``sign``'s validation: which field, and the error to show."""

    def __init__(self, field: str, error: PledgeError) -> None:
        super().__init__(error.message)
        self.field = field
        self.error = error


class Ceremony:
    """One declaration being signed: the sheet as last read, and the marks made here."""

    def __init__(
        self, registry: Registry, agency: str, declaration: str, date: dt.date | None = None
    ) -> None:
        self.registry = registry
        self.agency = agency
        self.declaration = declaration
        self.path: Path = registry.agency_path(agency)
        self.given_date = date
        self.sheet: Sheet = load(registry, agency, declaration)
        self.marks: dict[str, Mark] = {}
        self.written = 0  # marks written by this session (taken off ones included)
        self.withdrawn = 0

    @property
    def date(self) -> dt.date | None:
        """The date a mark records: ``--date``, else the declaration's own date."""
        return self.given_date or self.sheet.declared

    def counts(self) -> Counts:
        return self.sheet.counts()

    def refresh(self, force: bool = False) -> bool:
        """Read the file again if it changed since it was read (or if ``force``)."""
        if not force and stamp(self.path) == self.sheet.stamp:
            return False
        self.sheet = load(self.registry, self.agency, self.declaration)
        return True

    def current(self, key: str) -> Entry | None:
        return next((e for e in self.sheet.entries if e.key == key), None)

    def mark(self, entry: Entry) -> tuple[Person, list[Warning_]]:
        """Record ``entry`` as signed on :attr:`date`; a person already signed is refused."""
        self.refresh()
        now = self.current(entry.key) or entry
        if now.signed is not None:
            raise RefusedWrite(  # sign's own refusal, said before trying
                N_("{who} has already signed {declaration}"),
                hint=N_("each person signs a declaration once; see `pledgectl agency show`"),
                who=now.nip or now.name,
                declaration=self.declaration,
            )
        person = make_person(
            self.registry,
            name=now.name,
            status=now.status,
            nip=now.nip or None,
            position=now.position or None,
            unit=now.unit or None,
            signed=self.date,
        )
        return person, self._record(person)

    def add(self, values: dict[str, str]) -> tuple[Person, list[Warning_]]:
        """Record someone from the form (validated as ``sign`` validates its prompts)."""
        person = self.person_from(values)
        self.refresh()
        return person, self._record(person)

    def check_field(self, field: str, values: dict[str, str]) -> None:
        """Validate one form field as ``sign``'s prompt for it does; :class:`FieldError` if bad."""
        value = values.get(field, "")
        try:
            if field == "status":
                validate.status(value)
            elif field == "nip":
                try:
                    status = validate.status(values.get("status", ""))
                except PledgeError:
                    status = None
                if status is not None:
                    validate.nip_for(value, status, self.registry.settings)
                elif value.strip():
                    validate.nip(value)
            elif field == "name":
                validate.text(value, "name")
            elif field == "position":
                validate.text(value, "position", required=False)
            elif field == "date" and value.strip():
                validate.date(value, "--date")
        except PledgeError as exc:
            raise FieldError(field, exc) from None

    def person_from(self, values: dict[str, str]) -> Person:
        """Every field in the prompts' order, then ``sign``'s own :func:`make_person`."""
        for field in FORM_FIELDS:
            self.check_field(field, values)
        when = values.get("date", "").strip()
        try:
            return make_person(
                self.registry,
                name=values.get("name", ""),
                status=values.get("status", ""),
                nip=values.get("nip", "").strip() or None,
                position=values.get("position", "").strip() or None,
                signed=when or self.date,
            )
        except PledgeError as exc:  # every field passed alone: what is left is the name
            raise FieldError("name", exc) from None

    def _record(self, person: Person) -> list[Warning_]:
        try:
            outcome = sign(self.registry, self.agency, self.declaration, person)
        finally:
            self.refresh()
        self.marks[person_key(person.nip, person.name)] = Mark(outcome.appended[0], person.name)
        self.written += 1
        return outcome.warnings

    def marked_here(self, entry: Entry) -> bool:
        return entry.key in self.marks

    def unmark(self, entry: Entry) -> None:
        """Take off a mark made in this session, if the file still holds it as written."""
        mark = self.marks.get(entry.key)
        if mark is None:
            raise RefusedWrite(
                N_("{name} was not marked in this view; only marks made here can be taken off"),
                hint=N_("a signature recorded before or elsewhere is corrected in the file itself"),
                name=entry.name,
            )
        try:
            withdraw_signatory(self.registry, self.agency, self.declaration, mark.block, mark.name)
        finally:
            self.refresh()
        del self.marks[entry.key]
        self.withdrawn += 1
