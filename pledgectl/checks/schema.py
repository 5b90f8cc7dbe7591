"""``schema``: missing, extra or mistyped fields, an unknown version, a file name that lies.

Walks the data against :mod:`pledgectl.core.model`, the same description the
canonical writer and ``pledgectl schema`` use. Extra fields are warnings: the
format allows additions, and the tool keeps them, but a typo looks the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import NoneType
from typing import Any, cast

from pledgectl.checks._util import Memo, column
from pledgectl.checks.base import Check, Context
from pledgectl.core.batch import all_match, compile_batch
from pledgectl.core.findings import Finding
from pledgectl.core.model import AGENCY_FILE, SCHEMA_VERSION, Record, kind_ok, type_ok
from pledgectl.core.outline import inline_records_line
from pledgectl.core.reader import AgencyFile

Path_ = tuple[str | int, ...]


def walk(
    data: dict[str, Any], spec: Record, path: Path_ = (), memo: Memo | None = None
) -> Iterator[tuple[str, Path_, str, dict[str, str]]]:
    """Schema problems as (code, record path, key, params).

    A table whose keys and value types are clean is only looked at where
    something can still be wrong (patterns, choices, lists, sub-tables), and a
    list of flat records is first tested as a whole, field by field in C loops:
    the findings are those of the full walk, at a fraction of the cost.
    ``memo``: the file's shared memo, so the columns read here serve the other checks.
    """
    rules = _rules(spec)
    clean = rules.clean([data], shallow=True)
    for field in rules.deep if clean else spec.fields:
        if field.name not in data:
            if field.required:
                yield "schema-missing", path, field.name, {"field": _dotted(path, field.name)}
            continue
        value = data[field.name]
        if not type_ok(field, value):
            yield (
                "schema-type",
                path,
                field.name,
                {
                    "field": _dotted(path, field.name),
                    "expected": field.type,
                    "found": type(value).__name__,
                },
            )
            continue
        pattern = rules.patterns.get(field.name)
        if pattern is not None and isinstance(value, str) and not pattern.fullmatch(value):
            yield (
                "schema-pattern",
                path,
                field.name,
                {
                    "field": _dotted(path, field.name),
                    "value": value[:80],
                },
            )
        if field.enum and value not in field.enum:
            yield (
                "schema-enum",
                path,
                field.name,
                {
                    "field": _dotted(path, field.name),
                    "value": str(value)[:80],
                    "choices": ", ".join(field.enum),
                },
            )
        if field.type in ("table", "inline") and field.record is not None:
            yield from walk(value, field.record, (*path, field.name), memo)
        elif field.type == "records" and field.record is not None:
            inner = _rules(field.record)
            if inner.flat and inner.clean(value, memo=memo):
                continue
            for index, item in enumerate(value):
                yield from walk(item, field.record, (*path, field.name, index), memo)
    if not clean:
        for key in data:
            if spec.get(key) is None:
                yield "schema-extra", path, key, {"field": _dotted(path, key)}


class _Rules:
    """A record's description prepared for :func:`walk`."""

    def __init__(self, spec: Record) -> None:
        self.spec = spec
        self.names = frozenset(spec.keys)
        self.patterns = {f.name: re.compile(f.pattern) for f in spec.fields if f.pattern}
        self.batches = {
            f.name: batch for f in spec.fields if f.pattern and (batch := compile_batch(f.pattern))
        }
        # what a clean table leaves to check: patterns, choices, list items, sub-tables
        self.deep = tuple(
            f
            for f in spec.fields
            if f.pattern or f.enum or f.record or f.type in ("strlist", "records")
        )
        self.flat = all(
            f.type not in ("strlist", "records", "table", "inline") for f in spec.fields
        )

    def clean(
        self, tables: list[dict[str, Any]], *, shallow: bool = False, memo: Memo | None = None
    ) -> bool:
        """Whether none of ``tables`` has a problem of its own.

        No key missing or extra, none of the wrong kind (a list's items and
        sub-tables aside) and, unless ``shallow``, no pattern or choice broken.
        A value None stands for an absent key: TOML has no null. ``memo`` only
        for a list that lives in the file's data (it is keyed by the list's id).
        """
        present = 0  # keys of the spec found; fewer than all keys means an extra one
        for field in self.spec.fields:
            values = column(tables, field.name, memo)
            if values is None:
                return False
            kinds = set(map(type, values))
            absent = NoneType in kinds
            if absent:
                if field.required:
                    return False
                kinds.discard(NoneType)
                present += len(values) - values.count(None)
            else:
                present += len(values)
            if not all(kind_ok(field, kind) for kind in kinds):
                return False
            if shallow or not (field.pattern or field.enum):
                continue
            if absent:
                values = [v for v in values if v is not None]
            if not self._patterns_hold(field.name, values):
                return False
            if field.enum and not all(v in field.enum for v in set(values)):
                return False
        return sum(map(len, tables)) == present

    def _patterns_hold(self, name: str, values: list[Any]) -> bool:
        """Whether every value (all strings) matches field ``name``'s pattern, if it has one."""
        batch = self.batches.get(name)
        if batch is not None:
            return all_match(batch, values)
        pattern = self.patterns.get(name)
        return pattern is None or all(map(pattern.fullmatch, values))


_RULES: dict[int, _Rules] = {}


def _rules(spec: Record) -> _Rules:
    rules = _RULES.get(id(spec))
    if rules is None or rules.spec is not spec:
        rules = _RULES[id(spec)] = _Rules(spec)
    return rules


def _dotted(path: Path_, key: str) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return ("".join(parts) + "." + key).lstrip(".").replace(".[", "[")


class SchemaCheck(Check):
    name = "schema"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        data = af.data
        if data is None:
            return
        version = data.get("schema")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            yield ctx.finding(
                self.name, "schema-version", af, line=1, found=version, known=SCHEMA_VERSION
            )
            return
        problems = list(walk(data, AGENCY_FILE, memo=af._extra))
        for code, path, key, params in problems:
            yield ctx.finding(
                self.name,
                code,
                af,
                path=path if path else None,
                key=key,
                line=None if path else (_top_line(af, key) or 1),  # absent: the file's start
                severity="warning" if code == "schema-extra" else "error",
                declaration=_declaration_id(data, path),
                **cast(dict[str, Any], params),
            )
        inline = inline_records_line(af.text)
        if inline is not None:  # the rule by which recording refuses to append
            yield ctx.finding(
                self.name,
                "schema-inline-records",
                af,
                line=inline[0],
                severity="warning",
                field=inline[1],
            )
        agency = data.get("agency")
        if (
            isinstance(agency, dict)
            and isinstance(agency.get("id"), str)
            and agency["id"] != af.file_id
        ):
            yield ctx.finding(
                self.name,
                "schema-file-name",
                af,
                path=("agency",),
                key="id",
                id=agency["id"],
                file_id=af.file_id,
            )


def _top_line(af: AgencyFile, key: str) -> int | None:
    match = re.search(rf"^[ \t]*\[*[ \t]*{re.escape(key)}\b", af.text, re.M)
    return af.text.count("\n", 0, match.start()) + 1 if match else None


def _declaration_id(data: dict[str, Any], path: Path_) -> str | None:
    if len(path) >= 2 and path[0] == "declarations" and isinstance(path[1], int):
        decls = data.get("declarations")
        if isinstance(decls, list) and path[1] < len(decls) and isinstance(decls[path[1]], dict):
            ident = decls[path[1]].get("id")
            return ident if isinstance(ident, str) else None
    return None


CHECK = SchemaCheck()
