"""What a witness seal signs: the seal content, defined once and versioned.

A seal covers a declaration's own fields and its first N witnesses and first M
signatories, in file order. Their *covered part* is one line per record in a
canonical serialisation that depends only on the parsed values (not on how
the file spells them), so ``fmt``, a comment or a reordered key never breaks
a seal, and any change of a covered value always does::

    agency = "pekanbaru-bkpsdm"
    declaration = { commitments = [...], date = 2023-11-29, elections = [...], id = "...", ... }
    witness = { institution = "KPU", name = "...", role = "..." }
    signatory = { name = "...", nip = "...", signed = 2023-11-29, status = "PNS" }

``agency`` and ``declaration`` (every key of the declaration except its
``witnesses``, ``signatories`` and ``seals``) come first, then N ``witness`` and M
``signatory`` lines. In a record, keys are sorted by code point; a key is bare
when it matches ``[A-Za-z0-9_-]+``, else quoted. Values: strings as JSON strings
(UTF-8, ``"`` ``\\`` and control characters escaped), integers in decimal,
``true``/``false``, floats as Python's shortest repr, dates, times and date-times
in ISO 8601 (an offset as ``+HH:MM``), arrays as ``[a, b]``, tables as
``{ k = v, ... }`` with sorted keys (``{}`` when empty). Every line ends in
``\\n``. ``digest`` is ``sha256:`` of the covered part.

What the key signs (``ssh-keygen -Y sign -n pledgectl-seal``) is the *seal
content*. Format 2, the one ``pledgectl seal`` makes, is seven lines::

    format = "pledgectl-seal-content/2"
    institution = "KPU"
    principal = "kpu-pekanbaru"
    sealed_at = 2026-12-01T20:30:00+00:00
    covers = { witnesses = 2, signatories = 3 }
    digest = "sha256:<hex of the SHA-256 of the covered part>"
    text = "sha256:<hex>"

The signature binds the digest, and the digest the covered part. ``text`` is
``sha256:`` of the line ``agency = "..."`` followed by the declaration's text as
the file spelt it when it was sealed (from its ``[[declarations]]`` line to the
end of its last covered record), or ``""`` when the file was not plainly spelt
(:func:`pledgectl.core.outline.is_plain`). It lets ``check`` know that nothing
covered changed without rebuilding the covered part: when the text is byte for
byte what was sealed, in a plain file where no later header reaches back into
the declaration (:func:`text_region`), the values are the sealed ones. When it is
not (after ``fmt``, a comment, any edit), the covered part is rebuilt from the
values and compared with the digest, so a re-spelling still never breaks a seal.

Format 1 (seals made before format 2; still verified) signed the header lines up
to ``digest``, a blank line and the covered part itself, and has no ``text``.

Each seal also keeps ``tags``, so a broken seal can point at the line that changed:
per covered record (the agency and declaration lines count as one), four base64url
characters of its line's SHA-256, then one character per key (six bits of the
SHA-256 of its ``key = value`` spelling, keys sorted), then ``.`` (format 1 seals
have the four characters alone). Tags only locate; the digest and the signature are
the proof.
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
from pledgectl.core.outline import back_over_trivia, plain_lines

try:  # the C encoder: a 200,000-signatory registry has a million strings to spell
    from _json import encode_basestring as _encode_str
except ImportError:  # pragma: no cover - CPython always has it
    _encode_str = py_encode_basestring

FORMAT = "pledgectl-seal-content/2"
FORMAT_1 = "pledgectl-seal-content/1"
NAMESPACE = "pledgectl-seal"
RECORDS = ("witnesses", "signatories", "seals")  # a declaration's record arrays
TAG_CHARS = 4  # base64 characters per record: 3 bytes of SHA-256
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_KEYS: dict[str, str] = {}


class Covers(NamedTuple):
    witnesses: int
    signatories: int


# What one declaration's seals share, built once: Covers -> (covered lines, their digest,
# their bytes); ("text", Covers) -> the text digest (None: no plain text to take it from).
Memo = dict[Any, Any]


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


def _fields(
    form: str, institution: str, principal: str, sealed_at: dt.datetime, covers: Covers, digest: str
) -> str:
    """The lines every format signs first: the format and the seal's own fields to ``digest``."""
    return (
        f"format = {_encode_str(form)}\n"
        f"institution = {_encode_str(institution)}\n"
        f"principal = {_encode_str(principal)}\n"
        f"sealed_at = {sealed_at.isoformat()}\n"
        f"covers = {{ witnesses = {covers.witnesses}, signatories = {covers.signatories} }}\n"
        f"digest = {_encode_str(digest)}\n"
    )


