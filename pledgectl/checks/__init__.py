"""The checks: each a module with a :class:`Check`, run over one agency file at a time.

Per-file work happens in ``check_file``; checks that compare agencies keep only
compact keys between files and report in ``finish``. The policy in
``pledgectl.toml`` sets each check's severity or turns it off.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from pledgectl.core.findings import SEVERITY_RANK, Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.registry import Registry
from pledgectl.core.settings import Settings

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
    "seals",
    "coverage",
    "duplicates",
)


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


class KeyedCheck(Check):
    """A cross-file check fed with compact per-file keys instead of whole files.

    The direct path keeps each file's keys as ``check_file`` sees it and hands
    them to ``finish``; the split runner takes them per file with ``collect``
    (in a worker, cached) and calls ``finish_from`` with all of them in file
    order. Subclasses define ``file_keys`` and ``finish_from``.
    """

    def __init__(self) -> None:
        self.keys: list[tuple[str, Any]] = []  # seen by check_file, not taken by collect

    def file_keys(self, af: AgencyFile) -> Any:
        raise NotImplementedError

    def finish_from(self, keys: list[tuple[str, Any]], ctx: Context) -> Iterable[Finding | None]:
        raise NotImplementedError

    def keep_keys(self, af: AgencyFile, ctx: Context) -> None:
        if ctx.settings.policy.checks.get(self.name) != "off":
            self.keys.append((str(af.path), self.file_keys(af)))

    def collect(self, af: AgencyFile, ctx: Context) -> Any:
        """The file's keys, taken over by the runner (called after ``check_file``)."""
        if self.keys and self.keys[-1][0] == str(af.path):
            return self.keys.pop()[1]
        if ctx.settings.policy.checks.get(self.name) == "off":
            return []  # finish_from reports nothing for a check that is off
        return self.file_keys(af)

    def finish(self, ctx: Context) -> Iterable[Finding | None]:
        keys, self.keys = self.keys, []
        return self.finish_from(keys, ctx)


def check_names(only: Iterable[str] | None = None) -> list[str]:
    """The checks to run, in :data:`CHECK_NAMES` order (unknown names are ignored)."""
    wanted = set(only) if only else set(CHECK_NAMES)
    return [name for name in CHECK_NAMES if name in wanted]


def load_checks(only: Iterable[str] | None = None) -> list[Check]:
    checks: list[Check] = []
    for name in check_names(only):
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


class CheckRun:
    """A check's result: the findings, how many files were read, which checks ran.

    ``registries``: how many registries the run spans (reports then say which
    registry an agency is in, since two registries may use the same agency id).
    """

    def __init__(
        self, findings: list[Finding], files: int, checks: list[str], registries: int = 1
    ) -> None:
        self.findings = findings
        self.files = files
        self.checks = checks
        self.registries = registries

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in self.findings)


# -- the runner ----------------------------------------------------------------------------
#
# Two ways to run, with identical findings (a test holds them to it):
#
# * direct: one process, each file read once and given to every check in turn,
#   then each check's ``finish`` -- the reference path, used for small
#   registries when the cache is off;
# * split: the *per-file* checks (no cross-file state) run file by file, in
#   worker processes when many files need checking, and their findings are
#   cached per file (:mod:`pledgectl.engine.cache`). The checks that compare agencies
#   (state kept between files, or a ``finish``) are replayed in this process,
#   in file order, over each file's compact *skeleton* -- the few fields they
#   read -- which workers extract and the cache keeps. A check that reads
#   anything outside the skeleton is noticed (:class:`_SkeletonMiss`) and run
#   again the plain way, over the files themselves: never a wrong result.
#
# A check may also take part explicitly: ``collect(af, ctx) -> list`` returns a
# file's JSON-able cross-file keys (computed beside ``check_file``, cached),
# and ``finish_from(keys, ctx)`` receives ``[(path, keys), ...]`` in file order
# and yields the cross-file findings. Its ``check_file`` must then be per-file.

