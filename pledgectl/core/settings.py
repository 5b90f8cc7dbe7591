"""Registry settings (``pledgectl.toml``): checklist, elections, institutions, policy.

Everything a check knows about the domain comes from here, so a registry can
change its checklist or add an election without a code change. A broken
settings file is one clear error naming the file and line; a newer ``schema``
is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_
from pledgectl.core.model import ID_PATTERN, SCHEMA_VERSION

SEVERITIES = ("error", "warning", "off")
_ID = re.compile(ID_PATTERN)


class SettingsError(PledgeError):
    """``pledgectl.toml`` cannot be used (exit 2: nothing can be checked without it)."""

    exit_code = 2


class ChecklistItem(NamedTuple):
    id: str
    title: dict[str, str]
    basis: str | None = None


class Election(NamedTuple):
    id: str
    name: dict[str, str]
    voting_day: dt.date
    campaign_start: dt.date | None = None
    campaign_end: dt.date | None = None


class Institution(NamedTuple):
    id: str
    name: dict[str, str]
    until: dt.date | None = None
    sealers: tuple[str, ...] = ()  # allowed_signers principals that may seal for it


class Policy(NamedTuple):
    checks: dict[str, str]  # check -> severity; first, so it has no (shared) default
    scope: tuple[str, ...] = ("pemilu-2024",)
    required_witnesses: tuple[str, ...] = ("KPU", "Bawaslu")
    kinds: tuple[str, ...] = ("ikrar", "deklarasi", "pakta-integritas")
    nip_optional_for: tuple[str, ...] = ("NON-ASN",)
    required_seals: tuple[str, ...] = ()  # institutions whose seal a complete declaration needs


class Settings(NamedTuple):
    path: Path
    checklist: tuple[ChecklistItem, ...]
    elections: dict[str, Election]
    institutions: dict[str, Institution]
    policy: Policy
    raw: bytes = b""  # the file's bytes, for the fingerprint

    @property
    def sealers(self) -> dict[str, tuple[str, ...]]:
        """Institution id -> the allowed_signers principals that may seal for it."""
        return {i.id: i.sealers for i in self.institutions.values()}

    @property
    def fingerprint(self) -> str:
        """Changes whenever the file's bytes change: part of the check cache's key.

        Computed on use: only ``check`` needs it, and hashlib costs start-up time.
        """
        import hashlib

        digest = hashlib.sha256(self.raw)
        try:  # seals are judged by the registry's allowed_signers: a change re-checks them
            digest.update((self.path.parent / "allowed_signers").read_bytes())
        except OSError:
            digest.update(b"\0no allowed_signers")
        return digest.hexdigest()

    @property
    def checklist_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.checklist)

    def severity(self, check: str, default: str = "error") -> str:
        return self.policy.checks.get(check, default)


def localized(value: Any, lang: str) -> str:
    """A bilingual ``{id = …, en = …}`` value (or a plain string) in ``lang``."""
    if isinstance(value, dict):
        text = value.get(lang) or value.get("en") or value.get("id") or ""
        return str(text)
    return str(value)


def _fail(path: Path, what: str, value: object = "") -> SettingsError:
    return SettingsError(
        N_("{file}:{line}: {field} has an invalid value {value!r}"),
        hint=N_(
            "compare with the settings `pledgectl init` writes, or `pledgectl schema --settings`"
        ),
        file=str(path),
        line="?",
        field=what,
        value=str(value),
    )


def _line_of(text: str, dotted: str) -> str:
    """Best line for a semantic error: where the field's last key is written."""
    last = dotted.split(".")[-1].split("[")[0]
    match = re.search(rf"^[ \t]*\[*[ \t]*{re.escape(last)}\b", text, re.M)
    return str(text.count("\n", 0, match.start()) + 1) if match else "1"


def _str_map(path: Path, where: str, raw: Any) -> dict[str, str]:
    if isinstance(raw, str):
        return {"en": raw, "id": raw}
    if isinstance(raw, dict) and raw and all(isinstance(v, str) for v in raw.values()):
        return {str(k): v for k, v in raw.items()}
    raise _fail(path, where, raw)


def _date(path: Path, where: str, raw: Any, required: bool) -> dt.date | None:
    if raw is None and not required:
        return None
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    raise _fail(path, where, raw)


def _ids(path: Path, where: str, raw: Any) -> tuple[str, ...]:
    if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        return tuple(raw)
    raise _fail(path, where, raw)


