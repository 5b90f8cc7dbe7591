"""Recording: agencies, declarations, witnesses, signatories, roster entries.

Every edit is an *insertion* of canonical record blocks at the record's place
in the file, found by :mod:`pledgectl.core.outline`: existing lines never move or
change, hand-written comments and unknown fields survive, and the cost is a
scan and a copy, not a parse and rewrite. Values are validated before anything
is written; rule findings come back as warnings for the CLI to show.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pledgectl.core import canonical, rules, validate
from pledgectl.core.errors import InvalidValue, PledgeError, RefusedWrite
from pledgectl.core.i18n import N_, N_plural, _
from pledgectl.core.identity import fold, name_key, person_key, record_key, same_name, witness_key
from pledgectl.core.model import DECLARATION, ROSTER, SCHEMA_VERSION, SIGNATORY, WITNESS
from pledgectl.core.outline import Block, Outline, back_over_trivia, build, locate, preflight
from pledgectl.core.reader import read_bytes
from pledgectl.core.registry import Registry, unknown_agency, unknown_declaration
from pledgectl.core.storage import known_valid, locked, write_atomic

Warning_ = tuple[str, dict[str, str]]


class Outcome:
    """What an edit did: the record's id, what was added, and rule warnings."""

    def __init__(self, agency: str, record: str = "", added: int = 0) -> None:
        self.agency = agency
        self.record = record
        self.added = added
        self.added_people: list[Person] = []  # who was (or, in a dry run, would be) added
        self.skipped: list[dict[str, Any]] = []
        # name-only people found already recorded under a NIP (or NIK): reported, not added
        self.known_by_id: list[dict[str, str]] = []
        self.warnings: list[Warning_] = []
        self.appended: list[str] = []  # the record blocks written, exactly (see withdraw_signatory)

    def __repr__(self) -> str:
        return f"Outcome({self.agency!r}, {self.record!r}, added={self.added})"


class Person(NamedTuple):
    """A validated signatory or roster entry."""

    name: str
    status: str
    nip: str | None = None
    position: str | None = None
    unit: str | None = None
    signed: dt.date | None = None
    nik: str | None = None
    grade: str | None = None

    @property
    def key(self) -> str:
        """Who this is (:func:`pledgectl.core.identity.person_key`)."""
        return person_key(self.nip, self.name, self.nik)

    def as_table(self, with_signed: bool = True) -> dict[str, Any]:
        """The record in canonical key order (:data:`pledgectl.core.model.SIGNATORY`)."""
        table: dict[str, Any] = {}
        if self.nip:
            table["nip"] = self.nip
        if self.nik:
            table["nik"] = self.nik
        table["name"] = self.name
        table["status"] = self.status
        if self.grade:
            table["grade"] = self.grade
        if self.position:
            table["position"] = self.position
        if self.unit:
            table["unit"] = self.unit
        if with_signed and self.signed:
            table["signed"] = self.signed
        return table


def make_person(
    settings_registry: Registry,
    *,
    name: str,
    status: str,
    nip: str | None = None,
    position: str | None = None,
    unit: str | None = None,
    signed: str | dt.date | None = None,
    nik: str | None = None,
    grade: str | None = None,
) -> Person:
    """Validate every field of one person; raises :class:`InvalidValue` on the first bad one.

    The error's ``field`` attribute names the field (``nip``, ``status``...), for
    importers that report a row's bad column.
    """
    settings = settings_registry.settings

    def checked(field: str, validator: Callable[[], Any]) -> Any:
        try:
            return validator()
        except InvalidValue as exc:
            exc.field = field  # type: ignore[attr-defined]
            raise

    clean_status = checked("status", lambda: validate.status(status))
    clean_nip = checked("nip", lambda: validate.nip_for(nip, clean_status, settings))
    clean_signed = (
        checked("date", lambda: validate.date(signed, "--date"))
        if isinstance(signed, str)
        else signed
    )

    def optional(field: str, value: str | None) -> str | None:
        if not value:
            return None
        return checked(field, lambda: validate.text(value, field, required=False)) or None

    return Person(
        name=checked("name", lambda: validate.text(name, "name")),
        status=clean_status,
        nip=clean_nip,
        position=optional("position", position),
        unit=optional("unit", unit),
        signed=clean_signed,
        nik=checked("nik", lambda: validate.nik(nik)) if nik and nik.strip() else None,
        grade=optional("grade", grade),
    )


# -- the edit mechanism -------------------------------------------------------


