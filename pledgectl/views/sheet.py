"""The signing sheet (*daftar hadir dan tanda tangan*) of a declaration, as data.

What an Indonesian office prints for the ceremony: the agency as letterhead,
the title, place and date, the commitments in the chosen language, one row per
person (No, Nama, NIP, Pangkat/Golongan, Jabatan, Tanda tangan), signature
blocks for each witness institution the policy requires and a *Mengetahui*
block for the head of the agency.

Rows: the roster in roster order, then everyone who signed this declaration but
is not on the roster (the head of the agency often is not), then a few blank,
numbered rows for late arrivals. Without a roster, the signatories are the rows.

This module builds :class:`SheetData` and the plain table (CSV); the HTML page
and the workbook are drawn in :mod:`pledgectl.render`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pledgectl.core import i18n
from pledgectl.core.columns import mark_header
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_
from pledgectl.core.identity import record_key
from pledgectl.core.longdate import as_date
from pledgectl.core.nip import redact
from pledgectl.core.registry import Registry, unknown_declaration
from pledgectl.core.settings import localized
from pledgectl.core.walk import declarations, records

BLANK_ROWS = 5

# the table's columns: key -> (header msgid, kind); the mark column comes last
COLUMNS: dict[str, tuple[str, str]] = {
    "no": (N_("No."), "int"),
    "name": (N_("Name"), "text"),
    "nip": (N_("NIP"), "code"),
    "grade": (N_("Grade"), "text"),
    "position": (N_("Position"), "text"),
    # not printed on the paper sheet; in the workbook so that `import` reads it back exactly
    "status": (N_("Status"), "text"),
    "signature": (N_("Signature"), "sig"),
}


@dataclass
class SheetRow:
    no: int
    name: str = ""
    nip: str = ""
    grade: str = ""
    position: str = ""
    status: str = ""
    on_roster: bool = True
    blank: bool = False


@dataclass
class WitnessBlock:
    institution: str  # the id, as in the settings (KPU)
    institution_name: str  # its name in the language
    name: str = ""  # recorded witness, or empty: a line to write on
    role: str = ""
    required: bool = True


@dataclass
class SheetData:
    agency_id: str
    agency: str
    parent: str  # the parent agency's name (first letterhead line), or empty
    title: str
    kind: str
    date: dt.date | None
    place: str
    occasion: str
    commitments: list[str]
    witnesses: list[WitnessBlock]
    rows: list[SheetRow] = field(default_factory=list)
    lang: str = "en"

    @property
    def people(self) -> list[SheetRow]:
        return [r for r in self.rows if not r.blank]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def sheet_data(
    registry: Registry,
    agency_id: str,
    decl_id: str,
    redacted: bool = False,
    blank_rows: int = BLANK_ROWS,
) -> SheetData:
    """The sheet of ``decl_id``; an unknown declaration names the known ones."""
    af = registry.read(agency_id)
    if af.data is None:
        raise PledgeError(
            N_("{file}:{line}:{col}: not valid TOML"),
            hint=N_("run `pledgectl check` for details"),
            file=str(af.path),
            line=1,
            col=1,
        )
    table = af.data.get("agency")
    agency: dict[str, Any] = table if isinstance(table, dict) else {}
    decl = next((d for _, d in declarations(af) if d.get("id") == decl_id), None)
    if decl is None:
        raise unknown_declaration(agency_id, decl_id, (d.get("id") for _, d in declarations(af)))
    lang = i18n.get_lang()
    settings = registry.settings
    titles = {item.id: localized(item.title, lang) for item in settings.checklist}
    commitments = decl.get("commitments") if isinstance(decl.get("commitments"), list) else []

    def nip_of(p: dict[str, Any]) -> str:
        nip = _text(p.get("nip"))
        return redact(nip) if redacted and nip else nip

    roster = [p for _, p in records(af.data, "roster")]
    signers = [p for _, p in records(decl, "signatories")]
    on_roster = {record_key(p) for p in roster}  # the one identity of a person
    extra = [p for p in signers if record_key(p) not in on_roster]
    rows = [
        SheetRow(
            i,
            _text(p.get("name")),
            nip_of(p),
            _text(p.get("grade")),
            _text(p.get("position")),
            _text(p.get("status")),
            on_roster=i <= len(roster),
        )
        for i, p in enumerate([*roster, *extra], 1)
    ]
    rows += [SheetRow(len(rows) + i, blank=True) for i in range(1, blank_rows + 1)]

    recorded = [w for _, w in records(decl, "witnesses")]
    blocks: list[WitnessBlock] = []
    required = list(settings.policy.required_witnesses)

    def institution_name(inst: str) -> str:
        found = settings.institutions.get(inst)
        return localized(found.name, lang) if found is not None else inst

    for inst in required:
        witness = next((w for w in recorded if _text(w.get("institution")) == inst), None)
        blocks.append(
            WitnessBlock(
                inst,
                institution_name(inst),
                _text(witness.get("name")) if witness else "",
                _text(witness.get("role")) if witness else "",
            )
        )
    for w in recorded:
        inst = _text(w.get("institution"))
        if inst in required:
            continue
        blocks.append(
            WitnessBlock(
                inst,
                institution_name(inst),
                _text(w.get("name")),
                _text(w.get("role")),
                required=False,
            )
        )

    parent = ""
    parent_id = agency.get("parent")
    if isinstance(parent_id, str) and parent_id:
        parent = _parent_name(registry, parent_id)
    return SheetData(
        agency_id=agency_id,
        agency=_text(agency.get("name")) or agency_id,
        parent=parent,
        title=_text(decl.get("title")) or i18n.t("Neutrality declaration"),
        kind=_text(decl.get("kind")),
        date=as_date(decl.get("date")),
        place=_text(decl.get("place")),
        occasion=_text(decl.get("occasion")),
        commitments=[titles.get(str(c), str(c)) for c in commitments or []],
        witnesses=blocks,
        rows=rows,
        lang=lang,
    )


def _parent_name(registry: Registry, parent_id: str) -> str:
    """The parent agency's name for the letterhead; empty when it cannot be read."""
    try:
        parent = registry.read(parent_id)
    except PledgeError:
        return ""
    table = parent.data.get("agency") if parent.data is not None else None
    name = table.get("name") if isinstance(table, dict) else None
    return name if isinstance(name, str) else ""


