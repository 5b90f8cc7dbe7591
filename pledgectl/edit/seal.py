"""Sealing a declaration: sign its seal content with OpenSSH and append the seal record.

The signature is made by ``ssh-keygen -Y sign -n pledgectl-seal -f KEY`` with
the content on stdin, so ssh-agent, passphrases and security keys work as they
do for git's SSH commit signing. Everything that can refuse the seal is asked
first (the institution, its ``sealers``, the key's line in ``allowed_signers``),
then the content is signed without holding the file's lock (a passphrase or a
touch can take a while), and the record is appended under the lock only if
what the seal covers is still exactly what was signed. The record goes through
the one writer: appended after the declaration's last record, atomic, never
rewriting a line.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pledgectl.core import canonical, validate
from pledgectl.core import seal as seal_mod
from pledgectl.core.errors import InvalidValue, PledgeError, RefusedWrite, ToolMissing, UsageFailure
from pledgectl.core.i18n import N_
from pledgectl.core.model import SEAL
from pledgectl.core.outline import Outline
from pledgectl.core.registry import Registry, unknown_declaration
from pledgectl.core.sshsig import AllowedSigners, SshsigError

ALLOWED_SIGNERS = "allowed_signers"


def allowed_signers_path(registry: Registry) -> Path:
    return registry.root / ALLOWED_SIGNERS


def load_allowed_signers(registry: Registry) -> AllowedSigners:
    path = allowed_signers_path(registry)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RefusedWrite(
            N_("no allowed_signers file at {file}"),
            hint=N_(
                "create it in OpenSSH's allowed-signers format: one line per key, "
                'e.g. kpu-pekanbaru namespaces="pledgectl-seal" ssh-ed25519 AAAA...'
            ),
            file=str(path),
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PledgeError(
            N_("cannot read {file}: {reason}"), file=str(path), reason=str(exc)
        ) from None
    return AllowedSigners(text)


# -- reading what to seal ----------------------------------------------------------------


def _data(registry: Registry, agency_id: str) -> tuple[str, dict[str, Any]]:

    af = registry.read(agency_id)
    if af.data is None:
        raise RefusedWrite(
            N_("{file} cannot be read as TOML; run pledgectl check"), file=str(af.path)
        )
    return af.text, af.data


def agency_of(data: Mapping[str, Any], fallback: str) -> str:
    """The agency id a seal names: the file's ``[agency] id`` (the file name without one)."""
    table = data.get("agency")
    ident = table.get("id") if isinstance(table, Mapping) else None
    return ident if isinstance(ident, str) else fallback


