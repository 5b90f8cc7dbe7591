"""SSH signatures (SSHSIG) and OpenSSH's allowed-signers file, read and verified in process.

``ssh-keygen -Y sign`` writes an armored SSHSIG (OpenSSH's ``PROTOCOL.sshsig``)::

    byte[6]  "SSHSIG"            uint32   version (1)
    string   publickey           string   namespace
    string   reserved            string   hash_algorithm ("sha512" or "sha256")
    string   signature

and the key signs ``"SSHSIG" || string namespace || string reserved ||
string hash_algorithm || string H(message)``. This module parses that, checks
it with ``cryptography`` (ssh-ed25519, ecdsa-sha2-nistp256/384/521,
rsa-sha2-256/512 over ssh-rsa keys, and the FIDO keys sk-ssh-ed25519 and
sk-ecdsa-sha2-nistp256 as ``PROTOCOL.u2f`` describes them), and reads the
allowed-signers file that says which key may sign as which principal
(``ssh-keygen(1)``, ALLOWED SIGNERS). No process is started: a registry with
a thousand seals is verified in the checking process.

``cryptography`` is imported on the first verification, never at start-up.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import struct
from collections.abc import Iterator
from typing import Any, NamedTuple

MAGIC = b"SSHSIG"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
_SK_APP_PREFIX = "ssh:"

ED25519 = "ssh-ed25519"
RSA = "ssh-rsa"
ECDSA = {
    "ecdsa-sha2-nistp256": "nistp256",
    "ecdsa-sha2-nistp384": "nistp384",
    "ecdsa-sha2-nistp521": "nistp521",
}
SK_ED25519 = "sk-ssh-ed25519@openssh.com"
SK_ECDSA = "sk-ecdsa-sha2-nistp256@openssh.com"
KEY_TYPES = frozenset((ED25519, RSA, *ECDSA, SK_ED25519, SK_ECDSA))
RSA_MIN_BITS = 1024  # OpenSSH's own floor (SSH_RSA_MINIMUM_MODULUS_SIZE)
FLAG_USER_PRESENCE = 0x01
FLAG_USER_VERIFIED = 0x04


class SshsigError(ValueError):
    """A signature or key that cannot be used; ``reason`` says why, in English (for logs and tests)."""

    def __init__(self, reason: str, code: str = "bad-signature") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code  # bad-armor | bad-signature | unsupported | namespace | ...


# -- the SSH wire format ------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise SshsigError("truncated data", "bad-armor")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def byte(self) -> int:
        return self.take(1)[0]

    def string(self) -> bytes:
        return self.take(self.uint32())

    def text(self) -> str:
        try:
            return self.string().decode("utf-8")
        except UnicodeDecodeError:
            raise SshsigError("a name is not UTF-8", "bad-armor") from None

    def mpint(self) -> int:
        raw = self.string()
        if raw and raw[0] & 0x80:
            raise SshsigError("negative integer", "bad-signature")
        return int.from_bytes(raw, "big")

    def done(self) -> bool:
        return self.pos == len(self.data)


def string(value: bytes) -> bytes:
    """An SSH ``string``: a 4-byte big-endian length, then the bytes."""
    return struct.pack(">I", len(value)) + value


_NAMED: dict[bytes, tuple[str, str]] = {}  # key blob -> (type, fingerprint): a registry has few


def _named(blob: bytes) -> tuple[str, str]:
    found = _NAMED.get(blob)
    if found is None:
        try:
            kind = _Reader(blob).text()
        except SshsigError:
            kind = ""
        digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")
        found = (kind, f"SHA256:{digest}")
        if len(_NAMED) < 256:
            _NAMED[blob] = found
    return found


def key_type(blob: bytes) -> str:
    """The type named at the start of a public key blob ("ssh-ed25519", ...); "" if unreadable."""
    return _named(blob)[0]


def fingerprint(blob: bytes) -> str:
    """OpenSSH's key fingerprint: ``SHA256:`` and the unpadded base64 of the blob's SHA-256."""
    return _named(blob)[1]


# -- SSHSIG ---------------------------------------------------------------------------------


class Signature(NamedTuple):
    """A parsed SSHSIG."""

    public_key: bytes  # the signer's public key blob (wire format)
    namespace: str
    reserved: bytes
    hash_algorithm: str
    signature: bytes  # the key's signature blob: string type, string sig[, sk fields]

    @property
    def key_type(self) -> str:
        return key_type(self.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def parse_armored(armored: str) -> Signature:
    """Parse ``-----BEGIN SSH SIGNATURE-----`` armor; :class:`SshsigError` when it is not one."""
    text = armored.strip()
    if not text.startswith(BEGIN) or not text.endswith(END):
        raise SshsigError("not an armored SSH signature", "bad-armor")
    body = "".join(text[len(BEGIN) : -len(END)].split())
    try:
        blob = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise SshsigError("the armor is not base64", "bad-armor") from None
    return parse_blob(blob)


def parse_blob(blob: bytes) -> Signature:
    reader = _Reader(blob)
    if reader.take(len(MAGIC)) != MAGIC:
        raise SshsigError("no SSHSIG preamble", "bad-armor")
    version = reader.uint32()
    if version != 1:
        raise SshsigError(f"SSHSIG version {version} is not known", "bad-armor")
    sig = Signature(
        public_key=reader.string(),
        namespace=reader.text(),
        reserved=reader.string(),
        hash_algorithm=reader.text(),
        signature=reader.string(),
    )
    if not reader.done():
        raise SshsigError("trailing data after the signature", "bad-armor")
    return sig


def armor(blob: bytes) -> str:
    """Armored text of an SSHSIG blob, wrapped at 70 columns as ssh-keygen writes it."""
    body = base64.b64encode(blob).decode("ascii")
    lines = [body[i : i + 70] for i in range(0, len(body), 70)]
    return "\n".join([BEGIN, *lines, END])


def signed_data(
    namespace: str, hash_algorithm: str, message: bytes, reserved: bytes = b""
) -> bytes:
    """What the key signs for ``message``: PROTOCOL.sshsig's "signed data"."""
    digest = HASHES[hash_algorithm](message).digest()
    return (
        MAGIC
        + string(namespace.encode("utf-8"))
        + string(reserved)
        + string(hash_algorithm.encode("ascii"))
        + string(digest)
    )


