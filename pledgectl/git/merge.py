"""Three-way merge of one agency file, record by record.

Two clerks recording in parallel clones add different people to the same
declaration; a line-based merge sees both append at the same place and
conflicts. Merging the parsed data by record identity (declaration ``id``,
witness institution and name, signatory and roster NIP or name) lets such
additions merge cleanly. A *true* conflict -- the same field edited
differently, the same NIP added with different data, a record deleted on one
side and changed on the other -- is reported as a :class:`Conflict`; the
merged data then keeps our version of that spot (or the surviving record, so
nothing is lost) and the caller decides what to write.

Positions are stable: records keep our order, records added only on their
side are appended after ours, in their order. Unknown fields and tables are
merged key by key like known ones; unknown arrays of tables and arrays of
strings are merged as whole values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, cast

from pledgectl.core.i18n import N_, t
from pledgectl.git.semdiff import (
    declaration_key,
    jsonable,
    keyed,
    person_key,
    records_of,
    same,
    seal_key,
    witness_key,
)


class _Missing:
    """Marks a key absent on one side (TOML has no null, so None would do, but is less clear)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()

KeyFn = Callable[[Mapping[str, Any]], str]

# Record arrays merged by identity, by where they sit: file level and in a declaration.
_FILE_RECORDS: dict[str, KeyFn] = {"roster": person_key, "declarations": declaration_key}
_DECLARATION_RECORDS: dict[str, KeyFn] = {
    "witnesses": witness_key,
    "signatories": person_key,
    "seals": seal_key,
}


# ``{ours_label}``/``{theirs_label}``: git's names for the sides (HEAD, the branch merged in)
_CONFLICTS = {
    "add-add": N_(
        "{where}: added on both sides with different data "
        "({field}: {ours_label} {ours}, {theirs_label} {theirs})"
    ),
    "delete-edit": N_("{where}: removed in {ours_label} but changed in {theirs_label}"),
    "edit-delete": N_("{where}: changed in {ours_label} but removed in {theirs_label}"),
    "edit-edit": N_(
        "{where}: {field} changed on both sides: {ours_label} {ours}, {theirs_label} {theirs}"
    ),
}


@dataclass(frozen=True)
class Conflict:
    """One spot the merge could not decide.

    ``reason``: ``edit-edit`` (a field changed differently), ``add-add`` (a
    record with the same key added with different data), ``delete-edit`` (we
    removed what they changed), ``edit-delete`` (the reverse), ``seal`` (a seal
    that holds on one side would not hold on the merge: ``ours``/``theirs`` name
    the side whose seal it is).
    ``path`` locates the record: ``("declarations", "<id>", "signatories",
    "<nip>")``; ``field`` names the field (None for a whole record). Values
    are None where absent.
    """

    reason: str
    path: tuple[str, ...]
    field: str | None
    base: Any
    ours: Any
    theirs: Any

    @property
    def where(self) -> str:
        return "/".join(self.path) if self.path else "."

    def message(self, labels: tuple[str, str, str] = ("HEAD", "base", "theirs")) -> str:
        """The conflict in the current language, for the merge driver's report.

        ``labels``: the names of our side, the base and their side, as on the markers.
        """
        if self.reason == "seal":
            return t(
                "{where}: the seal by {seal} would no longer hold after the merge "
                "(what it covers differs between the two sides)",
                where=self.where,
                seal=self.field or "",
            )
        return t(
            _CONFLICTS[self.reason],
            where=self.where,
            field=self.field or "",
            ours=_show(self.ours),
            theirs=_show(self.theirs),
            ours_label=labels[0],
            theirs_label=labels[2],
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "path": list(self.path),
            "field": self.field,
            "base": jsonable(self.base),
            "ours": jsonable(self.ours),
            "theirs": jsonable(self.theirs),
        }


def _show(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, sort_keys=False, default=str)


