"""What changed in the registry, in registry terms rather than TOML lines.

A snapshot is ``{agency_id: data}`` where data is the parsed agency file, or
:class:`Unreadable` when the file does not parse (so the diff can say so
instead of crashing). :func:`diff_snapshots` compares two snapshots and returns
:class:`Change` records, in a fixed order (agency id, then declaration id,
then record key), so the same two revisions always give the same report.
Renderers turn the changes into text for a reviewer or JSON for scripts;
:func:`summarise` gives the one-file summary the git textconv driver shows.

Records are matched by identity, not position: declarations by ``id``,
witnesses by ``institution`` and name, signatories and roster entries by
``nip``, else ``nik``, else the name without titles, folded (NON-ASN staff) --
the one identity of :mod:`pledgectl.core.identity`, shared with ``sign``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pledgectl.core import identity
from pledgectl.core.i18n import N_, _, t, tn
from pledgectl.core.model import SIGNATORY

# Known key orders, so fields print in the order a clerk knows from the file;
# unknown keys follow, sorted.
FILE_KEYS = ("schema", "agency", "roster", "declarations")
AGENCY_KEYS = ("id", "name", "region", "parent", "provenance")
DECLARATION_KEYS = (
    "id",
    "kind",
    "elections",
    "date",
    "title",
    "occasion",
    "place",
    "basis",
    "commitments",
    "witnesses",
    "signatories",
    "seals",
)
WITNESS_KEYS = ("institution", "name", "role")
SEAL_KEYS = (
    "institution",
    "principal",
    "sealed_at",
    "covers",
    "digest",
    "text",
    "signature",
    "tags",
)
PERSON_KEYS = SIGNATORY.keys  # nip, nik, name, status, grade, position, unit, signed
SETTINGS_RECORDS = ("checklist", "elections", "institutions")

# The record arrays the diff and merge look inside; everything else is a value.
DECLARATION_RECORDS = ("witnesses", "signatories", "seals")


@dataclass(frozen=True)
class Unreadable:
    """An agency file that could not be parsed; ``digest`` tells two broken files apart."""

    reason: str
    digest: str = ""


AgencyData = dict[str, Any] | Unreadable


def parse_agency(raw: bytes) -> AgencyData:
    """Parse one agency file's bytes with the shared reader; never raises for bad content."""
    from pledgectl.core import reader

    parsed = reader.parse_text(Path("agency.toml"), raw)
    if parsed.data is not None:
        return parsed.data
    digest = hashlib.sha256(raw).hexdigest()
    problem = parsed.problem
    if problem is None:
        return Unreadable("unreadable", digest)
    from pledgectl.core.findings import MESSAGES

    reason = problem.reason or t(MESSAGES[problem.key.replace(".", "-")][0], reason="")
    return Unreadable(f"{reason} (line {problem.line}, column {problem.col})", digest)


def parse_snapshot(raw: Mapping[str, bytes]) -> dict[str, AgencyData]:
    """Parse every file of a snapshot read by :mod:`pledgectl.git.plumbing`."""
    return {agency: parse_agency(data) for agency, data in raw.items()}


# ---------------------------------------------------------------- identity


def same(a: Any, b: Any) -> bool:
    """Equality that respects TOML types (``1``, ``1.0`` and ``true`` differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def person_key(record: Mapping[str, Any]) -> str:
    """Signatories and roster entries: who they are, by :func:`pledgectl.core.identity.record_key`
    (the NIP, else ``nik:<NIK>``, else ``name:<name without titles, folded>``)."""
    return identity.record_key(record)


def witness_key(record: Mapping[str, Any]) -> str:
    """Witnesses: institution and name key (:func:`pledgectl.core.identity.witness_record_key`)."""
    return identity.witness_record_key(record)


def seal_key(record: Mapping[str, Any]) -> str:
    """A seal is itself: its signature (two seals never share one)."""
    signature = record.get("signature")
    if isinstance(signature, str) and signature:
        return "seal:" + hashlib.sha256(signature.encode("utf-8")).hexdigest()[:16]
    return f"seal:{record.get('institution', '')}/{record.get('principal', '')}"


def declaration_key(record: Mapping[str, Any]) -> str:
    ident = record.get("id")
    return ident if isinstance(ident, str) and ident else "?"


def id_key(record: Mapping[str, Any]) -> str:
    ident = record.get("id")
    return str(ident) if ident is not None else "?"


def keyed(records: Sequence[Mapping[str, Any]], key: Any) -> dict[str, Mapping[str, Any]]:
    """Records by key, in order; a repeated key gets ``#2``, ``#3``... so none is lost."""
    out: dict[str, Mapping[str, Any]] = {}
    seen: dict[str, int] = {}
    for record in records:
        base = key(record)
        seen[base] = seen.get(base, 0) + 1
        out[base if seen[base] == 1 else f"{base}#{seen[base]}"] = record
    return out


