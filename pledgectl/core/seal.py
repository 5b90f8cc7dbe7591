"""What a witness seal signs: the seal content, defined once and versioned.

A seal covers a declaration's own fields and its first N witnesses and first M
signatories, in file order. Their *covered part* is one line per record in a
canonical serialisation that depends only on the parsed values (not on how
the file spells them), so ``fmt``, a comment or a reordered key never breaks
a seal, and any change of a covered value always does. Format 1::

    format = "pledgectl-seal-content/1"
    institution = "KPU"
    principal = "kpu-pekanbaru"
    sealed_at = 2026-12-01T20:30:00+00:00
    covers = { witnesses = 2, signatories = 3 }
    digest = "sha256:<hex of the SHA-256 of the covered part>"

    agency = "pekanbaru-bkpsdm"
    declaration = { commitments = [...], date = 2023-11-29, elections = [...], id = "...", ... }
    witness = { institution = "KPU", name = "...", role = "..." }
    signatory = { name = "...", nip = "...", signed = 2023-11-29, status = "PNS" }

The lines before the blank line are the *header* (the seal's own fields), the
lines after it the covered part: ``agency`` and ``declaration`` (every key of
the declaration except its ``witnesses``, ``signatories`` and ``seals``), then
N ``witness`` and M ``signatory`` lines. In a record, keys are sorted by code
point; a key is bare when it matches ``[A-Za-z0-9_-]+``, else quoted. Values:
strings as JSON strings (UTF-8, ``"`` ``\\`` and control characters escaped),
integers in decimal, ``true``/``false``, floats as Python's shortest repr,
dates, times and date-times in ISO 8601 (an offset as ``+HH:MM``), arrays as
``[a, b]``, tables as ``{ k = v, ... }`` with sorted keys (``{}`` when empty).
Every line ends in ``\\n``. The signature (``ssh-keygen -Y sign -n
pledgectl-seal``) is over the whole content; the digest is over the covered
part, so two seals of the same records share it.

Each seal also keeps ``tags``: four base64url characters per covered record (the
first three bytes of its line's SHA-256; the agency and declaration lines
count as one record), so a broken seal can point at the first record that
changed. Tags only locate; the digest and the signature are the proof.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from json.encoder import py_encode_basestring
from operator import itemgetter
from typing import Any, NamedTuple

from pledgectl.core.i18n import N_

try:  # the C encoder: a 200,000-signatory registry has a million strings to spell
    from _json import encode_basestring as _encode_str
except ImportError:  # pragma: no cover - CPython always has it
    _encode_str = py_encode_basestring

FORMAT = "pledgectl-seal-content/1"
NAMESPACE = "pledgectl-seal"
RECORDS = ("witnesses", "signatories", "seals")  # a declaration's record arrays
TAG_CHARS = 4  # base64 characters per record: 3 bytes of SHA-256
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_KEYS: dict[str, str] = {}


class Covers(NamedTuple):
    witnesses: int
    signatories: int


# covers -> (covered lines, their digest, their bytes): built once per declaration
Memo = dict[Covers, tuple[list[str], str, bytes]]


def _key(name: str) -> str:
    spelled = _KEYS.get(name)
    if spelled is None:
        spelled = name if _BARE.match(name) else _encode_str(name)
        if len(_KEYS) < 4096:
            _KEYS[name] = spelled
    return spelled


def value(v: Any) -> str:
    """One value in the content's canonical spelling (see the module's documentation)."""
    kind = type(v)
    if kind is str:
        return str(_encode_str(v))
    if kind is dt.date:
        return str(v.isoformat())
    if kind is bool:
        return "true" if v else "false"
    if kind is int:
        return str(v)
    if isinstance(v, str):
        return str(_encode_str(str(v)))
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, float):
        return repr(float(v))
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return str(v.isoformat())
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, Mapping):
        return table(v)
    raise TypeError(f"not a TOML value: {type(v).__name__}")


def table(record: Mapping[str, Any]) -> str:
    """A table on one line: ``{ k = v, ... }``, keys sorted."""
    if not record:
        return "{}"
    return "{ " + ", ".join(_key(k) + " = " + value(record[k]) for k in sorted(record)) + " }"


def own_fields(decl: Mapping[str, Any]) -> dict[str, Any]:
    """The declaration's own fields: everything but its record arrays."""
    return {k: v for k, v in decl.items() if k not in RECORDS}