def _crlf(text: str) -> bool:
    """Whether the file was saved with CRLF line ends (its first line says)."""
    first = text.find("\n")
    return first > 0 and text[first - 1] == "\r"


def _insert(text: str, pos: int, block_text: str) -> str:
    """Insert a record block at ``pos`` (a line start), keeping one blank line between,
    with the file's own line ends (a file saved with CRLF gets CRLF lines)."""
    crlf = _crlf(text)
    before = text[:pos]
    if before and not before.endswith("\n"):
        before += "\r\n" if crlf else "\n"
    block = "\n" + block_text  # canonical blocks hold no raw newline inside a value
    return before + (block.replace("\n", "\r\n") if crlf else block) + text[pos:]


def edit_agency(
    registry: Registry,
    agency_id: str,
    change: Callable[[str, Callable[[], Outline]], str | None],
) -> None:
    """Lock, read, let ``change`` return the new text (or None), write atomically.

    ``change`` gets the text and a function giving its outline, built only if asked
    for: an append that :func:`pledgectl.core.outline.locate` can place needs none.
    """
    path = registry.existing_path(agency_id)
    registry.ensure_writable_here()
    with locked(path):
        if not path.exists():
            raise unknown_agency(agency_id)
        raw = read_bytes(path)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise RefusedWrite(
                N_("{file} is not UTF-8 text; nothing was written"),
                hint=N_("run `pledgectl check` to see where"),
                file=str(path),
            ) from None
        if not known_valid(path, raw):
            refuse_invalid_toml(path, text)
        schema, inline_records = preflight(text)
        if schema is not None and schema > SCHEMA_VERSION:
            raise RefusedWrite(
                N_(
                    "{file} has schema {found}, newer than this pledgectl ({known}); it is left as it is"
                ),
                hint=N_("upgrade pledgectl"),
                file=str(path),
                found=schema,
                known=SCHEMA_VERSION,
            )
        if inline_records:
            raise RefusedWrite(
                N_("{file} writes records as inline arrays, which cannot be appended to"),
                hint=N_("run `pledgectl fmt` to rewrite them as [[...]] tables, then try again"),
                file=str(path),
            )
        built: list[Outline] = []

        def outline() -> Outline:
            if not built:
                built.append(build(text))
            return built[0]

        new_text = change(text, outline)
        if new_text is None or new_text == text:
            return
        # canonical blocks inserted at record boundaries of a valid file: valid
        write_atomic(path, new_text.encode("utf-8"), valid_toml=True)


def refuse_invalid_toml(path: Path, text: str) -> None:
    """Refuse to write into ``text`` unless it parses: unresolved conflicts named as such."""
    from pledgectl.core.reader import TomlSyntaxError, conflict_marker_line, loads

    try:
        loads(text)
        return
    except TomlSyntaxError as exc:
        line, reason = exc.line, exc.reason
    except (RecursionError, MemoryError):
        line, reason = 1, _("nested too deeply to read")
    marker = conflict_marker_line(text)
    if marker is not None:
        raise RefusedWrite(
            N_(
                "{file} has unresolved merge conflict markers (<<<<<<< ======= >>>>>>>) "
                "from line {line}; nothing was written"
            ),
            hint=N_(
                "resolve the merge first: keep the right lines between the markers, delete "
                "the marker lines, run `pledgectl fmt`, then `git add` the file"
            ),
            file=str(path),
            line=marker,
        )
    raise RefusedWrite(
        N_("{file} is not valid TOML (line {line}: {reason}); nothing was written"),
        hint=N_("fix the file by hand (`pledgectl check` shows where), then try again"),
        file=str(path),
        line=line,
        reason=reason,
    )


def _find_declaration(outline: Outline, agency_id: str, decl_id: str) -> int:
    for index, block in enumerate(outline.blocks):
        if block.kind == "declaration" and block.value("id") == decl_id:
            return index
    raise unknown_declaration(agency_id, decl_id, (b.value("id") for b in outline.declarations()))


def _declaration_date(text: str, block: Block) -> dt.date | None:
    return _date_in(text, block.start, block.end)


def _date_in(text: str, start: int, end: int) -> dt.date | None:
    """The ``date = YYYY-MM-DD`` of the table between two offsets."""
    match = re.search(r"^[ \t]*date[ \t]*=[ \t]*(\d{4}-\d{2}-\d{2})", text[start:end], re.M)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


# -- the recording operations -------------------------------------------------