@dataclass
class MergeResult:
    """The merged data and the conflicts found; ``data`` is usable only when ``clean``."""

    data: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _plain(value: Any) -> Any:
    return None if value is MISSING else value


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []
        # (declaration key, records name) -> records a holding seal covers, per side
        self.sealed: dict[tuple[str, str], tuple[int, int]] = {}

    def conflict(
        self, reason: str, path: tuple[str, ...], name: str | None, b: Any, o: Any, th: Any
    ) -> None:
        self.conflicts.append(Conflict(reason, path, name, _plain(b), _plain(o), _plain(th)))

    def record_keys(self, path: tuple[str, ...]) -> dict[str, KeyFn]:
        if not path:
            return _FILE_RECORDS
        if len(path) == 2 and path[0] == "declarations":
            return _DECLARATION_RECORDS
        return {}

    def value(self, b: Any, o: Any, th: Any, path: tuple[str, ...], name: str, added: bool) -> Any:
        """Merge one key of a table; returns MISSING when the key should be absent."""
        if same(o, th):
            return o
        if same(o, b):
            return th
        if same(th, b):
            return o
        keyfn = self.record_keys(path).get(name)
        if keyfn is not None:
            lists = [[] if v is MISSING else records_of(v) for v in (b, o, th)]
            if all(v is not None for v in lists):
                merged = self.records(
                    lists[0] or [], lists[1] or [], lists[2] or [], keyfn, path, name
                )
                return MISSING if not merged and (o is MISSING or th is MISSING) else merged
        if isinstance(o, dict) and isinstance(th, dict) and (b is MISSING or isinstance(b, dict)):
            base = b if isinstance(b, dict) else {}
            return self.table(base, o, th, (*path, name), added or b is MISSING)
        if o is MISSING:
            self.conflict("delete-edit", path, name, b, o, th)
            return th
        if th is MISSING:
            self.conflict("edit-delete", path, name, b, o, th)
            return o
        self.conflict("add-add" if added or b is MISSING else "edit-edit", path, name, b, o, th)
        return o

    def table(
        self,
        b: Mapping[str, Any],
        o: Mapping[str, Any],
        th: Mapping[str, Any],
        path: tuple[str, ...],
        added: bool,
    ) -> dict[str, Any]:
        """Key by key; our key order first, then keys only they have, in their order."""
        out: dict[str, Any] = {}
        for k in [
            *o,
            *(k for k in th if k not in o),
            *(k for k in b if k not in o and k not in th),
        ]:
            merged = self.value(
                b.get(k, MISSING), o.get(k, MISSING), th.get(k, MISSING), path, k, added
            )
            if merged is not MISSING:
                out[k] = merged
        return out

    def records(
        self,
        b: list[dict[str, Any]],
        o: list[dict[str, Any]],
        th: list[dict[str, Any]],
        keyfn: KeyFn,
        path: tuple[str, ...],
        name: str,
    ) -> list[dict[str, Any]]:
        """Match records by identity; ours keep their places, theirs-only are appended."""
        kb, ko, kt = keyed(b, keyfn), keyed(o, keyfn), keyed(th, keyfn)
        out: list[dict[str, Any]] = []
        for key, mine in ko.items():
            where = (*path, name, key)
            base = kb.get(key)
            other = kt.get(key)
            if other is None:
                if base is None:
                    out.append(dict(mine))  # added by us
                elif not same(mine, base):
                    self.conflict("edit-delete", where, None, base, mine, MISSING)
                    out.append(dict(mine))
                # else: deleted by them, untouched by us
                continue
            out.append(self.table(base or {}, mine, other, where, base is None))
        for key, theirs in kt.items():
            if key in ko:
                continue
            base = kb.get(key)
            if base is None:
                out.append(dict(theirs))  # added by them
            elif not same(theirs, base):
                self.conflict("delete-edit", (*path, name, key), None, base, MISSING, theirs)
                out.append(dict(theirs))
        covered = self.sealed.get((path[-1], name)) if len(path) == 2 else None
        if covered:
            out = _sealed_first(out, o, th, keyfn, covered)
        return out


