"""The coverage report: per agency (or region, or election) declarations, witnesses, coverage.

:func:`build_report` reads the registry one agency at a time and keeps a small
row per agency; completeness is :mod:`pledgectl.checks.completeness`'s, exactly as
``check`` judges it. An unreadable agency file is a row marked so, never an
error. The renderers (table rows, Markdown, HTML, CSV) are pure functions of
the :class:`Report`; only the chosen one imports what it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pledgectl.core import i18n
from pledgectl.core.i18n import N_
from pledgectl.core.registry import Registry
from pledgectl.core.settings import localized

BY = ("agency", "region", "election")
FORMATS = ("table", "markdown", "html", "csv", "xlsx")

# an agency's status, as the report shows it
STATUS = {
    "complete": N_("complete"),
    "incomplete": N_("incomplete"),
    "unreadable": N_("unreadable"),
}


@dataclass
class AgencyRow:
    agency: str
    name: str = ""
    region: str = ""
    readable: bool = True
    declarations: int = 0
    seals: int = 0  # declarations with a seal record
    sealed: int = 0  # declarations with a seal that holds
    witnesses: int = 0  # required institutions present on the best declaration
    signatories: int = 0  # distinct people who signed any declaration
    roster: int = 0
    complete_for: dict[str, bool] = field(default_factory=dict)  # every election in settings
    signed: dict[str, int] = field(default_factory=dict)  # election -> roster members covered
    naming: dict[str, int] = field(default_factory=dict)  # election -> declarations naming it
    signers_for: dict[str, int] = field(default_factory=dict)  # election -> signers, complete

    def complete(self, scope: Iterable[str]) -> bool:
        return self.readable and all(self.complete_for.get(e, False) for e in scope)

    def status(self, scope: Iterable[str]) -> str:
        if not self.readable:
            return "unreadable"
        return "complete" if self.complete(scope) else "incomplete"


@dataclass
class Report:
    """Every agency's row, and the settings' view needed to show them."""

    rows: list[AgencyRow]
    scope: list[str]
    elections: dict[str, str]  # id -> name in the current language
    required: int  # required witness institutions

    def coverage(self, signed: int, roster: int) -> float | None:
        return round(100.0 * signed / roster, 1) if roster else None


def build_report(registry: Registry, today: dt.date | None = None) -> Report:
    """Read every agency file, one at a time; unreadable ones become marked rows."""
    from pledgectl.checks.base import Context
    from pledgectl.core.errors import PledgeError
    from pledgectl.core.reader import read_agency
    from pledgectl.engine.plan import declaration_plan, file_state

    settings = registry.settings
    ctx = Context(registry, settings, today or dt.date.today())
    plan = declaration_plan(settings)  # the checks whose errors fault a declaration
    lang = i18n.get_lang()
    elections = list(settings.elections)
    report = Report(
        [],
        list(settings.policy.scope),
        {e.id: localized(e.name, lang) for e in settings.elections.values()},
        len(settings.policy.required_witnesses),
    )
    for path in registry.agency_paths():
        row = AgencyRow(path.name.removesuffix(".toml"))
        report.rows.append(row)
        try:
            af = read_agency(path)
        except PledgeError:
            row.readable = False
            continue
        state = file_state(af, ctx, elections, plan)
        if state is None or af.data is None:
            row.readable = False
            continue
        table = af.data["agency"]
        row.name = table.get("name") if isinstance(table.get("name"), str) else ""
        row.region = table.get("region") if isinstance(table.get("region"), str) else ""
        row.declarations = len(state.declarations)
        row.seals, row.sealed = _sealed_count(registry, af.data, af.text)
        row.witnesses = max((len(d.witnesses_present) for d in state.declarations), default=0)
        row.signatories = len(set().union(*(d.signers for d in state.declarations)))
        row.roster = len(state.roster)
        for election in elections:
            row.complete_for[election] = state.complete_for.get(election, False)
            row.signed[election] = state.signed(election)
            row.naming[election] = sum(1 for d in state.declarations if election in d.elections)
            row.signers_for[election] = len(state.covered.get(election, set()))
    return report


def _sealed_count(registry: Registry, data: dict[str, object], text: str) -> tuple[int, int]:
    """How many of the agency's declarations carry a seal, and how many one that holds."""
    raw = data.get("declarations")
    decls = (
        [(i, d) for i, d in enumerate(raw) if isinstance(d, dict)] if isinstance(raw, list) else []
    )
    with_seals = sum(1 for _, d in decls if d.get("seals"))
    if not with_seals:
        return 0, 0
    from pledgectl.core import seal as seal_mod

    table = data.get("agency")
    agency = str(table.get("id", "")) if isinstance(table, dict) else ""
    signers = seal_mod.signers_at(registry.root)
    sealers = registry.settings.sealers
    return with_seals, sum(
        1 for i, d in decls if seal_mod.holding(agency, d, signers, sealers, (text, i))
    )