def add_agency(
    registry: Registry, agency_id: str, name: str, region: str, parent: str | None = None
) -> Path:
    agency_id = validate.agency_id(agency_id)
    table: dict[str, Any] = {
        "id": agency_id,
        "name": validate.text(name, "name"),
        "region": validate.region(region),
    }
    if parent:
        parent = validate.agency_id(parent)
        if parent == agency_id or not registry.has_agency(parent):
            raise InvalidValue(
                N_("parent agency {parent!r} is not in this registry"),
                hint=N_("add the parent agency first, or leave out --parent"),
                parent=parent,
            )
        table["parent"] = parent
    path = registry.agency_path(agency_id)
    if path.exists() or path.is_symlink():
        raise RefusedWrite(
            N_("agency {agency!r} already exists ({file})"),
            hint=N_("choose another id, or see it with `pledgectl agency show {agency}`"),
            agency=agency_id,
            file=str(path),
        )
    registry.agencies_dir.mkdir(parents=True, exist_ok=True)
    registry.ensure_writable_here()
    text = canonical.dumps_agency({"schema": SCHEMA_VERSION, "agency": table})
    with locked(path):
        write_atomic(path, text.encode("utf-8"), must_not_exist=True, valid_toml=True)
    return path


def declare(
    registry: Registry,
    agency_id: str,
    *,
    kind: str,
    date: str | dt.date,
    elections: Sequence[str],
    decl_id: str | None = None,
    title: str | None = None,
    occasion: str | None = None,
    place: str | None = None,
    basis: Sequence[str] = (),
    commitments: Sequence[str] = (),
) -> Outcome:
    settings = registry.settings
    validate.agency_id(agency_id)
    when = validate.date(date) if isinstance(date, str) else date
    table: dict[str, Any] = {"id": "", "kind": validate.kind(kind, settings)}
    if not elections:
        raise InvalidValue(
            N_("{field} is required"),
            hint=N_("give {field}, or run the command on a terminal to be asked for it"),
            field="--election",
        )
    table["elections"] = list(dict.fromkeys(validate.election(e, settings) for e in elections))
    table["date"] = when
    for key, raw in (("title", title), ("occasion", occasion), ("place", place)):
        if raw:
            table[key] = validate.text(raw, key)
    if basis:
        table["basis"] = [validate.text(b, "basis") for b in basis]
    table["commitments"] = list(
        dict.fromkeys(validate.commitment(c, settings) for c in commitments)
    )
    if decl_id is not None:
        validate.record_id(decl_id)
    outcome = Outcome(agency_id)
    outcome.warnings.extend(rules.declaration_date(when, table["elections"], settings))
    if not commitments:
        outcome.warnings.append(
            (N_("the declaration covers no checklist item; `pledgectl check` will report it"), {})
        )

    def change(text: str, get_outline: Callable[[], Outline]) -> str:
        outline = get_outline()
        existing = {b.value("id") for b in outline.declarations()}
        chosen = decl_id
        if chosen is None:
            base = f"{table['kind']}-{when.isoformat()}"
            chosen, n = base, 2
            while chosen in existing:
                chosen, n = f"{base}-{n}", n + 1
        elif chosen in existing:
            raise RefusedWrite(
                N_("agency {agency!r} already has a declaration {declaration!r}"),
                hint=N_("choose another --id, or leave it out"),
                agency=agency_id,
                declaration=chosen,
            )
        table["id"] = chosen
        outcome.record = chosen
        return _insert(text, len(text), canonical.block("declarations", table, DECLARATION))

    edit_agency(registry, agency_id, change)
    outcome.added = 1
    return outcome


def add_witness(
    registry: Registry,
    agency_id: str,
    decl_id: str,
    *,
    institution: str,
    name: str,
    role: str | None = None,
) -> Outcome:
    settings = registry.settings
    validate.agency_id(agency_id)
    table: dict[str, Any] = {
        "institution": validate.institution(institution, settings),
        "name": validate.text(name, "name"),
    }
    if role:
        table["role"] = validate.text(role, "role")
    outcome = Outcome(agency_id, decl_id)

    def change(text: str, get_outline: Callable[[], Outline]) -> str:
        outline = get_outline()
        index = _find_declaration(outline, agency_id, decl_id)
        for witness in outline.children(index, "witness"):
            mine = witness_key(table["institution"], table["name"])
            if witness_key(witness.value("institution"), witness.value("name")) == mine:
                raise RefusedWrite(
                    N_("{name} already witnesses {declaration}"),
                    hint=N_("each witness is recorded once; see `pledgectl agency show`"),
                    name=table["name"],
                    declaration=decl_id,
                )
        declared = _declaration_date(text, outline.blocks[index])
        if declared is not None:
            outcome.warnings.extend(
                rules.witness_validity(table["institution"], declared, settings)
            )
        signatories = outline.children(index, "signatory")
        pos = (
            back_over_trivia(text, signatories[0].start)
            if signatories
            else outline.region_end(index)
        )
        return _insert(text, pos, canonical.block("declarations.witnesses", table, WITNESS))

    edit_agency(registry, agency_id, change)
    outcome.added = 1
    return outcome


