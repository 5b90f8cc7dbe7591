"""``seals``: witness seals that do not verify, sealers out of place, covered content changed.

For every ``[[declarations.seals]]`` record (DESIGN.md 6.4):

- ``seals-broken``: what the seal covers changed since it was made; the finding
  points at the first covered key that differs, or at its record when the record
  gained or lost a key (the seal's tags tell which);
- ``seals-invalid``: the signature does not verify over the content, or the key
  is not one ``allowed_signers`` gives the principal (at the time of the seal);
- ``seals-institution``: the principal is not among the institution's ``sealers``;
- ``seals-uncovered`` (warning): witnesses or signatories added after the last seal;
- ``seals-missing``: an institution of ``policy.required_seals`` has not sealed the
  declaration. Any error here faults the declaration, so a required seal that is
  missing, broken or invalid leaves it incomplete.

Verification runs in this process with ``cryptography``, imported only when a
file has a seal; a format 2 seal whose declaration text is unchanged is judged
without rebuilding its covered part (:func:`pledgectl.core.seal.text_region`).
The runner caches the findings per file like every check's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pledgectl.checks._util import text
from pledgectl.checks.base import Check, Context
from pledgectl.core import seal as seal_mod
from pledgectl.core.findings import Finding
from pledgectl.core.i18n import N_
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations, records

# Wordings chosen per case (``message`` param): findings are cached whatever the
# language, so nothing in them may be translated before they are shown.
UNCOVERED = {
    "witnesses": N_("witnesses recorded after the last seal, not covered by it: {count}"),
    "signatories": N_("signatories recorded after the last seal, not covered by it: {count}"),
}
BROKEN_RECORD = {
    "witnesses": N_(
        "the seal by {institution} ({principal}, line {seal_line}) no longer holds: "
        "this witness changed since it was sealed"
    ),
    "signatories": N_(
        "the seal by {institution} ({principal}, line {seal_line}) no longer holds: "
        "this signatory changed since it was sealed"
    ),
}
BROKEN_OWN = N_(
    "the seal by {institution} ({principal}, line {seal_line}) no longer holds: "
    "the declaration's own fields changed since it was sealed"
)
BROKEN_GONE = N_(
    "the seal by {institution} ({principal}) no longer holds: "
    "records it covers were removed or reordered"
)
INVALID = {
    "bad-armor": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the signature is not a readable SSH signature"
    ),
    "bad-signature": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the signature does not match the sealed content"
    ),
    "unsupported": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the key or signature type is not supported"
    ),
    "namespace": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the signature was not made for pledgectl-seal"
    ),
    "not-allowed": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the key is not in allowed_signers for this principal"
    ),
    "expired": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the key's allowed_signers entry had expired when the seal was made"
    ),
    "not-yet-valid": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the key's allowed_signers entry was not yet valid when the seal was made"
    ),
    "bad-key": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the key in the signature is not a valid key"
    ),
    "no-signers": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "the registry has no allowed_signers file"
    ),
    "malformed": N_(
        "the seal by {institution} ({principal}) is not valid: "
        "its {field} is missing or has the wrong type"
    ),
}


class SealsCheck(Check):
    name = "seals"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        settings = ctx.settings
        required = settings.policy.required_seals
        decls = list(declarations(af))
        if not required and not any("seals" in decl for _, decl in decls):
            return
        assert af.data is not None
        table = af.data.get("agency")
        agency = text(table.get("id")) if isinstance(table, dict) else None
        agency = agency or af.file_id
        signers = seal_mod.signers_at(ctx.registry.root)
        sealers = settings.sealers
        for index, decl in decls:
            ident = text(decl.get("id"))
            path = ("declarations", index)
            holding: set[str] = set()
            present: set[str] = set()  # institutions with a seal record, holding or not
            covered_w = covered_s = -1
            memo: seal_mod.Memo = {}
            for s_index, raw in records(decl, "seals"):
                s_path = (*path, "seals", s_index)
                status = seal_mod.judge(agency, decl, raw, signers, sealers, memo, (af.text, index))
                found = status.seal
                who = _who(raw)
                present.add(who[0])
                if found is not None:
                    covered_w = max(covered_w, found.covers.witnesses)
                    covered_s = max(covered_s, found.covers.signatories)
                if found is not None and not status.authorised:
                    yield ctx.finding(
                        self.name,
                        "seals-institution",
                        af,
                        path=s_path,
                        key="principal",
                        declaration=ident,
                        institution=who[0],
                        principal=who[1],
                    )
                if status.state == "broken" and found is not None:
                    yield self._broken(af, ctx, decl, path, s_path, ident, status, found, who)
                elif status.state == "invalid":
                    yield ctx.finding(
                        self.name,
                        "seals-invalid",
                        af,
                        path=s_path,
                        key="signature" if found is not None else None,
                        declaration=ident,
                        message=INVALID[status.reason],
                        field=status.detail,
                        reason=status.detail,
                        institution=who[0],
                        principal=who[1],
                    )
                elif status.holds and found is not None:
                    holding.add(found.institution)
            if covered_w >= 0:
                yield from self._uncovered(af, ctx, decl, path, ident, covered_w, covered_s)
            for institution in required:
                if institution not in present:  # a seal that fails is reported as such
                    yield ctx.finding(
                        self.name,
                        "seals-missing",
                        af,
                        path=path,
                        declaration=ident,
                        institution=institution,
                    )

    def _broken(
        self,
        af: AgencyFile,
        ctx: Context,
        decl: dict[str, Any],
        path: tuple[str | int, ...],
        s_path: tuple[str | int, ...],
        ident: str | None,
        status: seal_mod.SealStatus,
        found: seal_mod.SealRecord,
        who: tuple[str, str],
    ) -> Finding:
        seal_line = af.line(s_path)
        where = (
            None if status.record is None else seal_mod.locate(decl, status.record, found.covers)
        )
        if status.record is None:
            target, message = s_path, BROKEN_GONE
        elif where is None:
            target, message = path, BROKEN_OWN
        else:
            target, message = (*path, *where), BROKEN_RECORD[str(where[0])]
        nip = None
        if where is not None and where[0] == "signatories":
            person = decl["signatories"][where[1]]
            nip = text(person.get("nip")) if isinstance(person, dict) else None
        return ctx.finding(
            self.name,
            "seals-broken",
            af,
            path=target,
            key=status.key if status.record is not None else None,
            declaration=ident,
            nip=nip,
            message=message,
            seal_line=seal_line or "?",
            institution=who[0],
            principal=who[1],
        )

    def _uncovered(
        self,
        af: AgencyFile,
        ctx: Context,
        decl: dict[str, Any],
        path: tuple[str | int, ...],
        ident: str | None,
        covered_w: int,
        covered_s: int,
    ) -> Iterator[Finding]:
        for name, covered in (("witnesses", covered_w), ("signatories", covered_s)):
            raw = decl.get(name)
            count = len(raw) if isinstance(raw, list) else 0
            if count > covered:
                yield ctx.finding(
                    self.name,
                    "seals-uncovered",
                    af,
                    path=(*path, name, covered),
                    declaration=ident,
                    severity="warning",
                    message=UNCOVERED[name],
                    count=count - covered,
                )


def _who(raw: Any) -> tuple[str, str]:
    """The seal's institution and principal, as far as they can be read."""
    institution = raw.get("institution") if isinstance(raw, dict) else None
    principal = raw.get("principal") if isinstance(raw, dict) else None
    return (
        institution if isinstance(institution, str) else "?",
        principal if isinstance(principal, str) else "?",
    )


CHECK = SealsCheck()
