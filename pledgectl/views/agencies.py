"""Agency listings and details for ``agency list`` and ``agency show``."""

from __future__ import annotations

from typing import Any

from pledgectl.core import i18n
from pledgectl.core.i18n import N_
from pledgectl.core.registry import Registry
from pledgectl.core.walk import declarations, records


def agency_rows(registry: Registry) -> list[dict[str, Any]]:
    rows = []
    for af in registry.iter_files():
        table = af.data.get("agency") if af.data else None
        if not isinstance(table, dict):
            rows.append({"id": af.file_id, "readable": False})
            continue
        decls = list(declarations(af))
        rows.append(
            {
                "id": af.file_id,
                "readable": True,
                "name": str(table.get("name", "")),
                "region": str(table.get("region", "")),
                "parent": table.get("parent"),
                "declarations": len(decls),
                "signatories": sum(len(list(records(d, "signatories"))) for _, d in decls),
            }
        )
    return rows


def agency_detail(registry: Registry, agency_id: str) -> dict[str, Any]:
    af = registry.read(agency_id)
    if af.data is None:
        from pledgectl.core.errors import PledgeError

        problem = af.problem
        raise PledgeError(
            N_("{file}:{line}:{col}: not valid TOML"),
            hint=N_("run `pledgectl check` for details"),
            file=str(af.path),
            line=problem.line if problem else 1,
            col=problem.col if problem else 1,
        )
    return af.data


def render_agency_detail(data: dict[str, Any]) -> str:
    region_h = i18n.t(N_("region"))
    parent_h = i18n.t(N_("parent"))
    roster_h = i18n.t(N_("roster"))
    witness_h = i18n.t(N_("witness"))
    signatories_h = i18n.t(N_("signatories"))
    agency = data.get("agency", {}) if isinstance(data.get("agency"), dict) else {}
    lines = [
        f"{agency.get('id', '?')}: {agency.get('name', '')}",
        f"  {region_h}: {agency.get('region', '')}",
    ]
    if agency.get("parent"):
        lines.append(f"  {parent_h}: {agency['parent']}")
    roster = data.get("roster")
    if isinstance(roster, list):
        lines.append(f"  {roster_h}: {len(roster)}")
    for decl in data.get("declarations", []) if isinstance(data.get("declarations"), list) else []:
        if not isinstance(decl, dict):
            continue
        elections = ", ".join(decl.get("elections", []) or [])
        lines.append("")
        lines.append(f"  {decl.get('id')}  {decl.get('kind')}  {decl.get('date')}  [{elections}]")
        if decl.get("title"):
            lines.append(f"    {decl['title']}")
        for w in decl.get("witnesses", []) or []:
            if isinstance(w, dict):
                role = f" ({w['role']})" if w.get("role") else ""
                lines.append(f"    {witness_h}: {w.get('institution')} {w.get('name')}{role}")
        signatories = [s for s in decl.get("signatories", []) or [] if isinstance(s, dict)]
        lines.append(f"    {signatories_h}: {len(signatories)}")
        for s in signatories:
            lines.append(f"      {s.get('nip', '-'):<18}  {s.get('name')}  {s.get('status')}")
    return "\n".join(lines) + "\n"
