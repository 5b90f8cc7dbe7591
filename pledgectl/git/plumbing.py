"""Thin, safe git plumbing for reading the registry at a revision.

Git is always run as a list of arguments (never through a shell) with a fixed
``C`` locale, so its own output can be parsed, and with terminal prompts off,
so a credential helper can never hang a command. Every failure a user can
cause (git missing, not a repository, unknown revision) becomes a
:class:`~pledgectl.core.errors.PledgeError` with a hint, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

from pledgectl.core.errors import ToolMissing, UsageFailure
from pledgectl.core.i18n import N_

AGENCIES_DIR = "agencies"
SUFFIX = ".toml"


def git_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment git runs in: C locale for parsing, no prompts."""
    env = dict(os.environ if base is None else base)
    env["LC_ALL"] = "C"
    env["LANGUAGE"] = "C"
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def run_git(
    args: Sequence[str],
    cwd: Path,
    *,
    input: bytes | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``cwd`` and capture its output as bytes.

    With ``check`` a non-zero exit becomes ``ToolMissing("gitops.failed")``
    carrying git's own first error line, so callers only handle what they expect.
    """
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=input,
            capture_output=True,
            env=git_env(),
            check=False,
        )
    except FileNotFoundError:
        raise ToolMissing(
            N_("git is not installed or not on PATH"),
            hint=N_("Install git, or run inside a git repository"),
        ) from None
    except NotADirectoryError:
        raise ToolMissing(
            N_("{path} is not inside a git repository"),
            hint=N_(
                "run `git init` and commit the registry, or point --registry at a registry inside a git repository"
            ),
            path=str(cwd),
        ) from None
    if check and proc.returncode != 0:
        _raise_for(proc, args, cwd)
    return proc


def _first_line(raw: bytes) -> str:
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return ""


def _raise_for(proc: subprocess.CompletedProcess[bytes], args: Sequence[str], cwd: Path) -> None:
    reason = _first_line(proc.stderr)
    lowered = reason.lower()
    if "not a git repository" in lowered:
        raise ToolMissing(
            N_("{path} is not inside a git repository"),
            hint=N_(
                "run `git init` and commit the registry, or point --registry at a registry inside a git repository"
            ),
            path=str(cwd),
        )
    if "dubious ownership" in lowered:
        raise ToolMissing(
            N_("git refuses to work in {path}: the repository belongs to another user"),
            hint=N_("if you trust it, run: git config --global --add safe.directory {path}"),
            path=str(cwd),
        )
    raise ToolMissing(
        N_("{command} failed: {reason}"),
        hint=N_("run the git command yourself to see the full error"),
        command="git " + " ".join(args),
        reason=reason,
    )


def _existing_dir(path: Path) -> Path:
    """The directory git should run in for ``path`` (a file's parent, or the nearest existing)."""
    path = Path(path).absolute()
    while not path.is_dir():
        if path.parent == path:
            break
        path = path.parent
    return path


def toplevel(path: Path) -> Path:
    """The work-tree root of the repository that contains ``path``."""
    cwd = _existing_dir(path)
    proc = run_git(["rev-parse", "--show-toplevel"], cwd)
    out = proc.stdout.decode("utf-8", "surrogateescape").rstrip("\n")
    if not out:  # inside .git or a bare repository: no work tree
        raise ToolMissing(
            N_("{path} is not inside a git repository"),
            hint=N_(
                "run `git init` and commit the registry, or point --registry at a registry inside a git repository"
            ),
            path=str(path),
        )
    return Path(out)


def prefix(registry: Path) -> str:
    """The registry directory relative to the repository top, POSIX style ("" at the top).

    Asked of git rather than computed, so symlinked temp dirs and case-folding
    file systems agree with what git stores.
    """
    cwd = _existing_dir(registry)
    proc = run_git(["rev-parse", "--show-prefix"], cwd)
    out = proc.stdout.decode("utf-8", "surrogateescape").strip("\n")
    return out.rstrip("/")


def verify_rev(cwd: Path, rev: str) -> str:
    """The full commit id ``rev`` names; ``UsageFailure("gitops.bad-revision")`` if none."""
    if not rev or rev.startswith("-") or "\n" in rev or "\0" in rev:
        raise UsageFailure(
            N_("unknown revision {rev!r}"),
            hint=N_(
                "give a branch, tag or commit that exists, e.g. HEAD, main or HEAD~1 (see `git log --oneline`)"
            ),
            rev=rev,
        )
    proc = run_git(
        ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
        _existing_dir(cwd),
        check=False,
    )
    if proc.returncode != 0:
        reason = _first_line(proc.stderr).lower()
        if "not a git repository" in reason or "dubious ownership" in reason:
            _raise_for(proc, ["rev-parse"], _existing_dir(cwd))
        raise UsageFailure(
            N_("unknown revision {rev!r}"),
            hint=N_(
                "give a branch, tag or commit that exists, e.g. HEAD, main or HEAD~1 (see `git log --oneline`)"
            ),
            rev=rev,
        )
    return proc.stdout.decode("ascii").strip()


def _agency_id(name: str) -> str | None:
    """The agency id of a direct child ``<id>.toml`` of the agencies dir, else None."""
    if "/" in name or not name.endswith(SUFFIX) or name.startswith("."):
        return None
    stem = name[: -len(SUFFIX)]
    return stem or None


def list_agency_files(registry: Path, rev: str) -> dict[str, str]:
    """Agency files of ``registry`` at ``rev``: ``{agency_id: path-from-repo-top}``.

    Only direct ``agencies/<id>.toml`` children count, as for the working tree.
    """
    top = toplevel(registry)
    commit = verify_rev(top, rev)
    base = PurePosixPath(prefix(registry), AGENCIES_DIR).as_posix().lstrip("/")
    if base.startswith("./"):
        base = base[2:]
    proc = run_git(["ls-tree", "-r", "-z", "--name-only", commit, "--", base], top)
    found: dict[str, str] = {}
    for raw in proc.stdout.split(b"\0"):
        if not raw:
            continue
        full = raw.decode("utf-8", "surrogateescape")
        if not full.startswith(base + "/"):
            continue
        agency = _agency_id(full[len(base) + 1 :])
        if agency is not None:
            found[agency] = full
    return dict(sorted(found.items()))


def read_blobs(top: Path, rev: str, paths: Iterable[str]) -> dict[str, bytes | None]:
    """Contents of many files at ``rev`` with one ``git cat-file --batch`` process.

    ``paths`` are relative to the repository top; a path missing at ``rev``
    (or not a file) maps to None. Input and output travel through one
    ``communicate`` call, so a large registry cannot deadlock on full pipes.
    """
    wanted = [p for p in dict.fromkeys(paths) if "\n" not in p and "\0" not in p]
    result: dict[str, bytes | None] = {}
    if not wanted:
        return result
    commit = verify_rev(top, rev)
    request = b"".join(f"{commit}:{p}\n".encode("utf-8", "surrogateescape") for p in wanted)
    proc = run_git(["cat-file", "--batch"], top, input=request)
    out = proc.stdout
    pos = 0
    for path in wanted:
        end = out.index(b"\n", pos)
        header = out[pos:end].split(b" ")
        pos = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            body = out[pos : pos + size]
            pos += size + 1  # the content is followed by one LF
            result[path] = body if header[1] == b"blob" else None
        else:  # "<name> missing" or "<name> ambiguous"
            result[path] = None
    return result


def read_agencies_at(registry: Path, rev: str) -> dict[str, bytes]:
    """Raw bytes of every agency file of ``registry`` at ``rev``, by agency id."""
    files = list_agency_files(registry, rev)
    blobs = read_blobs(toplevel(registry), rev, files.values())
    return {agency: blob for agency, path in files.items() if (blob := blobs.get(path)) is not None}


def read_agencies_worktree(registry: Path) -> dict[str, bytes]:
    """Raw bytes of every agency file in the working tree, by agency id.

    Needs no git: the working tree is what is on disk, tracked or not.
    """
    directory = Path(registry) / AGENCIES_DIR
    found: dict[str, bytes] = {}
    if not directory.is_dir():
        return found
    for entry in sorted(directory.iterdir()):
        agency = _agency_id(entry.name)
        if agency is None or not entry.is_file():
            continue
        try:
            found[agency] = entry.read_bytes()
        except OSError:
            continue
    return found


def read_settings_at(registry: Path, rev: str) -> bytes | None:
    """Raw ``pledgectl.toml`` of ``registry`` at ``rev`` (None when absent)."""
    top = toplevel(registry)
    path = PurePosixPath(prefix(registry), "pledgectl.toml").as_posix().lstrip("/")
    return read_blobs(top, rev, [path]).get(path)


def merge_file(
    ours: str, base: str, theirs: str, labels: tuple[str, str, str], marker_size: int = 7
) -> tuple[str, bool]:
    """Line-wise 3-way merge of three texts with git's conflict markers.

    For the merge driver's fallback: when the semantic merge finds a true
    conflict, merging the *canonical* texts leaves markers only around the
    records in conflict. Returns the text and whether it has conflicts.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pledgectl-merge-") as tmp:
        names = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            file = Path(tmp) / name
            file.write_text(text, encoding="utf-8", newline="\n")
            names.append(str(file))
        proc = run_git(
            [
                "merge-file",
                "-p",
                f"--marker-size={marker_size}",
                "-L",
                labels[0],
                "-L",
                labels[1],
                "-L",
                labels[2],
                *names,
            ],
            Path(tmp),
            check=False,
        )
    if proc.returncode < 0 or proc.returncode > 127:
        raise ToolMissing(
            N_("{command} failed: {reason}"),
            hint=N_("run the git command yourself to see the full error"),
            command="git merge-file",
            reason=_first_line(proc.stderr),
        )
    return proc.stdout.decode("utf-8", "replace"), proc.returncode != 0