PARALLEL_MIN_FILES = 50  # fewer files needing a check than this: no worker processes
CHUNK_FILES = 16  # files per worker task
_SELF = "\x00self"  # a cached finding's ``file`` when it is the checked file itself

# The skeleton: for each kind of table, the keys kept (anything else is a miss).
_SKEL_TOP = frozenset(("agency", "roster", "declarations"))
_SKEL_AGENCY = frozenset(("id", "parent"))
_SKEL_DECL = frozenset(("id", "kind", "elections", "signatories"))
_SKEL_PERSON = frozenset(("nip", "name"))


class _SkeletonMiss(Exception):
    """A replayed check asked for something the skeleton does not hold."""


def _has_protocol(check: Check) -> bool:
    return callable(getattr(check, "collect", None)) and callable(
        getattr(check, "finish_from", None)
    )


def _is_cross_file(check: Check) -> bool:
    """Whether a check keeps state between files (and so cannot run file by file)."""
    if _has_protocol(check):
        return False
    return type(check).finish is not Check.finish or bool(vars(check))


def run_checks(
    registry: Registry,
    agencies: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
    today: dt.date | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool | None = None,
    keys: dict[str, list[tuple[str, Any]]] | None = None,
) -> CheckRun:
    """Check the registry (or some agencies), streaming one file at a time.

    ``jobs``: worker processes (None: one per core, used when more than
    :data:`PARALLEL_MIN_FILES` files need checking; 1: none; ``PLEDGECTL_JOBS``
    sets the default). ``use_cache``: None follows ``PLEDGECTL_NO_CACHE``.
    ``keys``: filled with the cross-file checks' per-file keys, by check name,
    for :func:`run_checks_over` to compare registries.
    """
    import os

    from pledgectl.engine import cache as cache_mod

    ctx = Context(registry, registry.settings, today or dt.date.today())
    names = check_names(only)  # the modules are imported only when a file needs checking
    wanted = set(agencies) if agencies else None
    paths = [
        p for p in registry.agency_paths() if wanted is None or p.name[: -len(".toml")] in wanted
    ]
    if jobs is None and os.environ.get("PLEDGECTL_JOBS", "").isdigit():
        jobs = max(1, int(os.environ["PLEDGECTL_JOBS"]))
    caching = cache_mod.enabled() if use_cache is None else use_cache
    if not caching and (jobs == 1 or (jobs is None and len(paths) <= PARALLEL_MIN_FILES)):
        findings = _run_direct(ctx, load_checks(names), paths, keys)
    else:
        findings = _run_split(ctx, names, paths, jobs, caching, keys)
    findings.sort(key=Finding.sort_key)
    return CheckRun(findings, len(paths), names)


def run_checks_over(
    registries: list[Registry],
    agencies: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
    today: dt.date | None = None,
) -> CheckRun:
    """Check several registries as one run: each by its own settings, in the order given.

    For a province or the nation, where each kabupaten/kota keeps its own
    registry (gathered by git submodules or remotes). ``agencies`` picks files in
    whichever registry has them. Agency ids are each registry's own (two may
    use the same one); ``duplicates`` also compares people across registries.
    """
    wanted = list(agencies) if agencies else None
    per_member: list[list[Finding]] = []  # findings in registry order, each sorted
    files = 0
    names = check_names(only)
    across = len(registries) > 1 and "duplicates" in names
    members: list[tuple[Context, list[tuple[str, Any]]]] = []
    for registry in registries:
        mine = [a for a in wanted if registry.agency_path_exists(a)] if wanted else None
        if wanted and not mine:
            continue
        keys: dict[str, list[tuple[str, Any]]] | None = {} if across else None
        run = run_checks(registry, mine, only, today, keys=keys)
        per_member.append(run.findings)
        files += run.files
        if keys is not None:
            members.append(
                (Context(registry, registry.settings, today), keys.get("duplicates", []))
            )
    if len(members) > 1:
        from pledgectl.checks.duplicates import across_registries

        for index, finding in across_registries(members):
            per_member[index].append(finding)
        for found in per_member:
            found.sort(key=Finding.sort_key)
    findings = [f for found in per_member for f in found]
    return CheckRun(findings, files, names, len(registries))


