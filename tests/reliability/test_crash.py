"""Crash safety: SIGKILL real writers at random moments; the file is never torn.

A big agency file (20,000 signatories, about 2 MB) makes every write take long
enough that kills land before, during and after it. After each kill the file
must be byte-for-byte the state before or the state a completed run gives.
Leftover temporary files must be ignored by readers and removed by the next
write.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command
from tests.reliability.conftest import (
    AGENCY,
    agency_file,
    leftovers,
    make_registry,
    nip,
    ok,
    run,
    sign_args,
    signatories,
)

pytestmark = pytest.mark.e2e

BIG = 10_000
ROWS = 20_000
SEED = 20240214
KILLS = {"sign": 20, "fmt": 12, "import": 10}


def _reference(
    args: list[str], root: Path, env: dict[str, str], before: bytes
) -> tuple[float, bytes]:
    """Run ``args`` to completion twice from ``before``: the shorter time, and the one result."""
    path = agency_file(root)
    times, results = [], []
    for _ in range(2):
        path.write_bytes(before)
        start = time.monotonic()
        ok(args, root, env)
        times.append(time.monotonic() - start)
        results.append(path.read_bytes())
    assert results[0] == results[1], "a completed run must give one deterministic result"
    return min(times), results[0]


def _wait_for_temp(root: Path, proc: subprocess.Popen[bytes], limit: float) -> bool:
    """Poll until a new temporary file appears (the writer's write has begun)."""
    agencies = root / "agencies"
    old = {p.name for p in leftovers(root)}
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if any(e.name.endswith(".tmp") and e.name not in old for e in os.scandir(agencies)):
            return True
        time.sleep(0.0005)
    return False


def _kill_loop(
    kind: str,
    args: list[str],
    root: Path,
    env: dict[str, str],
    before: bytes,
    after: bytes,
    duration: float,
    rng: random.Random,
) -> dict[str, int]:
    """Start ``args`` from state ``before`` again and again, SIGKILL it at a random moment.

    Odd runs are killed at a random time in the run; even runs as soon as the
    temporary file appears plus a random few milliseconds, i.e. inside the write.
    """
    path = agency_file(root)
    stats = {"kills": 0, "in_write": 0, "finished": 0, "old": 0, "new": 0, "temps_left": 0}
    for n in range(KILLS[kind]):
        path.write_bytes(before)
        proc = subprocess.Popen(
            [pledgectl_command(), *args],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if n % 2:
            time.sleep(duration * rng.uniform(0.05, 0.95))
        elif _wait_for_temp(root, proc, duration * 3):
            time.sleep(rng.uniform(0, 0.004))
            stats["in_write"] += 1
        if proc.poll() is None:
            proc.kill()
            stats["kills"] += 1
        else:
            stats["finished"] += 1
        proc.wait(timeout=30)
        now = path.read_bytes()
        assert now in (before, after), f"{kind}: torn file after kill {n}"
        stats["old" if now == before else "new"] += 1
        stats["temps_left"] = max(stats["temps_left"], len(leftovers(root)))
    return stats


def test_sigkill_at_random_moments_never_tears_a_file(
    tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(SEED)
    root = make_registry(tmp_path / "reg", env, BIG)
    path = agency_file(root)
    base = path.read_bytes()
    report: dict[str, dict[str, int]] = {}

    # sign: the reference run gives the one valid "after" state.
    newcomer = sign_args(BIG + 1)
    duration, signed = _reference(newcomer, root, env, base)
    assert signatories(path)[-1] == nip(BIG + 1)
    path.write_bytes(base)
    report["sign"] = _kill_loop("sign", newcomer, root, env, base, signed, duration, rng)

    # fmt: a non-canonical file (a hand-spaced key per record) against its canonical form.
    loose = base.replace(b'status = "PNS"', b'status="PNS"')
    duration, canonical = _reference(["fmt"], root, env, loose)
    assert canonical == base
    report["fmt"] = _kill_loop("fmt", ["fmt"], root, env, loose, canonical, duration, rng)

    # import: 20,000 rows in one all-or-nothing write.
    sheet = tmp_path / "staff.csv"
    rows = range(BIG + 10, BIG + 10 + ROWS)
    sheet.write_text(
        "NIP,Nama,Status,Jabatan\n" + "".join(f"{nip(i)},Pegawai {i},PNS,Staf\n" for i in rows),
        "utf-8",
    )
    importing = ["import", AGENCY, "d1", str(sheet)]
    duration, imported = _reference(importing, root, env, base)
    assert len(signatories(path)) == BIG + ROWS
    report["import"] = _kill_loop("import", importing, root, env, base, imported, duration, rng)

    kills = sum(s["kills"] for s in report.values())
    with capsys.disabled():
        print(f"\n[reliability] kills: {kills} {report}")
    # How many kills landed mid-run depends on the machine's load: printed, not asserted.

    # Whatever temporary files the kills left are not agencies, and the next write removes them.
    path.write_bytes(base)
    (root / "agencies" / f".{AGENCY}.toml.0123456789ab.tmp").write_bytes(b"torn")
    check = run(["check", AGENCY, "--format", "json"], root, env)
    assert check.returncode in (0, 1) and ".tmp" not in check.stdout + check.stderr
    ok(sign_args(BIG + 1), root, env)
    assert leftovers(root) == []
    assert path.read_bytes() == signed


def test_leftover_temp_files_are_ignored_then_cleaned(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env, 3)
    agencies = root / "agencies"
    # What a writer killed between its temp write and its rename leaves behind.
    torn = agencies / f".{AGENCY}.toml.0123456789ab.tmp"
    torn.write_bytes(b'schema = 1\n[agency]\nid = "big"\nname = "torn in ha')
    stray = agencies / f".{AGENCY}.toml.ffffffffffff.tmp"
    stray.write_bytes(b"\x00\xff garbage")
    before = run(["check", "--format", "json"], root, env)
    assert before.returncode in (0, 1)
    assert ".tmp" not in before.stdout + before.stderr
    listing = ok(["agency", "list", "--format", "json"], root, env)
    assert ".tmp" not in listing.stdout and "torn" not in listing.stdout
    assert ok(["fmt", "--check"], root, env).returncode == 0
    ok(sign_args(99), root, env)
    assert leftovers(root) == []
    assert signatories(agency_file(root))[-1] == nip(99)
