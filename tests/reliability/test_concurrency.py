"""Concurrency: real processes writing one agency file at the same moment lose nothing.

Writers are started together behind a barrier; the per-file lock must
serialise them, so every record survives, the file parses and nobody appears
twice. A lock held by a process that is then SIGKILLed must not block the next
writer (the kernel drops an ``flock`` with its owner).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command
from tests.reliability.conftest import (
    AGENCY,
    agency_file,
    make_registry,
    nip,
    ok,
    run,
    sign_args,
    signatories,
)

# No clocks: nothing here asserts how long a step took; a hang fails at the timeout.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]

WRITERS = 8
EACH = 10


def _together(jobs: list[Callable[[], None]]) -> None:
    """Run each job in its own thread, released at one moment; re-raise the first failure."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def runner(job: Callable[[], None]) -> None:
        try:
            barrier.wait(timeout=60)
            job()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=runner, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    if errors:
        raise errors[0]


def _signer(root: Path, env: dict[str, str], numbers: range) -> Callable[[], None]:
    def job() -> None:
        for i in numbers:
            ok(sign_args(i), root, env)

    return job


def test_eight_writers_ten_signatures_each_keep_all_eighty(
    tmp_path: Path, env: dict[str, str]
) -> None:
    root = make_registry(tmp_path / "reg", env)
    jobs = [_signer(root, env, range(w * EACH, (w + 1) * EACH)) for w in range(WRITERS)]
    _together(jobs)
    recorded = signatories(agency_file(root))
    assert len(recorded) == WRITERS * EACH
    assert sorted(recorded) == sorted(nip(i) for i in range(WRITERS * EACH))
    # Each writer's own signatures stay in the order it wrote them (append-only).
    for w in range(WRITERS):
        mine = [n for n in recorded if n in {nip(i) for i in range(w * EACH, (w + 1) * EACH)}]
        assert mine == [nip(i) for i in range(w * EACH, (w + 1) * EACH)]
    check = run(["check", AGENCY, "--format", "json", "--only", "signatories"], root, env)
    assert '"signatories-twice"' not in check.stdout


def test_fmt_racing_sign_loses_no_signature(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env, 5000)
    path = agency_file(root)
    expected = set(signatories(path))
    for round_ in range(4):
        # Hand-spaced keys make the file non-canonical, so fmt really rewrites it.
        path.write_bytes(path.read_bytes().replace(b'status = "PNS"', b'status="PNS"'))
        numbers = [10_000 + 2 * round_, 10_001 + 2 * round_]
        _together(
            [
                lambda: ok(["fmt"], root, env) and None,
                _signer(root, env, range(numbers[0], numbers[0] + 1)),
                _signer(root, env, range(numbers[1], numbers[1] + 1)),
            ]
        )
        expected |= {nip(n) for n in numbers}
        recorded = signatories(path)
        assert set(recorded) == expected
        assert len(recorded) == len(expected)


def test_import_racing_sign_loses_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    if run(["import", "--help"], tmp_path, env).returncode != 0:
        pytest.skip("`pledgectl import` is not available in this build")
    root = make_registry(tmp_path / "reg", env, 2000)
    sheet = tmp_path / "staff.csv"
    rows = range(50_000, 52_000)
    sheet.write_text(
        "NIP,Nama,Status\n" + "".join(f"{nip(i)},Pegawai {i},PNS\n" for i in rows), "utf-8"
    )
    _together(
        [
            lambda: ok(["import", AGENCY, "d1", str(sheet)], root, env) and None,
            _signer(root, env, range(60_000, 60_004)),
            _signer(root, env, range(60_004, 60_008)),
        ]
    )
    recorded = signatories(agency_file(root))
    want = {nip(i) for i in [*range(2000), *rows, *range(60_000, 60_008)]}
    assert set(recorded) == want and len(recorded) == len(want)


HOLDER = """
import sys, time
from pathlib import Path
from pledgectl.core.storage import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(120)
"""


def test_lock_of_a_killed_writer_does_not_block(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env)
    path = agency_file(root)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        before = path.read_bytes()
        waiting = subprocess.Popen(
            [pledgectl_command(), *sign_args(7)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # whenever the writer got to the lock, it cannot have written while it is held
        assert path.read_bytes() == before
        holder.kill()  # SIGKILL: no chance to release the lock itself
        holder.wait(timeout=300)
        _, err = waiting.communicate(timeout=300)  # only a true hang fails here
        assert waiting.returncode == 0, err
        assert "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()
    assert signatories(path) == [nip(7)]
    # The lock file stays (unlinking a lock breaks flock); it is not an agency.
    listing = ok(["agency", "list", "--format", "json"], root, env)
    assert ".lock" not in listing.stdout
