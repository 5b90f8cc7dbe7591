"""The check-result cache: per agency file, what the checks found, kept outside the registry.

Where: ``$XDG_CACHE_HOME/pledgectl/<sha256 of the registry's absolute path>/``
(``~/.cache`` by default); ``PLEDGECTL_NO_CACHE=1`` turns it off. Nothing is
ever written inside the registry, so git never sees the cache.

What is kept, per agency file, is language-independent data: each finding as a
dict (code, check, severity, location and parameters, never rendered text) and,
for the checks that compare agencies, the file's compact keys, so they can
compare again without parsing the file.
All entries live in one file, read once and written once per run by the main
process: creating a file costs 0.2-0.4 ms on some file systems, a thousand of
them more than checking a hundred agencies.

An entry is used only when everything it depends on is unchanged: the file's
identity (name, size, ``mtime_ns``, inode), the bytes of ``pledgectl.toml``
(``Settings.fingerprint``), the tool (``pledgectl.__version__`` and the size
and ``mtime_ns`` of each of its modules: :func:`tool_identity`), the set of checks run,
the date (some rules look at today) and the Python version; not the language,
since nothing cached is rendered text. A
file written within :data:`RACY_SECONDS` of its entry could have been edited
again within the same timestamp tick, so such an entry also carries the
file's content hash and is verified against it (git's "racily clean" rule).
A corrupt, unreadable or foreign cache file is ignored and rebuilt; every
write is atomic (temporary file, then ``os.replace``).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMAT = 3
RACY_SECONDS = 2.0
_PACK = "results.bin"
_MEMO = "last-run.bin"


def enabled() -> bool:
    return os.environ.get("PLEDGECTL_NO_CACHE", "") in ("", "0")


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pledgectl"


def registry_cache_dir(registry_root: Path) -> Path:
    digest = hashlib.sha256(str(registry_root.resolve()).encode("utf-8", "surrogateescape"))
    return cache_root() / digest.hexdigest()[:32]


def identity(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def is_racy(mtime_ns: int, now: float | None = None) -> bool:
    """Whether a file's mtime is too recent to tell a later same-size edit apart."""
    return mtime_ns >= int(((now if now is not None else time.time()) - RACY_SECONDS) * 1e9)


def tool_identity(package_dir: Path | None = None) -> list[Any]:
    """The version and the identity of the code that computes results.

    Reinstalling changed code under the same version number (``pip install .``
    of a newer checkout, an editable install being worked on) must not reuse
    what the old code found, so each module's size and ``mtime_ns`` count too:
    ~80 ``stat`` calls, well under a millisecond.
    """
    import pledgectl

    root = package_dir or Path(pledgectl.__file__).parent
    found: list[Any] = [pledgectl.__version__]
    pending = [str(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                try:
                    st = entry.stat()
                except OSError:  # gone mid-scan (a reinstall under way): counts as a change
                    found.append([entry.path, -1, -1])
                    continue
                found.append([entry.path, st.st_size, st.st_mtime_ns])
            elif entry.name != "__pycache__" and entry.is_dir():
                pending.append(entry.path)
    return found


def _dump(obj: Any) -> bytes:
    return marshal.dumps(obj)


def _load(raw: bytes) -> Any:
    return marshal.loads(raw)


class ResultCache:
    """One registry's cache directory. Every method fails silently: a cache is optional."""

    def __init__(self, directory: Path, base_key: tuple[Any, ...]) -> None:
        self.directory = directory
        # what every entry depends on besides its own file
        self.base_key = (FORMAT, sys.version, *base_key)
        self._loaded: dict[str, Any] | None = None
        self._dirty = False

    @classmethod
    def for_registry(cls, registry_root: Path, base_key: tuple[Any, ...]) -> ResultCache | None:
        if not enabled():
            return None
        return cls(registry_cache_dir(registry_root), base_key)

    # -- entries, one per agency file, kept together -----------------------------------

    def _entries(self) -> dict[str, Any]:
        if self._loaded is None:
            try:
                pack = _load((self.directory / _PACK).read_bytes())
            except Exception:  # missing, unreadable or corrupt: no entries
                pack = None
            good = isinstance(pack, dict) and pack.get("base") == list(self.base_key)
            files = pack.get("files") if good else None
            self._loaded = files if isinstance(files, dict) else {}
        return self._loaded

    def load(self, path: Path, ident: tuple[int, int, int]) -> dict[str, Any] | None:
        """The stored payload for ``path`` as it is now, or None."""
        entry = self._entries().get(str(path))
        if not (isinstance(entry, list) and len(entry) == 3) or entry[0] != list(ident):
            return None
        _, digest, payload = entry
        if digest is not None:  # racily clean when stored: verify the bytes
            try:
                if content_hash(path.read_bytes()) != digest:
                    return None
            except OSError:
                return None
        return payload if isinstance(payload, dict) else None

    def store(
        self,
        path: Path,
        ident: tuple[int, int, int],
        payload: dict[str, Any],
        digest: str | None,
    ) -> None:
        """Keep ``payload`` for ``path`` (written by :meth:`save`); ``digest`` when racy."""
        if is_racy(ident[1]) and digest is None:
            return  # cannot be verified later: do not keep it
        digest = digest if is_racy(ident[1]) else None
        self._entries()[str(path)] = [list(ident), digest, payload]
        self._dirty = True

    def save(self, checked: Iterable[Path]) -> None:
        """Write the entries, if any changed: this run's files and others that still exist."""
        if not self._dirty:
            return
        entries = self._entries()
        current = {str(p) for p in checked}
        kept = {k: v for k, v in entries.items() if k in current or os.path.exists(k)}
        self._write(self.directory / _PACK, {"base": list(self.base_key), "files": kept})
        self._dirty = False

    # -- the whole last run, for the common case where nothing changed ---------------------

    def load_memo(self, key: list[Any]) -> dict[str, Any] | None:
        """The whole result of the last run when ``key`` (every file's identity) is unchanged."""
        try:
            memo = _load((self.directory / _MEMO).read_bytes())
        except Exception:
            return None
        if not isinstance(memo, dict) or memo.get("key") != [list(self.base_key), *key]:
            return None
        result = memo.get("result")
        return result if isinstance(result, dict) else None

    def store_memo(self, key: list[Any], result: dict[str, Any]) -> None:
        self._write(self.directory / _MEMO, {"key": [list(self.base_key), *key], "result": result})

    def _write(self, target: Path, obj: Any) -> None:
        try:
            data = _dump(obj)
            target.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only when something changed: a warm run writes nothing

            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, ValueError, TypeError):
            return  # a cache that cannot be written is simply not kept
