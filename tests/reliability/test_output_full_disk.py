"""``-o FILE`` on a full disk: the old file or none, never an empty or cut one (issue 17.12).

End to end, the disk is "full" for real: the command runs with ``RLIMIT_FSIZE``
below the export's size, so the kernel refuses the write past it (EFBIG, as a
full disk refuses with ENOSPC). In process, ``os.write`` raises ENOSPC and
the message is read in both languages.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from tests.conftest import pledgectl_command

LIMIT = 2_000  # bytes; the example registry's export is larger


def _limited() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.fixture
def example(tmp_path: Path, env: dict[str, str]) -> Path:
    root = tmp_path / "reg"
    done = subprocess.run(
        [pledgectl_command(), "init", "--example", str(root)], env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return root


def export_limited(root: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [pledgectl_command(), "export", "--registry", str(root), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        timeout=60,
    )


@pytest.mark.e2e
def test_export_to_a_full_disk_leaves_no_file(example: Path, env: dict[str, str]) -> None:
    full = subprocess.run(
        [pledgectl_command(), "export", "--registry", str(example)], env=env, capture_output=True
    )
    assert len(full.stdout) > LIMIT
    out = example.parent / "out" / "export.csv"
    out.parent.mkdir()
    result = export_limited(example, out, env)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: cannot write {out}")
    assert list(out.parent.iterdir()) == []  # neither a cut file nor a temporary one


@pytest.mark.e2e
def test_export_to_a_full_disk_keeps_the_old_file(example: Path, env: dict[str, str]) -> None:
    out = example.parent / "export.csv"
    out.write_text("the export of yesterday\n", "utf-8")
    out.chmod(0o640)
    result = export_limited(example, out, env)
    assert result.returncode == 1
    assert out.read_text("utf-8") == "the export of yesterday\n"
    assert sorted(p.name for p in example.parent.iterdir()) == ["export.csv", "reg"]


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "error: cannot write"), ("id", "kesalahan: tidak dapat menulis")],
)
def test_enospc_message_in_both_languages(
    example: Path, monkeypatch: pytest.MonkeyPatch, lang: str, says: str
) -> None:
    out = example.parent / "export.csv"
    out.write_text("old\n", "utf-8")
    real_write = os.write

    def full(fd: int, data: bytes | memoryview) -> int:
        if os.fstat(fd).st_size > 100:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, bytes(data[:50]))

    monkeypatch.setattr(os, "write", full)
    result = CliRunner().invoke(
        app, ["--lang", lang, "--registry", str(example), "export", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(says), result.stderr
    assert os.strerror(errno.ENOSPC) in result.stderr
    assert out.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in example.parent.iterdir()) == ["export.csv", "reg"]


@pytest.mark.e2e
def test_output_to_dev_stdout_and_through_a_symlink(example: Path, env: dict[str, str]) -> None:
    plain = subprocess.run(
        [pledgectl_command(), "export", "--registry", str(example)], env=env, capture_output=True
    )
    piped = subprocess.run(
        [pledgectl_command(), "export", "--registry", str(example), "-o", "/dev/stdout"],
        env=env,
        capture_output=True,
    )
    assert piped.returncode == 0 and piped.stdout == plain.stdout
    real = example.parent / "real.csv"
    real.write_text("old\n", "utf-8")
    link = example.parent / "link.csv"
    link.symlink_to(real)
    done = subprocess.run(
        [pledgectl_command(), "export", "--registry", str(example), "-o", str(link)],
        env=env,
        capture_output=True,
    )
    assert done.returncode == 0
    assert link.is_symlink() and real.read_bytes() == plain.stdout
