"""Hostile names and symlinks: nothing is read or written outside the registry.

Ids are checked before they become paths; an agency file (or its lock file)
that is a symlink to somewhere else is never written through.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.core.errors import InvalidValue
from pledgectl.core.registry import check_id
from tests.reliability.conftest import (
    AGENCY,
    DECL,
    agency_file,
    make_registry,
    nip,
    run,
    tree,
)

HOSTILE = ["../x", "a/b", "/etc/passwd", "", "a" * 65, "UPPER", ".hidden", "a b"]


def _commands(bad: str) -> list[list[str]]:
    person = ["--nip", nip(1), "--name", "Budi", "--status", "PNS"]
    declaration = ["--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"]
    commands = [
        ["agency", "add", bad, "--name", "X", "--region", "14.71"],
        ["agency", "show", bad],
        ["declare", bad, *declaration],
        ["declare", AGENCY, *declaration, "--id", bad],
        ["witness", AGENCY, bad, "--institution", "KPU", "--name", "W"],
        ["sign", bad, DECL, *person],
        ["sign", AGENCY, bad, *person],
    ]
    if bad:  # an empty --parent means "no parent"
        commands.append(["agency", "add", "fresh", "--name", "X", "--region", "1", "--parent", bad])
    return commands


def _refused_in_one_line(result_stderr: str) -> None:
    lines = [line for line in result_stderr.splitlines() if line.strip()]
    assert lines, "a refusal must say why"
    assert lines[0].startswith("error: "), result_stderr
    assert len(lines) <= 2 and all(not x.startswith(" ") for x in lines), result_stderr


@pytest.mark.e2e
def test_hostile_ids_are_refused_and_nothing_escapes(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env)
    (tmp_path / "x.toml").write_text("bait", "utf-8")  # a file a traversal would hit
    before = tree(tmp_path)
    runs = [args for bad in HOSTILE for args in _commands(bad)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda args: run(args, root, env), runs))
    refused = 0
    for args, result in zip(runs, results, strict=True):
        assert result.returncode != 0, (args, result.stdout, result.stderr)
        _refused_in_one_line(result.stderr)
        refused += 1
    assert tree(tmp_path) == before
    assert refused == 8 * 8 - 1


def test_nul_in_an_id_is_refused() -> None:
    """argv cannot carry NUL, so this one is tested in-process (the CLI and the core)."""
    with pytest.raises(InvalidValue):
        check_id("x\x00y")
    from pledgectl.cli.app import app

    result = CliRunner().invoke(app, ["agency", "show", "x\x00y"])
    assert result.exit_code not in (0, 3)
    assert "Traceback" not in (result.output or "")


def _outside_agency(where: Path, agency: str) -> Path:
    where.mkdir()
    target = where / "victim.toml"
    target.write_text(
        f'schema = 1\n\n[agency]\nid = "{agency}"\nname="Outside"\nregion = "14.71"\n\n'
        f'[[declarations]]\nid = "{DECL}"\nkind = "ikrar"\nelections = ["pemilu-2024"]\n'
        "date = 2023-11-29\ncommitments = []\n",
        "utf-8",
    )
    return target


@pytest.mark.e2e
def test_symlinked_agency_file_is_never_written_through(
    tmp_path: Path, env: dict[str, str]
) -> None:
    root = make_registry(tmp_path / "reg", env)
    target = _outside_agency(tmp_path / "outside", "link")
    link = root / "agencies" / "link.toml"
    link.symlink_to(target)
    original = target.read_bytes()
    outside_before = tree(tmp_path / "outside")
    attempts = [
        ["sign", "link", DECL, "--nip", nip(3), "--name", "Budi", "--status", "PNS"],
        ["declare", "link", "--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"],
        ["witness", "link", DECL, "--institution", "KPU", "--name", "W"],
        ["fmt"],
        ["agency", "add", "link", "--name", "X", "--region", "14.71"],
    ]
    for args in attempts:
        result = run(args, root, env)
        assert result.returncode != 0 or args == ["fmt"], (args, result.stderr)
        assert target.read_bytes() == original, args
        assert link.is_symlink()
    assert tree(tmp_path / "outside") == outside_before


@pytest.mark.e2e
def test_symlinked_lock_file_is_never_written_through(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env)
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me\n", "utf-8")
    lock = root / "agencies" / f".{AGENCY}.toml.lock"
    lock.unlink()
    lock.symlink_to(victim)
    data = agency_file(root).read_bytes()
    result = run(
        ["sign", AGENCY, DECL, "--nip", nip(4), "--name", "B", "--status", "PNS"], root, env
    )
    assert result.returncode != 0
    _refused_in_one_line(result.stderr)
    assert victim.read_text("utf-8") == "do not truncate me\n"
    assert agency_file(root).read_bytes() == data


@pytest.mark.e2e
def test_fifo_folder_and_dangling_link_named_toml_neither_hang_nor_stop_check(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """registry.py/reader.py: a FIFO ``x.toml`` blocked ``check`` forever; a folder stopped it."""
    root = make_registry(tmp_path / "reg", env)
    agencies = root / "agencies"
    os.mkfifo(agencies / "pipe.toml")
    (agencies / "folder.toml").mkdir()
    (agencies / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    result = run(["check", "--format", "json"], root, env, timeout=30)
    assert result.returncode == 1, result.stderr
    assert f'"agency": "{AGENCY}"' in result.stdout  # the real agency was checked
    shown = run(["agency", "show", "pipe"], root, env, timeout=30)
    assert shown.returncode not in (0, 3)
    _refused_in_one_line(shown.stderr)
    listing = run(["agency", "list", "--format", "json"], root, env, timeout=30)
    assert listing.returncode == 0 and "pipe" not in listing.stdout
