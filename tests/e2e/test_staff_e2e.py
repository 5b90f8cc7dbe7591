"""End-to-end: staff lists and ``sign`` through the installed command, as a clerk runs them."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command, run_installed

pytestmark = pytest.mark.e2e
DATA = Path(__file__).resolve().parents[1] / "data"
AGENCY = "pekanbaru-bkpsdm"
DECL = "ikrar-hut-korpri-2023"


run = run_installed


@pytest.fixture
def example(tmp_path: Path, cli_env: dict[str, str]) -> Path:
    run(["init", "reg", "--example"], tmp_path, cli_env)
    return tmp_path / "reg"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_siasn_export_and_a_refused_list_as_a_clerk_meets_them(
    example: Path, cli_env: dict[str, str], lang: str
) -> None:
    cli_env["LANG"] = "id_ID.UTF-8" if lang == "id" else "en_US.UTF-8"
    result = run(["roster", "import", AGENCY, str(DATA / "siasn_export.xlsx")], example, cli_env)
    assert ("added 5" if lang == "en" else "5 ditambahkan") in result.stderr
    roster = tomllib.loads((example / "agencies" / f"{AGENCY}.toml").read_text("utf-8"))["roster"]
    assert "Dr. Hj. SITI RAHMAH LUBIS, S.Sos., M.Si." in {p["name"] for p in roster}
    before = (example / "agencies" / f"{AGENCY}.toml").read_bytes()
    refused = run(["import", AGENCY, DECL, str(DATA / "thl_names.csv")], example, cli_env, False)
    assert refused.returncode == 1
    wanted = "--status NON-ASN"
    assert wanted in refused.stderr and "Nama, Jabatan" in refused.stderr
    assert (example / "agencies" / f"{AGENCY}.toml").read_bytes() == before


def _hold(lock: Path) -> subprocess.Popen[bytes]:
    """``flock`` holding the file's lock until it is told to stop (stdin closed)."""
    holder = subprocess.Popen(["flock", str(lock), "sh", "-c", "read line"], stdin=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the lock is really held
        try:
            fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:
            time.sleep(0.01)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
        except BlockingIOError:
            return holder
        finally:
            os.close(fd)
        time.sleep(0.01)
    holder.kill()
    pytest.fail("flock did not take the lock")


@pytest.mark.skipif(shutil.which("flock") is None, reason="the flock command is not installed")
def test_a_held_lock_is_announced_at_once_and_the_sign_lands_after(
    example: Path, cli_env: dict[str, str]
) -> None:
    lock = example / "agencies" / f".{AGENCY}.toml.lock"
    holder = _hold(lock)
    try:
        clerk = subprocess.Popen(
            [pledgectl_command(), "sign", AGENCY, DECL, "--nip", "199202292020031004"],
            cwd=example,
            env=cli_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert clerk.stderr is not None
        first = clerk.stderr.readline()  # said while the lock is still held
        assert "another clerk is writing to" in first and f"{AGENCY}.toml" in first
        assert clerk.poll() is None  # still waiting, not failed
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    _, err = clerk.communicate(timeout=120)
    assert clerk.returncode == 0, err
    assert "recorded signature of Fadli Ramadhan" in err


def _terminal(args: list[str], cwd: Path, env: dict[str, str], typed: list[str]) -> str:
    """Run on a pseudo-terminal, typing ``typed`` as soon as each prompt shows; the output."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(pledgectl_command(), ["pledgectl", *args], env)
    answers = iter(typed)
    seen, answered_at = "", 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096).decode("utf-8", "replace")
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if seen.endswith(": ") and len(seen) > answered_at:
            answered_at = len(seen)
            os.write(fd, (next(answers, "") + "\n").encode())
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    return seen


def test_on_a_terminal_sign_asks_nothing_when_the_required_values_are_given(
    example: Path, cli_env: dict[str, str]
) -> None:
    seen = _terminal(
        ["sign", AGENCY, DECL, "--nip", "198503122010011002", "--name", "Budi", "--status", "PNS"],
        example,
        cli_env,
        [],
    )
    assert "Position" not in seen and "Date signed" not in seen
    assert "recorded signature of Budi" in seen
    seen = _terminal(["sign", AGENCY, DECL, "--nip", "199202292020031004"], example, cli_env, [])
    assert "recorded signature of Fadli Ramadhan, S.H." in seen and "Status" not in seen
