"""The registry in git: ``git install``, the textconv driver and the merge driver.

Git calls ``pledgectl git textconv FILE`` to show an agency file as a readable
summary in ``git diff`` and ``git log -p``, and ``pledgectl git merge-driver
%O %A %B %P`` to merge agency files: concurrent additions merge into
canonical form; a true conflict is written with git's conflict markers around
the canonical texts and the driver exits 1, so git stops for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pledgectl.core import canonical
from pledgectl.core.comments import extract
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_
from pledgectl.core.reader import parse_text
from pledgectl.core.storage import locked, write_atomic
from pledgectl.git import plumbing as gitops

DRIVER = "pledgectl"
CONFIG = {
    "diff.pledgectl.textconv": "pledgectl git textconv",
    "diff.pledgectl.cachetextconv": "false",
    "merge.pledgectl.name": "pledgectl agency files (semantic merge)",
    "merge.pledgectl.driver": "pledgectl git merge-driver %O %A %B %P",
}


@dataclass
class InstallResult:
    attributes_file: Path
    added_lines: list[str]
    config_set: list[str]


def install(registry_root: Path) -> InstallResult:
    """Write ``.gitattributes`` lines and local git config; running it again changes nothing."""
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
    changed: list[str] = []
    for key, value in CONFIG.items():
        current = gitops.run_git(["config", "--local", "--get", key], top, check=False)
        if current.stdout.decode().strip() != value:
            gitops.run_git(["config", "--local", key, value], top)
            changed.append(key)
    return InstallResult(attributes, added, changed)


def textconv(path: Path) -> str:
    from pledgectl.git.semdiff import summarise_bytes

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PledgeError(
            N_("cannot read {file}: {reason}"),
            hint=N_("check the file's permissions"),
            file=str(path),
            reason=exc.strerror,
        ) from None
    return summarise_bytes(raw)


@dataclass
class MergeOutcome:
    clean: bool
    conflicts: list[str]


def merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> MergeOutcome:
    """Merge ``theirs`` into ``ours`` (git's %A, rewritten in place) against ``base``.

    ``ours`` is read and rewritten under its writer lock, so a ``sign`` into the
    same file at the same moment lands before or after the merge, never lost.
    """
    with locked(ours):
        return _merge_locked(base, ours, theirs, name)


def _merge_locked(base: Path, ours: Path, theirs: Path, name: str) -> MergeOutcome:
    from pledgectl.git.merge import merge_agency

    raws = []
    for path in (base, ours, theirs):
        try:
            raws.append(path.read_bytes())
        except OSError as exc:
            raise PledgeError(
                N_("cannot read {file}: {reason}"),
                hint=N_("check the file's permissions"),
                file=str(path),
                reason=exc.strerror,
            ) from None
    parsed = [parse_text(Path(name), raw) for raw in raws]
    datas = [p.data for p in parsed]
    notes = [extract(p.text, p.outline) for p in parsed]
    # Comments are put back from our side; if theirs added some, only a text merge keeps them.
    theirs_only = set(notes[2].all_text()) - set(notes[1].all_text()) - set(notes[0].all_text())
    readable = datas[1] is not None and datas[2] is not None
    if readable and not theirs_only:
        base_data = datas[0] if raws[0] else None
        result = merge_agency(base_data, datas[1] or {}, datas[2] or {})
        if not result.conflicts:
            write_atomic(ours, canonical.dumps_agency(result.data, notes[1]).encode("utf-8"))
            return MergeOutcome(True, [])
        texts = [
            canonical.dumps_agency(d, n) if d is not None else r.decode("utf-8", "replace")
            for d, r, n in zip(datas, raws, notes, strict=True)
        ]
        conflicts = [c.message() for c in result.conflicts]
    else:
        texts = [r.decode("utf-8", "replace") for r in raws]
        conflicts = []
    merged, conflicted = gitops.merge_file(texts[1], texts[0], texts[2], ("ours", "base", "theirs"))
    write_atomic(ours, merged.encode("utf-8"))
    return MergeOutcome(not conflicted and not conflicts, conflicts)
