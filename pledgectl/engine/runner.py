"""Running the checks over a registry (or several): the runner and its cache glue.

Two ways to run, with identical findings (a test holds them to it):

* direct: one process, each file read once and given to every check of the
  :class:`~pledgectl.engine.plan.Plan` -- the reference path, used for small
  registries when the cache is off;
* split: file by file, in worker processes (:mod:`pledgectl.engine.workers`)
  when many files need checking, each file's findings and keys cached
  (:mod:`pledgectl.engine.cache`), so a warm run reads only what changed.

Either way the keyed checks (those that compare agencies) get every file's
keys at the end, in file order, in this process.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pledgectl.checks.base import Context, Counts, FileKeys, check_names
from pledgectl.core.findings import Finding
from pledgectl.core.registry import Registry
from pledgectl.engine.plan import Plan, add_counts, check_file
from pledgectl.engine.run import CheckRun
from pledgectl.engine.workers import PARALLEL_MIN_FILES, finding_dict, finding_from, results

KeySink = dict[str, FileKeys]  # check name -> every file's keys


def run_checks(
    registry: Registry,
    agencies: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
    today: dt.date | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool | None = None,
    keys: KeySink | None = None,
) -> CheckRun:
    """Check the registry (or some agencies), streaming one file at a time.

    ``jobs``: worker processes (None: one per core, used when more than
    :data:`~pledgectl.engine.workers.PARALLEL_MIN_FILES` files need checking;
    1: none; ``PLEDGECTL_JOBS`` sets the default). ``use_cache``: None follows
    ``PLEDGECTL_NO_CACHE``. ``keys``: filled with the keyed checks' per-file
    keys, by check name, for :func:`run_checks_over` to compare registries.
    """
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
    counts: Counts = {}
    if not caching and (jobs == 1 or (jobs is None and len(paths) <= PARALLEL_MIN_FILES)):
        findings = _run_direct(ctx, names, paths, keys, counts)
    else:
        findings = _run_split(ctx, names, paths, jobs, caching, keys, counts)
    findings.sort(key=Finding.sort_key)
    return CheckRun(findings, len(paths), names, coverage=counts)


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
    use the same one); ``duplicates`` also compares people across registries,
    unless the first registry's policy turns it off.
    """
    wanted = list(agencies) if agencies else None
    per_member: list[list[Finding]] = []  # findings in registry order, each sorted
    files = 0
    names = check_names(only)
    across = (
        len(registries) > 1
        and "duplicates" in names
        and registries[0].settings.policy.checks.get("duplicates") != "off"
    )
    members: list[tuple[Context, FileKeys]] = []
    counts: Counts = {}
    for registry in registries:
        mine = [a for a in wanted if registry.agency_path_exists(a)] if wanted else None
        if wanted and not mine:
            continue
        keys: KeySink | None = {} if across else None
        run = run_checks(registry, mine, only, today, keys=keys)
        per_member.append(run.findings)
        files += run.files
        add_counts(counts, run.coverage)
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
    return CheckRun(findings, files, names, len(registries), counts)


def _finish(ctx: Context, plan: Plan, keys: KeySink, sink: KeySink | None) -> list[Finding]:
    """The keyed checks' findings, from every file's keys."""
    findings: list[Finding] = []
    for check in plan.keyed:
        findings.extend(check.finish_from(keys[check.name], ctx))
    if sink is not None:
        sink.update(keys)
    return findings


def _run_direct(
    ctx: Context, names: list[str], paths: list[Path], sink: KeySink | None, counts: Counts
) -> list[Finding]:
    from pledgectl.core.reader import read_agency

    plan = Plan(ctx.settings, names)
    findings: list[Finding] = []
    keys: KeySink = {c.name: [] for c in plan.keyed}
    for path in paths:
        found, file_keys, file_counts = check_file(read_agency(path), ctx, plan)
        findings.extend(found)
        add_counts(counts, file_counts)
        for name, got in file_keys.items():
            keys[name].append((str(path), got))
    return findings + _finish(ctx, plan, keys, sink)


def _run_split(
    ctx: Context,
    names: list[str],
    paths: list[Path],
    jobs: int | None,
    caching: bool,
    sink: KeySink | None,
    counts: Counts,
) -> list[Finding]:
    from pledgectl.core.errors import PledgeError
    from pledgectl.engine.cache import ResultCache, identity, is_racy, tool_identity

    cache = None
    if caching:  # what every cached result depends on besides its own file (not the language)
        base_key = (tool_identity(), ctx.settings.fingerprint, sorted(names), ctx.today.isoformat())
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
                found = [finding_from(d) for d in memo["findings"]]
                add_counts(counts, memo["counts"])
                return found
            except (KeyError, TypeError, IndexError):
                counts.clear()  # a foreign memo: check again

    plan = Plan(ctx.settings, names)
    payloads: list[dict[str, Any] | None] = []
    misses: list[Path] = []
    for path, ident in zip(paths, idents, strict=True):
        hit = cache.load(path, ident) if cache is not None and ident is not None else None
        payloads.append(hit)
        if hit is None:
            misses.append(path)

    fresh = results(misses, jobs, (ctx.registry, ctx.today, ctx.display_root, names, caching))
    findings: list[Finding] = []
    keys: KeySink = {c.name: [] for c in plan.keyed}
    for path, payload in zip(paths, payloads, strict=True):
        if payload is None:
            status, value = next(fresh)
            if status == "error":
                raise PledgeError(value[0], hint=value[1], **value[2])
            payload, read_ident, digest = value
            if cache is not None:
                cache.store(path, read_ident, payload, digest)
        if payload["findings"]:
            own = ctx.display_path(path)
            findings.extend(finding_from(d, own) for d in payload["findings"])
        for name, got in payload["keys"].items():
            if name in keys:
                keys[name].append((str(path), got))
        add_counts(counts, payload["counts"])
    findings += _finish(ctx, plan, keys, sink)
    if cache is not None:
        cache.save(paths)
        if settled:
            memo = {"findings": [finding_dict(f, "") for f in findings], "counts": counts}
            cache.store_memo(memo_key, memo)
    return findings
