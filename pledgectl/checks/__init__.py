"""The checks: each a module with a :class:`Check`, run over one agency file at a time.

Per-file work happens in ``check_file``; checks that compare agencies keep only
compact keys between files and report in ``finish``. The policy in
``pledgectl.toml`` sets each check's severity or turns it off.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pledgectl.findings import SEVERITY_RANK, Finding
from pledgectl.reader import AgencyFile
from pledgectl.registry import Registry
from pledgectl.settings import Settings

# The order findings are grouped in; each name is also a module of this package.
CHECK_NAMES = (
    "parse",
    "schema",
    "ids",
    "nip",
    "commitments",
    "witnesses",
    "signatories",
    "dates",
    "coverage",
    "duplicates",
)


@dataclass
class Context:
    registry: Registry
    settings: Settings
    today: dt.date = field(default_factory=dt.date.today)
    display_root: Path | None = None

    def display_path(self, path: Path) -> str:
        """Paths as the user can open them: relative to the working directory when possible."""
        try:
            return str(path.resolve().relative_to((self.display_root or Path.cwd()).resolve()))
        except ValueError:
            return str(path)

    def severity(self, check: str, default: str = "error") -> str:
        return self.settings.severity(check, default)

    def finding(
        self,
        check: str,
        code: str,
        af: AgencyFile,
        *,
        path: tuple[str | int, ...] | None = None,
        key: str | None = None,
        line: int | None = None,
        col: int | None = None,
        declaration: str | None = None,
        nip: str | None = None,
        severity: str = "error",
        **params: Any,
    ) -> Finding | None:
        """A finding at a record (``path``) or one of its keys; None when the check is off."""
        level = self.settings.policy.checks.get(check, severity)
        if level == "off":
            return None
        if line is None and path is not None:
            line = af.line(path, key)
        agency = af.file_id
        if af.data is not None:
            table = af.data.get("agency")
            if isinstance(table, dict) and isinstance(table.get("id"), str):
                agency = table["id"]
        return Finding(
            code=code,
            check=check,
            severity=level,
            agency=agency,
            file=self.display_path(af.path),
            line=line,
            col=col,
            declaration=declaration,
            nip=nip,
            params={k: str(v) for k, v in params.items()},
        )


class Check:
    """Base of every check; subclasses set ``name`` and override what they need."""

    name = ""

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        return ()

    def finish(self, ctx: Context) -> Iterable[Finding | None]:
        return ()


def load_checks(only: Iterable[str] | None = None) -> list[Check]:
    wanted = list(only) if only else list(CHECK_NAMES)
    checks: list[Check] = []
    for name in CHECK_NAMES:
        if name not in wanted:
            continue
        try:
            module = importlib.import_module(f"pledgectl.checks.{name}")
        except ModuleNotFoundError:
            continue
        checks.append(type(module.CHECK)())  # fresh state for cross-file checks
    return checks


def declarations(af: AgencyFile) -> Iterator[tuple[int, dict[str, Any]]]:
    """The declaration tables of a file, skipping anything of the wrong type."""
    if af.data is None:
        return
    raw = af.data.get("declarations")
    if not isinstance(raw, list):
        return
    for index, decl in enumerate(raw):
        if isinstance(decl, dict):
            yield index, decl


def records(decl: dict[str, Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    raw = decl.get(name)
    if not isinstance(raw, list):
        return
    for index, item in enumerate(raw):
        if isinstance(item, dict):
            yield index, item


@dataclass
class CheckRun:
    findings: list[Finding]
    files: int
    checks: list[str]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in self.findings)


def run_checks(
    registry: Registry,
    agencies: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
    today: dt.date | None = None,
) -> CheckRun:
    """Check the registry (or some agencies), streaming one file at a time."""
    ctx = Context(registry, registry.settings, today or dt.date.today())
    checks = load_checks(only)
    wanted = set(agencies) if agencies else None
    paths = [
        p for p in registry.agency_paths() if wanted is None or p.name[: -len(".toml")] in wanted
    ]
    findings: list[Finding] = []
    from pledgectl.reader import read_agency

    for path in paths:
        af = read_agency(path)
        for check in checks:
            findings.extend(f for f in check.check_file(af, ctx) if f is not None)
    for check in checks:
        findings.extend(f for f in check.finish(ctx) if f is not None)
    findings.sort(key=Finding.sort_key)
    return CheckRun(findings, len(paths), [c.name for c in checks])