def add_signatories(
    registry: Registry,
    agency_id: str,
    decl_id: str,
    people: Iterable[Person],
    *,
    dry_run: bool = False,
    on_existing: str = "refuse",
) -> Outcome:
    """Add people to a declaration in one write.

    ``on_existing``: ``refuse`` (a person already on the declaration is an error,
    as for ``sign``) or ``skip`` (idempotent re-import: the same person is skipped,
    the same NIP under another name is reported as a conflict and refuses the write).
    """
    validate.agency_id(agency_id)
    people = list(people)
    outcome = Outcome(agency_id, decl_id)

    def quick_append(text: str) -> tuple[bool, str | None]:
        """A few new people with NIPs, none on the declaration yet: place them by literal
        searches (C speed), no outline. Anything else is left to the full path."""
        nips = [p.nip for p in people]
        if len(people) > 8 or not all(nips) or len(set(nips)) != len(nips):
            return False, None
        sites = locate(text)
        site = sites.get(decl_id) if sites is not None else None
        if site is None:
            return False, None
        first = site.first_signatory if site.first_signatory is not None else site.end
        if any(text.find(nip, first, site.end) >= 0 for nip in nips if nip):
            return False, None  # someone may be on it already: the full path decides
        declared = _date_in(text, site.start, site.table_end)
        blocks = []
        for person in people:
            if person.signed is not None:
                outcome.warnings.extend(rules.signature_date(person.signed, declared))
            blocks.append(canonical.block("declarations.signatories", person.as_table(), SIGNATORY))
        outcome.added = len(blocks)
        outcome.added_people = list(people)
        outcome.appended = [] if dry_run else blocks
        return True, None if dry_run else _insert(text, site.end, "\n".join(blocks))

    def change(text: str, get_outline: Callable[[], Outline]) -> str | None:
        handled, quick = quick_append(text)
        if handled:
            return quick
        outline = get_outline()
        index = _find_declaration(outline, agency_id, decl_id)
        signatories = outline.children(index, "signatory")
        # Who is on the declaration already: NIPs by one scan of the region; names of
        # staff without a NIP only if someone without a NIP is being added.
        starts = [b.start for b in signatories]
        span = (starts[0], signatories[-1].end) if signatories else (0, 0)
        by_nip: dict[str, Block] | None = None

        def nip_block(nip: str) -> Block | None:
            nonlocal by_nip
            # A few people (``sign``): a substring search rules most out at C speed.
            if by_nip is None and len(people) <= 8 and text.find(nip, *span) < 0:
                return None
            if by_nip is None:
                by_nip = {}
                for value, offset in outline.values("nip", *span):
                    by_nip.setdefault(value, signatories[bisect_right(starts, offset) - 1])
            return by_nip.get(nip)

        by_other: dict[str, Block] = {}
        with_id: dict[str, Block] = {}  # name key -> a record that has a NIP or NIK
        if any(not p.nip for p in people):
            for b in signatories:
                if not b.value("nip"):
                    by_other.setdefault(person_key(None, b.value("name"), b.value("nik")), b)
                if b.value("nip") or b.value("nik"):
                    with_id.setdefault(name_key(b.value("name")), b)
        present: dict[str, str] = {}

        def recorded(person: Person) -> str | None:
            key = person.key
            if key in present:
                return present[key]
            block = nip_block(person.nip) if person.nip else by_other.get(key)
            return block.value("name") if block is not None else None

        declared = _declaration_date(text, outline.blocks[index])
        blocks: list[str] = []
        conflicts: list[dict[str, str]] = []
        for person in people:
            key = person.key
            existing = recorded(person)
            if existing is not None:
                same = same_name(existing, person.name)
                if on_existing == "refuse" or not same:
                    if on_existing == "refuse":
                        raise RefusedWrite(
                            N_("{who} has already signed {declaration}"),
                            hint=N_(
                                "each person signs a declaration once; see `pledgectl agency show`"
                            ),
                            who=person.nip or person.nik or person.name,
                            declaration=decl_id,
                        )
                    conflicts.append(
                        {"nip": person.nip or "", "recorded": existing, "given": person.name}
                    )
                else:
                    outcome.skipped.append({"nip": person.nip or "", "name": person.name})
                continue
            if not person.nip and not person.nik and on_existing == "skip":
                holder = with_id.get(name_key(person.name))
                if holder is not None:
                    outcome.known_by_id.append(
                        {
                            "name": person.name,
                            "recorded": holder.value("name"),
                            "id": holder.value("nip") or holder.value("nik"),
                        }
                    )
                    continue
            present[key] = person.name
            outcome.added_people.append(person)
            if person.signed is not None:
                for rule in rules.signature_date(person.signed, declared):
                    outcome.warnings.append(rule)
            blocks.append(canonical.block("declarations.signatories", person.as_table(), SIGNATORY))
        if conflicts:
            first = conflicts[0]
            raise RefusedWrite(
                N_plural(
                    "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflict); nothing was written",
                    "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflicts); nothing was written",
                ),
                hint=N_("correct the name in the file you import, or the recorded one by hand"),
                nip=first["nip"],
                recorded=first["recorded"],
                given=first["given"],
                count=len(conflicts),
            )
        outcome.added = len(blocks)
        if dry_run or not blocks:
            return None
        outcome.appended = blocks
        return _insert(text, outline.region_end(index), "\n".join(blocks))

    edit_agency(registry, agency_id, change)
    return outcome


