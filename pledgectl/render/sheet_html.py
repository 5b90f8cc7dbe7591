"""The signing sheet as one self-contained HTML page that prints on A4.

Laid out as an Indonesian office's *daftar hadir dan tanda tangan*: letterhead
(parent agency, then the agency, over a double rule), the title in capitals,
day/date and place, the commitments, the table of people with the signature
cells staggered (odd numbers on the left, even on the right, so neighbours do
not sign over each other), then a signature block per witness institution and
the *Mengetahui* block for the head of the agency.

Print rules: ``@page`` A4 with a binding margin, the table header repeats on
every page (``thead { display: table-header-group }``), a row is never split
across pages, the sign-off blocks stay together, page numbers in the margin.
No script, no external resource.
"""

from __future__ import annotations

import html

from pledgectl.core import i18n
from pledgectl.core.longdate import long_date, weekday
from pledgectl.views.sheet import SheetData

_CSS = """
@page { size: A4 portrait; margin: 14mm 14mm 16mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; color: #444; } }
* { box-sizing: border-box; }
html { background: #fff; }
body { font: 10pt/1.3 Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #000; margin: 0 auto; max-width: 176mm; }
.kop { text-align: center; padding-bottom: 2mm; border-bottom: 3px double #000; margin-bottom: 5mm; }
.kop .parent { font-size: 12pt; font-weight: bold; letter-spacing: .02em; }
.kop .agency { font-size: 14pt; font-weight: bold; letter-spacing: .02em; }
h1 { font-size: 12pt; text-align: center; margin: 0; line-height: 1.35; }
p.occasion { text-align: center; margin: 1mm 0 4mm; }
table.meta { border-collapse: collapse; margin: 0 0 3mm; }
table.meta td { padding: 0 2mm 0 0; vertical-align: top; border: 0; }
p.intro { margin: 2mm 0 1mm; text-align: justify; }
ol.commitments { margin: 0 0 4mm; padding-left: 7mm; }
ol.commitments li { margin: .6mm 0; text-align: justify; }
table.people { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; }
table.people th, table.people td { border: 1px solid #000; padding: .8mm 1.2mm; vertical-align: middle; }
table.people th { background: #e6e6e6; text-align: center; font-weight: bold;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.people td { height: 10mm; }
td.no { text-align: center; }
td.nip { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.sig { padding: 0; position: relative; }
td.sig span { position: absolute; top: 1mm; font-size: 8.5pt; }
td.sig.odd span { left: 1.5mm; }
td.sig.even span { left: 50%; }
tr.extra td.name::after { content: " *"; }
p.note { font-size: 8.5pt; margin: 1mm 0 0; }
.signoff { break-inside: avoid; page-break-inside: avoid; margin-top: 6mm; }
table.blocks { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.blocks td { text-align: center; padding: 0 2mm; border: 0; }
table.blocks tr.head td { vertical-align: bottom; }
table.blocks tr.sign td { vertical-align: top; padding-bottom: 6mm; }
table.blocks tbody { break-inside: avoid; page-break-inside: avoid; }
.blocks .space { height: 18mm; }
.blocks .who { font-weight: bold; text-decoration: underline; }
.blocks .dots { letter-spacing: .05em; }
.blocks .role { font-size: 9pt; }
@media screen { body { margin: 10mm auto; } }
"""

_COLGROUP = (
    '<colgroup><col style="width:8mm"><col><col style="width:40mm">'
    '<col style="width:24mm"><col style="width:36mm"><col style="width:28mm"></colgroup>'
)