def header(
    institution: str, principal: str, sealed_at: dt.datetime, covers: Covers, digest: str
) -> str:
    """Format 1's lines before its covered part (ending in the blank line)."""
    return _fields(FORMAT_1, institution, principal, sealed_at, covers, digest) + "\n"


def content(
    institution: str,
    principal: str,
    sealed_at: dt.datetime,
    covers: Covers,
    digest: str,
    text: str,
) -> bytes:
    """The exact bytes a format 2 seal signs (see the module's documentation)."""
    head = _fields(FORMAT, institution, principal, sealed_at, covers, digest)
    return (head + f"text = {_encode_str(text)}\n").encode()


def content_1(
    institution: str,
    principal: str,
    sealed_at: dt.datetime,
    covers: Covers,
    lines: Sequence[str],
    digest: str | None = None,
) -> bytes:
    """The exact bytes a format 1 seal signed."""
    found = digest or digest_of(lines)
    return (header(institution, principal, sealed_at, covers, found) + "".join(lines)).encode(
        "utf-8"
    )


# -- the text digest: knowing nothing changed without rebuilding ----------------------------

# In a plain text the headers are exactly the lines opening with "[" (is_plain): found
# by the literal "\n[", which the regex engine searches for fast.
_HEADER_LINE = re.compile(r"\n(\[[^\n]*)")
_DECLARATION = "\n[[declarations]]\n"
_WITNESS = "[[declarations.witnesses]]"
_SIGNATORY = "[[declarations.signatories]]"
# Headers that may follow the covered records: they open new records, never add to old ones.
_APPENDS = frozenset((_WITNESS, _SIGNATORY, "[[declarations.seals]]"))


def text_region(text: str, index: int, covers: Covers, whole: bool = True) -> str | None:
    """The text of declaration ``index`` that a seal with ``covers`` vouches for: from its
    ``[[declarations]]`` line to the end of its last covered record (without the blank and
    comment lines after it); None when the text cannot vouch for the values.

    It can when the file is plainly spelt (:func:`~pledgectl.core.outline.is_plain`),
    the declaration's first ``N + M`` sub-headers are its N covered witnesses and M
    covered signatories, and every later header that names a ``declarations`` table, up
    to the next declaration, appends a witness, a signatory or a seal. Then the region
    alone decides the declaration's own fields and its covered records: nothing before
    it can reach a declaration not yet begun, and nothing after it can add a key to them
    (TOML never reopens a table), so the same region means the same values.

    ``whole=False`` (``check``, comparing with a seal's text): the region itself is not
    examined, only what is before and after it. Were it byte for byte the region
    sealed, it is as plain and holds the same records as when it was examined.
    """
    if text[:1] in (" ", "\t", "[") or not text.endswith("\n"):
        return None
    at = -1
    for _ in range(index + 1):
        at = text.find(_DECLARATION, at + 1)
        if at < 0:
            return None
    start = at + 1
    if not plain_lines(text[:start]):  # no declaration header hidden or oddly spelt before
        return None
    size = covers.witnesses + covers.signatories
    section = text.find(_DECLARATION, at + 1)  # the next declaration's header, or none
    stop = section + 1 if section >= 0 else len(text)
    # The first header after the region, counted back from the section's end past the
    # seals and the records added since (usually few), not forward over every record.
    # Only a guess: a wrong one gives a region that is not the one sealed.
    later = text.count("\n[[declarations.", at, stop) - size
    if later < 0:
        return None
    after = stop
    for _ in range(later):
        after = text.rfind("\n[", at, after - 1) + 1
    end = back_over_trivia(text, after)
    if end <= start:
        return None
    if whole:
        names = _HEADER_LINE.findall(text, at, end)
        if (
            len(names) != size + 1
            or names[1:].count(_WITNESS) != covers.witnesses
            or names[1:].count(_SIGNATORY) != covers.signatories
            or not plain_lines(text[start:end])
        ):
            return None
    tail = text[end:stop]
    if not plain_lines(tail):
        return None
    for name in _HEADER_LINE.findall("\n" + tail):
        if name not in _APPENDS and name.strip("[]").split(".")[0] == "declarations":
            return None
    return text[start:end]