class SignContext:
    """A read-only look at a declaration before ``sign`` asks its questions.

    Built from the parsed file (no lock): the agency and the declaration exist,
    who is on the roster, and who has signed already -- so a clerk hears about a
    wrong id or a second signature before typing the answers, not after.
    """

    def __init__(self, roster: list[dict[str, Any]], signed: dict[str, str]) -> None:
        self.roster = roster
        self.signed = signed  # person key -> name as recorded

    def member(
        self, nip: str | None = None, nik: str | None = None, name: str | None = None
    ) -> dict[str, Any] | None:
        """The roster entry with this NIP, else this NIK, else this name (titles aside)."""
        for field, value in (("nip", nip), ("nik", nik)):
            if value:
                for entry in self.roster:
                    if entry.get(field) == value:
                        return entry
                return None
        if name:
            wanted = name_key(name)
            for entry in self.roster:
                if isinstance(entry.get("name"), str) and name_key(entry["name"]) == wanted:
                    return entry
        return None

    def unsigned_like(self, text: str) -> list[dict[str, Any]]:
        """Roster members not yet signed whose name contains ``text`` (any case, accents)."""
        needle = fold(text)
        return [
            entry
            for entry in self.roster
            if isinstance(entry.get("name"), str)
            and needle in fold(entry["name"])
            and record_key(entry) not in self.signed
        ]

    def already(self, nip: str | None, nik: str | None, name: str | None) -> str | None:
        """The recorded name when this person has signed the declaration already."""
        if not (nip or nik or name):
            return None
        return self.signed.get(person_key(nip, name or "", nik))


def sign_context(registry: Registry, agency_id: str, decl_id: str) -> SignContext:
    """Check that the agency and declaration exist and say who is on the roster and signed.

    Raises the same errors as the write would (unknown agency or declaration); a file
    that does not parse gives an empty context and is left to the write to refuse.
    """
    from pledgectl.core.reader import read_agency

    path = registry.existing_path(agency_id)
    try:
        data = read_agency(path).data
    except PledgeError:
        data = None
    if data is None:
        return SignContext([], {})
    declarations = [d for d in data.get("declarations") or [] if isinstance(d, dict)]
    found = next((d for d in declarations if d.get("id") == decl_id), None)
    if found is None:
        raise unknown_declaration(agency_id, decl_id, (d.get("id") for d in declarations))
    signatories = found.get("signatories")
    signed = {
        record_key(s): str(s.get("name", ""))
        for s in (signatories if isinstance(signatories, list) else [])
        if isinstance(s, dict)
    }
    roster = data.get("roster")
    members = [r for r in roster if isinstance(r, dict)] if isinstance(roster, list) else []
    return SignContext(members, signed)


