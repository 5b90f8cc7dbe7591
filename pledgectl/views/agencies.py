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
    _judge_seals(registry, af.data)
    return af.data


def seal_state_text(status: dict[str, Any]) -> str:
    """A seal's verdict as a person reads it: verified, broken, invalid (why), not a sealer."""
    state = status.get("state")
    if state == "valid":
        text = i18n.t("verified")
    elif state == "broken":
        text = i18n.t(
            "BROKEN: covered content changed ({record})", record=status.get("record", "?")
        )
    else:
        text = i18n.t("INVALID: {reason}", reason=status.get("reason", ""))
    if not status.get("sealer", True):
        text += "; " + i18n.t("the principal is not a sealer of this institution")
    return text


def _judge_seals(registry: Registry, data: dict[str, Any]) -> None:
    """Add a ``status`` to every seal of ``data``: what ``check`` would say of it."""
    from pledgectl.core import seal as seal_mod

    raw = data.get("declarations")
    decls = [d for d in raw if isinstance(d, dict)] if isinstance(raw, list) else []
    if not any(isinstance(d.get("seals"), list) for d in decls):
        return
    table = data.get("agency")
    agency = str(table.get("id", "")) if isinstance(table, dict) else ""
    signers = seal_mod.signers_at(registry.root)
    sealers = registry.settings.sealers
    for decl in decls:
        seals = decl.get("seals")
        if not isinstance(seals, list):
            continue
        memo: seal_mod.Memo = {}
        judged = [seal_mod.judge(agency, decl, s, signers, sealers, memo) for s in seals]
        for index, (seal, status) in enumerate(zip(seals, judged, strict=True)):
            if not isinstance(seal, dict):
                continue
            out: dict[str, Any] = {"state": status.state, "sealer": status.authorised}
            if status.state == "invalid":
                out["reason"] = i18n.t(seal_mod.REASONS[status.reason], field=status.detail)
            if status.state == "broken" and status.seal is not None:
                where = (
                    seal_mod.locate(decl, status.record, status.seal.covers)
                    if status.record is not None
                    else ("?", -1)
                )
                out["record"] = _broken_record(decl, where, status.key)
            seals[index] = {**seal, "status": out}


def _broken_record(decl: dict[str, Any], where: tuple[str, int] | None, key: str | None) -> str:
    """Which covered record a broken seal found changed (and which of its keys, if known)."""
    if where is None:
        found = i18n.t("the declaration's own fields")
    elif where[0] in ("witnesses", "signatories"):
        record = decl[where[0]][where[1]]
        name = record.get("name") if isinstance(record, dict) else None
        msgid = (
            N_("witness {number}: {name}")
            if where[0] == "witnesses"
            else N_("signatory {number}: {name}")
        )
        found = i18n.t(msgid, number=where[1] + 1, name=name if isinstance(name, str) else "?")
    else:
        return i18n.t("records it covers were removed or reordered")
    return found if key is None else i18n.t("{record}, field {key}", record=found, key=key)


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
        for seal in decl.get("seals", []) or []:
            if not isinstance(seal, dict):
                continue
            found = seal.get("covers")
            covers: dict[str, Any] = found if isinstance(found, dict) else {}
            lines.append(
                "    "
                + i18n.t(
                    "seal: {institution} ({principal}), {when}, covers {witnesses} witnesses "
                    "and {signatories} signatories: {state}",
                    institution=seal.get("institution", "?"),
                    principal=seal.get("principal", "?"),
                    when=seal.get("sealed_at", "?"),
                    witnesses=covers.get("witnesses", "?"),
                    signatories=covers.get("signatories", "?"),
                    state=seal_state_text(seal.get("status", {})),
                )
            )
    return "\n".join(lines) + "\n"
