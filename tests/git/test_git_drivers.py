"""The merge driver's output and the registered commands (issue 17.1)."""

from __future__ import annotations

import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest

from pledgectl.core.canonical import dumps_agency
from pledgectl.git import drivers
from pledgectl.git import plumbing as gitops
from pledgectl.git.merge import align_conflicts

LABELS = ("HEAD", "base", "clerk-b")
NIPS = {n: f"19850312201001100{i + 1}" for i, n in enumerate(["Ani", "Budi", "Citra", "Dedi"])}


def roster_file(names: list[str], positions: dict[str, str] | None = None) -> str:
    positions = positions or {}
    people = [
        {
            "nip": NIPS[name],
            "name": name,
            "status": "PNS",
            "position": positions.get(name, "Staf"),
        }
        for name in names
    ]
    agency = {"id": "dinas-x", "name": "Dinas X", "region": "14.71"}
    return dumps_agency({"schema": 1, "agency": agency, "roster": people})


def blocks(text: str) -> list[tuple[int, int, int]]:
    """(start, middle, end) line indexes of each conflict block."""
    lines = text.splitlines()
    found, start, middle = [], -1, -1
    for i, line in enumerate(lines):
        if line.startswith("<<<<<<< "):
            start = i
        elif line == "=======":
            middle = i
        elif line.startswith(">>>>>>> "):
            found.append((start, middle, i))
    return found


def resolutions(text: str) -> dict[str, str]:
    """The file as a user resolves every block: ours, theirs, or neither (the block deleted)."""
    lines = text.splitlines(keepends=True)
    out: dict[str, list[str]] = {"ours": [], "theirs": [], "neither": []}
    i = 0
    spans = {s: (m, e) for s, m, e in blocks(text)}
    while i < len(lines):
        if i in spans:
            m, e = spans[i]
            out["ours"] += lines[i + 1 : m]
            out["theirs"] += lines[m + 1 : e]
            i = e + 1
            continue
        for side in out.values():
            side.append(lines[i])
        i += 1
    return {k: "".join(v) for k, v in out.items()}


def test_delete_versus_edit_block_holds_whole_records(tmp_path: Path) -> None:
    names = ["Ani", "Budi", "Citra", "Dedi"]
    base = roster_file(names)
    ours = roster_file(["Ani", "Budi", "Dedi"])  # Citra removed here
    theirs = roster_file(names, {"Citra": "Kepala Seksi"})  # and changed there
    paths = []
    for side, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / side).write_text(text, "utf-8")
        paths.append(tmp_path / side)
    outcome = drivers.merge_driver(*paths, "agencies/dinas-x.toml", LABELS)
    assert not outcome.clean
    text = paths[1].read_text("utf-8")
    assert "<<<<<<< HEAD\n" in text and ">>>>>>> clerk-b\n" in text
    (_start, middle, end) = blocks(text)[0]
    lines = text.splitlines()
    theirs_side = lines[middle + 1 : end]
    # the block is the removed record, whole: its header first, no other record's header
    assert theirs_side[0] == "[[roster]]"
    assert sum(line.startswith("[[") for line in theirs_side) == 1
    assert lines[end + 1] == "[[roster]]" and "Dedi" in lines[end + 3]
    for how, resolved in resolutions(text).items():
        people = [p["name"] for p in tomllib.loads(resolved)["roster"]]
        expected = ["Ani", "Budi", "Citra", "Dedi"] if how == "theirs" else ["Ani", "Budi", "Dedi"]
        assert people == expected, how


def test_align_leaves_field_conflicts_and_foreign_markers_alone() -> None:
    field = 'a = 1\n<<<<<<< HEAD\nname = "A"\n=======\nname = "B"\n>>>>>>> x\nb = 2\n'
    assert align_conflicts(field, ("HEAD", "base", "x")) == field
    unfinished = "a = 1\n<<<<<<< HEAD\nname = 1\n"
    assert align_conflicts(unfinished, ("HEAD", "base", "x")) == unfinished


def test_conflicts_whose_lines_merge_still_get_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = roster_file(["Ani"])
    ours = roster_file(["Ani"], {"Ani": "Kepala"})
    theirs = roster_file(["Ani"], {"Ani": "Sekretaris"})
    paths = []
    for side, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / side).write_text(text, "utf-8")
        paths.append(tmp_path / side)
    # a line merge that sees no conflict where the records do
    monkeypatch.setattr(gitops, "merge_file", lambda o, b, t, labels, marker_size=7: (o, False))
    outcome = drivers.merge_driver(*paths, "agencies/dinas-x.toml", LABELS)
    assert not outcome.clean and outcome.conflicts
    text = paths[1].read_text("utf-8")
    assert text.startswith("<<<<<<< HEAD\n") and text.endswith(">>>>>>> clerk-b\n")
    assert "Kepala" in text and "Sekretaris" in text


