"""The check API: what a check is given (:class:`Context`) and the three kinds of check.

* :class:`Check` looks at one agency file at a time (``check_file``);
* :class:`KeyedCheck` compares agencies: per file it extracts compact,
  JSON-able keys (``file_keys``, cached with the file's findings), and
  ``finish_from`` compares every file's keys in file order;
* :class:`JudgingCheck` judges a file from the other checks' findings on it
  (``coverage`` needs to know which declarations have an error).

A check never asks whether the policy turns it off: the engine does not run
a check that is off. It reports at the default severity it passes to
:meth:`Context.finding`; the policy in ``pledgectl.toml`` may override it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pledgectl.checks import CHECK_NAMES
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.registry import Registry
from pledgectl.core.settings import Settings
from pledgectl.core.walk import agency_of

FileKeys = list[tuple[str, Any]]  # (file path, that file's keys), in file order
Counts = dict[str, list[int]]  # numbers a judging check adds up over the files of a run


class Context:
    """What every check is given: the registry, its settings, the day, where paths show from."""

    def __init__(
        self,
        registry: Registry,
        settings: Settings,
        today: dt.date | None = None,
        display_root: Path | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings
        self.today = today or dt.date.today()
        self.display_root = display_root
        # resolved folders, for display_path: resolving costs a system call per component
        self._resolved: dict[Path, Path] = {}

    def display_path(self, path: Path) -> str:
        """Paths as the user can open them: relative to the working directory when possible."""
        try:
            return str(self._resolve(path).relative_to(self._resolve_dir(self.display_root)))
        except ValueError:
            return str(path)

    def _resolve_dir(self, folder: Path | None) -> Path:
        key = folder if folder is not None else Path()
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = (folder or Path.cwd()).resolve()
        return found

    def _resolve(self, path: Path) -> Path:
        """``path.resolve()``, its folder resolved once (the file itself may be a link)."""
        if path.name in ("", ".", "..") or path.is_symlink():
            return path.resolve()
        return self._resolve_dir(path.parent) / path.name

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
    ) -> Finding:
        """A finding at a record (``path``) or one of its keys, at the policy's severity."""
        if line is None and path is not None:
            line = af.line(path, key)
        return Finding(
            code=code,
            check=check,
            severity=self.settings.policy.checks.get(check, severity),
            agency=agency_of(af),
            file=self.display_path(af.path),
            line=line,
            col=col,
            declaration=declaration,
            nip=nip,
            params={k: str(v) for k, v in params.items()},
        )


class Check:
    """Base of every check; subclasses set ``name`` and override ``check_file``."""

    name = ""

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return ()


class KeyedCheck(Check):
    """A cross-file check fed with compact per-file keys instead of whole files.

    The engine calls ``file_keys`` beside ``check_file`` on each file (in a
    worker process, and caches the result), then ``finish_from`` once with
    every file's keys in file order. Only ``finish_from`` sees more than one file.
    """

    def file_keys(self, af: AgencyFile) -> Any:
        raise NotImplementedError

    def finish_from(self, keys: FileKeys, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


class JudgingCheck(Check):
    """A per-file check that reads what the other checks found on the same file.

    ``needs``: the checks whose *error* findings count. The engine runs those
    first on the file (even when they were not asked for; their findings are
    then not shown) and calls ``judge_file`` with the ids of the declarations
    they fault. ``check_file`` is not called. ``counts`` is the file's: what
    the check puts there the engine adds up, key by key and item by item, over
    the run (``coverage``: election -> [signed, roster], for the summary).
    """

    needs: tuple[str, ...] = ()

    def judge_file(
        self, af: AgencyFile, ctx: Context, faulted: set[str], counts: Counts
    ) -> Iterable[Finding]:
        raise NotImplementedError


def check_names(only: Iterable[str] | None = None) -> list[str]:
    """The checks to run, in :data:`CHECK_NAMES` order (unknown names are ignored)."""
    wanted = set(only) if only else set(CHECK_NAMES)
    return [name for name in CHECK_NAMES if name in wanted]


def load_check(name: str) -> Check:
    """A fresh instance of the check ``name`` (the module ``pledgectl.checks.<name>``)."""
    module = importlib.import_module(f"pledgectl.checks.{name}")
    check = type(module.CHECK)()
    assert isinstance(check, Check)
    return check


def load_checks(only: Iterable[str] | None = None) -> list[Check]:
    return [load_check(name) for name in check_names(only)]