# -- the table every format shows --------------------------------------------------------


@dataclass
class Column:
    key: str  # stable, for CSV headers and tests
    label: str  # in the current language
    kind: str = "text"  # text | code (an identifier: text in a workbook) | int | pct | status


@dataclass
class Grid:
    title: str
    columns: list[Column]
    rows: list[list[object]]  # cells: str, int, float (percent) or None (no value)
    total: list[object] | None = None


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def grid(report: Report, by: str = "agency") -> Grid:
    """The report as a table of typed cells, grouped ``by`` agency, region or election."""
    if by == "region":
        return _by_region(report)
    if by == "election":
        return _by_election(report)
    return _by_agency(report)


def _coverage_columns(report: Report) -> list[Column]:
    return [
        Column(f"coverage:{e}", i18n.t("coverage {election}", election=e), "pct")
        for e in report.scope
    ]


def _by_agency(report: Report) -> Grid:
    columns = [
        Column("agency", i18n.t("agency")),
        Column("name", i18n.t("name")),
        Column("region", i18n.t("region"), "code"),
        Column("declarations", i18n.t("declarations"), "int"),
        Column("witnesses", i18n.t("witnesses")),
        Column("signatories", i18n.t("signatories"), "int"),
        Column("roster", i18n.t("roster"), "int"),
        *_coverage_columns(report),
        Column("status", i18n.t("status"), "status"),
    ]
    rows: list[list[object]] = []
    for r in report.rows:
        status = r.status(report.scope)
        if not r.readable:
            rows.append(
                [
                    r.agency,
                    "",
                    "",
                    None,
                    None,
                    None,
                    None,
                    *([None] * len(report.scope)),
                    status,
                ]
            )
            continue
        rows.append(
            [
                r.agency,
                r.name,
                r.region,
                r.declarations,
                f"{r.witnesses}/{report.required}",
                r.signatories,
                r.roster,
                *(report.coverage(r.signed[e], r.roster) for e in report.scope),
                status,
            ]
        )
    readable = [r for r in report.rows if r.readable]
    roster = sum(r.roster for r in readable)
    complete = sum(1 for r in report.rows if r.complete(report.scope))
    total: list[object] = [
        i18n.t("total"),
        i18n.t("{complete} of {total} complete", complete=complete, total=len(report.rows)),
        "",
        sum(r.declarations for r in readable),
        "",
        sum(r.signatories for r in readable),
        roster,
        *(report.coverage(sum(r.signed[e] for r in readable), roster) for e in report.scope),
        "",
    ]
    if any(r.seals for r in readable):  # a registry that seals
        columns.insert(4, Column("sealed", i18n.t("sealed"), "int"))
        for r, row in zip(report.rows, rows, strict=True):
            row.insert(4, r.sealed if r.readable else None)
        total.insert(4, sum(r.sealed for r in readable))
    return Grid(i18n.t("Neutrality declarations: coverage per agency"), columns, rows, total)


def _by_region(report: Report) -> Grid:
    columns = [
        Column("region", i18n.t("region"), "code"),
        Column("agencies", i18n.t("agencies"), "int"),
        Column("complete", i18n.t("complete"), "int"),
        Column("declarations", i18n.t("declarations"), "int"),
        Column("signatories", i18n.t("signatories"), "int"),
        Column("roster", i18n.t("roster"), "int"),
        *_coverage_columns(report),
    ]
    groups: dict[str, list[AgencyRow]] = {}
    for r in report.rows:
        groups.setdefault(r.region or "?", []).append(r)
    rows: list[list[object]] = []
    for region in sorted(groups):
        members = groups[region]
        roster = sum(r.roster for r in members)
        rows.append(
            [
                region,
                len(members),
                sum(1 for r in members if r.complete(report.scope)),
                sum(r.declarations for r in members),
                sum(r.signatories for r in members),
                roster,
                *(
                    report.coverage(sum(r.signed.get(e, 0) for r in members), roster)
                    for e in report.scope
                ),
            ]
        )
    return Grid(
        i18n.t("Neutrality declarations: coverage per region"),
        columns,
        rows,
        _sum_total(rows, report, 1),
    )