def records_of(value: Any) -> list[dict[str, Any]] | None:
    """``value`` as a list of records, or None when it is not an array of tables."""
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    return None


def ordered_keys(keys: Any, known: Sequence[str]) -> list[str]:
    present = set(keys)
    return [k for k in known if k in present] + sorted(present - set(known))


# ---------------------------------------------------------------- changes


@dataclass(frozen=True)
class FieldChange:
    """One field of a record: ``old``/``new`` are None when the field is absent."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """One thing that changed.

    ``op``: ``added``, ``removed``, ``changed`` or ``unreadable``.
    ``kind``: ``file`` (top-level keys), ``agency``, ``roster``, ``declaration``,
    ``witness``, ``signatory``, ``record`` (an unknown array of tables) or
    ``settings`` / ``settings.checklist`` / ``settings.elections`` /
    ``settings.institutions``.
    ``key`` is the record's identity (NIP, declaration id...), ``label`` a short
    human description, ``fields`` the changed fields (for ``changed``),
    ``record`` the whole record without nested arrays (for added/removed),
    ``rev`` and ``reason`` say where and why a file is unreadable.
    """

    op: str
    kind: str
    agency: str
    declaration: str | None = None
    key: str | None = None
    label: str = ""
    fields: tuple[FieldChange, ...] = ()
    record: Mapping[str, Any] | None = None
    rev: str | None = None
    reason: str | None = None


# A changed field is named for a person in their language (JSON keeps the file's keys).
FIELD_LABELS = (
    N_("name"),
    N_("nip"),
    N_("nik"),
    N_("status"),
    N_("grade"),
    N_("position"),
    N_("unit"),
    N_("signed"),
    N_("date"),
    N_("title"),
    N_("occasion"),
    N_("place"),
    N_("basis"),
    N_("commitments"),
    N_("elections"),
    N_("kind"),
    N_("role"),
    N_("institution"),
    N_("region"),
    N_("parent"),
)


def _fmt_label(record: Mapping[str, Any], ident: Sequence[str], extra: Sequence[str]) -> str:
    head = " ".join(str(record[k]) for k in ident if isinstance(record.get(k), str | int))
    more = [str(record[k]) for k in extra if isinstance(record.get(k), str) and record[k]]
    return f"{head} ({', '.join(more)})" if more else head


def person_label(record: Mapping[str, Any]) -> str:
    """``198503122010011002 Rina Wulandari (PNS, Staf)``; no NIP for NON-ASN."""
    return _fmt_label(record, ("nip", "name"), ("status", "position"))


def witness_label(record: Mapping[str, Any]) -> str:
    return _fmt_label(record, ("institution", "name"), ("role",))


def seal_label(record: Mapping[str, Any]) -> str:
    """``KPU kpu-pekanbaru 2026-12-01T20:30:00+00:00 (2 witnesses, 12 signatories)``."""
    covers = record.get("covers")
    head = _fmt_label(record, ("institution", "principal"), ())
    when = record.get("sealed_at")
    if isinstance(when, dt.datetime):
        head += f" {when.isoformat()}"
    if isinstance(covers, dict):
        head += " " + t(
            "(covers {witnesses} witnesses, {signatories} signatories)",
            witnesses=covers.get("witnesses", "?"),
            signatories=covers.get("signatories", "?"),
        )
    return head


def declaration_label(record: Mapping[str, Any]) -> str:
    parts = [str(record[k]) for k in ("kind", "date") if k in record]
    if isinstance(record.get("title"), str):
        parts.append(json.dumps(record["title"], ensure_ascii=False))
    return " ".join(parts)


def _flat(record: Mapping[str, Any], nested: Sequence[str]) -> dict[str, Any]:
    """The record without its nested record arrays (reported separately)."""
    return {k: v for k, v in record.items() if not (k in nested and records_of(v) is not None)}


def _field_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], known: Sequence[str], skip: Sequence[str] = ()
) -> tuple[FieldChange, ...]:
    out = []
    for k in ordered_keys(set(old) | set(new), known):
        if k in skip:
            continue
        a, b = old.get(k), new.get(k)
        if not same(a, b):
            out.append(FieldChange(k, a, b))
    return tuple(out)


@dataclass(frozen=True)
class _Kind:
    kind: str
    key: Any
    label: Any
    known: Sequence[str]


_PERSON = _Kind("signatory", person_key, person_label, PERSON_KEYS)
_ROSTER = _Kind("roster", person_key, person_label, PERSON_KEYS)
_WITNESS = _Kind("witness", witness_key, witness_label, WITNESS_KEYS)
_SEAL = _Kind("seal", seal_key, seal_label, SEAL_KEYS)
_DECL_CHILD = {"witnesses": _WITNESS, "signatories": _PERSON, "seals": _SEAL}


def _diff_simple(
    spec: _Kind,
    old: Sequence[Mapping[str, Any]],
    new: Sequence[Mapping[str, Any]],
    agency: str,
    decl: str | None,
) -> Iterator[Change]:
    a, b = keyed(old, spec.key), keyed(new, spec.key)
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        if ra is None and rb is not None:
            yield Change("added", spec.kind, agency, decl, k, spec.label(rb), record=dict(rb))
        elif rb is None and ra is not None:
            yield Change("removed", spec.kind, agency, decl, k, spec.label(ra), record=dict(ra))
        elif ra is not None and rb is not None and not same(ra, rb):
            fields = _field_changes(ra, rb, spec.known)
            yield Change("changed", spec.kind, agency, decl, k, spec.label(rb), fields)


def _diff_declaration(
    agency: str, key: str, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None
) -> Iterator[Change]:
    flat_old = _flat(old, DECLARATION_RECORDS) if old is not None else None
    flat_new = _flat(new, DECLARATION_RECORDS) if new is not None else None
    if flat_old is None and flat_new is not None and new is not None:
        yield Change("added", "declaration", agency, key, key, declaration_label(new), (), flat_new)
    elif flat_new is None and flat_old is not None and old is not None:
        yield Change(
            "removed", "declaration", agency, key, key, declaration_label(old), (), flat_old
        )
    elif flat_old is not None and flat_new is not None and new is not None:
        fields = _field_changes(flat_old, flat_new, DECLARATION_KEYS)
        if fields:
            yield Change("changed", "declaration", agency, key, key, declaration_label(new), fields)
    for name, spec in _DECL_CHILD.items():
        a = records_of((old or {}).get(name)) or []
        b = records_of((new or {}).get(name)) or []
        yield from _diff_simple(spec, a, b, agency, key)


def _diff_agency(agency: str, old: AgencyData | None, new: AgencyData | None) -> Iterator[Change]:
    if isinstance(old, Unreadable) or isinstance(new, Unreadable):
        yield from _diff_unreadable(agency, old, new)
        return
    head_old = old.get("agency") if old is not None else None
    head_new = new.get("agency") if new is not None else None
    head_old = head_old if isinstance(head_old, dict) else ({} if old is not None else None)
    head_new = head_new if isinstance(head_new, dict) else ({} if new is not None else None)
    if head_old is None and head_new is not None:
        label = str(head_new.get("name", ""))
        yield Change("added", "agency", agency, None, agency, label, record=head_new)
    elif head_new is None and head_old is not None:
        label = str(head_old.get("name", ""))
        yield Change("removed", "agency", agency, None, agency, label, record=head_old)
    elif head_old is not None and head_new is not None:
        fields = _field_changes(head_old, head_new, AGENCY_KEYS)
        if fields:
            label = str(head_new.get("name", ""))
            yield Change("changed", "agency", agency, None, agency, label, fields)
    file_old, file_new = old or {}, new or {}
    # Top-level keys other than the known tables (schema, hand-added fields).
    structural = tuple(
        k
        for k in ("agency", "roster", "declarations")
        if _is_table_or_records(k, file_old.get(k)) and _is_table_or_records(k, file_new.get(k))
    )
    if old is not None and new is not None:
        fields = _field_changes(file_old, file_new, FILE_KEYS, skip=structural)
        if fields:
            yield Change("changed", "file", agency, None, None, "", fields)
    if "roster" in structural:
        a = records_of(file_old.get("roster", [])) or []
        b = records_of(file_new.get("roster", [])) or []
        yield from _diff_simple(_ROSTER, a, b, agency, None)
    if "declarations" in structural:
        da = keyed(records_of(file_old.get("declarations", [])) or [], declaration_key)
        db = keyed(records_of(file_new.get("declarations", [])) or [], declaration_key)
        for key in sorted(set(da) | set(db)):
            yield from _diff_declaration(agency, key, da.get(key), db.get(key))


def _is_table_or_records(key: str, value: Any) -> bool:
    """Whether a top-level value has the shape the diff looks inside (absent counts)."""
    if value is None:
        return True
    return isinstance(value, dict) if key == "agency" else records_of(value) is not None


def _diff_unreadable(
    agency: str, old: AgencyData | None, new: AgencyData | None
) -> Iterator[Change]:
    if isinstance(old, Unreadable) and isinstance(new, Unreadable) and old == new:
        return
    if isinstance(old, Unreadable):
        yield Change("unreadable", "agency", agency, None, agency, rev="a", reason=old.reason)
    if isinstance(new, Unreadable):
        yield Change("unreadable", "agency", agency, None, agency, rev="b", reason=new.reason)


def _diff_settings(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    lists = tuple(
        k
        for k in SETTINGS_RECORDS
        if records_of(old.get(k, [])) is not None and records_of(new.get(k, [])) is not None
    )
    flat_old = _flatten_tables({k: v for k, v in old.items() if k not in lists})
    flat_new = _flatten_tables({k: v for k, v in new.items() if k not in lists})
    fields = _field_changes(flat_old, flat_new, ())
    if fields:
        yield Change("changed", "settings", "", None, None, "", fields)
    for name in lists:
        spec = _Kind(f"settings.{name}", id_key, _settings_label, ("id",))
        yield from _diff_simple(spec, old.get(name, []), new.get(name, []), "", None)


def _settings_label(record: Mapping[str, Any]) -> str:
    name = record.get("name", record.get("title"))
    if isinstance(name, dict):
        name = name.get("en", name.get("id"))
    return f"{record.get('id', '?')} {name}" if isinstance(name, str) else str(record.get("id"))


def _flatten_tables(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"policy": {"scope": [...]}}`` -> ``{"policy.scope": [...]}`` for field-level changes."""
    out: dict[str, Any] = {}
    for k, v in table.items():
        if isinstance(v, dict) and v:
            out.update(_flatten_tables(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


@dataclass(frozen=True)
class Diff:
    """The result of comparing two snapshots: ``changes`` in report order."""

    changes: tuple[Change, ...]
    rev_a: str = "a"
    rev_b: str = "b"

    @property
    def equal(self) -> bool:
        return not self.changes

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "changed": 0, "unreadable": 0}
        for change in self.changes:
            out[change.op] += 1
        return out


def diff_snapshots(
    old: Mapping[str, AgencyData],
    new: Mapping[str, AgencyData],
    *,
    rev_a: str = "a",
    rev_b: str = "b",
    settings_old: AgencyData | None = None,
    settings_new: AgencyData | None = None,
) -> Diff:
    """Compare two registry snapshots; pure, deterministic, never raises on bad data.

    ``rev_a``/``rev_b`` name the two sides in the report (``HEAD``, ``working
    tree``); settings are compared only when both are given and readable.
    """
    changes: list[Change] = []
    if isinstance(settings_old, dict) and isinstance(settings_new, dict):
        changes.extend(_diff_settings(settings_old, settings_new))
    elif isinstance(settings_old, Unreadable) or isinstance(settings_new, Unreadable):
        changes.extend(_diff_unreadable("pledgectl.toml", settings_old, settings_new))
    for agency in sorted(set(old) | set(new)):
        for change in _diff_agency(agency, old.get(agency), new.get(agency)):
            if change.op == "unreadable":
                rev = rev_a if change.rev == "a" else rev_b
                change = replace(change, rev=rev)
            changes.append(change)
    return Diff(tuple(changes), rev_a, rev_b)


# ---------------------------------------------------------------- rendering


def show(value: Any) -> str:
    """One value as a reviewer reads it: strings quoted, dates ISO, absent as "(none)"."""
    if value is None:
        return t("(none)")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {show(v)}" for k, v in value.items()) + "}"
    return str(value)


