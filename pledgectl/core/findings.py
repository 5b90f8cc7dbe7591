"""Findings are data: checks return them, reporters render them.

A finding's text is an English msgid (from :data:`MESSAGES`, by code) plus
parameters, rendered in the user's language at output time (JSON carries both
languages).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from pledgectl.core import i18n
from pledgectl.core.i18n import N_

SEVERITY_RANK = {"error": 2, "warning": 1, "off": 0}

# code -> (message, hint): the text of every finding, as msgids.
MESSAGES: dict[str, tuple[str, str | None]] = {
    "commitments-missing": (
        N_("does not cover checklist item(s): {missing}"),
        N_("add them to commitments = [...] if the declaration covered them"),
    ),
    "commitments-unknown": (
        N_("commitment {item!r} is not a checklist item"),
        N_("use an id from [[checklist]] in pledgectl.toml, or add the item there"),
    ),
    "coverage-incomplete": (
        N_("no complete declaration for {election}"),
        N_(
            "the findings on this agency's declarations say what is missing; `pledgectl agency show` lists them"
        ),
    ),
    "coverage-unsigned": (
        N_("{name} signed no complete declaration for {election}"),
        N_(
            "record the signature with `pledgectl sign`, or remove them from the roster if they left"
        ),
    ),
    "dates-future-date": (
        N_("date {date} is in the future"),
        N_("check the year; a declaration is recorded after it took place"),
    ),
    "dates-late-declaration": (
        N_("declared on {date}, after {election}'s voting day {voting_day}"),
        N_("check the date, or remove {election} from the declaration's elections"),
    ),
    "dates-signed-before": (
        N_("signed on {signed}, before the declaration's date {date}"),
        N_("check the signed date, or the declaration's date"),
    ),
    "duplicates-name": (
        N_("NIP {nip_} is recorded as {name!r} here and as {other!r} at {where}"),
        N_("a NIP belongs to one person: correct the NIP or the name on one side"),
    ),
    "duplicates-roster": (
        N_("NIP {nip_} is also on the roster of {other}"),
        N_("a person works for one agency: remove them from the roster they left"),
    ),
    "ids-dangling-parent": (
        N_("parent agency {parent!r} does not exist"),
        N_("add the parent agency or fix the id"),
    ),
    "ids-duplicate-agency": (
        N_("agency id {id!r} is also used by {other}"),
        N_("each agency file must have its own agency id"),
    ),
    "ids-duplicate-declaration": (
        N_("declaration id {id!r} appears twice"),
        N_("give each declaration its own id"),
    ),
    "ids-unknown-election": (
        N_("election {election!r} is not in pledgectl.toml"),
        N_("add an [[elections]] entry or fix the id"),
    ),
    "ids-unknown-kind": (
        N_("kind {kind!r} is not one of {choices}"),
        N_("use one of the kinds in policy.kinds, or add this one there"),
    ),
    "nip-appointment": (
        N_("NIP {nip_}: TMT {value} is not a month"),
        N_("digits 9-14 are the TMT (CPNS start) YYYYMM; PPPK: the year and a code 21-29"),
    ),
    "nip-appointment-future": (
        N_("NIP {nip_}: TMT {value} is more than 12 months after today"),
        N_("BKN issues a NIP at most a year before the TMT; compare with the SK"),
    ),
    "nip-appointment-young": (
        N_("NIP {nip_}: TMT {value} is before the 18th birthday"),
        None,
    ),
    "nip-birth": (
        N_("NIP {nip_}: birth date {value} is not a real past date"),
        N_("the first 8 digits are the birth date YYYYMMDD; compare with the staff record"),
    ),
    "nip-gender": (N_("NIP {nip_}: gender digit {value} must be 1 or 2"), None),
    "nip-length": (
        N_("NIP {nip_} must be 18 digits (found {count} characters)"),
        N_("write the NIP as a quoted string of 18 digits, without spaces or dots"),
    ),
    "nip-missing": (
        N_("{name} ({status}) has no NIP"),
        N_("only statuses in policy.nip_optional_for may omit it"),
    ),
    "nik-length": (
        N_("NIK {nik} must be 16 digits (found {count} characters)"),
        N_("write the NIK as a quoted string of 16 digits, as on the KTP"),
    ),
    "nik-province": (
        N_("NIK {nik}: province code {value} is not an Indonesian province"),
        N_("the first 2 digits are the province code; compare with the KTP"),
    ),
    "nik-birth": (
        N_("NIK {nik}: birth date {value} is not a real date"),
        N_("digits 7-12 are the birth date DDMMYY, with 40 added to the day for women"),
    ),
    "nik-sequence": (N_("NIK {nik}: sequence 0000 is not issued"), None),
    "nip-sequence": (N_("NIP {nip_}: sequence 000 is never issued"), None),
    "nip-status-mismatch": (
        N_("status {status} but the NIP has the {kind} shape"),
        N_(
            "PPPK numbers have 2 as the 13th digit and NON-ASN staff have no NIP; "
            "check the status or the NIP"
        ),
    ),
    "parse-conflict": (
        N_("unresolved merge conflict markers (<<<<<<< ======= >>>>>>>): a merge left unfinished"),
        N_(
            "resolve the merge first: keep the right records between the markers, "
            "delete the marker lines, then run `pledgectl fmt`"
        ),
    ),
    "parse-encoding": (N_("not UTF-8 text"), N_("save the file as UTF-8")),
    "parse-syntax": (
        N_("not valid TOML: {reason}"),
        N_("fix the TOML at this line; a missing quote, bracket or '=' is usual"),
    ),
    "parse-too-deep": (N_("nested too deeply to read"), None),
    "parse-too-large": (N_("file larger than 64 MiB"), None),
    "schema-enum": (N_("{field} {value!r} is not one of {choices}"), None),
    "schema-extra": (
        N_("unknown field {field}"),
        N_("kept as it is; check the spelling if it was meant to be a known field"),
    ),
    "schema-file-name": (
        N_("agency id {id!r} differs from the file name {file_id!r}"),
        N_("rename the file to {id}.toml or fix the id"),
    ),
    "schema-inline-records": (
        N_(
            "{field} are written as an inline array ({field} = [...]); records cannot be added to it"
        ),
        N_("run `pledgectl fmt` to rewrite them as [[...]] tables"),
    ),
    "schema-missing": (N_("required field {field} is missing"), None),
    "schema-pattern": (N_("{field} {value!r} has the wrong shape"), None),
    "schema-type": (N_("{field} should be {expected}, found {found}"), None),
    "schema-version": (
        N_("schema {found} is newer than this pledgectl understands ({known})"),
        N_("upgrade pledgectl"),
    ),
    "seals-broken": (
        N_(
            "the seal by {institution} ({principal}) no longer holds: what it covers changed since it was sealed"
        ),
        N_(
            "restore what was sealed (git diff shows the change), or ask {institution} to seal the declaration again"
        ),
    ),
    "seals-institution": (
        N_("{principal} may not seal for {institution}: not among its sealers"),
        N_(
            "list the principal in sealers of {institution} in pledgectl.toml, or have a listed sealer seal"
        ),
    ),
    "seals-invalid": (
        N_("the seal by {institution} ({principal}) is not valid: {reason}"),
        N_(
            "a seal is made with `pledgectl seal`; check allowed_signers at the registry root, or seal again"
        ),
    ),
    "seals-missing": (
        N_("no seal by {institution} holds on this declaration (policy.required_seals)"),
        N_(
            "ask {institution} to seal it: `pledgectl seal AGENCY DECL --institution {institution} --key KEY`"
        ),
    ),
    "seals-uncovered": (
        N_("records added after the last seal, not covered by it: {count}"),
        N_(
            "ask the witness institution to seal the declaration again (`pledgectl seal`) to cover them"
        ),
    ),
    "signatories-none": (
        N_("nobody has signed this declaration"),
        N_("record signatories with `pledgectl sign` or `pledgectl import`"),
    ),
    "signatories-twice": (
        N_("{who} signed this declaration twice"),
        N_("remove the second record"),
    ),
    "witnesses-expired": (
        N_("{institution} could not witness after {until} (declaration dated {date})"),
        N_("another institution must witness; its `until` date is set in pledgectl.toml"),
    ),
    "witnesses-missing": (
        N_("no witness from {institution}"),
        N_("record one with `pledgectl witness`"),
    ),
    "witnesses-unknown": (
        N_("institution {institution!r} is not in pledgectl.toml"),
        N_("use an id from [[institutions]] in pledgectl.toml, or add the institution there"),
    ),
}


class Finding(NamedTuple):
    code: str  # stable code, e.g. "nip-birth"; its text is ``MESSAGES[code]``
    check: str  # check name, e.g. "nip"
    severity: str  # error | warning
    agency: str | None
    file: str | None
    line: int | None = None
    col: int | None = None
    declaration: str | None = None
    nip: str | None = None
    params: Mapping[str, str] = MappingProxyType({})

    @property
    def msgid(self) -> str:
        """The message's msgid (a code missing from :data:`MESSAGES` stands for itself)."""
        if "message" in self.params:  # a wording the check chose for the case: an English msgid
            return self.params["message"]
        return MESSAGES.get(self.code, (self.code, None))[0]

    def message(self, lang: str | None = None) -> str:
        return i18n.t_in(lang, self.msgid, self.params)

    def hint(self, lang: str | None = None) -> str | None:
        if "hint" in self.params:  # a hint the check chose for the case: an English msgid
            return i18n.t_in(lang, self.params["hint"], self.params)
        hint = MESSAGES.get(self.code, (self.code, None))[1]
        return i18n.t_in(lang, hint, self.params) if hint else None

    def location(self) -> str:
        parts = [self.file or self.agency or "?"]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.agency or "", self.file or "", self.line or 0, self.col or 0, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "check": self.check,
            "severity": self.severity,
            "agency": self.agency,
            "declaration": self.declaration,
            "nip": self.nip,
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "message": self.message(),
            "messages": i18n.both(self.msgid, **self.params),
            "hint": self.hint(),
        }