def _records(decl: Mapping[str, Any], name: str) -> list[Any]:
    raw = decl.get(name)
    return raw if isinstance(raw, list) else []


def covered_lines(agency: str, decl: Mapping[str, Any], covers: Covers) -> list[str]:
    """The covered part, one string per record: the own record first (two lines), then
    each covered witness and signatory that exists (fewer than ``covers`` when some are gone)."""
    own = f"agency = {_encode_str(agency)}\ndeclaration = {table(own_fields(decl))}\n"
    out = [own]
    out.extend(record_lines("witness", _records(decl, "witnesses")[: covers.witnesses]))
    out.extend(record_lines("signatory", _records(decl, "signatories")[: covers.signatories]))
    return out


_DATE_ISO = dt.date.isoformat


def record_lines(name: str, records: list[Any]) -> list[str]:
    """``name = { ... }\\n`` for each record; a list of like records is spelled column by
    column in C loops (the same bytes as :func:`value`, a test holds it to that)."""
    if not records:
        return []
    first = records[0]
    if type(first) is dict and first and set(map(type, records)) == {dict}:
        keys = sorted(first)
        if set(map(len, records)) == {len(keys)}:
            try:  # every record has every key of the first, and no other: one layout
                rows = list(map(itemgetter(*keys), records))
            except KeyError:
                rows = None
            if rows is not None:
                columns = [rows] if len(keys) == 1 else list(zip(*rows, strict=True))
                encoded = []
                for column in columns:
                    kinds = set(map(type, column))
                    if kinds == {str}:
                        encoded.append(map(_encode_str, column))
                    elif kinds == {dt.date}:
                        encoded.append(map(_DATE_ISO, column))
                    else:
                        encoded.append(map(value, column))
                template = (
                    name
                    + " = { "
                    + ", ".join(_key(k).replace("%", "%%") + " = %s" for k in keys)
                    + " }\n"
                )
                return list(map(template.__mod__, zip(*encoded, strict=True)))
    return [f"{name} = {value(r)}\n" for r in records]


def digest_of(lines: Sequence[str]) -> str:
    return "sha256:" + hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def header(
    institution: str, principal: str, sealed_at: dt.datetime, covers: Covers, digest: str
) -> str:
    return (
        f"format = {_encode_str(FORMAT)}\n"
        f"institution = {_encode_str(institution)}\n"
        f"principal = {_encode_str(principal)}\n"
        f"sealed_at = {sealed_at.isoformat()}\n"
        f"covers = {{ witnesses = {covers.witnesses}, signatories = {covers.signatories} }}\n"
        f"digest = {_encode_str(digest)}\n"
        "\n"
    )


def content(
    institution: str,
    principal: str,
    sealed_at: dt.datetime,
    covers: Covers,
    lines: Sequence[str],
    digest: str | None = None,
) -> bytes:
    """The exact bytes a seal signs."""
    found = digest or digest_of(lines)
    return (header(institution, principal, sealed_at, covers, found) + "".join(lines)).encode(
        "utf-8"
    )


def tags(lines: Sequence[str]) -> str:
    raw = b"".join(hashlib.sha256(line.encode("utf-8")).digest()[:3] for line in lines)
    return base64.urlsafe_b64encode(raw).decode("ascii")


