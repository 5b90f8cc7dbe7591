"""Recording never writes into a file that is not valid TOML (issue 17.2).

Unresolved merge conflict markers, a missing quote, a key given twice (what a
half-resolved conflict leaves): every recording command refuses, says which,
and leaves the file byte for byte, inode and all, as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from tests.reliability.conftest import AGENCY, DECL, agency_file, make_registry, nip, run

pytestmark = pytest.mark.e2e

SIGNATORY = '\n[[declarations.signatories]]\nnip = "{nip}"\nname = "{name}"\nstatus = "PNS"\n'


def conflicted(text: str) -> str:
    """What git leaves when a merge driver could not merge: two sides between markers."""
    return (
        text
        + "<<<<<<< HEAD\n"
        + SIGNATORY.format(nip=nip(900), name="Ours")
        + "=======\n"
        + SIGNATORY.format(nip=nip(901), name="Theirs")
        + ">>>>>>> clerk-b\n"
    )


BROKEN = {
    "conflict-markers": conflicted,
    "missing-quote": lambda text: (
        text
        + SIGNATORY.format(nip=nip(902), name="No Quote").replace(
            'name = "No Quote"', 'name = "No Quote'
        )
    ),
    "key-twice": lambda text: (
        text
        + SIGNATORY.format(nip=nip(903), name="First").replace(
            'status = "PNS"', 'status = "PNS"\nname = "Second"'
        )
    ),
}


def commands(roster: Path) -> list[list[str]]:
    return [
        ["sign", AGENCY, DECL, "--nip", nip(5), "--name", "Budi", "--status", "PNS"],
        ["witness", AGENCY, DECL, "--institution", "KPU", "--name", "W"],
        ["declare", AGENCY, "--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"],
        ["import", AGENCY, DECL, str(roster)],
        ["roster", "import", AGENCY, str(roster)],
    ]


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_recording_refuses_a_file_that_is_not_valid_toml(
    tmp_path: Path, env: dict[str, str], kind: str
) -> None:
    root = make_registry(tmp_path / "reg", env)
    roster = tmp_path / "staff.csv"
    roster.write_text(f"nip,name,status\n{nip(7)},Siti,PNS\n", "utf-8")
    path = agency_file(root)
    path.write_text(BROKEN[kind](path.read_text("utf-8")), "utf-8")
    before, inode = path.read_bytes(), os.stat(path).st_ino
    for args in commands(roster):
        result = run(args, root, env)
        assert result.returncode == 1, (args, result.stderr)
        first = result.stderr.splitlines()[0]
        assert first.startswith("error: ") and str(path) in first, first
        if kind == "conflict-markers":
            assert "unresolved merge conflict markers" in first
            assert "resolve the merge first" in result.stderr
        else:
            assert "is not valid TOML" in first
        assert "recorded" not in result.stderr
        assert path.read_bytes() == before and os.stat(path).st_ino == inode, args
    check = run(["check"], root, env)
    assert check.returncode == 1
    fmt = run(["fmt"], root, env)
    assert fmt.returncode == 1 and path.read_bytes() == before
    if kind == "conflict-markers":
        assert "[parse-conflict]" in check.stdout
        assert "resolve the merge first" in check.stdout + check.stderr
        assert "unresolved merge conflict markers" in fmt.stderr


@pytest.mark.parametrize(
    ("lang", "says", "hint"),
    [
        ("en", "unresolved merge conflict markers", "resolve the merge first"),
        ("id", "penanda konflik merge", "selesaikan merge"),
    ],
)
def test_conflict_markers_are_named_in_both_languages(
    tmp_path: Path, env: dict[str, str], lang: str, says: str, hint: str
) -> None:
    root = make_registry(tmp_path / "reg", env)
    path = agency_file(root)
    path.write_text(conflicted(path.read_text("utf-8")), "utf-8")
    before = path.read_bytes()
    args = ["sign", AGENCY, DECL, "--nip", nip(5), "--name", "Budi", "--status", "PNS"]
    result = CliRunner().invoke(app, ["--lang", lang, "--registry", str(root), *args])
    assert result.exit_code == 1
    assert says in result.stderr and hint in result.stderr.lower(), result.stderr
    assert path.read_bytes() == before
    checked = CliRunner().invoke(app, ["--lang", lang, "--registry", str(root), "check"])
    assert hint in checked.stdout.lower(), checked.stdout


def test_a_valid_file_written_by_hand_is_still_recorded_into(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """The validity check parses a file pledgectl did not write last; valid ones pass."""
    root = make_registry(tmp_path / "reg", env)
    path = agency_file(root)
    path.write_text("# edited by hand\n" + path.read_text("utf-8"), "utf-8")
    args = ["sign", AGENCY, DECL, "--nip", nip(5), "--name", "Budi", "--status", "PNS"]
    assert run(args, root, env).returncode == 0
    assert nip(5) in path.read_text("utf-8")
