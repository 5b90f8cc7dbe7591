"""JSON Schema of the files, generated from :mod:`pledgectl.core.model` (one source, no drift).

Editors (taplo / Even Better TOML) use it for completion and validation. The
settings schema describes ``pledgectl.toml``.
"""

from __future__ import annotations

from typing import Any

from pledgectl.core.model import AGENCY_FILE, SCHEMA_VERSION, Field, Record

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE = {"type": "string", "format": "date"}


def _field(spec: Field) -> dict[str, Any]:
    out: dict[str, Any]
    if spec.type == "str":
        out = {"type": "string"}
        if spec.pattern:
            out["pattern"] = spec.pattern
        if spec.enum:
            out["enum"] = list(spec.enum)
    elif spec.type == "int":
        out = {"type": "integer"}
    elif spec.type == "date":
        out = dict(_DATE)
    elif spec.type == "datetime":
        out = {"type": "string", "format": "date-time"}
    elif spec.type == "strlist":
        out = {"type": "array", "items": {"type": "string"}}
    elif spec.type in ("table", "inline"):
        assert spec.record is not None
        out = record_schema(spec.record)
    else:
        assert spec.record is not None
        out = {"type": "array", "items": record_schema(spec.record)}
    if spec.doc:
        out["description"] = spec.doc
    return out


def record_schema(record: Record) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field(f) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
    }
    if record.doc:
        schema["description"] = record.doc
    return schema


def agency_schema() -> dict[str, Any]:
    schema = record_schema(AGENCY_FILE)
    schema["properties"]["schema"]["maximum"] = SCHEMA_VERSION
    return {"$schema": _DRAFT, "title": "pledgectl agency file", **schema}


def settings_schema() -> dict[str, Any]:
    i18n_text = {
        "oneOf": [
            {"type": "string"},
            {"type": "object", "additionalProperties": {"type": "string"}},
        ]
    }
    ident = {"type": "string", "minLength": 1}
    ids = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": _DRAFT,
        "title": "pledgectl registry settings (pledgectl.toml)",
        "type": "object",
        "properties": {
            "schema": {"type": "integer", "maximum": SCHEMA_VERSION},
            "checklist": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": ident, "title": i18n_text, "basis": {"type": "string"}},
                    "required": ["id", "title"],
                },
            },
            "elections": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": ident,
                        "name": i18n_text,
                        "campaign_start": _DATE,
                        "campaign_end": _DATE,
                        "voting_day": _DATE,
                    },
                    "required": ["id", "voting_day"],
                },
            },
            "institutions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": ident,
                        "name": i18n_text,
                        "until": _DATE,
                        "sealers": ids,
                    },
                    "required": ["id"],
                },
            },
            "policy": {
                "type": "object",
                "properties": {
                    "scope": ids,
                    "required_witnesses": ids,
                    "kinds": ids,
                    "nip_optional_for": ids,
                    "required_seals": ids,
                    "checks": {
                        "type": "object",
                        "additionalProperties": {"enum": ["error", "warning", "off"]},
                    },
                },
            },
        },
    }
