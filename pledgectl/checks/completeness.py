"""Completeness, from DESIGN.md: what makes a declaration, an agency and coverage complete.

A declaration is complete when it covers every checklist item, has a witness
from every required institution valid on its date, has at least one
signatory, and has no error finding against it. An agency is complete for an
election when a complete declaration names it, and complete when it is so for
every election in ``policy.scope``. Coverage is the share of the roster who
signed a complete declaration for the election.

Pure functions over one agency's data, the settings and the ids of the
declarations that have an error finding (:func:`faulted_declarations`, from
the findings of the per-file checks on the same file, so the policy's
severities count here exactly as they do in ``check``). They live with the
checks because the ``coverage`` check needs them and a check may import only
:mod:`pledgectl.core` and its siblings; the engine (which runs the checks and
hands ``coverage`` the faulted ids) and ``report`` use them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from pledgectl.checks._util import Memo, date, strings, text, text_column
from pledgectl.core.findings import Finding
from pledgectl.core.identity import person_key
from pledgectl.core.settings import Settings

# Per-file checks whose error findings make a declaration incomplete.
# Per-file checks whose error findings make a declaration incomplete. ``seals``: a seal
# that is broken, invalid or out of place, or one policy.required_seals asks for and
# that is missing (seals-missing), leaves the declaration incomplete.
DECLARATION_CHECKS = (
    "schema",
    "ids",
    "nip",
    "commitments",
    "witnesses",
    "signatories",
    "dates",
    "seals",
)


def faulted_declarations(
    findings: Iterable[Finding], checks: Iterable[str] = DECLARATION_CHECKS
) -> set[str]:
    """Ids of the declarations with an error finding of one of ``checks``."""
    wanted = set(checks)
    return {
        f.declaration
        for f in findings
        if f.severity == "error" and f.declaration and f.check in wanted
    }


def _person_key(person: dict[str, Any]) -> str:
    nip = person.get("nip")
    if isinstance(nip, str) and nip:
        return nip
    return person_key(None, text(person.get("name")) or "", text(person.get("nik")))


class DeclarationState:
    """One declaration's completeness, filled in by :func:`declaration_state`."""

    def __init__(self, id: str, elections: list[str], named: bool = True) -> None:
        self.id = id
        self.elections = elections
        self.named = named  # has a usable id
        self.missing_commitments: list[str] = []
        self.witnesses_present: list[str] = []  # required ones, valid on the date
        self.missing_witnesses: list[str] = []
        self.signatories = 0
        self.signers: set[str] = set()
        self.erroneous = False

    def complete(self, erroneous: bool | None = None) -> bool:
        bad = self.erroneous if erroneous is None else erroneous
        return (
            self.named
            and not (self.missing_commitments or self.missing_witnesses or bad)
            and self.signatories > 0
        )


def declaration_state(
    decl: dict[str, Any], settings: Settings, memo: Memo | None = None
) -> DeclarationState:
    """One declaration's completeness; ``memo``: the file's, shared with the checks."""
    ident = text(decl.get("id"))
    state = DeclarationState(ident or "?", strings(decl.get("elections")), named=bool(ident))
    covered = set(strings(decl.get("commitments")))
    state.missing_commitments = [c for c in settings.checklist_ids if c not in covered]
    when = date(decl.get("date"))
    present: set[str] = set()
    raw_witnesses = decl.get("witnesses")
    for w in raw_witnesses if isinstance(raw_witnesses, list) else []:
        if not isinstance(w, dict):
            continue
        institution = settings.institutions.get(text(w.get("institution")) or "")
        if institution is None:
            continue
        if institution.until is not None and when is not None and when > institution.until:
            continue
        present.add(institution.id)
    required = settings.policy.required_witnesses
    state.witnesses_present = [i for i in required if i in present]
    state.missing_witnesses = [i for i in required if i not in present]
    raw_signatories = decl.get("signatories")
    if not isinstance(raw_signatories, list):
        return state
    nips = text_column(raw_signatories, "nip", memo)
    if nips is not None:  # everyone by NIP: the keys are the NIPs
        state.signatories = len(nips)
        state.signers = set(nips)
        return state
    for s in raw_signatories:
        if isinstance(s, dict):
            state.signatories += 1
            state.signers.add(_person_key(s))
    return state


class AgencyState(NamedTuple):
    """One agency's completeness for each election in scope, and its roster's coverage."""

    declarations: list[DeclarationState]
    complete_for: dict[str, bool]
    roster: list[tuple[str, str]]  # (person key, display name)
    covered: dict[str, set[str]]  # election -> person keys who signed a complete declaration

    def signed(self, election: str) -> int:
        done = self.covered.get(election, set())
        return sum(1 for key, _ in self.roster if key in done)

    def coverage(self, election: str) -> float | None:
        """Percentage of the roster covered for ``election``, one decimal; None without a roster."""
        if not self.roster:
            return None
        return round(100.0 * self.signed(election) / len(self.roster), 1)

    def unsigned(self, election: str) -> list[int]:
        """Roster indexes of the people who signed no complete declaration for ``election``."""
        done = self.covered.get(election, set())
        return [i for i, (key, _) in enumerate(self.roster) if key not in done]

    @property
    def complete(self) -> bool:
        return all(self.complete_for.values())


def agency_state(
    data: dict[str, Any],
    settings: Settings,
    erroneous: Iterable[str] = (),
    elections: Iterable[str] | None = None,
    memo: Memo | None = None,
) -> AgencyState:
    """Completeness of one agency's data for every election in ``policy.scope`` (or ``elections``)."""
    bad = set(erroneous)
    raw = data.get("declarations")
    decls = [
        declaration_state(d, settings, memo)
        for d in (raw if isinstance(raw, list) else [])
        if isinstance(d, dict)
    ]
    for d in decls:
        d.erroneous = d.id in bad
    complete_for: dict[str, bool] = {}
    covered: dict[str, set[str]] = {}
    for election in settings.policy.scope if elections is None else elections:
        good = [d for d in decls if election in d.elections and d.complete()]
        complete_for[election] = bool(good)
        covered[election] = set().union(*(d.signers for d in good)) if good else set()
    roster = []
    raw_roster = data.get("roster")
    for person in raw_roster if isinstance(raw_roster, list) else []:
        if isinstance(person, dict):
            roster.append((_person_key(person), text(person.get("name")) or "?"))
    return AgencyState(decls, complete_for, roster, covered)