def first_difference(stored_tags: str, lines: Sequence[str], expected: int) -> int | None:
    """Index (0: the declaration itself) of the first covered record that differs from
    what was sealed, or None when the tags cannot tell (they were edited, or the
    change is a record that is gone at the end)."""
    now = tags(lines)
    size = TAG_CHARS
    if len(stored_tags) != expected * size:
        return None
    for index in range(len(lines)):
        if now[index * size : (index + 1) * size] != stored_tags[index * size : (index + 1) * size]:
            return index
    return None


class SealRecord(NamedTuple):
    """A ``[[declarations.seals]]`` record whose fields have the right types."""

    institution: str
    principal: str
    sealed_at: dt.datetime
    covers: Covers
    digest: str
    signature: str
    tags: str = ""


def read_seal(raw: Any) -> SealRecord | str:
    """The seal's fields, or the name of the first one that is missing or mistyped."""
    if not isinstance(raw, Mapping):
        return "seal"
    for name in ("institution", "principal", "digest", "signature"):
        if not isinstance(raw.get(name), str):
            return name
    sealed_at = raw.get("sealed_at")
    if not isinstance(sealed_at, dt.datetime) or sealed_at.tzinfo is None:
        return "sealed_at"
    covers = raw.get("covers")
    if not isinstance(covers, Mapping):
        return "covers"
    counts = []
    for name in ("witnesses", "signatories"):
        n = covers.get(name)
        if type(n) is not int or n < 0:
            return f"covers.{name}"
        counts.append(n)
    found_tags = raw.get("tags", "")
    return SealRecord(
        raw["institution"],
        raw["principal"],
        sealed_at,
        Covers(counts[0], counts[1]),
        raw["digest"],
        raw["signature"],
        found_tags if isinstance(found_tags, str) else "",
    )


def seal_content(agency: str, decl: Mapping[str, Any], seal: SealRecord) -> bytes:
    """The bytes ``seal`` signed, rebuilt from the declaration as it stands now
    (with the seal's stored digest: equal to the original exactly when the seal holds)."""
    lines = covered_lines(agency, decl, seal.covers)
    return content(
        seal.institution, seal.principal, seal.sealed_at, seal.covers, lines, seal.digest
    )


def covers_now(decl: Mapping[str, Any]) -> Covers:
    """What a seal made now would cover: every witness and signatory."""
    return Covers(len(_records(decl, "witnesses")), len(_records(decl, "signatories")))


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# -- judging a seal -----------------------------------------------------------------------

# SshsigError codes (and this module's own) -> what a person reads, as msgids.
REASONS = {
    "bad-armor": N_("the signature is not a readable SSH signature"),
    "bad-signature": N_("the signature does not match the sealed content"),
    "unsupported": N_("the key or signature type is not supported"),
    "namespace": N_("the signature was not made for pledgectl-seal"),
    "not-allowed": N_("the key is not in allowed_signers for this principal"),
    "expired": N_("the key's allowed_signers entry had expired when the seal was made"),
    "not-yet-valid": N_("the key's allowed_signers entry was not yet valid when the seal was made"),
    "bad-key": N_("the key in the signature is not a valid key"),
    "no-signers": N_("the registry has no allowed_signers file"),
    "malformed": N_("the seal's {field} is missing or has the wrong type"),
}


class SealStatus(NamedTuple):
    """What a seal proves today.

    ``state``: ``valid`` (covered content unchanged, signature verified by a key
    allowed_signers gives the principal at ``sealed_at``), ``broken`` (the covered
    content changed: ``record`` is the first covered record that differs, 0 the
    declaration itself, then witnesses, then signatories; None when the tags cannot
    tell), ``invalid`` (``reason``: a key of :data:`REASONS`). ``authorised``: the
    principal is one of the institution's ``sealers``.
    """

    state: str
    seal: SealRecord | None
    reason: str = ""
    detail: str = ""
    record: int | None = None
    authorised: bool = True

    @property
    def holds(self) -> bool:
        return self.state == "valid" and self.authorised