def declaration_of(data: Mapping[str, Any], agency_id: str, decl_id: str) -> dict[str, Any]:
    raw = data.get("declarations")
    found = [
        d
        for d in (raw if isinstance(raw, list) else [])
        if isinstance(d, dict) and d.get("id") == decl_id
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise RefusedWrite(
            N_("declaration {declaration} appears more than once in {agency}"),
            declaration=decl_id,
            agency=agency_id,
        )
    known = (d.get("id") for d in (raw if isinstance(raw, list) else []) if isinstance(d, dict))
    raise unknown_declaration(agency_id, decl_id, known)


def seals_of(decl: Mapping[str, Any]) -> list[Any]:
    raw = decl.get("seals")
    return raw if isinstance(raw, list) else []


def _no_seal(decl_id: str) -> InvalidValue:
    return InvalidValue(
        N_("declaration {declaration} has no seal"),
        hint=N_("a witness institution seals it with `pledgectl seal AGENCY DECL --institution`"),
        declaration=decl_id,
    )


def pick_seal(
    decl: Mapping[str, Any], decl_id: str, number: int | None
) -> seal_mod.SealRecord | None:
    """The declaration's seal number ``number`` (1-based; None: the last), or None without seals."""
    seals = seals_of(decl)
    if not seals:
        if number is not None:
            raise _no_seal(decl_id)
        return None
    index = len(seals) if number is None else number
    if not 1 <= index <= len(seals):
        raise InvalidValue(
            N_("declaration {declaration} has {count} seals; there is no seal {number}"),
            hint=N_("--seal counts from 1, in file order; `pledgectl agency show` lists them"),
            declaration=decl_id,
            count=len(seals),
            number=index,
        )
    found = seal_mod.read_seal(seals[index - 1])
    if isinstance(found, str):
        raise RefusedWrite(
            N_("seal {number} of {declaration} has no valid {field}; run pledgectl check"),
            number=index,
            declaration=decl_id,
            field=found,
        )
    return found


def _index(data: Mapping[str, Any], decl: Mapping[str, Any]) -> int:
    raw = data.get("declarations")
    return next(i for i, d in enumerate(raw if isinstance(raw, list) else []) if d is decl)


def print_content(
    registry: Registry,
    agency_id: str,
    decl_id: str,
    number: int | None = None,
    institution: str | None = None,
    principal: str | None = None,
) -> tuple[bytes, bool]:
    """The bytes the chosen seal signed, and whether what it covers is unchanged; without
    a seal, what a seal made now would sign (its time is now)."""
    text, data = _data(registry, agency_id)
    decl = declaration_of(data, agency_id, decl_id)
    agency = agency_of(data, agency_id)
    chosen = pick_seal(decl, decl_id, number)
    if chosen is not None:
        lines = seal_mod.covered_lines(agency, decl, chosen.covers)
        holds = seal_mod.digest_of(lines) == chosen.digest
        return seal_mod.seal_content(agency, decl, chosen), holds
    covers = seal_mod.covers_now(decl)
    lines = seal_mod.covered_lines(agency, decl, covers)
    body = seal_mod.content(
        institution or "",
        principal or "",
        seal_mod.now_utc(),
        covers,
        seal_mod.digest_of(lines),
        seal_mod.text_now(agency, text, _index(data, decl), covers),
    )
    return body, True


def print_covered(
    registry: Registry, agency_id: str, decl_id: str, number: int | None = None
) -> tuple[bytes, bool]:
    """The covered part of the chosen seal as the declaration stands (without a seal: all
    of it), whose ``sha256`` is the seal's digest exactly when the seal holds; and whether
    it does."""
    _, data = _data(registry, agency_id)
    decl = declaration_of(data, agency_id, decl_id)
    chosen = pick_seal(decl, decl_id, number)
    covers = seal_mod.covers_now(decl) if chosen is None else chosen.covers
    lines = seal_mod.covered_lines(agency_of(data, agency_id), decl, covers)
    holds = chosen is None or seal_mod.digest_of(lines) == chosen.digest
    return "".join(lines).encode("utf-8"), holds


def print_signature(registry: Registry, agency_id: str, decl_id: str, number: int | None) -> str:
    _, data = _data(registry, agency_id)
    decl = declaration_of(data, agency_id, decl_id)
    chosen = pick_seal(decl, decl_id, number)
    if chosen is None:
        raise _no_seal(decl_id)
    return chosen.signature.rstrip("\n") + "\n"


# -- the key and who may use it --------------------------------------------------------------


def _ssh_keygen() -> str:
    found = shutil.which("ssh-keygen")
    if found is None:
        raise ToolMissing(
            N_("ssh-keygen was not found"),
            hint=N_("install OpenSSH (the openssh-client package) to seal declarations"),
        )
    return found


def public_key(key: Path) -> bytes:
    """The public key blob of ``key``: read from ``KEY.pub`` (or KEY itself when it is a
    public key, for keys held by ssh-agent or a security key), else asked of ssh-keygen."""
    import base64

    candidates = [key] if key.suffix == ".pub" else [Path(f"{key}.pub")]
    for candidate in candidates:
        try:
            fields = candidate.read_text(encoding="utf-8").split()
        except (OSError, UnicodeDecodeError):
            continue
        if len(fields) >= 2:
            try:
                return base64.b64decode(fields[1], validate=True)
            except ValueError:
                break
    hint = N_("give an SSH private key file, or the .pub of a key ssh-agent holds")
    if not key.exists():
        raise UsageFailure(N_("key file {file} does not exist"), hint=hint, file=str(key))
    if key.is_dir():
        raise UsageFailure(N_("{file} is a folder, not a key file"), hint=hint, file=str(key))
    proc = subprocess.run(  # a passphrase is asked on the terminal, not on stderr
        [_ssh_keygen(), "-y", "-f", str(key)],
        capture_output=True,
        check=False,
    )
    fields = proc.stdout.decode("utf-8", "replace").split()
    if proc.returncode != 0 or len(fields) < 2:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageFailure(
            N_("cannot read the public key of {file}: {reason}"),
            hint=hint,
            file=str(key),
            reason=reason[-1] if reason else "-",
        )
    return base64.b64decode(fields[1])


class Sealer(NamedTuple):
    institution: str
    principal: str
    key: bytes


def authorise(
    registry: Registry,
    institution: str,
    key: bytes,
    principal: str | None,
    when: dt.datetime,
) -> Sealer:
    """Refuse, before anything is signed, an institution without sealers, a principal it does
    not list, or a key that ``allowed_signers`` does not give that principal (now)."""
    settings = registry.settings
    institution = validate.institution(institution, settings)
    sealers = settings.institutions[institution].sealers
    if not sealers:
        raise RefusedWrite(
            N_("institution {institution} lists no sealers"),
            hint=N_('add sealers = ["principal"] to its [[institutions]] entry in pledgectl.toml'),
            institution=institution,
        )
    signers = load_allowed_signers(registry)
    if principal is None:
        names = [name for name in sealers if any(e.names(name) for e in signers.for_key(key))]
        if not names:
            raise RefusedWrite(
                N_(
                    "this key is not in allowed_signers for any sealer of {institution} ({sealers})"
                ),
                hint=N_("add the key's line to allowed_signers, or use the sealer's own key"),
                institution=institution,
                sealers=", ".join(sealers),
            )
        if len(names) > 1:
            raise UsageFailure(
                N_("this key may seal as {names}: choose one with --principal"),
                names=", ".join(names),
            )
        principal = names[0]
    if principal not in sealers:
        raise RefusedWrite(
            N_("{principal} may not seal for {institution} (its sealers: {sealers})"),
            hint=N_("list the principal in sealers of {institution} in pledgectl.toml"),
            principal=principal,
            institution=institution,
            sealers=", ".join(sealers),
        )
    try:
        signers.check(principal, key, seal_mod.NAMESPACE, when)
    except SshsigError as exc:
        raise RefusedWrite(
            N_("allowed_signers does not let this key seal as {principal}: {reason}"),
            hint=N_(
                'allowed_signers needs a line "{principal} namespaces=\\"pledgectl-seal\\" '
                'KEYTYPE KEY" for this key, valid now'
            ),
            principal=principal,
            reason=exc.reason,
        ) from None
    return Sealer(institution, principal, key)


def sign_content(key: Path, body: bytes) -> str:
    """``ssh-keygen -Y sign -n pledgectl-seal -f KEY`` over ``body``: the armored signature.

    Its prompts (passphrase, touch the security key) reach the user's terminal.
    """
    proc = subprocess.run(
        [_ssh_keygen(), "-q", "-Y", "sign", "-n", seal_mod.NAMESPACE, "-f", str(key)],
        input=body,
        stdout=subprocess.PIPE,
        check=False,
    )
    armored = proc.stdout.decode("ascii", "replace").strip()
    if proc.returncode != 0 or not armored.startswith("-----BEGIN SSH SIGNATURE-----"):
        raise ToolMissing(
            N_("ssh-keygen could not sign with {file} (exit {code})"),
            hint=N_("check the key file, its passphrase, or that ssh-agent holds the key"),
            file=str(key),
            code=proc.returncode,
        )
    return armored


# -- sealing ---------------------------------------------------------------------------------


class SealOutcome(NamedTuple):
    institution: str
    principal: str
    covers: seal_mod.Covers
    digest: str
    sealed_at: dt.datetime


def seal(
    registry: Registry,
    agency_id: str,
    decl_id: str,
    *,
    institution: str,
    key: Path,
    principal: str | None = None,
    now: dt.datetime | None = None,
    signer: Callable[[Path, bytes], str] = sign_content,
) -> SealOutcome:
    """Seal a declaration as it stands: sign its content and append the seal record."""
    from pledgectl.core.sshsig import parse_armored, verify
    from pledgectl.edit.recording import _find_declaration, _insert, edit_agency

    validate.agency_id(agency_id)
    _ssh_keygen()
    text, data = _data(registry, agency_id)
    decl = declaration_of(data, agency_id, decl_id)
    when = (now or seal_mod.now_utc()).astimezone(dt.UTC).replace(microsecond=0)
    sealer = authorise(registry, institution, public_key(key), principal, when)
    agency = agency_of(data, agency_id)
    covers = seal_mod.covers_now(decl)
    lines = seal_mod.covered_lines(agency, decl, covers)
    digest = seal_mod.digest_of(lines)
    spelt = seal_mod.text_now(agency, text, _index(data, decl), covers)
    body = seal_mod.content(sealer.institution, sealer.principal, when, covers, digest, spelt)

    armored = signer(key, body)
    try:
        signature = parse_armored(armored)
        verify(signature, body, seal_mod.NAMESPACE)
    except SshsigError as exc:
        raise ToolMissing(
            N_("ssh-keygen made a signature that does not verify: {reason}"), reason=exc.reason
        ) from None
    if signature.public_key != sealer.key:
        raise RefusedWrite(
            N_("ssh-keygen signed with another key than {file}.pub names"),
            hint=N_("give the private key file, or the .pub of a key ssh-agent holds"),
            file=str(key),
        )
    record: dict[str, Any] = {
        "institution": sealer.institution,
        "principal": sealer.principal,
        "sealed_at": when,
        "covers": {"witnesses": covers.witnesses, "signatories": covers.signatories},
        "digest": digest,
        "text": spelt,
        "signature": armored,
        "tags": seal_mod.tags(lines, seal_mod.covered_records(decl, covers)),
    }

    def change(text: str, get_outline: Callable[[], Outline]) -> str:
        from pledgectl.core.reader import TomlSyntaxError, loads

        try:
            now_data = loads(text)
        except (TomlSyntaxError, RecursionError):
            raise RefusedWrite(
                N_("{agency} cannot be read as TOML; run pledgectl check"), agency=agency_id
            ) from None
        now_decl = declaration_of(now_data, agency_id, decl_id)
        now_agency = agency_of(now_data, agency_id)
        again = seal_mod.covered_lines(now_agency, now_decl, covers)
        if seal_mod.digest_of(again) != digest or spelt != seal_mod.text_now(
            now_agency, text, _index(now_data, now_decl), covers
        ):
            raise RefusedWrite(
                N_("declaration {declaration} changed while it was being sealed; nothing written"),
                hint=N_("run the seal command again"),
                declaration=decl_id,
            )
        outline = get_outline()
        index = _find_declaration(outline, agency_id, decl_id)
        block = canonical.block("declarations.seals", record, SEAL)
        return _insert(text, outline.region_end(index), block)

    edit_agency(registry, agency_id, change)
    return SealOutcome(sealer.institution, sealer.principal, covers, digest, when)