def sign(registry: Registry, agency_id: str, decl_id: str, person: Person) -> Outcome:
    return add_signatories(registry, agency_id, decl_id, [person])


def add_roster(
    registry: Registry, agency_id: str, people: Iterable[Person], *, dry_run: bool = False
) -> Outcome:
    """Add staff to the roster; people already on it (same NIP and name) are skipped."""
    validate.agency_id(agency_id)
    people = list(people)
    outcome = Outcome(agency_id)

    def change(text: str, get_outline: Callable[[], Outline]) -> str | None:
        outline = get_outline()
        present: dict[str, str] = {}
        with_id: dict[str, tuple[str, str]] = {}  # name key -> (name, NIP or NIK)
        last_roster = -1
        for index, block in enumerate(outline.blocks):
            if block.kind == "roster":
                last_roster = index
                nip = block.value("nip")
                name = block.value("name")
                nik = block.value("nik")
                present[person_key(nip or None, name, nik or None)] = name
                if nip or nik:
                    with_id.setdefault(name_key(name), (name, nip or nik))
        blocks = []
        for person in people:
            key = person.key
            if not person.nip and not person.nik and name_key(person.name) in with_id:
                recorded, ident = with_id[name_key(person.name)]
                outcome.known_by_id.append({"name": person.name, "recorded": recorded, "id": ident})
                continue
            if key in present:
                if not same_name(present[key], person.name):
                    raise RefusedWrite(
                        N_plural(
                            "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflict); nothing was written",
                            "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflicts); nothing was written",
                        ),
                        hint=N_(
                            "correct the name in the file you import, or the recorded one by hand"
                        ),
                        nip=person.nip or "",
                        recorded=present[key],
                        given=person.name,
                        count=1,
                    )
                outcome.skipped.append({"nip": person.nip or "", "name": person.name})
                continue
            present[key] = person.name
            outcome.added_people.append(person)
            blocks.append(canonical.block("roster", person.as_table(with_signed=False), ROSTER))
        outcome.added = len(blocks)
        if dry_run or not blocks:
            return None
        if last_roster >= 0:
            pos = outline.region_end(last_roster)
        else:
            first_decl = next((b for b in outline.blocks if b.kind == "declaration"), None)
            pos = back_over_trivia(text, first_decl.start) if first_decl else len(text)
        return _insert(text, pos, "\n".join(blocks))

    edit_agency(registry, agency_id, change)
    return outcome


def withdraw_signatory(
    registry: Registry, agency_id: str, decl_id: str, block_text: str, name: str
) -> None:
    """Take off a signatory block that this process appended (one of ``Outcome.appended``).

    The one removal the tool makes, for a mark recorded by mistake in ``ceremony``.
    Under the writer's lock the block must still stand in its declaration exactly as
    it was written, once, with nothing but other signatories after it (a seal or any
    other record after it covers it). Then exactly its bytes go, with the blank line the
    append put before it: the file becomes byte for byte what it would be had the mark
    never been made, with everyone else's records as they are. Otherwise
    :class:`RefusedWrite`, and the file is unchanged.
    """
    validate.agency_id(agency_id)

    def change(text: str, get_outline: Callable[[], Outline]) -> str:
        newline = "\r\n" if _crlf(text) else "\n"  # as _insert wrote it
        needle = ("\n" + block_text).replace("\n", newline)
        outline = get_outline()
        index = _find_declaration(outline, agency_id, decl_id)
        head = outline.blocks[index]
        region_end = outline.region_end(index)
        pos = text.find(needle, head.start, region_end)
        ours = None
        if pos >= 0 and text.find(needle, pos + 1, region_end) < 0:
            ours = next((b for b in outline.blocks if b.start == pos + len(newline)), None)
        if ours is None or ours.kind != "signatory" or text[pos + len(needle) : ours.end].strip():
            raise RefusedWrite(
                N_("the signature of {name} is no longer as this view wrote it; it stays"),
                hint=N_("someone changed it since: correct the file by hand if needed"),
                name=name,
            )
        size = len(head.name)
        for block in outline.blocks[index + 1 :]:
            if block.name[:size] != head.name or block.name == head.name:
                break
            if block.start > ours.start and block.kind != "signatory":
                raise RefusedWrite(
                    N_("the signature of {name} is covered by a later record; it stays"),
                    hint=N_("a seal or another record follows it in the declaration"),
                    name=name,
                )
        return text[:pos] + text[pos + len(needle) :]

    edit_agency(registry, agency_id, change)