def _tables(path: Path, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    raw = data.get(name, [])
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise _fail(path, name, type(raw).__name__)
    for i, item in enumerate(raw):
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            raise _fail(path, f"{name}[{i}].id", ident)
    ids = [item["id"] for item in raw]
    duplicates = sorted({x for x in ids if ids.count(x) > 1})
    if duplicates:
        raise _fail(path, f"{name}.id", duplicates[0])
    return raw


def parse_settings(path: Path, raw_bytes: bytes) -> Settings:
    """Build :class:`Settings` from the bytes of ``pledgectl.toml``."""
    from pledgectl.core.reader import TomlSyntaxError, loads

    try:
        data = loads(raw_bytes.decode("utf-8"))  # the reader's parser, with its depth guard
    except UnicodeDecodeError as exc:
        raise SettingsError(
            N_("{file} is not UTF-8 (byte {offset})"),
            hint=N_("save the file as UTF-8"),
            file=str(path),
            offset=exc.start,
        ) from None
    except TomlSyntaxError as exc:
        raise SettingsError(
            N_("{file}:{line}:{col}: not valid TOML: {reason}"),
            hint=N_("fix the TOML at that line (a missing quote or bracket is usual)"),
            file=str(path),
            line=exc.line,
            col=exc.col,
            reason=exc.reason,
        ) from None
    except RecursionError:
        raise SettingsError(
            N_("{file}:{line}:{col}: not valid TOML: {reason}"),
            hint=N_("fix the TOML at that line (a missing quote or bracket is usual)"),
            file=str(path),
            line="1",
            col="1",
            reason="nesting too deep",
        ) from None

    try:
        return _build(path, data, raw_bytes)
    except SettingsError as exc:
        if exc.key == N_("{file}:{line}: {field} has an invalid value {value!r}"):
            exc.params["line"] = _line_of(raw_bytes.decode("utf-8"), str(exc.params["field"]))
        raise


def _build(path: Path, data: dict[str, Any], raw_bytes: bytes) -> Settings:
    version = data.get("schema", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, "schema", version)
    if version > SCHEMA_VERSION:
        raise SettingsError(
            N_("{file} has schema {found}, newer than this pledgectl understands ({known})"),
            hint=N_("upgrade pledgectl"),
            file=str(path),
            found=version,
            known=SCHEMA_VERSION,
        )

    checklist = tuple(
        ChecklistItem(
            id=item["id"],
            title=_str_map(path, f"checklist.{item['id']}.title", item.get("title", item["id"])),
            basis=item.get("basis") if isinstance(item.get("basis"), str) else None,
        )
        for item in _tables(path, data, "checklist")
    )
    elections = {}
    for item in _tables(path, data, "elections"):
        where = f"elections.{item['id']}"
        voting_day = _date(path, f"{where}.voting_day", item.get("voting_day"), True)
        assert voting_day is not None
        elections[item["id"]] = Election(
            id=item["id"],
            name=_str_map(path, f"{where}.name", item.get("name", item["id"])),
            voting_day=voting_day,
            campaign_start=_date(
                path, f"{where}.campaign_start", item.get("campaign_start"), False
            ),
            campaign_end=_date(path, f"{where}.campaign_end", item.get("campaign_end"), False),
        )
    institutions = {}
    for item in _tables(path, data, "institutions"):
        where = f"institutions.{item['id']}"
        institutions[item["id"]] = Institution(
            id=item["id"],
            name=_str_map(path, f"{where}.name", item.get("name", item["id"])),
            until=_date(path, f"{where}.until", item.get("until"), False),
            sealers=_ids(path, f"{where}.sealers", item.get("sealers", [])),
        )

    raw_policy = data.get("policy", {})
    if not isinstance(raw_policy, dict):
        raise _fail(path, "policy", raw_policy)
    defaults = Policy(checks={})
    checks = raw_policy.get("checks", {})
    if not isinstance(checks, dict):
        raise _fail(path, "policy.checks", checks)
    for name, severity in checks.items():
        if severity not in SEVERITIES:
            raise _fail(path, f"policy.checks.{name}", severity)
    policy = Policy(
        scope=_ids(path, "policy.scope", raw_policy.get("scope", list(defaults.scope))),
        required_witnesses=_ids(
            path,
            "policy.required_witnesses",
            raw_policy.get("required_witnesses", list(defaults.required_witnesses)),
        ),
        kinds=_ids(path, "policy.kinds", raw_policy.get("kinds", list(defaults.kinds))),
        nip_optional_for=_ids(
            path,
            "policy.nip_optional_for",
            raw_policy.get("nip_optional_for", list(defaults.nip_optional_for)),
        ),
        required_seals=_ids(path, "policy.required_seals", raw_policy.get("required_seals", [])),
        checks=dict(checks),
    )
    for election in policy.scope:
        if election not in elections:
            raise _fail(path, "policy.scope", election)
    for institution in policy.required_witnesses:
        if institution not in institutions:
            raise _fail(path, "policy.required_witnesses", institution)
    for institution in policy.required_seals:
        if institution not in institutions:
            raise _fail(path, "policy.required_seals", institution)
    return Settings(
        path=path,
        checklist=checklist,
        elections=elections,
        institutions=institutions,
        policy=policy,
        raw=raw_bytes,
    )


def load_settings(path: Path) -> Settings:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SettingsError(
            N_("no settings file {file}"),
            hint=N_("create a registry with `pledgectl init`"),
            file=str(path),
        ) from None
    except OSError as exc:
        raise SettingsError(
            N_("cannot read {file}: {reason}"),
            hint=N_("check the file's permissions"),
            file=str(path),
            reason=exc.strerror,
        ) from None
    return parse_settings(path, raw)
