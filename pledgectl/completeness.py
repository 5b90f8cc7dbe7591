"""Completeness, from DESIGN.md: what makes a declaration, an agency and coverage complete.

A declaration is complete when it covers every checklist item, has a witness
from every required institution valid on its date, has at least one
signatory, and has no error finding against it. Pure functions over one
agency's data and the settings, shared by the ``coverage`` check and reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pledgectl.checks._util import date, strings, text
from pledgectl.settings import Settings


@dataclass
class DeclarationState:
    id: str
    elections: list[str]
    missing_commitments: list[str] = field(default_factory=list)
    missing_witnesses: list[str] = field(default_factory=list)
    signatories: int = 0
    signers: set[str] = field(default_factory=set)

    def complete(self, erroneous: bool = False) -> bool:
        return (
            not (self.missing_commitments or self.missing_witnesses or erroneous)
            and self.signatories > 0
        )


def declaration_state(decl: dict[str, Any], settings: Settings) -> DeclarationState:
    state = DeclarationState(text(decl.get("id")) or "?", strings(decl.get("elections")))
    covered = set(strings(decl.get("commitments")))
    state.missing_commitments = [c for c in settings.checklist_ids if c not in covered]
    when = date(decl.get("date"))
    present: set[str] = set()
    for w in decl.get("witnesses", []) if isinstance(decl.get("witnesses"), list) else []:
        if not isinstance(w, dict):
            continue
        institution = settings.institutions.get(text(w.get("institution")) or "")
        if institution is None:
            continue
        if institution.until is not None and when is not None and when > institution.until:
            continue
        present.add(institution.id)
    state.missing_witnesses = [i for i in settings.policy.required_witnesses if i not in present]
    for s in decl.get("signatories", []) if isinstance(decl.get("signatories"), list) else []:
        if isinstance(s, dict):
            state.signatories += 1
            who = text(s.get("nip")) or ("name:" + (text(s.get("name")) or "")).casefold()
            state.signers.add(who)
    return state


@dataclass
class AgencyState:
    declarations: list[DeclarationState]
    complete_for: dict[str, bool]
    roster: list[tuple[str, str]]  # (key, display name)
    covered: dict[str, set[str]]  # election -> roster keys who signed a complete declaration

    def coverage(self, election: str) -> float | None:
        if not self.roster:
            return None
        signed = sum(1 for key, _ in self.roster if key in self.covered.get(election, set()))
        return round(100.0 * signed / len(self.roster), 1)

    @property
    def complete(self) -> bool:
        return all(self.complete_for.values())


def agency_state(
    data: dict[str, Any], settings: Settings, erroneous: Iterable[str] = ()
) -> AgencyState:
    bad = set(erroneous)
    decls = (
        [
            declaration_state(d, settings)
            for d in data.get("declarations", [])
            if isinstance(d, dict)
        ]
        if isinstance(data.get("declarations"), list)
        else []
    )
    complete_for: dict[str, bool] = {}
    covered: dict[str, set[str]] = {}
    for election in settings.policy.scope:
        good = [d for d in decls if election in d.elections and d.complete(d.id in bad)]
        complete_for[election] = bool(good)
        covered[election] = set().union(*(d.signers for d in good)) if good else set()
    roster = []
    for person in data.get("roster", []) if isinstance(data.get("roster"), list) else []:
        if isinstance(person, dict):
            key = text(person.get("nip")) or ("name:" + (text(person.get("name")) or "")).casefold()
            roster.append((key, text(person.get("name")) or "?"))
    return AgencyState(decls, complete_for, roster, covered)