class Verified(NamedTuple):
    """A signature that verified: the key and, for FIDO keys, the authenticator's flags."""

    key_type: str
    fingerprint: str
    sk_flags: int | None = None


def verify(sig: Signature, message: bytes, namespace: str) -> Verified:
    """Check that ``sig`` signs ``message`` in ``namespace``; :class:`SshsigError` if not.

    Says nothing about *who* may sign: that is :class:`AllowedSigners`' job.
    """
    if sig.namespace != namespace:
        raise SshsigError(f"signed for namespace {sig.namespace!r}, not {namespace!r}", "namespace")
    if sig.hash_algorithm not in HASHES:
        raise SshsigError(f"hash algorithm {sig.hash_algorithm!r} is not allowed", "unsupported")
    data = signed_data(namespace, sig.hash_algorithm, message, sig.reserved)
    flags = verify_raw(sig.public_key, sig.signature, data)
    return Verified(sig.key_type, sig.fingerprint, flags)


# -- the key algorithms ------------------------------------------------------------------

_KEYS: dict[bytes, tuple[str, Any, bytes]] = {}  # blob -> (type, cryptography key, sk application)


def _load_key(blob: bytes) -> tuple[str, Any, bytes]:
    """A public key blob as a ``cryptography`` key (cached: one registry, a few keys)."""
    found = _KEYS.get(blob)
    if found is not None:
        return found
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    reader = _Reader(blob)
    kind = reader.text()
    app = b""
    key: Any
    try:
        if kind in (ED25519, SK_ED25519):
            raw = reader.string()
            if len(raw) != 32:
                raise SshsigError("an ed25519 key is 32 bytes", "bad-key")
            key = ed25519.Ed25519PublicKey.from_public_bytes(raw)
        elif kind in ECDSA or kind == SK_ECDSA:
            curve_name = reader.text()
            expected = ECDSA.get(kind, "nistp256")
            if curve_name != expected:
                raise SshsigError(f"curve {curve_name!r} does not match {kind}", "bad-key")
            curve: ec.EllipticCurve = {
                "nistp256": ec.SECP256R1(),
                "nistp384": ec.SECP384R1(),
                "nistp521": ec.SECP521R1(),
            }[curve_name]
            key = ec.EllipticCurvePublicKey.from_encoded_point(curve, reader.string())
        elif kind == RSA:
            e = reader.mpint()
            n = reader.mpint()
            key = rsa.RSAPublicNumbers(e, n).public_key()
            if key.key_size < RSA_MIN_BITS:
                raise SshsigError(f"RSA key of {key.key_size} bits is too small", "bad-key")
        else:
            raise SshsigError(f"key type {kind!r} is not supported", "unsupported")
        if kind in (SK_ED25519, SK_ECDSA):
            app = reader.string()
    except ValueError as exc:
        if isinstance(exc, SshsigError):
            raise
        raise SshsigError(f"not a valid {kind} key: {exc}", "bad-key") from None
    if not reader.done():
        raise SshsigError("trailing data after the public key", "bad-key")
    found = (kind, key, app)
    _KEYS[blob] = found
    return found


