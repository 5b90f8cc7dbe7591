"""Completeness, from DESIGN.md: what makes a declaration, an agency and coverage complete.

A declaration is complete when it covers every checklist item, has a witness
from every required institution valid on its date, has at least one
signatory, and has no error finding against it. An agency is complete for an
election when a complete declaration names it, and complete when it is so for
every election in ``policy.scope``. Coverage is the share of the roster who
signed a complete declaration for the election.

Pure functions over one agency's data and the settings, shared by the
``coverage`` check and by ``report``. "No error finding against it" is asked
of the per-file checks themselves (:func:`erroneous_declarations`), so the
policy's severities count here exactly as they do in ``check``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from pledgectl.checks._util import Memo, date, strings, text, text_column
from pledgectl.core.identity import person_key
from pledgectl.core.settings import Settings

if TYPE_CHECKING:
    from pledgectl.checks import Context
    from pledgectl.core.findings import Finding
    from pledgectl.core.reader import AgencyFile

# Per-file checks whose error findings make a declaration incomplete.
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
_CACHE = "declaration-errors"


def remember(af: AgencyFile, check: str, findings: Iterable[Finding | None]) -> list[Finding]:
    """Materialise a check's findings for one file and note the declarations they fault.

    Checks call this on their way out, so the ``coverage`` check (and
    ``report``) need not run them a second time on the same file.
    """
    found = [f for f in findings if f is not None]
    bad = {f.declaration for f in found if f.severity == "error" and f.declaration}
    af._extra.setdefault(_CACHE, {})[check] = bad
    return found


def erroneous_declarations(af: AgencyFile, ctx: Context) -> set[str]:
    """Ids of the declarations of ``af`` with an error finding of a per-file check.

    Checks that ran on this file already told :func:`remember`; the others run
    now. The schema check, which does not report here, is asked only about the
    declarations that could otherwise be complete.
    """
    from pledgectl.checks import load_checks

    cache: dict[str, set[str]] = af._extra.setdefault(_CACHE, {})
    missing = [n for n in DECLARATION_CHECKS if n not in cache and n != "schema"]
    if missing:
        for check in load_checks(missing):
            remember(af, check.name, check.check_file(af, ctx))
    bad: set[str] = set()
    for name in DECLARATION_CHECKS:
        bad |= cache.get(name, set())
    if "schema" not in cache:
        bad |= _schema_errors(af, ctx, bad)
    return bad


def _schema_errors(af: AgencyFile, ctx: Context, known: set[str]) -> set[str]:
    """Declarations, not yet known to be in error, with an error-level schema problem."""
    from pledgectl.checks.schema import declaration_codes

    explicit = ctx.settings.policy.checks.get("schema")
    if explicit not in (None, "error") or af.data is None:
        return set()
    raw = af.data.get("declarations")
    found: set[str] = set()
    for index, decl in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(decl, dict):
            continue
        ident = text(decl.get("id"))
        if not ident or ident in known:
            continue
        state = declaration_state(decl, ctx.settings, af._extra)
        if not state.complete(False):
            continue  # incomplete anyway: no need to ask
        for code in declaration_codes(af, index, decl):
            if code != "schema-extra" or explicit == "error":  # extras warn by default
                found.add(ident)
                break
    return found


def _person_key(person: dict[str, Any]) -> str:
    nip = person.get("nip")
    if isinstance(nip, str) and nip:
        return nip
    return person_key(None, text(person.get("name")) or "")


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


def file_state(
    af: AgencyFile, ctx: Context, elections: Iterable[str] | None = None
) -> AgencyState | None:
    """The state of a file as ``check`` judges it; None when the file cannot be read."""
    if af.data is None or not isinstance(af.data.get("agency"), dict):
        return None
    bad = erroneous_declarations(af, ctx)
    return agency_state(af.data, ctx.settings, bad, elections, af._extra)