def _run_direct(
    ctx: Context,
    checks: list[Check],
    paths: list[Path],
    keys: dict[str, list[tuple[str, Any]]] | None = None,
) -> list[Finding]:
    from pledgectl.core.reader import read_agency

    findings: list[Finding] = []
    for path in paths:
        af = read_agency(path)
        for check in checks:
            findings.extend(f for f in check.check_file(af, ctx) if f is not None)
    if keys is not None:
        keys.update({c.name: list(c.keys) for c in checks if isinstance(c, KeyedCheck)})
    for check in checks:
        findings.extend(f for f in check.finish(ctx) if f is not None)
    return findings


# -- findings as cacheable data ------------------------------------------------------------


def _finding_dict(f: Finding, own_file: str) -> dict[str, Any]:
    return {
        "code": f.code,
        "check": f.check,
        "severity": f.severity,
        "agency": f.agency,
        "file": _SELF if f.file == own_file else f.file,
        "line": f.line,
        "col": f.col,
        "declaration": f.declaration,
        "nip": f.nip,
        "params": dict(f.params),
    }


def _finding_from(d: dict[str, Any], own_file: str | None = None) -> Finding:
    file = d["file"]
    return Finding(
        code=d["code"],
        check=d["check"],
        severity=d["severity"],
        agency=d["agency"],
        file=own_file if file == _SELF else file,
        line=d["line"],
        col=d["col"],
        declaration=d["declaration"],
        nip=d["nip"],
        params=dict(d["params"]),
    )


# -- skeletons: the fields the cross-file checks read, and lines looked up late ------------