_SIGN = {"added": "+", "removed": "-", "changed": "~", "unreadable": "!"}


_NOUNS = {
    "agency": N_("agency"),
    "declaration": N_("declaration"),
    "file": N_("file"),
    "roster": N_("staff"),
    "settings": N_("settings"),
    "settings.checklist": N_("checklist item"),
    "settings.elections": N_("election"),
    "settings.institutions": N_("institution"),
    "signatory": N_("signatory"),
    "witness": N_("witness"),
    "seal": N_("seal"),
}


def noun(kind: str) -> str:
    return t(_NOUNS[kind])


def _where(change: Change) -> str:
    place = change.agency or "pledgectl.toml"
    return f"{place}  {change.declaration}" if change.declaration else place


def render_text(diff: Diff) -> str:
    """The changes for a reviewer who does not read TOML, one line per fact.

    Added and removed records take one line each; a changed record takes one
    line per field (``position: "Staf" -> "Kasubbag"``), so each line stands
    alone under grep. Ends with a count line.
    """
    if diff.equal:
        return t("No differences between {a} and {b}.", a=diff.rev_a, b=diff.rev_b) + "\n"
    lines: list[str] = []
    for change in diff.changes:
        where = _where(change)
        sign = _SIGN[change.op]
        if change.op == "unreadable":
            lines.append(
                f"{where}  {sign} "
                + t(
                    "unreadable at {rev}: {reason}",
                    rev=change.rev or "",
                    reason=change.reason or "",
                )
            )
            continue
        head = f"{where}  {sign} {noun(change.kind)}"
        if change.label:
            head += f" {change.label}"
        if change.op != "changed":
            lines.append(head)
            continue
        for fc in change.fields:
            label = _(fc.field) if fc.field in FIELD_LABELS else fc.field
            lines.append(f"{head}  {label}: {show(fc.old)} -> {show(fc.new)}")
    counts = diff.counts()
    lines.append(
        t(
            "{added} added, {removed} removed, {changed} changed ({a} -> {b})",
            added=counts["added"],
            removed=counts["removed"],
            changed=counts["changed"],
            a=diff.rev_a,
            b=diff.rev_b,
        )
    )
    if counts["unreadable"]:
        lines.append(
            tn(
                "1 file could not be read; run `pledgectl check` for details",
                "{n} files could not be read; run `pledgectl check` for details",
                counts["unreadable"],
            )
        )
    return "\n".join(lines) + "\n"


