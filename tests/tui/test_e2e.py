"""The installed ``pledgectl ceremony`` in a real pseudo-terminal (tmux, 80x24).

Keys go in with ``tmux send-keys``, the screen comes back with ``capture-pane``;
every wait polls the screen with a generous bound, never a fixed sleep.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command
from tests.tui.conftest import AGENCY, DECL, UNSIGNED

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
BOUND = 30.0  # seconds: generous, for a loaded CI machine


class Tmux:
    """One private tmux server (its own socket) holding one 80x24 window."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"pledgectl-test-{uuid.uuid4().hex[:12]}"
        self.env = {k: v for k, v in env.items() if k != "TMUX"}

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return result.stdout

    def start(self, args: list[str], cwd: Path) -> None:
        line = shlex.join([pledgectl_command(), *args])
        shell = f'{line}; echo "[exit $?]"; sleep 600'
        self.tmux("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "-c", str(cwd), shell)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "t", "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def burst(self, *parts: str) -> None:
        """Text and keys in one go, as fast as a pasting clerk or a barcode scanner:
        ``"fadli", "Enter"`` types the text, then presses Enter, in one tmux command."""
        args: list[str] = []
        for part in parts:
            if args:
                args.append(";")
            if part in ("Enter", "Escape", "C-n", "C-u", "C-q"):
                args += ["send-keys", "-t", "t", part]
            else:
                args += ["send-keys", "-t", "t", "-l", part]
        self.tmux(*args)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, needle: str) -> str:
        deadline = time.monotonic() + BOUND
        while True:
            shown = self.screen()
            if needle in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} not on screen:\n{shown}")
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def tmux(cli_env: dict[str, str]) -> Iterator[Tmux]:
    cli_env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{cli_env.get('PATH', '')}"
    session = Tmux(cli_env)
    yield session
    session.close()


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [pledgectl_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def signatories(root: Path) -> list[dict[str, object]]:
    data = tomllib.loads((root / "agencies" / f"{AGENCY}.toml").read_text("utf-8"))
    return list(data["declarations"][0]["signatories"])


WORDS = {
    "en": {
        "count": "{} / 15 signed",
        "off": "1 not on the roster",
        "done": "4 signatures recorded",
        "nobody": "No one is highlighted",
    },
    "id": {
        "count": "{} / 15 sudah tanda tangan",
        "off": "1 di luar daftar pegawai",
        "done": "4 tanda tangan dicatat",
        "nobody": "Belum ada yang dipilih",
    },
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_done_means_three_marks_and_a_thl_worker(
    tmp_path: Path, cli_env: dict[str, str], tmux: Tmux, lang: str
) -> None:
    words = WORDS[lang]
    assert run(["init", "demo", "--example"], tmp_path, cli_env).returncode == 0
    root = tmp_path / "demo"
    before = len(signatories(root))
    tmux.start(["--lang", lang, "ceremony", AGENCY, DECL], root)
    tmux.wait_for(words["count"].format(12))
    tmux.type("rina")  # not on this roster: nobody is listed, Enter records no one
    tmux.keys("Enter")
    tmux.wait_for(words["nobody"])
    tmux.keys("Escape")  # a terminal reads Esc and a letter right after it as Alt+letter:
    tmux.wait_for("Zulkarnain")  # so wait for the list to come back before typing on
    tmux.type("fadli")
    tmux.keys("Enter")
    tmux.wait_for(words["count"].format(13))
    # the next two typed ahead in one burst: each Enter acts on the name typed before it
    tmux.burst("wan siti", "Enter", "siregar", "Enter")
    tmux.wait_for(words["count"].format(15))
    assert len(signatories(root)) == before + 3  # each mark is on disk before quitting
    tmux.keys("C-n")
    tmux.wait_for("NON-ASN)")
    # the whole form in one burst: letters after each Enter go to the next field
    tmux.burst("THL", "Enter", "Enter", "Andi Pratama", "Enter", "THL Pengemudi", "Enter", "Enter")
    tmux.wait_for(words["off"])
    tmux.keys("C-q")
    shown = tmux.wait_for("[exit 0]")
    assert words["done"] in shown

    added = signatories(root)[before:]
    assert [s["name"] for s in added] == [*UNSIGNED[:2], UNSIGNED[2], "Andi Pratama"]
    assert added[-1] == {
        "name": "Andi Pratama",
        "status": "NON-ASN",
        "position": "THL Pengemudi",
        "signed": added[0]["signed"],
    }
    assert {str(s["signed"]) for s in added} == {"2023-11-29"}
    show = run(["--lang", lang, "agency", "show", AGENCY], root, cli_env)
    for name in (*UNSIGNED, "Andi Pratama"):
        assert name in show.stdout
    check = run(["--lang", lang, "check", AGENCY], root, cli_env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "coverage-unsigned" not in check.stdout


def test_another_clerks_sign_shows_up_and_is_never_overwritten(
    tmp_path: Path, cli_env: dict[str, str], tmux: Tmux
) -> None:
    assert run(["init", "demo", "--example"], tmp_path, cli_env).returncode == 0
    root = tmp_path / "demo"
    before = len(signatories(root))
    tmux.start(["ceremony", AGENCY, DECL], root)
    tmux.wait_for("12 / 15 signed")
    other = run(
        [
            "sign",
            AGENCY,
            DECL,
            "--nip",
            "199202292020031004",
            "--name",
            UNSIGNED[0],
            "--status",
            "PNS",
            "--date",
            "2023-11-29",
            "--no-prompt",
        ],
        root,
        cli_env,
    )
    assert other.returncode == 0, other.stderr
    tmux.wait_for("13 / 15 signed")  # the view read the file again on its own
    tmux.type("budi")
    tmux.keys("Enter")
    tmux.wait_for("14 / 15 signed")
    tmux.type("fadli")
    tmux.keys("Enter")  # signed meanwhile by the other clerk: refused, nothing written
    tmux.wait_for("has signed already")
    tmux.keys("C-u")  # and not this view's to take off
    tmux.wait_for("only marks made here")
    tmux.keys("C-q")
    tmux.wait_for("[exit 0]")
    added = signatories(root)[before:]
    assert [s["name"] for s in added] == [UNSIGNED[0], UNSIGNED[2]]


def test_quit_at_once_leaves_the_file_byte_identical(
    tmp_path: Path, cli_env: dict[str, str], tmux: Tmux
) -> None:
    assert run(["init", "demo", "--example"], tmp_path, cli_env).returncode == 0
    root = tmp_path / "demo"
    path = root / "agencies" / f"{AGENCY}.toml"
    before = path.read_bytes()
    tmux.start(["ceremony", AGENCY, DECL, "--redact"], root)
    shown = tmux.wait_for("12 / 15 signed")
    assert "********" in shown and "197203111997031002" not in shown
    tmux.type("budi")
    tmux.keys("Escape", "C-q")
    tmux.wait_for("[exit 0]")
    assert path.read_bytes() == before


def test_refuses_without_a_terminal_and_on_bad_arguments(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    assert run(["init", "demo", "--example"], tmp_path, cli_env).returncode == 0
    root = tmp_path / "demo"
    result = run(["ceremony", AGENCY, DECL], root, cli_env)
    assert result.returncode == 2 and "needs a terminal" in result.stderr
    result = run(["ceremony", AGENCY, "no-such"], root, cli_env)
    assert result.returncode != 0 and "ikrar-hut-korpri-2023" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2
    result = run(["ceremony", AGENCY, DECL, "--date", "29/11/2023"], root, cli_env)
    assert result.returncode != 0 and "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("args", [["--version"], ["sign", "--help"], ["check", "--help"]])
def test_textual_stays_off_other_commands(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from pledgectl.cli.app import main\n"
        f"sys.argv = ['pledgectl', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'NONE', file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stderr.strip().endswith("NONE"), result.stderr


def test_a_killed_terminal_loses_no_mark(
    tmp_path: Path, cli_env: dict[str, str], tmux: Tmux
) -> None:
    assert run(["init", "demo", "--example"], tmp_path, cli_env).returncode == 0
    root = tmp_path / "demo"
    before = len(signatories(root))
    tmux.start(["ceremony", AGENCY, DECL], root)
    tmux.wait_for("12 / 15 signed")
    tmux.burst("fadli", "Enter", "siregar", "Enter")
    tmux.wait_for("14 / 15 signed")
    tmux.close()  # the terminal goes away: no quit, no chance to save anything more
    assert [s["name"] for s in signatories(root)[before:]] == [UNSIGNED[0], UNSIGNED[2]]
    result = run(["check", AGENCY, "--only", "parse", "--only", "schema"], root, cli_env)
    assert result.returncode == 0, result.stdout
