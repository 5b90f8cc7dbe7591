"""Helpers for the reliability suite: the installed command, registries, NIPs, snapshots.

The end-to-end tests here drive the real ``pledgectl`` script (the one beside
``sys.executable``) in subprocesses, so locks, kills and crashes are real.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import pledgectl_command

AGENCY = "big"
DECL = "d1"
SIGNED = "2023-11-29"


def nip(i: int) -> str:
    """A distinct valid PNS NIP for every ``i`` below 2,000,000."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=i // 999)
    return f"{birth:%Y%m%d}1995011{i % 999 + 1:03d}"


def person_block(i: int) -> str:
    """One signatory in the canonical form the tool writes."""
    return (
        f'\n[[declarations.signatories]]\nnip = "{nip(i)}"\nname = "Pegawai {i}"\n'
        f'status = "PNS"\nsigned = {SIGNED}\n'
    )


def run(
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    timeout: float = 60,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed command; a traceback on stderr is always a failure."""
    result = subprocess.run(
        [pledgectl_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input_text,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def ok(args: Sequence[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = run(args, cwd, env)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def sign_args(i: int, agency: str = AGENCY, decl: str = DECL) -> list[str]:
    return [
        "sign",
        agency,
        decl,
        "--nip",
        nip(i),
        "--name",
        f"Pegawai {i}",
        "--status",
        "PNS",
        "--date",
        SIGNED,
    ]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A clean English environment with the log directory inside the test's folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    clean.pop("PLEDGECTL_REGISTRY", None)
    clean.pop("PLEDGECTL_PARSER", None)
    clean["PLEDGECTL_NO_CACHE"] = "1"
    clean["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    clean["LANG"] = "C.UTF-8"
    return clean


def make_registry(where: Path, env: dict[str, str], signatories: int = 0) -> Path:
    """A registry with agency ``big`` and declaration ``d1`` holding ``signatories`` people."""
    ok(["init", str(where)], where.parent, env)
    ok(["agency", "add", AGENCY, "--name", "Big", "--region", "14.71"], where, env)
    ok(
        [
            "declare",
            AGENCY,
            "--kind",
            "ikrar",
            "--date",
            SIGNED,
            "--election",
            "pemilu-2024",
            "--id",
            DECL,
            "--commitment",
            "no-campaign",
        ],
        where,
        env,
    )
    if signatories:
        path = agency_file(where)
        text = path.read_text("utf-8") + "".join(person_block(i) for i in range(signatories))
        path.write_text(text, "utf-8")
    return where


def agency_file(root: Path, agency: str = AGENCY) -> Path:
    return root / "agencies" / f"{agency}.toml"


def signatories(path: Path, decl: str = DECL) -> list[str]:
    """NIPs on the declaration, in file order; the file must parse."""
    data = tomllib.loads(path.read_text("utf-8"))
    for declaration in data.get("declarations", []):
        if declaration["id"] == decl:
            return [s["nip"] for s in declaration.get("signatories", [])]
    raise AssertionError(f"no declaration {decl}")


def tree(root: Path) -> dict[str, Any]:
    """Every path under ``root`` with its kind, size and mtime (a before/after snapshot)."""
    snapshot: dict[str, Any] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            snapshot[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return snapshot


def leftovers(root: Path) -> list[Path]:
    return sorted((root / "agencies").glob(".*.tmp"))


@pytest.fixture
def python_env(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """The environment for helper Python processes (same interpreter as pledgectl)."""
    env = dict(env)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    yield env


PYTHON = sys.executable