def jsonable(value: Any) -> Any:
    """TOML values as JSON: dates and times as ISO strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def change_json(change: Change) -> dict[str, Any]:
    """One change as JSON; the keys are a documented contract (see :func:`render_json`)."""
    out: dict[str, Any] = {
        "op": change.op,
        "kind": change.kind,
        "agency": change.agency or None,
        "declaration": change.declaration,
        "key": change.key,
        "label": change.label,
    }
    if change.op == "changed":
        out["fields"] = [
            {"field": fc.field, "old": jsonable(fc.old), "new": jsonable(fc.new)}
            for fc in change.fields
        ]
    if change.record is not None:
        out["record"] = jsonable(change.record)
    if change.op == "unreadable":
        out["rev"] = change.rev
        out["reason"] = change.reason
    return out


def render_json(diff: Diff) -> str:
    """The changes for scripts.

    ``{"equal": bool, "a": rev, "b": rev, "counts": {"added", "removed",
    "changed", "unreadable"}, "changes": [...]}``; each change has ``op``,
    ``kind``, ``agency`` (null for settings), ``declaration`` (or null),
    ``key`` (NIP, ``name:<name>``, declaration id, ``institution/name``),
    ``label``; plus ``fields`` ``[{"field", "old", "new"}]`` (null = absent)
    for ``changed``, ``record`` for ``added``/``removed``, ``rev`` and
    ``reason`` for ``unreadable``. Dates are ISO strings; key order is fixed.
    """
    doc = {
        "equal": diff.equal,
        "a": diff.rev_a,
        "b": diff.rev_b,
        "counts": diff.counts(),
        "changes": [change_json(c) for c in diff.changes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- textconv


@dataclass
class _Lines:
    out: list[str] = field(default_factory=list)

    def fields(self, table: Mapping[str, Any], known: Sequence[str], skip: Sequence[str]) -> None:
        for k in ordered_keys(table, known):
            if k not in skip:
                self.out.append(f"  {k}: {show(table[k])}")


def _record_line(record: Mapping[str, Any], label: str, used: Sequence[str]) -> str:
    rest = [f"{k}: {show(record[k])}" for k in ordered_keys(record, PERSON_KEYS) if k not in used]
    return f"{label}; {'; '.join(rest)}" if rest else label


def summarise(data: Mapping[str, Any]) -> str:
    """A line-oriented summary of one agency file, for ``git diff`` via textconv.

    Headers (agency, declarations) start in column 0 so git's default hunk
    headers name the declaration; every record is one indented line in file
    order, so adding a signatory shows as exactly one added line.
    """
    lines = _Lines()
    out = lines.out
    head = data.get("agency")
    head = head if isinstance(head, dict) else {}
    out.append(f"{noun('agency')} {head.get('id', '?')}")
    lines.fields(head, AGENCY_KEYS, ("id",))
    extra = {k: v for k, v in data.items() if k not in ("agency", "roster", "declarations")}
    roster = records_of(data.get("roster", []))
    declarations = records_of(data.get("declarations", []))
    if roster is None:
        extra["roster"] = data["roster"]
    if declarations is None:
        extra["declarations"] = data["declarations"]
    lines.fields(extra, FILE_KEYS, ())
    person_used = ("nip", "name", "status", "position")
    for record in roster or []:
        out.append(f"  {noun('roster')} {_record_line(record, person_label(record), person_used)}")
    for decl in declarations or []:
        out.append("")
        out.append(f"{noun('declaration')} {decl.get('id', '?')}")
        nested = [k for k in DECLARATION_RECORDS if records_of(decl.get(k)) is not None]
        lines.fields(decl, DECLARATION_KEYS, ("id", *nested))
        for w in records_of(decl.get("witnesses")) or []:
            used = ("institution", "name", "role")
            out.append(f"  {noun('witness')} {_record_line(w, witness_label(w), used)}")
        for s in records_of(decl.get("signatories")) or []:
            out.append(f"  {noun('signatory')} {_record_line(s, person_label(s), person_used)}")
        for seal in records_of(decl.get("seals")) or []:
            digest = seal.get("digest")
            shown = f" {digest[:19]}…" if isinstance(digest, str) else ""
            out.append(f"  {noun('seal')} {seal_label(seal)}{shown}")
    return "\n".join(out) + "\n"


def summarise_bytes(raw: bytes) -> str:
    """Textconv entry point: the summary, or the raw text with a note when unreadable."""
    data = parse_agency(raw)
    if isinstance(data, Unreadable):
        text = raw.decode("utf-8", "replace")
        return (
            t(
                "# pledgectl: this file is not valid TOML ({reason}); showing it as it is",
                reason=data.reason,
            )
            + "\n"
            + text
        )
    return summarise(data)
