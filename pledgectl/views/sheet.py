"""The signing sheet (daftar tanda tangan) printed for a ceremony.

One page per declaration: agency, title, date and place, the commitments
written out in the chosen language, the witnesses, and one numbered row per
roster member with an empty signature column. HTML is self-contained and sized
for A4; CSV is for offices that lay it out themselves.
"""

from __future__ import annotations

import html
from typing import Any

from pledgectl.core import i18n
from pledgectl.core.errors import InvalidValue, PledgeError
from pledgectl.core.i18n import N_
from pledgectl.core.nip import redact
from pledgectl.core.registry import Registry
from pledgectl.core.settings import localized
from pledgectl.core.walk import declarations, records
from pledgectl.views.people import to_csv


def sheet_data(
    registry: Registry, agency_id: str, decl_id: str, redacted: bool = False
) -> dict[str, Any]:
    af = registry.read(agency_id)
    if af.data is None:
        raise PledgeError(
            N_("{file}:{line}:{col}: not valid TOML"),
            hint=N_("run `pledgectl check` for details"),
            file=str(af.path),
            line=1,
            col=1,
        )
    agency = af.data.get("agency") if isinstance(af.data.get("agency"), dict) else {}
    assert isinstance(agency, dict)
    decl = next((d for _, d in declarations(af) if d.get("id") == decl_id), None)
    if decl is None:
        known = ", ".join(str(d.get("id")) for _, d in declarations(af)) or "-"
        raise InvalidValue(
            N_("agency {agency!r} has no declaration {declaration!r} (it has: {choices})"),
            hint=N_("see `pledgectl agency show {agency}`, or record it with `pledgectl declare`"),
            agency=agency_id,
            declaration=decl_id,
            choices=known,
        )
    lang = i18n.get_lang()
    titles = {item.id: localized(item.title, lang) for item in registry.settings.checklist}
    commitments = decl.get("commitments") if isinstance(decl.get("commitments"), list) else []
    people = [p for _, p in records(af.data, "roster")] or [
        p for _, p in records(decl, "signatories")
    ]

    def nip_of(p: dict[str, Any]) -> str:
        nip = str(p.get("nip", ""))
        return redact(nip) if redacted and nip else nip

    return {
        "agency": str(agency.get("name", agency_id)),
        "agency_id": agency_id,
        "title": str(decl.get("title") or i18n.t("Neutrality declaration")),
        "kind": str(decl.get("kind", "")),
        "date": str(decl.get("date", "")),
        "place": str(decl.get("place", "")),
        "occasion": str(decl.get("occasion", "")),
        "commitments": [titles.get(str(c), str(c)) for c in commitments or []],
        "witnesses": [
            {
                "institution": str(w.get("institution", "")),
                "name": str(w.get("name", "")),
                "role": str(w.get("role", "")),
            }
            for _, w in records(decl, "witnesses")
        ],
        "rows": [
            {
                "no": str(i),
                "name": str(p.get("name", "")),
                "nip": nip_of(p),
                "position": str(p.get("position", "")),
            }
            for i, p in enumerate(people, 1)
        ],
    }


_COLUMNS = {
    "no": N_("No."),
    "name": N_("Name"),
    "nip": N_("NIP"),
    "position": N_("Position"),
    "signature": N_("Signature"),
}


def render_csv(data: dict[str, Any]) -> str:
    columns = ("no", "name", "nip", "position", "signature")
    header = {c: i18n.t(_COLUMNS[c]) for c in columns}
    rows = [header] + [{**row, "signature": ""} for row in data["rows"]]
    text = to_csv(iter(rows), columns, excel=True)
    # the first line holds the internal column ids; people read the translated header row
    return text.split("\n", 1)[1] if "\n" in text else text


def render_html(data: dict[str, Any]) -> str:
    e = html.escape
    t = i18n.t
    commitments = "".join(f"<li>{e(c)}</li>" for c in data["commitments"])
    witnesses = "".join(
        f"<li>{e(w['institution'])}: {e(w['name'])}{(' — ' + e(w['role'])) if w['role'] else ''}</li>"
        for w in data["witnesses"]
    )
    rows = "".join(
        f"<tr><td class=n>{e(r['no'])}</td><td>{e(r['name'])}</td><td class=nip>{e(r['nip'])}</td>"
        f"<td>{e(r['position'])}</td><td class=sig></td></tr>"
        for r in data["rows"]
    )
    blank = "".join(
        "<tr><td class=n></td><td></td><td></td><td></td><td class=sig></td></tr>" for _ in range(5)
    )
    meta = " · ".join(e(x) for x in (data["date"], data["place"], data["occasion"]) if x)
    heading, commitments_h, witnesses_h = (
        e(t(N_("Signing sheet"))),
        e(t(N_("Commitments"))),
        e(t(N_("Witnesses"))),
    )
    columns = "".join(f"<th>{e(t(_COLUMNS[c]))}</th>" for c in _COLUMNS)
    return f"""<!doctype html>
<html lang="{i18n.get_lang()}"><head><meta charset="utf-8">
<title>{e(data["title"])} — {e(data["agency"])}</title>
<style>
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #000; }}
h1 {{ font-size: 15pt; margin: 0 0 2mm; text-align: center; }}
h2 {{ font-size: 11pt; margin: 4mm 0 1mm; }}
p.meta {{ text-align: center; margin: 0 0 4mm; }}
table {{ width: 100%; border-collapse: collapse; }}
th, td {{ border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
td.n {{ width: 8mm; text-align: right; }} td.nip {{ font-family: monospace; width: 42mm; }}
td.sig {{ width: 40mm; height: 9mm; }}
</style></head><body>
<h1>{heading}: {e(data["title"])}</h1>
<p class="meta"><strong>{e(data["agency"])}</strong><br>{meta}</p>
<h2>{commitments_h}</h2><ol>{commitments}</ol>
<h2>{witnesses_h}</h2><ul>{witnesses or "<li>—</li>"}</ul>
<table><thead><tr>{columns}</tr></thead>
<tbody>{rows}{blank}</tbody></table>
</body></html>
"""