def text_digest(agency: str, region: str) -> str:
    """``text`` of a seal: ``sha256:`` of the agency line and the declaration's region."""
    line = f"agency = {_encode_str(agency)}\n"
    return "sha256:" + hashlib.sha256((line + region).encode("utf-8")).hexdigest()


def text_now(agency: str, text: str, index: int, covers: Covers) -> str:
    """``text`` for a seal made now over declaration ``index`` of ``text`` ("" when the
    file is not plainly spelt)."""
    region = text_region(text, index, covers)
    return "" if region is None else text_digest(agency, region)


_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def covered_records(decl: Mapping[str, Any], covers: Covers) -> list[Mapping[str, Any]]:
    """The covered records as they stand, aligned with :func:`covered_lines`: the
    declaration's own fields, then each covered witness and signatory that exists."""
    out: list[Mapping[str, Any]] = [own_fields(decl)]
    for name, count in (("witnesses", covers.witnesses), ("signatories", covers.signatories)):
        out.extend(r if isinstance(r, Mapping) else {} for r in _records(decl, name)[:count])
    return out


def key_tags(record: Mapping[str, Any]) -> str:
    """One base64url character per key of ``record`` (sorted): six bits of the SHA-256 of
    its ``key = value`` spelling."""
    return "".join(
        _B64URL[hashlib.sha256(f"{_key(k)} = {value(record[k])}".encode()).digest()[0] >> 2]
        for k in sorted(record)
    )


def tags(lines: Sequence[str], records: Sequence[Mapping[str, Any]] | None = None) -> str:
    """The seal's ``tags``: per covered record, four characters of its line's SHA-256 and,
    given the ``records``, one per key (:func:`key_tags`) and a ``.``."""
    if records is None:  # record tags alone (format 1 seals have these)
        raw = b"".join(hashlib.sha256(line.encode("utf-8")).digest()[:3] for line in lines)
        return base64.urlsafe_b64encode(raw).decode("ascii")
    return "".join(
        tags([line]) + key_tags(record) + "." for line, record in zip(lines, records, strict=True)
    )


def _split_tags(stored: str) -> tuple[list[str], list[str]]:
    """(record tags, key tags) of a stored ``tags`` (key tags empty in the older form)."""
    if "." in stored:
        groups = stored.split(".")[:-1]
        return [g[:TAG_CHARS] for g in groups], [g[TAG_CHARS:] for g in groups]
    size = TAG_CHARS
    found = [stored[i : i + size] for i in range(0, len(stored), size)]
    return found, [""] * len(found)


def first_difference(stored_tags: str, lines: Sequence[str], expected: int) -> int | None:
    """Index (0: the declaration itself) of the first covered record that differs from
    what was sealed, or None when the tags cannot tell (they were edited, or the
    change is a record that is gone at the end)."""
    stored, _ = _split_tags(stored_tags)
    if len(stored) != expected or any(len(t) != TAG_CHARS for t in stored):
        return None
    for index, line in enumerate(lines):
        if tags([line]) != stored[index]:
            return index
    return None


def changed_key(stored_tags: str, index: int, record: Mapping[str, Any]) -> str | None:
    """The first key of covered record ``index`` whose value differs from what was sealed,
    when the tags can tell (the record has the keys it had); else None."""
    _, keys = _split_tags(stored_tags)
    if index >= len(keys) or len(keys[index]) != len(record):
        return None
    now = key_tags(record)
    for key, was, is_ in zip(sorted(record), keys[index], now, strict=True):
        if was != is_:
            return key
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
    text: str | None = None  # None: a format 1 seal

    @property
    def format(self) -> str:
        return FORMAT_1 if self.text is None else FORMAT


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
    text = raw.get("text")
    if text is not None and not isinstance(text, str):
        return "text"
    found_tags = raw.get("tags", "")
    return SealRecord(
        raw["institution"],
        raw["principal"],
        sealed_at,
        Covers(counts[0], counts[1]),
        raw["digest"],
        raw["signature"],
        found_tags if isinstance(found_tags, str) else "",
        text,
    )


def signed_bytes(seal: SealRecord, covered: bytes | None = None) -> bytes:
    """What ``seal`` signed, given its covered part as it stands (format 1 signs it too)."""
    if seal.text is None:
        head = header(seal.institution, seal.principal, seal.sealed_at, seal.covers, seal.digest)
        return head.encode("utf-8") + (covered or b"")
    return content(
        seal.institution, seal.principal, seal.sealed_at, seal.covers, seal.digest, seal.text
    )