def _sealed_first(
    out: list[dict[str, Any]],
    o: list[dict[str, Any]],
    th: list[dict[str, Any]],
    keyfn: KeyFn,
    covered: tuple[int, int],
) -> list[dict[str, Any]]:
    """Keep the records a seal covers where the seal put them: first, in that side's order.

    The side whose seals cover more leads; when the other side's covered records
    are not a prefix of those, the seals cannot both hold (:func:`_seal_conflicts`).
    """
    side, count = (th, covered[1]) if covered[1] > covered[0] else (o, covered[0])
    head_keys = list(keyed(side[:count], keyfn))
    if list(keyed(out[:count], keyfn)) == head_keys:
        return out
    by_key = keyed(out, keyfn)
    head = [cast(dict[str, Any], by_key[k]) for k in head_keys if k in by_key]
    taken = {id(r) for r in head}
    return [*head, *(r for r in out if id(r) not in taken)]


def _holding_seals(data: Mapping[str, Any]) -> dict[str, list[tuple[str, Any, str]]]:
    """Per declaration id: (seal label, covers, digest) of each seal whose digest holds."""
    from pledgectl.core import seal as seal_mod

    out: dict[str, list[tuple[str, Any, str]]] = {}
    agency = _agency_id(data)
    for decl in records_of(data.get("declarations", [])) or []:
        key = declaration_key(decl)
        for raw in records_of(decl.get("seals", [])) or []:
            found = seal_mod.read_seal(raw)
            if isinstance(found, str):
                continue
            lines = seal_mod.covered_lines(agency, decl, found.covers)
            if seal_mod.digest_of(lines) == found.digest:
                label = f"{found.institution} ({found.principal}, {found.sealed_at:%Y-%m-%d})"
                out.setdefault(key, []).append((label, found.covers, found.digest))
    return out


def _agency_id(data: Mapping[str, Any]) -> str:
    table = data.get("agency")
    ident = table.get("id") if isinstance(table, Mapping) else None
    return ident if isinstance(ident, str) else ""


def _seal_conflicts(
    merged: Mapping[str, Any], sides: tuple[Mapping[str, Any], Mapping[str, Any]]
) -> list[Conflict]:
    """A seal that holds on one side and would not hold on the merge is a conflict."""
    from pledgectl.core import seal as seal_mod

    agency = _agency_id(merged)
    decls = {declaration_key(d): d for d in records_of(merged.get("declarations", [])) or []}
    out: list[Conflict] = []
    for which, side in zip(("ours", "theirs"), sides, strict=True):
        for key, seals in _holding_seals(side).items():
            decl = decls.get(key)
            for label, covers, digest in seals:
                now = (
                    seal_mod.digest_of(seal_mod.covered_lines(agency, decl, covers))
                    if decl is not None
                    else None
                )
                if now != digest:
                    out.append(
                        Conflict(
                            "seal",
                            ("declarations", key, "seals"),
                            label,
                            None,
                            digest if which == "ours" else None,
                            digest if which == "theirs" else None,
                        )
                    )
    return out


