"""The per-file work done away from the main process, and what it sends back.

A worker is set up once with the run's state (:func:`setup`), then checks
chunks of files (:func:`check_chunk`). What comes back, and what the cache
keeps, is plain data: per file its findings as dicts (:func:`finding_dict`,
language-independent: codes and parameters, never rendered text) and the keyed
checks' keys.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pledgectl.checks.base import Context
from pledgectl.core.findings import Finding
from pledgectl.core.registry import Registry
from pledgectl.engine.plan import Plan, check_file

PARALLEL_MIN_FILES = 50  # fewer files needing a check than this: no worker processes
CHUNK_FILES = 16  # files per worker task
_SELF = "\x00self"  # a cached finding's ``file`` when it is the checked file itself

# What a worker needs: registry, today, display root, the checks asked for, whether caching.
State = tuple[Registry, dt.date, Path | None, list[str], bool]
Identity = tuple[int, int, int]
# One file's result: ("ok", (payload, identity read, hash or None)) or ("error", (msgid, hint, params))
Result = tuple[str, Any]


def finding_dict(f: Finding, own_file: str) -> dict[str, Any]:
    """A finding as marshal-able data; ``own_file`` is replaced by a marker (files move)."""
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


def finding_from(d: dict[str, Any], own_file: str | None = None) -> Finding:
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


_worker: dict[str, Any] = {}


def setup(state: State) -> None:
    """Initialise per-file work in this process (a worker's initializer)."""
    registry, today, display_root, names, caching = state
    _worker.clear()
    _worker.update(
        ctx=Context(registry, registry.settings, today, display_root),
        plan=Plan(registry.settings, names),
        caching=caching,
    )


def _check_one(path: Path) -> tuple[dict[str, Any], Identity, str | None]:
    """A file's payload, the identity of what was read, and its hash when the cache needs it."""
    from pledgectl.core.reader import parse_text, read_raw
    from pledgectl.engine.cache import content_hash, is_racy

    ctx: Context = _worker["ctx"]
    raw, ident = read_raw(path)
    found, keys, counts = check_file(parse_text(path, raw), ctx, _worker["plan"])
    own = ctx.display_path(path) if found else ""
    payload = {"findings": [finding_dict(f, own) for f in found], "keys": keys, "counts": counts}
    digest = content_hash(raw) if _worker["caching"] and is_racy(ident[1]) else None
    return payload, ident, digest


def check_chunk(paths: list[str]) -> list[Result]:
    """Check some files; a file that cannot be read comes back as its error."""
    from pledgectl.core.errors import PledgeError

    out: list[Result] = []
    for name in paths:
        try:
            out.append(("ok", _check_one(Path(name))))
        except PledgeError as exc:
            params = {k: str(v) for k, v in exc.params.items()}
            msgid = exc.key if exc.plural is None else (exc.key, exc.plural)
            out.append(("error", (msgid, exc.hint_key, params)))
    return out


def results(misses: list[Path], jobs: int | None, state: State) -> Iterator[Result]:
    """Results for ``misses``, in order; in worker processes when there are many."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    threshold = 1 if jobs is not None else PARALLEL_MIN_FILES
    if workers <= 1 or len(misses) <= threshold:
        setup(state)
        for path in misses:
            yield from check_chunk([str(path)])
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    size = max(1, min(CHUNK_FILES, len(misses) // (workers * 4) or 1))
    chunks = [[str(p) for p in misses[i : i + size]] for i in range(0, len(misses), size)]
    window = workers * 3  # tasks in flight: results are consumed in order, memory bounded
    with ProcessPoolExecutor(workers, initializer=setup, initargs=(state,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        queue = iter(chunks)
        for chunk in queue:
            pending.append(pool.submit(check_chunk, chunk))
            if len(pending) >= window:
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(check_chunk, nxt))
            yield from done