def seal_content(agency: str, decl: Mapping[str, Any], seal: SealRecord) -> bytes:
    """The bytes ``seal`` signed (format 1: rebuilt from the declaration as it stands, with
    the seal's stored digest: equal to the original exactly when the seal holds)."""
    if seal.text is not None:
        return signed_bytes(seal)
    lines = covered_lines(agency, decl, seal.covers)
    return signed_bytes(seal, "".join(lines).encode("utf-8"))


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
    tell; ``key``: the first of its keys that changed, when the tags can tell),
    ``invalid`` (``reason``: a key of :data:`REASONS`). ``authorised``: the principal
    is one of the institution's ``sealers``.
    """

    state: str
    seal: SealRecord | None
    reason: str = ""
    detail: str = ""
    record: int | None = None
    authorised: bool = True
    key: str | None = None

    @property
    def holds(self) -> bool:
        return self.state == "valid" and self.authorised


Source = tuple[str, int]  # the file's text and the declaration's index in it


def judge(
    agency: str,
    decl: Mapping[str, Any],
    raw_seal: Any,
    signers: Any,
    sealers: Mapping[str, Sequence[str]],
    memo: Memo | None = None,
    source: Source | None = None,
) -> SealStatus:
    """Judge one seal of ``decl``. ``signers``: the registry's
    :class:`pledgectl.core.sshsig.AllowedSigners` (None when it has none);
    ``sealers``: institution id -> principals; ``memo``: what is already built for this
    declaration (two seals of the same records share it); ``source``: the file's text
    and the declaration's index, so that a format 2 seal over unchanged text is judged
    without rebuilding its covered part."""
    from pledgectl.core.sshsig import SshsigError, parse_armored, verify

    found = read_seal(raw_seal)
    if isinstance(found, str):
        return SealStatus("invalid", None, "malformed", found, authorised=False)
    authorised = found.principal in sealers.get(found.institution, ())
    memo = {} if memo is None else memo
    covered = b""
    if not (found.text and source is not None and _text_holds(agency, found, source, memo)):
        built = memo.get(found.covers)
        if built is None:
            lines = covered_lines(agency, decl, found.covers)
            joined = "".join(lines).encode("utf-8")
            digest = "sha256:" + hashlib.sha256(joined).hexdigest()
            built = memo[found.covers] = (lines, digest, joined)
        lines, digest, covered = built
        if digest != found.digest:
            expected = 1 + found.covers.witnesses + found.covers.signatories
            where = first_difference(found.tags, lines, expected)
            key = None
            if where is not None:
                key = changed_key(found.tags, where, covered_records(decl, found.covers)[where])
            return SealStatus("broken", found, record=where, authorised=authorised, key=key)
    if signers is None:
        return SealStatus("invalid", found, "no-signers", authorised=authorised)
    body = signed_bytes(found, covered)
    try:
        signature = parse_armored(found.signature)
        checked = verify(signature, body, NAMESPACE)
        entry = signers.check(found.principal, signature.public_key, NAMESPACE, found.sealed_at)
        signers.check_sk_flags(entry, checked.sk_flags)
    except SshsigError as exc:
        code = exc.code if exc.code in REASONS else "bad-signature"
        return SealStatus("invalid", found, code, exc.reason, authorised=authorised)
    return SealStatus("valid", found, authorised=authorised)


def _text_holds(agency: str, seal: SealRecord, source: Source, memo: Memo) -> bool:
    """Whether the declaration's text is, byte for byte, the text ``seal`` vouched for."""
    key = ("text", seal.covers)
    if key not in memo:
        region = text_region(source[0], source[1], seal.covers, whole=False)
        memo[key] = None if region is None else text_digest(agency, region)
    return bool(memo[key] == seal.text)


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
    agency: str,
    decl: Mapping[str, Any],
    signers: Any,
    sealers: Mapping[str, Sequence[str]],
    source: Source | None = None,
) -> dict[str, int]:
    """Institutions whose seal on ``decl`` holds, each with the most signatories one covers."""
    seals = decl.get("seals")
    if not isinstance(seals, list) or not seals:
        return {}
    out: dict[str, int] = {}
    memo: Memo = {}
    for raw in seals:
        status = judge(agency, decl, raw, signers, sealers, memo, source)
        if status.holds and status.seal is not None:
            name = status.seal.institution
            out[name] = max(out.get(name, 0), status.seal.covers.signatories)
    return out