def test_labels_default_to_gits_own() -> None:
    assert drivers.merge_labels("", "", "", {"GITHEAD_abc": "clerk-b"}) == LABELS
    assert drivers.merge_labels("", "", "", {}) == ("HEAD", "base", "theirs")
    given = drivers.merge_labels("HEAD", "merged common ancestors", "feature/x", {})
    assert given == ("HEAD", "merged common ancestors", "feature/x")


def test_registered_commands_quote_any_interpreter_path(tmp_path: Path) -> None:
    """Through real git and sh: a stub interpreter at a path with a space and a quote."""
    folder = tmp_path / "it's a venv" / "bin"
    folder.mkdir(parents=True)
    stub = folder / "python"
    record = tmp_path / "argv.txt"
    stub.write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done > {shlex.quote(str(record))}\n',
        "utf-8",
    )
    stub.chmod(0o755)
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "c@example.org")
    git("config", "user.name", "C")
    for key, value in drivers.registration(str(stub)).items():
        git("config", "--local", key, value)
    (repo / ".gitattributes").write_text("*.toml merge=pledgectl\n", "utf-8")
    (repo / "a b.toml").write_text("x = 1\n", "utf-8")
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "clerk-b")
    (repo / "a b.toml").write_text("x = 2\n", "utf-8")
    git("commit", "-qam", "b")
    git("checkout", "-q", "main")
    (repo / "a b.toml").write_text("x = 3\n", "utf-8")
    git("commit", "-qam", "a")
    git("merge", "--no-edit", "clerk-b")  # the stub exits 0: "merged" as ours
    argv = record.read_text("utf-8").splitlines()
    assert argv[:3] == ["-m", "pledgectl", "merge-driver"] or argv[:4] == [
        "-m",
        "pledgectl",
        "git",
        "merge-driver",
    ]
    assert argv[7] == "a b.toml"  # %P, quoted by git
    assert argv[8:10] == ["--marker-size", "7"]
    assert argv[10::2] == ["--ours-label", "--base-label", "--theirs-label"]
    # git 2.44+ gives its labels; an older one none (""), and the driver uses its defaults
    assert argv[11] in ("", "HEAD") and argv[15] in ("", "clerk-b")


def _git_expand(command: str, values: dict[str, str]) -> str:
    """What git 2.44+ runs: each placeholder replaced, %S %X %Y %P single-quoted as git does."""
    out, i = [], 0
    while i < len(command):
        if command[i] == "%" and i + 1 < len(command) and command[i + 1] in values:
            value = values[command[i + 1]]
            quoted = command[i + 1] in "SXYP"
            out.append("'" + value.replace("'", "'\\''") + "'" if quoted else value)
            i += 2
        else:
            out.append(command[i])
            i += 1
    return "".join(out)


@pytest.mark.parametrize(
    "labels",
    [("HEAD", "merged common ancestors", "clerk-b"), ("HEAD", "", "abc1234 (it's a $commit)")],
)
def test_labels_from_a_newer_git_reach_the_driver_intact(
    tmp_path: Path, labels: tuple[str, str, str]
) -> None:
    record = tmp_path / "argv.txt"
    stub = tmp_path / "python"
    stub.write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done > {shlex.quote(str(record))}\n',
        "utf-8",
    )
    stub.chmod(0o755)
    command = drivers.registration(str(stub))["merge.pledgectl.driver"]
    values = {"O": "o", "A": "a", "B": "b", "L": "9", "P": "x.toml"}
    values.update(X=labels[0], S=labels[1], Y=labels[2])
    done = subprocess.run(["sh", "-c", _git_expand(command, values)], cwd=tmp_path)
    assert done.returncode == 0
    argv = record.read_text("utf-8").splitlines()
    assert argv[argv.index("--marker-size") + 1] == "9"
    assert argv[argv.index("--ours-label") + 1] == labels[0]
    assert argv[argv.index("--base-label") + 1] == labels[1]
    assert argv[argv.index("--theirs-label") + 1] == labels[2]