def nip_display(nip: str) -> str:
    """``19720311 199703 1 002``: the NIP as printed on Indonesian documents (18 digits only)."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes, line breaks and ``<`` escaped)."""
    out = []
    for char in text:
        if char in '"\\' or char == "<" or ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def render_html(data: SheetData, decl_id: str = "") -> str:
    """The page; every value is escaped."""
    e = html.escape
    t = i18n.t
    lang = data.lang
    day = weekday(data.date, lang)
    date_text = long_date(data.date, lang) if data.date else ""
    when = f"{day}, {date_text}" if day else date_text

    kop = ""
    if data.parent:
        kop += f'<div class="parent">{e(data.parent.upper())}</div>'
    kop += f'<div class="agency">{e(data.agency.upper())}</div>'

    meta_rows = [
        (t("Day/date"), when),
        (t("Place"), data.place),
    ]
    meta = "".join(
        f"<tr><td>{e(label)}</td><td>:</td><td>{e(value)}</td></tr>"
        for label, value in meta_rows
        if value
    )
    commitments = "".join(f"<li>{e(c)}</li>" for c in data.commitments)
    intro_text = t(
        "Each of the undersigned, a civil servant of {agency}, declares that he or she:",
        agency=data.agency,
    )
    intro = (
        f'<p class="intro">{e(intro_text)}</p><ol class="commitments">{commitments}</ol>'
        if commitments
        else ""
    )
    head = "".join(
        # "Pangkat/<wbr>Golongan": the header may wrap after the slash
        f"<th>{e(label).replace('/', '/<wbr>')}</th>"
        for label in (t("No."), t("Name"), t("NIP"), t("Grade"), t("Position"), t("Signature"))
    )
    rows = []
    extra = False
    for r in data.rows:
        side = "odd" if r.no % 2 else "even"
        css = ' class="extra"' if not r.blank and not r.on_roster else ""
        extra = extra or bool(css)
        rows.append(
            f"<tr{css}><td class=no>{r.no}</td><td class=name>{e(r.name)}</td>"
            f"<td class=nip>{e(nip_display(r.nip))}</td><td>{e(r.grade)}</td>"
            f'<td>{e(r.position)}</td><td class="sig {side}"><span>{r.no}.</span></td></tr>'
        )
    note_text = t("signed this declaration but is not on the roster")
    note = f'<p class="note">* {e(note_text)}</p>' if extra else ""

    # rows of up to three blocks: the witnesses, then Mengetahui in the right-hand column.
    # Each block is two table rows, its heading (bottom-aligned) over its signature space,
    # so headings of one, two or three lines still leave the signature lines level.
    heads: list[str] = []
    signs: list[str] = []
    dots = '<div class="dots">(' + "." * 40 + ")</div>"
    for block in data.witnesses:
        heading = t("Witness for {institution}", institution=block.institution_name)
        who = f'<div class="who">{e(block.name)}</div>' if block.name else dots
        role = f'<div class="role">{e(block.role)}</div>' if block.role else ""
        heads.append(f"<td>{e(heading)}</td>")
        signs.append(f'<td><div class="space"></div>{who}{role}</td>')
    place_date = ", ".join(x for x in (data.place, date_text) if x)
    acknowledged = t("Acknowledged by,")
    head_of = t("Head of {agency}", agency=data.agency)
    nip_label = t("NIP")
    per_row = 3
    while (len(heads) + 1) % per_row:
        heads.append("<td></td>")
        signs.append("<td></td>")
    heads.append(f"<td>{e(place_date)}<br>{e(acknowledged)}<br>{e(head_of)}</td>")
    signs.append(
        f'<td><div class="space"></div>{dots}<div class="role">{e(nip_label)}. '
        + "." * 30
        + "</div></td>"
    )
    block_rows = "".join(
        f'<tbody class="block"><tr class="head">{"".join(heads[i : i + per_row])}</tr>'
        f'<tr class="sign">{"".join(signs[i : i + per_row])}</tr></tbody>'
        for i in range(0, len(heads), per_row)
    )
    signoff = f'<table class="blocks">{block_rows}</table>'
    source = t(
        "Printed by pledgectl from agency {agency}, declaration {declaration}.",
        agency=data.agency_id,
        declaration=decl_id,
    )
    # where the sheet came from, in the bottom margin of every page
    margin_note = (
        "@page { @bottom-left { content: "
        + _css_string(source)
        + '; font: 7.5pt Arial, "Liberation Sans", sans-serif; color: #555; } }'
    )
    title = t("Attendance and signing sheet")
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<title>{e(title)} — {e(data.title)} — {e(data.agency)}</title>
<style>{_CSS}{margin_note}</style>
</head>
<body>
<header class="kop">{kop}</header>
<h1>{e(title.upper())}<br>{e(data.title.upper())}</h1>
{f'<p class="occasion">{e(data.occasion)}</p>' if data.occasion else ""}
<table class="meta">{meta}</table>
{intro}
<table class="people">{_COLGROUP}
<thead><tr>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{note}
<section class="signoff">{signoff}</section>
</body>
</html>
"""
