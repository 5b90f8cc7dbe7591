"""Finding people and flattening signatories: ``find`` and ``export``.

Both stream the registry one agency file at a time. NIPs are personal data:
every output can mask them (``redact``), and CSV cells that a spreadsheet
would run as formulas are defused (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from pledgectl.core import i18n
from pledgectl.core.i18n import N_
from pledgectl.core.identity import name_key
from pledgectl.core.nik import redact as redact_nik
from pledgectl.core.nip import normalise, redact
from pledgectl.core.registry import Registry
from pledgectl.core.walk import declarations, records

# column key -> (header msgid, kind). The headers follow ``--lang`` in CSV and xlsx (JSON
# keeps the keys); ``Name``, ``NIP``, ``Status``, ``Position``, ``Unit`` and ``Date signed``
# are headers ``import`` recognises, so an export imports back with each person's own
# date; the declaration's date has a header import does not take for a signature date.
# kinds: text | code (an identifier a spreadsheet must keep as text) | date
EXPORT_FIELDS: dict[str, tuple[str, str]] = {
    "agency": (N_("Agency"), "text"),
    "agency_name": (N_("Agency name"), "text"),
    "region": (N_("Region code"), "code"),
    "declaration": (N_("Declaration"), "text"),
    "kind": (N_("Kind"), "text"),
    "elections": (N_("Elections"), "text"),
    "date": (N_("Declaration date"), "date"),
    "witnesses": (N_("Witnesses"), "text"),
    "nip": (N_("NIP"), "code"),
    "nik": (N_("NIK"), "code"),
    "name": (N_("Name"), "text"),
    "status": (N_("Status"), "text"),
    "grade": (N_("Grade"), "text"),
    "position": (N_("Position"), "text"),
    "unit": (N_("Unit"), "text"),
    "signed": (N_("Date signed"), "date"),
    "sealed": (N_("Sealed by"), "text"),  # institutions whose seal holds over the signatory
}
EXPORT_COLUMNS = tuple(EXPORT_FIELDS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def find(registry: Registry, query: str, redacted: bool = False) -> list[dict[str, str]]:
    """People whose NIP or NIK starts with ``query`` (digits), or whose name contains it.

    Names compare as :mod:`pledgectl.core.identity` does: case, accents, spacing and
    titles aside ("Dr. Zulkarnain" finds "Dr. H. Zulkarnain Effendi, S.Sos.").
    """
    digits = normalise(query)
    by_nip = digits.isdigit() and len(digits) >= 4
    needle = name_key(query)
    found: list[dict[str, str]] = []
    for af in registry.iter_files():
        if af.data is None:
            continue
        agency = af.file_id

        def hit(person: dict[str, Any]) -> bool:
            if by_nip:
                return _text(person.get("nip")).startswith(digits) or _text(
                    person.get("nik")
                ).startswith(digits)
            return needle in name_key(_text(person.get("name")))

        for _, person in records(af.data, "roster"):
            if hit(person):
                found.append(_row(agency, "", "roster", person, redacted))
        for _, decl in declarations(af):
            for _, person in records(decl, "signatories"):
                if hit(person):
                    found.append(_row(agency, _text(decl.get("id")), "signatory", person, redacted))
    return found


def _row(
    agency: str, decl: str, role: str, person: dict[str, Any], redacted: bool
) -> dict[str, str]:
    nip = _text(person.get("nip"))
    return {
        "agency": agency,
        "declaration": decl,
        "role": role,
        "nip": redact(nip) if redacted and nip else nip,
        "name": _text(person.get("name")),
        "status": _text(person.get("status")),
        "position": _text(person.get("position")),
    }


def signatory_rows(registry: Registry, redacted: bool = False) -> Iterator[dict[str, str]]:
    """One flat row per signatory, with its agency, declaration and witnesses, and the
    institutions whose seal holds over that signatory (``sealed``)."""
    sealing = _Sealing(registry)
    for af in registry.iter_files():
        if af.data is None:
            continue
        agency = af.data.get("agency") if isinstance(af.data.get("agency"), dict) else {}
        assert isinstance(agency, dict)
        for at, decl in declarations(af):
            sealed_by = sealing.holding(_text(agency.get("id", af.file_id)), decl, (af.text, at))
            witnesses = "; ".join(
                f"{_text(w.get('institution'))}: {_text(w.get('name'))}"
                for _, w in records(decl, "witnesses")
            )
            elections = decl.get("elections")
            for index, person in records(decl, "signatories"):
                nip, nik = _text(person.get("nip")), _text(person.get("nik"))
                yield {
                    "agency": _text(agency.get("id", af.file_id)),
                    "agency_name": _text(agency.get("name")),
                    "region": _text(agency.get("region")),
                    "declaration": _text(decl.get("id")),
                    "kind": _text(decl.get("kind")),
                    "elections": "; ".join(map(str, elections))
                    if isinstance(elections, list)
                    else "",
                    "date": _text(decl.get("date")),
                    "witnesses": witnesses,
                    "nip": redact(nip) if redacted and nip else nip,
                    "nik": redact_nik(nik) if redacted and nik else nik,
                    "name": _text(person.get("name")),
                    "status": _text(person.get("status")),
                    "grade": _text(person.get("grade")),
                    "position": _text(person.get("position")),
                    "unit": _text(person.get("unit")),
                    "signed": _text(person.get("signed")),
                    "sealed": "; ".join(i for i, covered in sealed_by if index < covered),
                }


class _Sealing:
    """Which institutions' seals hold on a declaration, and how many signatories each covers."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.ready = False
        self.signers: Any = None
        self.sealers: dict[str, tuple[str, ...]] = {}

    def holding(
        self, agency: str, decl: dict[str, Any], source: tuple[str, int] | None = None
    ) -> list[tuple[str, int]]:
        if not decl.get("seals"):
            return []
        from pledgectl.core import seal as seal_mod

        if not self.ready:
            self.signers = seal_mod.signers_at(self.registry.root)
            self.sealers = self.registry.settings.sealers
            self.ready = True
        out = seal_mod.holding(agency, decl, self.signers, self.sealers, source)
        return sorted(out.items())


def defuse(cell: str) -> str:
    """A cell a spreadsheet would evaluate as a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def export_headers() -> list[str]:
    """The export's column headers in the current language."""
    return [i18n.t(label) for label, _ in EXPORT_FIELDS.values()]


def to_csv(
    rows: Iterator[dict[str, str]],
    columns: tuple[str, ...],
    headers: list[str] | None = None,
) -> str:
    """Plain CSV for programs (and ``pledgectl import``): UTF-8, LF, the values as they are.

    ``headers`` replaces the column keys on the header row. Not for spreadsheets:
    a CSV cannot say that a column is text, so Excel and LibreOffice turn an
    18-digit NIP into ``1.97006231996031E+17``; the workbook (``--format xlsx``) is
    what a person opens.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers if headers is not None else columns)
    for row in rows:
        writer.writerow([defuse(row.get(c, "")) for c in columns])
    return buffer.getvalue()


def export_table(rows: Iterator[dict[str, str]]) -> Iterator[list[object]]:
    """The export's rows as lists in column order, for a workbook."""
    for row in rows:
        yield [row.get(c, "") for c in EXPORT_COLUMNS]


def to_jsonl(rows: Iterator[dict[str, str]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_json(rows: Iterator[dict[str, str]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)
