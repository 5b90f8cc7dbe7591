"""Privacy: the tool opens no network connection, and ``--redact`` hides every NIP.

A ``sitecustomize`` on the subprocess's PYTHONPATH installs an audit hook that
refuses (and logs) every socket creation, connection and name lookup, so any
attempt fails loudly and is recorded even if the tool caught the error.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import run

pytestmark = pytest.mark.e2e

BLOCKER = """
import os
import sys

_LOG = os.environ.get("NETBLOCK_LOG", "")
_EVENTS = {
    "socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "urllib.Request",
}


def _refuse(event, args):
    if event in _EVENTS:
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{event} {args!r}\\n")
        raise PermissionError(f"network access blocked by the test: {event}")


sys.addaudithook(_refuse)
"""
FULL_NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")


@pytest.fixture
def offline(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    site = tmp_path / "netblock"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, "utf-8")
    env = dict(env)
    env["PYTHONPATH"] = str(site)
    env["NETBLOCK_LOG"] = str(tmp_path / "network.log")
    return env


def test_the_blocker_blocks(tmp_path: Path, offline: dict[str, str]) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"],
        env=offline,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert probe.returncode != 0 and "blocked by the test" in probe.stderr
    assert "socket.__new__" in (tmp_path / "network.log").read_text("utf-8")
    (tmp_path / "network.log").unlink()


def test_representative_commands_open_no_connection(
    tmp_path: Path, offline: dict[str, str]
) -> None:
    reg = tmp_path / "reg"
    election = ["--election", "pemilu-2024", "--id", "d1"]
    person = ["--nip", "198503122010011002", "--name", "Budi Santoso", "--status", "PNS"]
    steps: list[tuple[list[str], tuple[int, ...]]] = [
        (["init", str(reg), "--example"], (0,)),
        (["check"], (0, 1)),
        (["check", "--format", "json"], (0, 1)),
        (["agency", "list"], (0,)),
        (["agency", "show", "pekanbaru-bkpsdm"], (0,)),
        (["agency", "add", "offline", "--name", "Offline", "--region", "14.71"], (0,)),
        (
            ["declare", "offline", "--kind", "ikrar", "--date", "2023-11-29", *election],
            (0,),
        ),
        (["witness", "offline", "d1", "--institution", "KPU", "--name", "W"], (0,)),
        (["sign", "offline", "d1", *person], (0,)),
        (["find", "Budi"], (0, 1)),
        (["export", "--format", "json", "--redact"], (0,)),
        (["fmt", "--check"], (0, 1)),
    ]
    for args, codes in steps:
        cwd = tmp_path if args[0] == "init" else reg
        result = run(args, cwd, offline)
        assert result.returncode in codes, (args, result.stderr)
        assert "blocked by the test" not in result.stderr, (args, result.stderr)
    assert not (tmp_path / "network.log").exists(), (tmp_path / "network.log").read_text()


def test_redact_hides_every_full_nip(tmp_path: Path, env: dict[str, str]) -> None:
    reg = tmp_path / "reg"
    assert run(["init", str(reg), "--example"], tmp_path, env).returncode == 0
    plain = run(["export", "--format", "csv"], reg, env)
    assert plain.returncode == 0 and FULL_NIP.search(plain.stdout), "the demo must hold NIPs"
    redacting: list[list[str]] = []
    for command in ("export", "find", "report"):
        if run([command, "--help"], reg, env).returncode != 0:
            continue
        if "--redact" not in run([command, "--help"], reg, env).stdout:
            continue
        formats = {"export": ["csv", "jsonl", "json"], "find": ["table", "json"]}.get(
            command, ["table"]
        )
        query = ["19"] if command == "find" else []
        for fmt in formats:
            redacting.append([command, *query, "--format", fmt, "--redact"])
    assert redacting, "no command offers --redact"
    for args in redacting:
        result = run(args, reg, env)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert result.stdout.strip(), args
        leaked = FULL_NIP.findall(result.stdout + result.stderr)
        assert not leaked, (args, leaked[:3])