def headers() -> list[tuple[str, str]]:
    """(header, kind) of the table in the current language, the mark column last."""
    return [(i18n.t(label), kind) for label, kind in COLUMNS.values()] + [
        (mark_header(i18n.get_lang()), "mark")
    ]


def signature_text(no: int) -> str:
    """``1. ....`` for the staggered signature cell (odd rows left, even rows right)."""
    return f"{no}. " + "." * 14


def table_rows(data: SheetData, signature_dots: bool = True) -> list[list[object]]:
    """One list per row, in :func:`headers` order; the mark column is empty for the clerk."""
    return [
        [
            r.no,
            r.name,
            r.nip,
            r.grade,
            r.position,
            r.status,
            signature_text(r.no) if signature_dots else "",
            "",
        ]
        for r in data.rows
    ]


def render_csv(data: SheetData) -> str:
    """The table as plain CSV (programs, mail merge); hand the xlsx to a spreadsheet."""
    from pledgectl.views.people import to_csv

    heads = [h for h, _ in headers()]
    keys = tuple(str(i) for i in range(len(heads)))
    rows = (
        {k: str(v) for k, v in zip(keys, row, strict=True)}
        for row in table_rows(data, signature_dots=False)
    )
    return to_csv(rows, keys, heads)


def info_lines(data: SheetData) -> list[tuple[str, object]]:
    """What the declaration is, label and value, for the workbook's second sheet."""
    lines: list[tuple[str, object]] = [
        (i18n.t("Agency"), data.agency),
        (i18n.t("Title"), data.title),
        (i18n.t("Kind"), data.kind),
        (i18n.t("Date"), data.date or ""),
        (i18n.t("Place"), data.place),
        (i18n.t("Occasion"), data.occasion),
    ]
    for index, text in enumerate(data.commitments, 1):
        lines.append((i18n.t("Commitment {n}", n=index), text))
    for block in data.witnesses:
        who = " — ".join(x for x in (block.name, block.role) if x)
        lines.append((i18n.t("Witness ({institution})", institution=block.institution), who))
    return lines
