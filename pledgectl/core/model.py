"""The shape of an agency file, as data.

One description serves three readers: the ``schema`` check validates against
it, the canonical writer takes its key order from it, and ``pledgectl schema``
turns it into JSON Schema -- so the three cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import Any, NamedTuple

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
REGION_PATTERN = r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"
NIP_PATTERN = r"^\d{18}$"
NIK_PATTERN = r"^\d{16}$"
STATUSES = ("PNS", "PPPK", "NON-ASN")


class Field(NamedTuple):
    """One key of a table. ``type``: str, int, date, datetime, strlist, table, inline
    (a table written inline, ``k = { ... }``), records.

    Named tuples, not frozen dataclasses: the model is built on every start-up,
    and a frozen dataclass costs ~1 ms to create (measured), a named tuple ~0.1 ms.
    """

    name: str
    type: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    record: Record | None = None
    doc: str = ""


class Record(NamedTuple):
    name: str
    fields: tuple[Field, ...]
    doc: str = ""

    def get(self, key: str) -> Field | None:
        for f in self.fields:
            if f.name == key:
                return f
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


_NIK_DOC = (
    "16-digit NIK (Nomor Induk Kependudukan): province code, birth date DDMMYY"
    " (day + 40 for women); personal data, masked by --redact"
)
_GRADE_DOC = "pangkat / golongan, free text (e.g. Penata Muda, III/a)"

WITNESS = Record(
    "witness",
    (
        Field("institution", "str", True, doc="an institutions id from pledgectl.toml"),
        Field("name", "str", True, doc="the witness's name or the body's representative"),
        Field("role", "str", doc="position of the witness"),
    ),
    doc="A witness of a declaration",
)

SIGNATORY = Record(
    "signatory",
    (
        Field("nip", "str", pattern=NIP_PATTERN, doc="18-digit NIP; may be omitted for NON-ASN"),
        Field("nik", "str", pattern=NIK_PATTERN, doc=_NIK_DOC),
        Field("name", "str", True),
        Field("status", "str", True, enum=STATUSES),
        Field("grade", "str", doc=_GRADE_DOC),
        Field("position", "str"),
        Field("unit", "str"),
        Field("signed", "date", doc="date of signature"),
    ),
    doc="A person who signed the declaration",
)

ROSTER = Record(
    "roster",
    (
        Field("nip", "str", pattern=NIP_PATTERN),
        Field("nik", "str", pattern=NIK_PATTERN, doc=_NIK_DOC),
        Field("name", "str", True),
        Field("status", "str", True, enum=STATUSES),
        Field("grade", "str", doc=_GRADE_DOC),
        Field("position", "str"),
        Field("unit", "str"),
    ),
    doc="A member of the agency's staff",
)

COVERS = Record(
    "covers",
    (
        Field("witnesses", "int", True, doc="the first N witnesses, in file order"),
        Field("signatories", "int", True, doc="the first M signatories, in file order"),
    ),
    doc="What a seal covers",
)

SEAL = Record(
    "seal",
    (
        Field("institution", "str", True, doc="the sealing institution, an institutions id"),
        Field("principal", "str", True, doc="the key's principal in allowed_signers"),
        Field("sealed_at", "datetime", True, doc="when the seal was made (UTC)"),
        Field("covers", "inline", True, record=COVERS),
        Field("digest", "str", True, pattern=r"^sha256:[0-9a-f]{64}$", doc="of the covered part"),
        Field(
            "text",
            "str",
            pattern=r"^(sha256:[0-9a-f]{64})?$",
            doc="of the declaration's text as sealed (format 2; empty when not plainly spelt)",
        ),
        Field("signature", "str", True, doc="armored SSHSIG, namespace pledgectl-seal"),
        Field(
            "tags",
            "str",
            doc="per-record and per-key hashes that locate a change; not part of the proof",
        ),
    ),
    doc="A witness institution's seal over the declaration as it stood (DESIGN.md 6.4)",
)

DECLARATION = Record(
    "declaration",
    (
        Field("id", "str", True, pattern=ID_PATTERN, doc="unique within the agency"),
        Field("kind", "str", True, doc="one of policy.kinds"),
        Field("elections", "strlist", True, doc="election ids this declaration covers"),
        Field("date", "date", True),
        Field("title", "str"),
        Field("occasion", "str"),
        Field("place", "str"),
        Field("basis", "strlist", doc="legal basis"),
        Field("commitments", "strlist", doc="checklist ids the declaration covers"),
        Field("witnesses", "records", record=WITNESS),
        Field("signatories", "records", record=SIGNATORY),
        Field("seals", "records", record=SEAL),
    ),
    doc="A declaration event: ikrar, deklarasi or pakta integritas",
)

AGENCY = Record(
    "agency",
    (
        Field("id", "str", True, pattern=ID_PATTERN, doc="equals the file name"),
        Field("name", "str", True),
        Field("region", "str", True, pattern=REGION_PATTERN, doc="Kemendagri region code"),
        Field("parent", "str", pattern=ID_PATTERN, doc="another agency id"),
        Field("provenance", "str", doc="where the record comes from"),
    ),
    doc="The agency (OPD)",
)

AGENCY_FILE = Record(
    "file",
    (
        Field("schema", "int", True, doc="format version"),
        Field("agency", "table", True, record=AGENCY),
        Field("roster", "records", record=ROSTER),
        Field("declarations", "records", record=DECLARATION),
    ),
    doc="One agency file of a pledgectl registry",
)


def type_ok(spec: Field, value: Any) -> bool:
    """Whether ``value`` has the TOML type ``spec`` asks for."""
    if not kind_ok(spec, type(value)):
        return False
    if spec.type == "strlist":
        return all(map(isinstance, value, repeat(str)))  # a C loop: lists can be long
    if spec.type == "records":
        return all(map(isinstance, value, repeat(dict)))
    return True


def kind_ok(spec: Field, kind: type) -> bool:
    """:func:`type_ok` as far as a value's type decides it (a list's items aside)."""
    if spec.type == "str":
        return issubclass(kind, str)
    if spec.type == "int":
        return issubclass(kind, int) and not issubclass(kind, bool)
    if spec.type == "date":
        return issubclass(kind, dt.date) and not issubclass(kind, dt.datetime)
    if spec.type == "datetime":
        return issubclass(kind, dt.datetime)
    if spec.type in ("strlist", "records"):
        return issubclass(kind, list)
    if spec.type in ("table", "inline"):
        return issubclass(kind, dict)
    return False