def _prune_value(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [v if isinstance(v, str) else 0 for v in value]
    return 0  # present, but neither a string nor a list of them


def _prune_table(table: dict[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    return {k: _prune_value(table[k]) for k in keep if k in table}


def _prune_people(raw: Any) -> Any:
    if not isinstance(raw, list):
        return 0
    return [
        {k: _prune_value(p[k]) for k in _SKEL_PERSON if k in p} if isinstance(p, dict) else 0
        for p in raw
    ]


def _skeleton(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """The cross-file checks' view of a file, as plain data (marshal- and JSON-able)."""
    if data is None:
        return None
    out: dict[str, Any] = {}
    if "agency" in data:
        agency = data["agency"]
        out["agency"] = _prune_table(agency, _SKEL_AGENCY) if isinstance(agency, dict) else 0
    if "roster" in data:
        out["roster"] = _prune_people(data["roster"])
    if "declarations" in data:
        raw = data["declarations"]
        if isinstance(raw, list):
            decls: list[Any] = []
            for decl in raw:
                if not isinstance(decl, dict):
                    decls.append(0)
                    continue
                table = _prune_table(decl, _SKEL_DECL - {"signatories"})
                if "signatories" in decl:
                    table["signatories"] = _prune_people(decl["signatories"])
                decls.append(table)
            out["declarations"] = decls
        else:
            out["declarations"] = 0
    return out


class _SkelDict(dict[str, Any]):
    """A pruned table that refuses to answer for keys it does not hold."""

    __slots__ = ("allowed",)

    def __init__(self, data: dict[str, Any], allowed: frozenset[str]) -> None:
        super().__init__(data)
        self.allowed = allowed

    def _ok(self, key: object) -> None:
        if key not in self.allowed:
            raise _SkeletonMiss(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._ok(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self._ok(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._ok(key)
        return super().__contains__(key)

    def _whole(self, *args: Any) -> Any:
        raise _SkeletonMiss("whole table")

    keys = values = items = __iter__ = __len__ = copy = _whole


def _people_view(raw: Any) -> Any:
    if not isinstance(raw, list):
        return raw
    return [_SkelDict(p, _SKEL_PERSON) if isinstance(p, dict) else p for p in raw]


def _data_view(skel: dict[str, Any]) -> _SkelDict:
    top = dict(skel)
    if isinstance(top.get("agency"), dict):
        top["agency"] = _SkelDict(top["agency"], _SKEL_AGENCY)
    if "roster" in top:
        top["roster"] = _people_view(top["roster"])
    if isinstance(top.get("declarations"), list):
        decls = []
        for decl in top["declarations"]:
            if isinstance(decl, dict):
                decl = dict(decl)
                if "signatories" in decl:
                    decl["signatories"] = _people_view(decl["signatories"])
                decl = _SkelDict(decl, _SKEL_DECL)
            decls.append(decl)
        top["declarations"] = decls
    return _SkelDict(top, _SKEL_TOP)


class _Lines:
    """Line numbers of files in this process, read only when a finding needs one."""

    def __init__(self) -> None:
        self.files: dict[Path, AgencyFile | None] = {}

    def line(self, path: Path, record: tuple[str | int, ...], key: str | None) -> int | None:
        from pledgectl.core.errors import PledgeError
        from pledgectl.core.reader import read_agency

        if path not in self.files:
            if len(self.files) > 8:
                self.files.pop(next(iter(self.files)))
            try:
                self.files[path] = read_agency(path)
            except PledgeError:
                self.files[path] = None
        af = self.files[path]
        return af.line(record, key) if af is not None else None


class _LazyLine:
    """A line number looked up only when it is used (most never are)."""

    __slots__ = ("_done", "_value", "key", "lines", "path", "record")

    def __init__(
        self, lines: _Lines, path: Path, record: tuple[str | int, ...], key: str | None
    ) -> None:
        self.lines, self.path, self.record, self.key = lines, path, record, key
        self._done = False
        self._value: int | None = None

    def value(self) -> int | None:
        if not self._done:
            self._value = self.lines.line(self.path, self.record, self.key)
            self._done = True
        return self._value

    def __bool__(self) -> bool:
        return bool(self.value())

    def __format__(self, spec: str) -> str:
        return format(self.value(), spec)

    def __str__(self) -> str:
        return str(self.value())

    __repr__ = __str__

    def __int__(self) -> int:
        value = self.value()
        if value is None:
            raise _SkeletonMiss("line")
        return value

    __index__ = __int__

    def __eq__(self, other: object) -> bool:
        other = other.value() if isinstance(other, _LazyLine) else other
        return self.value() == other

    def __hash__(self) -> int:
        return hash(self.value())

    def __lt__(self, other: object) -> bool:
        raise _SkeletonMiss("line order")

    __le__ = __gt__ = __ge__ = __lt__


class _SkeletonFile:
    """Stands in for :class:`AgencyFile` when a cross-file check is replayed."""

    def __init__(
        self, path: Path, skel: dict[str, Any] | None, problem: Any, lines: _Lines
    ) -> None:
        from pledgectl.core.reader import ParseProblem

        self.path = path
        self.data = _data_view(skel) if skel is not None else None
        self.problem = ParseProblem(*problem) if problem else None
        self.size = 0
        self._extra: dict[str, Any] = {}
        self._lines = lines

    @property
    def file_id(self) -> str:
        return self.path.name.removesuffix(".toml")

    def line(self, path: tuple[str | int, ...], key: str | None = None) -> Any:
        return _LazyLine(self._lines, self.path, path, key)

    @property
    def text(self) -> str:
        raise _SkeletonMiss("text")

    @property
    def outline(self) -> Any:
        raise _SkeletonMiss("outline")


def _settle(f: Finding) -> Finding:
    """A replayed finding with its lazy line looked up."""
    if isinstance(f.line, _LazyLine):
        f = f._replace(line=f.line.value())
    if any(isinstance(v, _LazyLine) for v in f.params.values()):
        f = f._replace(params={k: str(v) for k, v in f.params.items()})
    return f


# -- the per-file work (in this process or a worker) ---------------------------------------

_worker: dict[str, Any] = {}


def _setup(state: tuple[Any, ...]) -> None:
    """Initialise per-file work: ``state`` as built by :func:`_worker_state`."""
    from pledgectl.core import i18n

    registry, today, display_root, lang, names, skeleton, caching = state
    i18n.set_lang(lang)
    ctx = Context(registry, registry.settings, today, display_root)
    _worker.clear()
    _worker.update(
        ctx=ctx,
        checks=load_checks(names) if names else [],
        skeleton=skeleton,
        caching=caching,
    )


def _read(path: Path) -> tuple[AgencyFile, tuple[int, int, int], bytes]:
    """As :func:`pledgectl.core.reader.read_agency`, plus the identity of exactly what was read."""
    from pledgectl.core.reader import parse_text, read_raw

    raw, identity = read_raw(path)
    return parse_text(path, raw), identity, raw


def _check_one(path: Path) -> tuple[dict[str, Any], tuple[int, int, int], str | None]:
    """A file's payload, the identity of what was read, and its hash when the cache needs it."""
    from pledgectl.engine.cache import content_hash, is_racy

    ctx: Context = _worker["ctx"]
    af, ident, raw = _read(path)
    found: list[Finding] = []
    keys: dict[str, Any] = {}
    for check in _worker["checks"]:
        found.extend(f for f in check.check_file(af, ctx) if f is not None)
        if _has_protocol(check):
            keys[check.name] = check.collect(af, ctx)
    own = ctx.display_path(path) if found else ""
    payload: dict[str, Any] = {"findings": [_finding_dict(f, own) for f in found], "keys": keys}
    if _worker["skeleton"]:
        problem = af.problem
        payload["skeleton"] = _skeleton(af.data)
        payload["problem"] = (
            [problem.key, problem.line, problem.col, problem.reason] if problem else None
        )
    digest = content_hash(raw) if _worker["caching"] and is_racy(ident[1]) else None
    return payload, ident, digest


def _check_chunk(paths: list[str]) -> list[tuple[str, Any]]:
    """Check some files; a file that cannot be read comes back as its error."""
    from pledgectl.core.errors import PledgeError

    out: list[tuple[str, Any]] = []
    for name in paths:
        try:
            out.append(("ok", _check_one(Path(name))))
        except PledgeError as exc:
            out.append(("error", (exc.key, {k: str(v) for k, v in exc.params.items()})))
    return out


def _computed(
    misses: list[Path], jobs: int | None, state: tuple[Any, ...]
) -> Iterator[tuple[str, Any]]:
    """Results for ``misses``, in order; in worker processes when there are many."""
    import os

    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    threshold = 1 if jobs is not None else PARALLEL_MIN_FILES
    if workers <= 1 or len(misses) <= threshold:
        _setup(state)
        for path in misses:
            yield from _check_chunk([str(path)])
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    size = max(1, min(CHUNK_FILES, len(misses) // (workers * 4) or 1))
    chunks = [[str(p) for p in misses[i : i + size]] for i in range(0, len(misses), size)]
    window = workers * 3  # tasks in flight: results are consumed in order, memory bounded
    with ProcessPoolExecutor(workers, initializer=_setup, initargs=(state,)) as pool:
        pending: deque[Future[list[tuple[str, Any]]]] = deque()
        queue = iter(chunks)
        for chunk in queue:
            pending.append(pool.submit(_check_chunk, chunk))
            if len(pending) >= window:
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(_check_chunk, nxt))
            yield from done


def _run_split(
    ctx: Context,
    names: list[str],
    paths: list[Path],
    jobs: int | None,
    caching: bool,
    sink: dict[str, list[tuple[str, Any]]] | None = None,
) -> list[Finding]:
    import os

    from pledgectl.core import i18n
    from pledgectl.core.errors import PledgeError
    from pledgectl.engine.cache import ResultCache, identity, is_racy, tool_identity

    cache = None
    if caching:  # what every cached result depends on besides its own file
        base_key = (
            tool_identity(),
            ctx.settings.fingerprint,
            sorted(names),
            ctx.today.isoformat(),
            i18n.get_lang(),
        )
        cache = ResultCache.for_registry(ctx.registry.root, base_key)

    # identities now; a file that vanished is left to fail as the direct path fails
    idents: list[tuple[int, int, int] | None] = []
    for path in paths:
        try:
            idents.append(identity(os.stat(path)))
        except OSError:
            idents.append(None)
    display_root = str((ctx.display_root or Path.cwd()).resolve())
    memo_key: list[Any] = [
        display_root,
        [[str(p), *(i or [])] for p, i in zip(paths, idents, strict=True)],
    ]
    settled = cache is not None and all(i is not None and not is_racy(i[1]) for i in idents)
    if cache is not None and settled and sink is None:  # the memo keeps findings, not keys
        memo = cache.load_memo(memo_key)
        if memo is not None:
            try:
                return [_finding_from(d) for d in memo]
            except (KeyError, TypeError):
                pass  # a foreign memo: check again

    checks = load_checks(names)
    per_file = [c for c in checks if not _is_cross_file(c)]
    replayed = [c for c in checks if _is_cross_file(c)]
    protocol = [c for c in per_file if _has_protocol(c)]
    payloads: list[dict[str, Any] | None] = []
    misses: list[Path] = []
    for path, ident in zip(paths, idents, strict=True):
        hit = cache.load(path, ident) if cache is not None and ident is not None else None
        if hit is not None and replayed and "skeleton" not in hit:
            hit = None
        payloads.append(hit)
        if hit is None:
            misses.append(path)

    state = (
        ctx.registry,
        ctx.today,
        ctx.display_root,
        i18n.get_lang(),
        [c.name for c in per_file],
        bool(replayed),
        cache is not None,
    )
    fresh = _computed(misses, jobs, state)
    lines = _Lines()
    findings: list[Finding] = []
    replay_found: dict[str, list[Finding]] = {c.name: [] for c in replayed}
    live = list(replayed)
    fallback: list[Check] = []
    keys: dict[str, list[tuple[str, Any]]] = {c.name: [] for c in protocol}
    for path, payload in zip(paths, payloads, strict=True):
        if payload is None:
            status, value = next(fresh)
            if status == "error":
                raise PledgeError(value[0], **value[1])
            payload, read_ident, digest = value
            if cache is not None:
                cache.store(path, read_ident, payload, digest)
        if payload["findings"]:
            own = ctx.display_path(path)
            findings.extend(_finding_from(d, own) for d in payload["findings"])
        for name, got in payload["keys"].items():
            if name in keys:
                keys[name].append((str(path), got))
        if live:
            skel = cast(
                AgencyFile,
                _SkeletonFile(path, payload.get("skeleton"), payload.get("problem"), lines),
            )
            for check in list(live):
                try:
                    replay_found[check.name].extend(
                        f for f in check.check_file(skel, ctx) if f is not None
                    )
                except _SkeletonMiss:
                    live.remove(check)
                    fallback.append(check)
    for check in live:
        try:
            replay_found[check.name].extend(f for f in check.finish(ctx) if f is not None)
            findings.extend(_settle(f) for f in replay_found[check.name])
        except _SkeletonMiss:
            fallback.append(check)
    for check in protocol:
        finish_from = check.finish_from  # type: ignore[attr-defined]
        findings.extend(f for f in finish_from(keys[check.name], ctx) if f is not None)
    if fallback:
        findings.extend(_run_direct(ctx, [type(c)() for c in fallback], paths))
    if sink is not None:
        sink.update(keys)
    if cache is not None:
        cache.save(paths)
        if settled:
            cache.store_memo(memo_key, [_finding_dict(f, "") for f in findings])
    return findings
