"""``schema``: missing, extra or mistyped fields, an unknown version, a file name that lies.

Walks the data against :mod:`pledgectl.model`, the same description the
canonical writer and ``pledgectl schema`` use. Extra fields are warnings: the
format allows additions, and the tool keeps them, but a typo looks the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from pledgectl.checks import Check, Context
from pledgectl.findings import Finding
from pledgectl.model import AGENCY_FILE, SCHEMA_VERSION, Record, type_ok
from pledgectl.reader import AgencyFile

Path_ = tuple[str | int, ...]


def walk(
    data: dict[str, Any], spec: Record, path: Path_ = ()
) -> Iterator[tuple[str, Path_, str, dict[str, str]]]:
    """Schema problems as (code, record path, key, params)."""
    for field in spec.fields:
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
        if field.pattern and isinstance(value, str) and not re.fullmatch(field.pattern, value):
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
        if field.type == "table" and field.record is not None:
            yield from walk(value, field.record, (*path, field.name))
        elif field.type == "records" and field.record is not None:
            for index, item in enumerate(value):
                yield from walk(item, field.record, (*path, field.name, index))
    for key in data:
        if spec.get(key) is None:
            yield "schema-extra", path, key, {"field": _dotted(path, key)}


def _dotted(path: Path_, key: str) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return ("".join(parts) + "." + key).lstrip(".").replace(".[", "[")


class SchemaCheck(Check):
    name = "schema"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        data = af.data
        if data is None:
            return
        version = data.get("schema")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            yield ctx.finding(
                self.name, "schema-version", af, line=1, found=version, known=SCHEMA_VERSION
            )
            return
        for code, path, key, params in walk(data, AGENCY_FILE):
            yield ctx.finding(
                self.name,
                code,
                af,
                path=path if path else None,
                key=key,
                line=None if path else _top_line(af, key),
                severity="warning" if code == "schema-extra" else "error",
                declaration=_declaration_id(data, path),
                **cast(dict[str, Any], params),
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