def judge(
    agency: str,
    decl: Mapping[str, Any],
    raw_seal: Any,
    signers: Any,
    sealers: Mapping[str, Sequence[str]],
    memo: Memo | None = None,
) -> SealStatus:
    """Judge one seal of ``decl``. ``signers``: the registry's
    :class:`pledgectl.core.sshsig.AllowedSigners` (None when it has none);
    ``sealers``: institution id -> principals; ``memo``: covered parts already
    built for this declaration (two seals of the same records share one)."""
    from pledgectl.core.sshsig import SshsigError, parse_armored, verify

    found = read_seal(raw_seal)
    if isinstance(found, str):
        return SealStatus("invalid", None, "malformed", found, authorised=False)
    authorised = found.principal in sealers.get(found.institution, ())
    memo = {} if memo is None else memo
    built = memo.get(found.covers)
    if built is None:
        lines = covered_lines(agency, decl, found.covers)
        covered = "".join(lines).encode("utf-8")
        built = memo[found.covers] = (
            lines,
            "sha256:" + hashlib.sha256(covered).hexdigest(),
            covered,
        )
    lines, digest, covered = built
    if digest != found.digest:
        expected = 1 + found.covers.witnesses + found.covers.signatories
        where = first_difference(found.tags, lines, expected)
        return SealStatus("broken", found, record=where, authorised=authorised)
    if signers is None:
        return SealStatus("invalid", found, "no-signers", authorised=authorised)
    body = (
        header(found.institution, found.principal, found.sealed_at, found.covers, found.digest)
    ).encode("utf-8") + covered
    try:
        signature = parse_armored(found.signature)
        checked = verify(signature, body, NAMESPACE)
        entry = signers.check(found.principal, signature.public_key, NAMESPACE, found.sealed_at)
        signers.check_sk_flags(entry, checked.sk_flags)
    except SshsigError as exc:
        code = exc.code if exc.code in REASONS else "bad-signature"
        return SealStatus("invalid", found, code, exc.reason, authorised=authorised)
    return SealStatus("valid", found, authorised=authorised)


def locate(decl: Mapping[str, Any], record: int, covers: Covers) -> tuple[str, int] | None:
    """Index ``record`` of the covered part as it stands (see :func:`covered_lines`) as
    (``witnesses``/``signatories``, index); None: the declaration itself."""
    if record <= 0:
        return None
    witnesses = min(covers.witnesses, len(_records(decl, "witnesses")))
    if record - 1 < witnesses:
        return "witnesses", record - 1
    return "signatories", record - 1 - witnesses


ALLOWED_SIGNERS = "allowed_signers"
_SIGNERS: dict[str, tuple[tuple[int, int], Any]] = {}


def signers_at(root: Any) -> Any:
    """The allowed_signers of the registry at ``root`` (None without one), read once per
    process while the file is unchanged."""
    import os

    from pledgectl.core.sshsig import AllowedSigners

    path = os.path.join(str(root), ALLOWED_SIGNERS)
    try:
        st = os.stat(path)
    except OSError:
        return None
    stamp = (st.st_mtime_ns, st.st_size)
    cached = _SIGNERS.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        with open(path, encoding="utf-8") as handle:
            signers = AllowedSigners(handle.read())
    except (OSError, UnicodeDecodeError):
        return None
    _SIGNERS[path] = (stamp, signers)
    return signers


def holding(
    agency: str, decl: Mapping[str, Any], signers: Any, sealers: Mapping[str, Sequence[str]]
) -> dict[str, int]:
    """Institutions whose seal on ``decl`` holds, each with the most signatories one covers."""
    seals = decl.get("seals")
    if not isinstance(seals, list) or not seals:
        return {}
    out: dict[str, int] = {}
    memo: Memo = {}
    for raw in seals:
        status = judge(agency, decl, raw, signers, sealers, memo)
        if status.holds and status.seal is not None:
            name = status.seal.institution
            out[name] = max(out.get(name, 0), status.seal.covers.signatories)
    return out