def merge_agency(
    base: Mapping[str, Any] | None, ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> MergeResult:
    """Merge two versions of one agency file against their common ancestor.

    ``base`` is None when the file was added on both sides. Pure: the inputs
    are not modified. ``merge_agency(b, x, b).data == x`` and
    ``merge_agency(b, b, y).data == y`` always hold.
    """
    merger = _Merger()
    if base is not None and same(dict(ours), dict(base)):
        return MergeResult(_copy(theirs))
    if base is not None and same(dict(theirs), dict(base)):
        return MergeResult(_copy(ours))
    sides = (ours, theirs)
    holding = [_holding_seals(side) for side in sides]
    for key in set(holding[0]) | set(holding[1]):
        for name, index in (("witnesses", 0), ("signatories", 1)):
            counts = tuple(max((c[1][index] for c in h.get(key, [])), default=0) for h in holding)
            if any(counts):
                merger.sealed[(key, name)] = (counts[0], counts[1])
    data = merger.table(base or {}, ours, theirs, (), base is None)
    if any(holding):
        merger.conflicts.extend(_seal_conflicts(data, sides))
    return MergeResult(data, merger.conflicts)


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


# -- conflict markers ---------------------------------------------------------------


def _is_record_start(line: str) -> bool:
    """A table header, or a comment line (comments are kept above the record they describe)."""
    stripped = line.lstrip()
    return stripped.startswith("[") or stripped.startswith("#")


def _slide(pre: list[str], sides: list[list[str]], post: list[str]) -> None:
    """Move one conflict block to record boundaries, in place, when that changes nothing.

    A line diff of two canonical files that differ by one whole record may cut
    the block one header early: the removed record's fields, a blank line and
    the *next* record's ``[[...]]`` line. Each side can then be resolved, but
    deleting the block as a whole leaves the next record's fields under the
    previous header. Shifting the block up (or down) by lines equal on every
    side gives each side exactly the same text, now starting at a record.
    """
    filled = [s for s in sides if s]
    crossing = any(_is_record_start(line) for s in filled for line in s[1:])
    if not filled or not crossing or all(_is_record_start(s[0]) for s in filled):
        return
    for step in (-1, 1):
        trial_pre, trial_post = list(pre), list(post)
        trial = [list(s) for s in sides]
        for _ in range(64):
            if step < 0:
                if not trial_pre or any(s[-1] != trial_pre[-1] for s in trial if s):
                    break
                line = trial_pre.pop()
                trial = [[line, *s[:-1]] if s else s for s in trial]
                trial_post.insert(0, line)
            else:
                if not trial_post or any(s[0] != trial_post[0] for s in trial if s):
                    break
                line = trial_post.pop(0)
                trial = [[*s[1:], line] if s else s for s in trial]
                trial_pre.append(line)
            if all(_is_record_start(s[0]) for s in trial if s):
                pre[:], post[:] = trial_pre, trial_post
                for side, moved in zip(sides, trial, strict=True):
                    side[:] = moved
                return


def align_conflicts(text: str, labels: tuple[str, str, str], marker_size: int = 7) -> str:
    """Shift each conflict block of ``git merge-file`` output to whole records (:func:`_slide`).

    Only blocks marked with exactly these ``labels`` are touched; a text that
    does not parse as blocks is returned as it is.
    """
    start = "<" * marker_size + (f" {labels[0]}" if labels[0] else "")
    middle = "=" * marker_size
    end = ">" * marker_size + (f" {labels[2]}" if labels[2] else "")
    lines = text.splitlines(keepends=True)
    parts: list[list[str] | tuple[list[str], list[str]]] = [[]]
    i = 0
    while i < len(lines):
        if lines[i].rstrip("\r\n") != start:
            current = parts[-1]
            assert isinstance(current, list)
            current.append(lines[i])
            i += 1
            continue
        try:
            mid = next(j for j in range(i + 1, len(lines)) if lines[j].rstrip("\r\n") == middle)
            stop = next(j for j in range(mid + 1, len(lines)) if lines[j].rstrip("\r\n") == end)
        except StopIteration:
            return text
        parts.append((lines[i + 1 : mid], lines[mid + 1 : stop]))
        parts.append([])
        i = stop + 1
    if len(parts) == 1:
        return text
    for k in range(1, len(parts), 2):
        pre, block, post = parts[k - 1], parts[k], parts[k + 1]
        assert isinstance(pre, list) and isinstance(post, list) and isinstance(block, tuple)
        _slide(pre, [block[0], block[1]], post)
    out: list[str] = []
    for part in parts:
        if isinstance(part, tuple):
            out.append(start + "\n")
            out.extend(_ended(part[0]))
            out.append(middle + "\n")
            out.extend(_ended(part[1]))
            out.append(end + "\n")
        else:
            out.extend(part)
    return "".join(out)


def _ended(lines: list[str]) -> list[str]:
    """Lines inside a block, the last one given its newline so the marker after it stands alone."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def conflict_whole(
    ours: str, theirs: str, labels: tuple[str, str, str], marker_size: int = 7
) -> str:
    """Both texts in one conflict block: for records that disagree though their lines merged."""
    return (
        "<" * marker_size
        + f" {labels[0]}\n"
        + "".join(_ended(ours.splitlines(keepends=True)))
        + "=" * marker_size
        + "\n"
        + "".join(_ended(theirs.splitlines(keepends=True)))
        + ">" * marker_size
        + f" {labels[2]}\n"
    )