def _by_election(report: Report) -> Grid:
    columns = [
        Column("election", i18n.t("election")),
        Column("name", i18n.t("name")),
        Column("in_scope", i18n.t("in scope")),
        Column("agencies", i18n.t("agencies"), "int"),
        Column("complete", i18n.t("complete"), "int"),
        Column("declarations", i18n.t("declarations"), "int"),
        Column("signatories", i18n.t("signatories (complete)"), "int"),
        Column("roster", i18n.t("roster"), "int"),
        Column("coverage", i18n.t("coverage"), "pct"),
    ]
    rows: list[list[object]] = []
    roster = sum(r.roster for r in report.rows)
    for election, name in report.elections.items():
        rows.append(
            [
                election,
                name,
                i18n.t(N_("yes") if election in report.scope else N_("no")),
                len(report.rows),
                sum(1 for r in report.rows if r.complete_for.get(election, False)),
                sum(r.naming.get(election, 0) for r in report.rows),
                sum(r.signers_for.get(election, 0) for r in report.rows),
                roster,
                report.coverage(sum(r.signed.get(election, 0) for r in report.rows), roster),
            ]
        )
    return Grid(i18n.t("Neutrality declarations: coverage per election"), columns, rows)


def _sum_total(rows: list[list[object]], report: Report, first: int) -> list[object]:
    """A totals row: sums of the count columns, pooled coverage."""
    total: list[object] = [i18n.t("total")]
    width = len(rows[0]) if rows else first + 5 + len(report.scope)
    counts = width - len(report.scope)
    sums = [
        sum(v for row in rows if isinstance(v := row[index], int)) for index in range(first, counts)
    ]
    total.extend(sums)
    roster = sums[-1] if sums else 0
    readable = [r for r in report.rows if r.readable]
    for e in report.scope:
        total.append(report.coverage(sum(r.signed.get(e, 0) for r in readable), roster))
    return total


# -- renderers ---------------------------------------------------------------------------


def cell_text(value: object, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return _pct(value if isinstance(value, float) else None)
    if kind == "status":
        return i18n.t(STATUS.get(str(value), str(value)))
    return str(value)


def text_rows(g: Grid) -> tuple[list[str], list[list[str]]]:
    """Headers and rows as strings, for the terminal table."""
    headers = [c.label for c in g.columns]
    rows = [[cell_text(v, c.kind) for v, c in zip(row, g.columns, strict=True)] for row in g.rows]
    if g.total is not None:
        rows.append(
            [
                "" if v == "" else cell_text(v, c.kind if c.kind != "status" else "text")
                for v, c in zip(g.total, g.columns, strict=True)
            ]
        )
    return headers, rows


def render_markdown(g: Grid) -> str:
    """A GitHub-flavoured Markdown table that pastes into a ticket."""

    def esc(text: str) -> str:
        # names are data, not markup: a Markdown viewer renders raw HTML, so it is escaped
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    headers, rows = text_rows(g)
    align = ["---:" if c.kind in ("int", "pct") else "---" for c in g.columns]
    out = [f"## {esc(g.title)}", ""]
    out.append("| " + " | ".join(esc(h) for h in headers) + " |")
    out.append("| " + " | ".join(align) + " |")
    for index, row in enumerate(rows):
        cells = [esc(c) for c in row]
        if g.total is not None and index == len(rows) - 1:
            cells = [f"**{c}**" if c else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """A cell Excel will not run as a formula: a leading quote before = + - @ tab CR."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(g: Grid) -> str:
    """CSV (UTF-8 with a BOM, CRLF, no formulas), headers and status in the current language.

    For programs; a CSV cannot keep region codes as text in a spreadsheet (14.10
    becomes 14.1), so the workbook (``--format xlsx``) is what a person opens.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.label for c in g.columns])
    for row in g.rows:
        cells = []
        for value, column in zip(row, g.columns, strict=True):
            if value is None:
                cells.append("")
            elif column.kind == "pct" and isinstance(value, float):
                cells.append(f"{value:.1f}")
            elif column.kind == "status":
                cells.append(cell_text(value, "status"))
            else:
                cells.append(defuse(str(value)))
        writer.writerow(cells)
    return "\ufeff" + buffer.getvalue()


def subtitle(report: Report) -> str:
    """What the report measures, in one line."""
    scope = ", ".join(f"{e} ({report.elections.get(e, e)})" for e in report.scope)
    return i18n.t(
        "Elections in scope: {scope}. Agencies: {agencies}. A declaration counts when it is complete.",
        scope=scope or "–",
        agencies=len(report.rows),
    )
