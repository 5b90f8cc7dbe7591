"""Careful writes: locked, atomic, permission-keeping, never through a symlink.

Every registry write goes through :func:`write_atomic` under :func:`locked`.
The lock lives on a dedicated ``.<file>.lock`` beside the data file (the data
file's inode changes on every replace, so it cannot carry the lock); it is an
``flock``, so the kernel releases it when a process dies and a killed clerk
never blocks the next one. It is taken with the standard library's ``fcntl``
directly: the *filelock* package did the same in ~20 ms of imports, a sixth of
a clerk's whole ``sign``.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from pledgectl.core.errors import RefusedWrite
from pledgectl.core.i18n import N_

LOCK_TIMEOUT = 30.0

# Extended attribute on a file pledgectl wrote as valid TOML: a digest of exactly those
# bytes. ``sign`` into a file whose digest still matches needs no parse to know the file
# is valid TOML (a parse of 5,000 signatories costs more than all the rest of ``sign``).
# Any other writer (an editor, git) leaves no attribute or a digest that no longer
# matches, so the file is parsed. Where extended attributes are not supported, always.
VALID_ATTR = "user.pledgectl.valid-toml"

# Told when a writer has to wait for another's lock: (file, seconds left), then
# (file, None) once the waiting ends (the lock taken, or the time up). The CLI sets it to say so on stderr at once,
# instead of waiting in silence (see :func:`set_wait_reporter`).
WaitReporter = Callable[[Path, float | None], None]
_wait_reporter: list[WaitReporter] = []


def set_wait_reporter(reporter: WaitReporter | None) -> None:
    """Who hears that a lock is held by another writer (None: nobody)."""
    _wait_reporter.clear()
    if reporter is not None:
        _wait_reporter.append(reporter)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the writer lock of ``path``; a clear error if another writer keeps it.

    The lock file is opened without following a symlink and never truncated;
    waiting polls a non-blocking ``flock`` with a growing pause, up to ``timeout``.
    """
    import fcntl
    import time

    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise RefusedWrite(
            N_("cannot lock {file}: {reason}"),
            hint=N_("check that the registry folder is writable"),
            file=str(path),
            reason=exc.strerror,
        ) from None
    try:
        deadline = time.monotonic() + timeout
        pause = 0.002
        told = -1  # the last whole second of waiting reported; -1: nothing said yet
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                now = time.monotonic()
                if _wait_reporter and int(deadline - now) != told and pause >= 0.05:
                    told = int(deadline - now)
                    _wait_reporter[0](path, max(deadline - now, 0.0))
                if now >= deadline:
                    if told >= 0 and _wait_reporter:
                        _wait_reporter[0](path, None)
                    raise RefusedWrite(
                        N_("{file} is being written by another pledgectl (waited {seconds} s)"),
                        hint=N_(
                            "try again when the other command has finished; a lock of a killed process is released by the system"
                        ),
                        file=str(path),
                        seconds=int(timeout),
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.05)
            except OSError as exc:
                raise RefusedWrite(
                    N_("cannot lock {file}: {reason}"),
                    hint=N_("check that the registry folder is writable"),
                    file=str(path),
                    reason=exc.strerror,
                ) from None
        if told >= 0 and _wait_reporter:
            _wait_reporter[0](path, None)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def wait_for_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> None:
    """Wait until no other writer holds ``path``'s lock (told to the wait reporter), then let go.

    For commands that ask questions: a held lock is said at once, before the
    questions, not after the answers. The write itself takes the lock again.
    """
    with locked(path, timeout):
        pass


def _clean_stale_temps(path: Path) -> None:
    """Remove temporary files a killed writer left behind (we hold the lock)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def ensure_plain_target(path: Path) -> None:
    """Refuse to write through a symlink or onto anything but a regular file."""
    if path.is_symlink():
        raise RefusedWrite(
            N_("{file} is a symbolic link; pledgectl never writes through one"),
            hint=N_("replace the link with the real file"),
            file=str(path),
        )
    if path.exists() and not path.is_file():
        raise RefusedWrite(
            N_("{file} is not a regular file"),
            hint=N_("move it away; agency files are plain files"),
            file=str(path),
        )


def _digest(data: bytes) -> bytes:
    try:  # the built-in module: ``hashlib`` would load OpenSSL, ~2 ms of start-up
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python implementation
        from hashlib import blake2b
    return blake2b(data, digest_size=16).digest()


def known_valid(path: Path, data: bytes) -> bool:
    """Whether ``data`` (just read from ``path``) is what pledgectl last wrote there as valid."""
    try:
        return os.getxattr(path, VALID_ATTR) == _digest(data)
    except (OSError, AttributeError):  # no attribute, not supported, not Linux
        return False


def write_atomic(
    path: Path, data: bytes, *, must_not_exist: bool = False, valid_toml: bool = False
) -> None:
    """Write ``data`` to ``path`` so a crash leaves the old file or the new, never a mix.

    Call with the lock held. The temp file is in the same directory (same file
    system, so the rename is atomic), flushed and fsynced, given the old file's
    permissions, then renamed over the old one; the directory is fsynced too.
    ``valid_toml``: the caller knows ``data`` is valid TOML; it is marked so
    (:data:`VALID_ATTR`), which spares the next write a parse.
    """
    ensure_plain_target(path)
    if must_not_exist and path.exists():
        raise RefusedWrite(
            N_("{file} already exists"), hint=N_("choose another name"), file=str(path)
        )
    _clean_stale_temps(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            if valid_toml:
                with contextlib.suppress(OSError, AttributeError):
                    os.setxattr(fd, VALID_ATTR, _digest(data))
            os.fsync(fd)
        finally:
            os.close(fd)
        if must_not_exist:
            os.link(tmp, path)  # fails if a concurrent writer created it first
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except FileExistsError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise RefusedWrite(
            N_("{file} already exists"), hint=N_("choose another name"), file=str(path)
        ) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise RefusedWrite(
            N_("cannot write {file}: {reason}"),
            hint=N_("check free disk space and permissions; the file is unchanged"),
            file=str(path),
            reason=exc.strerror,
        ) from None
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