def _ecdsa_der(raw: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    reader = _Reader(raw)
    r, s = reader.mpint(), reader.mpint()
    if not reader.done():
        raise SshsigError("trailing data in an ECDSA signature")
    return encode_dss_signature(r, s)


def verify_raw(public_key: bytes, signature: bytes, data: bytes) -> int | None:
    """Verify an SSH signature blob over ``data`` with a public key blob.

    Returns the FIDO authenticator's flags for sk keys (None for others);
    raises :class:`SshsigError` when the signature does not verify.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding

    kind, key, app = _load_key(public_key)
    reader = _Reader(signature)
    sig_type = reader.text()
    raw = reader.string()
    flags: int | None = None
    try:
        if kind == ED25519:
            _expect(sig_type, (ED25519,))
            key.verify(raw, data)
        elif kind in ECDSA:
            _expect(sig_type, (kind,))
            digest = {"nistp256": hashes.SHA256, "nistp384": hashes.SHA384}.get(
                ECDSA[kind], hashes.SHA512
            )
            key.verify(_ecdsa_der(raw), data, ec.ECDSA(digest()))
        elif kind == RSA:
            _expect(sig_type, ("rsa-sha2-256", "rsa-sha2-512"))
            size = (key.key_size + 7) // 8
            if len(raw) > size:
                raise SshsigError("RSA signature longer than the modulus")
            algorithm = hashes.SHA256() if sig_type == "rsa-sha2-256" else hashes.SHA512()
            key.verify(raw.rjust(size, b"\0"), data, padding.PKCS1v15(), algorithm)
        else:  # FIDO: the authenticator signs its flags and counter beside the data's hash
            _expect(sig_type, (kind,))
            flags = reader.byte()
            counter = reader.uint32()
            signed = (
                hashlib.sha256(app).digest()
                + bytes([flags])
                + struct.pack(">I", counter)
                + hashlib.sha256(data).digest()
            )
            if kind == SK_ED25519:
                key.verify(raw, signed)
            else:
                key.verify(_ecdsa_der(raw), signed, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise SshsigError("the signature does not match the content") from None
    if not reader.done():
        raise SshsigError("trailing data after the signature")
    return flags


def _expect(sig_type: str, allowed: tuple[str, ...]) -> None:
    if sig_type not in allowed:
        raise SshsigError(f"signature algorithm {sig_type!r} is not allowed here", "unsupported")


# -- allowed signers ----------------------------------------------------------------------


class AllowedSigner(NamedTuple):
    """One line of an allowed-signers file."""

    line: int
    principals: str  # comma-separated patterns, as written
    key: bytes  # public key blob
    key_type: str
    namespaces: tuple[str, ...] | None = None  # None: any namespace
    valid_after: dt.datetime | None = None
    valid_before: dt.datetime | None = None
    cert_authority: bool = False
    no_touch_required: bool = False
    verify_required: bool = False

    def names(self, principal: str) -> bool:
        return match_pattern_list(principal, self.principals)


class SignersProblem(NamedTuple):
    line: int
    reason: str


_TIME = re.compile(r"^(\d{8})(\d{4}(\d{2})?)?(Z)?$")


def parse_time(value: str) -> dt.datetime:
    """``YYYYMMDD[HHMM[SS]][Z]``: UTC with ``Z``, else the system's local time (as OpenSSH)."""
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    digits = match.group(1) + (match.group(2) or "0000")
    if len(digits) == 12:
        digits += "00"
    when = dt.datetime.strptime(digits, "%Y%m%d%H%M%S")
    if match.group(4):
        return when.replace(tzinfo=dt.UTC)
    return when.astimezone()  # naive -> the local zone, as mktime() does


_PATTERNS: dict[str, re.Pattern[str]] = {}


def match_pattern(name: str, pattern: str) -> bool:
    """OpenSSH's ``match_pattern``: ``*`` any run, ``?`` one character, case-sensitive."""
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
        compiled = re.compile(regex, re.S)
        if len(_PATTERNS) < 1024:
            _PATTERNS[pattern] = compiled
    return compiled.fullmatch(name) is not None


def match_pattern_list(name: str, patterns: str) -> bool:
    """OpenSSH's ``match_pattern_list``: a ``!`` pattern that matches rules the name out."""
    found = False
    for raw in patterns.split(","):
        negated = raw.startswith("!")
        pattern = raw[1:] if negated else raw
        if match_pattern(name, pattern):
            if negated:
                return False
            found = True
    return found


def _tokens(text: str) -> Iterator[str]:
    """Whitespace-separated fields; double quotes group (and are kept, for the options)."""
    pos, size = 0, len(text)
    while pos < size:
        while pos < size and text[pos] in " \t":
            pos += 1
        if pos >= size:
            return
        start, quoted = pos, False
        while pos < size and (quoted or text[pos] not in " \t"):
            if text[pos] == '"':
                quoted = not quoted
            pos += 1
        yield text[start:pos]


def _split_options(raw: str) -> list[str]:
    out, current, quoted = [], "", False
    for char in raw:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            out.append(current)
            current = ""
        else:
            current += char
    out.append(current)
    return out


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def parse_allowed_signers(text: str) -> tuple[list[AllowedSigner], list[SignersProblem]]:
    """Every usable line, and the lines that could not be read (OpenSSH skips those too)."""
    entries: list[AllowedSigner] = []
    problems: list[SignersProblem] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            entries.append(_parse_line(number, stripped))
        except ValueError as exc:
            problems.append(SignersProblem(number, str(exc)))
    return entries, problems


def _parse_line(number: int, line: str) -> AllowedSigner:
    fields = list(_tokens(line))
    if len(fields) < 3:
        raise ValueError("expected principals, optional options, key type and key")
    principals = _unquote(fields[0])
    rest = fields[1:]
    options: list[str] = []
    if rest[0] not in KEY_TYPES and not rest[0].endswith("-cert-v01@openssh.com"):
        options = _split_options(rest[0])
        rest = rest[1:]
    if len(rest) < 2:
        raise ValueError("no key after the options")
    kind, encoded = rest[0], rest[1]
    try:
        blob = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("the key is not base64") from None
    if key_type(blob) != kind:
        raise ValueError(f"the key is not a {kind} key")
    found: dict[str, Any] = {}
    for option in options:
        name, eq, value = option.partition("=")
        name = name.lower()
        if name == "cert-authority" and not eq:
            found["cert_authority"] = True
        elif name == "no-touch-required" and not eq:
            found["no_touch_required"] = True
        elif name == "verify-required" and not eq:
            found["verify_required"] = True
        elif name == "namespaces" and eq:
            found["namespaces"] = tuple(n for n in _unquote(value).split(",") if n)
        elif name in ("valid-after", "valid-before") and eq:
            try:
                found[name.replace("-", "_")] = parse_time(_unquote(value))
            except ValueError:
                raise ValueError(f"{name} {value} is not YYYYMMDD[HHMM[SS]][Z]") from None
        else:
            raise ValueError(f"unknown option {option!r}")
    return AllowedSigner(number, principals, blob, kind, **found)


class AllowedSigners:
    """An allowed-signers file: who may sign, with which key, in which namespace, when."""

    def __init__(self, text: str) -> None:
        self.entries, self.problems = parse_allowed_signers(text)
        self._lines: dict[tuple[str, bytes], list[AllowedSigner]] = {}

    def for_key(self, key: bytes) -> list[AllowedSigner]:
        return [e for e in self.entries if e.key == key and not e.cert_authority]

    def check(
        self, principal: str, key: bytes, namespace: str, when: dt.datetime | None = None
    ) -> AllowedSigner:
        """The line allowing ``key`` to sign as ``principal`` at ``when``; else :class:`SshsigError`.

        As ``ssh-keygen -Y verify``: the principal must match a line holding that
        key, whose ``namespaces`` (if any) include ``namespace`` and whose
        validity interval contains the time. Certificates are not supported.
        """
        lines = self._lines.get((principal, key))
        if lines is None:  # a registry's seals name a few principals and keys, many times
            lines = self._lines[principal, key] = [
                e for e in self.for_key(key) if e.names(principal)
            ]
        if not lines:
            if self.for_key(key):
                raise SshsigError(f"the key is not listed for {principal!r}", "not-allowed")
            raise SshsigError("the key is not in allowed_signers", "not-allowed")
        reasons = []
        for entry in lines:
            if entry.namespaces is not None and not any(
                match_pattern(namespace, n) for n in entry.namespaces
            ):
                reasons.append(("namespace", f"line {entry.line} does not allow {namespace!r}"))
                continue
            if when is not None and entry.valid_after is not None and when < entry.valid_after:
                reasons.append(
                    (
                        "not-yet-valid",
                        f"line {entry.line}: not valid before {entry.valid_after:%Y-%m-%d %H:%M}",
                    )
                )
                continue
            if when is not None and entry.valid_before is not None and when >= entry.valid_before:
                reasons.append(
                    ("expired", f"line {entry.line}: expired {entry.valid_before:%Y-%m-%d %H:%M}")
                )
                continue
            return entry
        code, reason = reasons[0]
        raise SshsigError(reason, code)

    def check_sk_flags(self, entry: AllowedSigner, flags: int | None) -> None:
        """FIDO keys: user presence unless ``no-touch-required``; verification if ``verify-required``."""
        if flags is None:
            return
        if not entry.no_touch_required and not flags & FLAG_USER_PRESENCE:
            raise SshsigError("the security key was not touched", "not-allowed")
        if entry.verify_required and not flags & FLAG_USER_VERIFIED:
            raise SshsigError("the security key did not verify its user", "not-allowed")
