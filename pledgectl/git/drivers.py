"""The registry in git: ``git install``, the textconv driver and the merge driver.

Git calls the textconv driver with an agency file to show it as a readable
summary in ``git diff`` and ``git log -p``, and the merge driver with
``%O %A %B`` to merge agency files: concurrent additions merge into canonical
form; a true conflict is written with git's conflict markers around the
canonical texts and the driver exits 1, so git stops for the user.

Git runs both through ``sh -c`` from whatever shell, IDE or GUI started it, so
they are registered with the installing interpreter's absolute path
(``'/…/python' -m pledgectl``), never a bare ``pledgectl`` that such a PATH
may lack. The merge command carries a shell fallback: when the driver cannot
run (the interpreter is gone: exit 127; pledgectl no longer installed in it;
a crash) and left no conflict markers, ``git merge-file`` writes the
line-based merge with markers, and the command exits 1 so git keeps the file
unmerged. A merge the driver could not do never looks merged.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pledgectl.core import canonical
from pledgectl.core.comments import extract
from pledgectl.core.errors import ToolMissing
from pledgectl.core.i18n import N_, both
from pledgectl.core.reader import parse_text, read_bytes
from pledgectl.core.storage import locked, write_atomic
from pledgectl.git import plumbing as gitops

DRIVER = "pledgectl"
MARKER_SIZE = 7


def interpreter() -> str:
    """The absolute path of the running interpreter (not resolved: a venv's python stays itself)."""
    python = sys.executable
    if not python or not os.path.isabs(python):
        raise ToolMissing(
            N_("cannot tell which Python runs pledgectl, so the git drivers cannot be registered"),
            hint=N_(
                "run `python -m pledgectl git install` with the Python pledgectl is installed in"
            ),
        )
    return python


def textconv_command(python: str) -> str:
    """What git runs (through ``sh -c``, the file's path appended) for ``git diff``."""
    return f"{shlex.quote(python)} -m pledgectl git textconv"


def merge_command(python: str, note: str) -> str:
    """What git runs (through ``sh -c``) to merge an agency file.

    ``%X``/``%S``/``%Y`` are git's labels for ours/base/theirs (git 2.44 and
    later, each quoted by git); an older git leaves them as written, so the
    shell turns an unexpanded one into "" and the driver picks the default.
    ``note`` is echoed when the fallback runs (any ``%`` dropped: git would expand it).
    """
    note = note.replace("%", "")  # git would expand it
    labels = "x=%X s=%S y=%Y; " + " ".join(
        f"case ${v} in %?) {v}=;; esac;" for v in ("x", "s", "y")
    )
    driver = (
        f"{shlex.quote(python)} -m pledgectl git merge-driver %O %A %B %P"
        ' --marker-size %L --ours-label "$x" --base-label "$s" --theirs-label "$y"'
    )
    fallback = (
        "{ rc=$?; [ $rc -eq 1 ] && grep -qs '^<<<<<<<' %A || {"
        f' echo {shlex.quote(note)} "(exit $rc)" >&2;'
        " [ -n \"$y\" ] || y=$(env | sed -n 's/^GITHEAD_[0-9a-f]*=//p' | sed -n 1p);"
        ' git merge-file --marker-size=%L -L "${x:-HEAD}" -L "${s:-base}" -L "${y:-theirs}"'
        " %A %O %B; }; exit 1; }"
    )
    return f"{labels} {driver} || {fallback}"


def registration(python: str | None = None) -> dict[str, str]:
    """The local git config ``git install`` writes, for the interpreter ``python``."""
    python = python or interpreter()
    # in both languages: the registration must not depend on who ran `git install`
    note = " / ".join(
        both(
            N_(
                "pledgectl: the merge driver could not run, so this file was merged line by line "
                "and is left unmerged; check it, then run `pledgectl git install` again"
            )
        ).values()
    )
    return {
        "diff.pledgectl.textconv": textconv_command(python),
        "diff.pledgectl.cachetextconv": "false",
        "merge.pledgectl.name": "pledgectl agency files (semantic merge)",
        "merge.pledgectl.driver": merge_command(python, note),
    }


@dataclass
class InstallResult:
    attributes_file: Path
    added_lines: list[str]
    config_set: list[str]
    python: str = ""
    replaced: dict[str, str] | None = None  # key -> the value it had (an older registration)


def install(registry_root: Path, python: str | None = None) -> InstallResult:
    """Write ``.gitattributes`` lines and local git config.

    Running it again changes nothing, or repairs a registration that differs (a
    bare ``pledgectl`` of an older version, another interpreter's path).
    """
    top = gitops.toplevel(registry_root)
    rel = gitops.prefix(registry_root)
    pattern = f"{rel}/agencies/*.toml" if rel else "agencies/*.toml"
    line = f"{pattern} diff={DRIVER} merge={DRIVER}"
    attributes = top / ".gitattributes"
    existing = attributes.read_text("utf-8") if attributes.exists() else ""
    added: list[str] = []
    if line not in existing.splitlines():
        text = existing + ("" if not existing or existing.endswith("\n") else "\n") + line + "\n"
        with locked(attributes):
            write_atomic(attributes, text.encode("utf-8"))
        added.append(line)
    python = python or interpreter()
    changed: list[str] = []
    replaced: dict[str, str] = {}
    for key, value in registration(python).items():
        current = gitops.run_git(["config", "--local", "--get", key], top, check=False)
        old = current.stdout.decode("utf-8", "replace").strip()
        if old != value:
            gitops.run_git(["config", "--local", key, value], top)
            changed.append(key)
            if old:
                replaced[key] = old
    return InstallResult(attributes, added, changed, python, replaced)


def textconv(path: Path) -> str:
    from pledgectl.git.semdiff import summarise_bytes

    return summarise_bytes(read_bytes(path))


@dataclass
class MergeOutcome:
    clean: bool
    conflicts: list[str]


def merge_labels(
    ours: str = "", base: str = "", theirs: str = "", environ: Mapping[str, str] | None = None
) -> tuple[str, str, str]:
    """The conflict-marker labels: git's own (``%X %S %Y``) when it gave them, else its defaults.

    An older git does not pass labels; it sets ``GITHEAD_<commit>=<branch>`` for
    the branch being merged in, which is the label its own text merge uses.
    """
    env = os.environ if environ is None else environ
    if not theirs:
        names = [v for k, v in env.items() if k.startswith("GITHEAD_") and v]
        theirs = names[0] if len(names) == 1 else "theirs"
    return (ours or "HEAD", base or "base", theirs)


def merge_driver(
    base: Path,
    ours: Path,
    theirs: Path,
    name: str,
    labels: tuple[str, str, str] = ("HEAD", "base", "theirs"),
    marker_size: int = MARKER_SIZE,
) -> MergeOutcome:
    """Merge ``theirs`` into ``ours`` (git's %A, rewritten in place) against ``base``.

    ``ours`` is read and rewritten under its writer lock, so a ``sign`` into the
    same file at the same moment lands before or after the merge, never lost.
    ``labels`` (ours, base, theirs) name the sides on conflict markers. When
    the outcome is not clean, the file written always holds conflict markers.
    """
    if ours.name.startswith(".merge_file_"):
        # git's own temporary copy: no one else writes it, and a lock file beside it
        # would be left in the work tree as an untracked file
        return _merge_locked(base, ours, theirs, name, labels, marker_size)
    with locked(ours):
        return _merge_locked(base, ours, theirs, name, labels, marker_size)


def _merge_locked(
    base: Path,
    ours: Path,
    theirs: Path,
    name: str,
    labels: tuple[str, str, str],
    marker_size: int,
) -> MergeOutcome:
    from pledgectl.git.merge import align_conflicts, conflict_whole

    raws = [read_bytes(path) for path in (base, ours, theirs)]
    parsed = [parse_text(Path(name), raw) for raw in raws]
    datas = [p.data for p in parsed]
    notes = [extract(p.text, p.outline) for p in parsed]
    # Comments are put back from our side; if theirs added some, only a text merge keeps them.
    theirs_only = set(notes[2].all_text()) - set(notes[1].all_text()) - set(notes[0].all_text())
    readable = datas[1] is not None and datas[2] is not None
    if readable and not theirs_only:
        from pledgectl.git.merge import merge_agency

        base_data = datas[0] if raws[0] else None
        result = merge_agency(base_data, datas[1] or {}, datas[2] or {})
        if not result.conflicts:
            write_atomic(ours, canonical.dumps_agency(result.data, notes[1]).encode("utf-8"))
            return MergeOutcome(True, [])
        texts = [
            canonical.dumps_agency(d, n) if d is not None else r.decode("utf-8", "replace")
            for d, r, n in zip(datas, raws, notes, strict=True)
        ]
        conflicts = [c.message(labels) for c in result.conflicts]
    else:
        texts = [r.decode("utf-8", "replace") for r in raws]
        conflicts = []
    merged, conflicted = gitops.merge_file(
        texts[1], texts[0], texts[2], labels, marker_size=marker_size
    )
    if conflicted:
        merged = align_conflicts(merged, labels, marker_size)
    elif conflicts:
        # The records disagree though the lines merged: never write that as if merged.
        merged = conflict_whole(texts[1], texts[2], labels, marker_size)
    write_atomic(ours, merged.encode("utf-8"))
    return MergeOutcome(not conflicted and not conflicts, conflicts)
