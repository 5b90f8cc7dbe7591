"""End-to-end: the installed ``pledgectl`` command in temp registries, as a user runs it."""

from __future__ import annotations

import json
import os
import pty
import select
import shlex
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command, run_installed

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def walkthrough(readme: Path = README) -> list[str]:
    text = readme.read_text("utf-8")
    block = text.split("<!-- walkthrough:start -->")[1].split("<!-- walkthrough:end -->")[0]
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


run = run_installed


@pytest.mark.parametrize(
    ("readme", "lang"),
    [("README.md", "en"), ("README.md", "id"), ("README.id.md", "id")],
)
def test_readme_walkthrough_runs_as_written(
    tmp_path: Path, cli_env: dict[str, str], readme: str, lang: str
) -> None:
    """README.md's walk-through under both locales; README.id.md's as written, with
    ``--lang id`` on every command (so it reads Indonesian even under an English LANG)."""
    translated = readme == "README.id.md"
    cli_env["LANG"] = "id_ID.UTF-8" if lang == "id" and not translated else "en_US.UTF-8"
    commands = walkthrough(ROOT / readme)
    assert len(commands) >= 10
    if translated:
        assert all("--lang id" in c for c in commands if c.startswith("pledgectl "))
    cwd = tmp_path
    outputs = []
    for command in commands:
        words = shlex.split(command)
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        assert words[0] == "pledgectl"
        result = run(words[1:], cwd, cli_env)
        outputs.append(result.stdout + result.stderr)
    joined = "\n".join(outputs)
    if lang == "id":
        assert "dicatat" in joined and "recorded" not in joined
    else:
        assert "recorded" in joined
    data = tomllib.loads((cwd / "agencies" / "pekanbaru-bkpsdm.toml").read_text("utf-8"))
    decl = data["declarations"][0]
    assert len(decl["witnesses"]) == 2 and len(decl["signatories"]) == 3


def test_bad_inputs_leave_the_registry_unchanged(tmp_path: Path, cli_env: dict[str, str]) -> None:
    run(["init", "reg"], tmp_path, cli_env)
    reg = tmp_path / "reg"
    run(["agency", "add", "a", "--name", "A", "--region", "14.71"], reg, cli_env)
    run(
        ["declare", "a", "--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"],
        reg,
        cli_env,
    )
    snapshot = {p: p.read_bytes() for p in reg.rglob("*") if p.is_file()}
    bad = [
        ["sign", "a", "ikrar-2023-11-29", "--nip", "1985", "--name", "X", "--status", "PNS"],
        [
            "sign",
            "a",
            "ikrar-2023-11-29",
            "--nip",
            "198513122010011002",
            "--name",
            "X",
            "--status",
            "PNS",
        ],
        [
            "sign",
            "b",
            "ikrar-2023-11-29",
            "--nip",
            "198503122010011002",
            "--name",
            "X",
            "--status",
            "PNS",
        ],
        ["sign", "a", "ikrar-2023-11-29", "--name", "X", "--status", "PPPK"],
        ["witness", "a", "ikrar-2023-11-29", "--institution", "KPK", "--name", "X"],
        ["declare", "a", "--kind", "sumpah", "--date", "2023-11-29", "--election", "pemilu-2024"],
        ["declare", "a", "--kind", "ikrar", "--date", "kemarin", "--election", "pemilu-2024"],
        ["agency", "add", "../escape", "--name", "X", "--region", "14"],
        ["--registry", str(tmp_path / "nowhere"), "check"],
        ["sign", "a"],
    ]
    for args in bad:
        for lang in ("en", "id"):
            result = run(["--lang", lang, *args], reg, cli_env, check=False)
            assert result.returncode in (1, 2), args
            first = result.stderr.splitlines()[0]
            assert first.startswith("error: " if lang == "en" else "kesalahan: "), result.stderr
    assert {p: p.read_bytes() for p in reg.rglob("*") if p.is_file()} == snapshot
    assert not (tmp_path / "escape.toml").exists()


def test_two_clerks_signing_at_the_same_moment_both_land(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    run(["init", "reg"], tmp_path, cli_env)
    reg = tmp_path / "reg"
    run(["agency", "add", "a", "--name", "A", "--region", "14.71"], reg, cli_env)
    run(
        ["declare", "a", "--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"],
        reg,
        cli_env,
    )
    nips = [f"1985031220100110{i:02d}" for i in range(1, 9)]
    procs = [
        subprocess.Popen(
            [
                pledgectl_command(),
                "sign",
                "a",
                "ikrar-2023-11-29",
                "--nip",
                nip,
                "--name",
                f"P{nip[-2:]}",
                "--status",
                "PNS",
            ],
            cwd=reg,
            env=cli_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for nip in nips
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    data = tomllib.loads((reg / "agencies" / "a.toml").read_text("utf-8"))
    assert sorted(s["nip"] for s in data["declarations"][0]["signatories"]) == nips


def test_interactive_prompts_on_a_terminal(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """A real pseudo-terminal: the prompts appear, a bad NIP is asked again."""
    run(["init", "reg"], tmp_path, cli_env)
    reg = tmp_path / "reg"
    run(["agency", "add", "a", "--name", "A", "--region", "14.71"], reg, cli_env)
    run(
        ["declare", "a", "--kind", "ikrar", "--date", "2023-11-29", "--election", "pemilu-2024"],
        reg,
        cli_env,
    )
    pid, fd = pty.fork()
    if pid == 0:  # child: the real command on a terminal
        os.chdir(reg)
        os.execve(
            pledgectl_command(),
            ["pledgectl", "--lang", "id", "sign", "a", "ikrar-2023-11-29"],
            cli_env,
        )
    # nothing given: NIP (or a roster name) first, then status, name and the optional ones
    answers = iter(["12345", "198503122010011002", "PNS", "Rina Wulandari", "Staf", ""])
    seen = ""
    answered_at = 0
    deadline = time.time() + 30
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096).decode("utf-8", "replace")
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if seen.endswith(": ") and len(seen) > answered_at:
            answered_at = len(seen)
            os.write(fd, (next(answers, "") + "\n").encode())
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert "Status (PNS, PPPK, NON-ASN)" in seen and "NIP, atau nama" in seen
    assert "harus 18 digit" in seen  # the bad NIP was refused, then asked again
    data = tomllib.loads((reg / "agencies" / "a.toml").read_text("utf-8"))
    assert data["declarations"][0]["signatories"][0]["name"] == "Rina Wulandari"


def test_python_dash_m_entry_point(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pledgectl", "--version"],
        capture_output=True,
        text=True,
        env=cli_env,
    )
    assert result.returncode == 0 and result.stdout.startswith("pledgectl ")


def test_a_province_checks_its_members_gathered_as_git_submodules(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """Each kota keeps its own repository; the province adds them as submodules and
    checks them in one run, as the README's scaling note describes."""
    git_env = dict(cli_env, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid")
    git_env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")

    def git(cwd: Path, *args: str) -> None:
        subprocess.run(
            ["git", "-c", "protocol.file.allow=always", *args],
            cwd=cwd, env=git_env, check=True, capture_output=True,
        )  # fmt: skip

    for member, example in (("kota-a", True), ("kab-b", False)):
        run(["init", member, *(["--example"] if example else [])], tmp_path, cli_env)
        git(tmp_path / member, "init", "-q")
        git(tmp_path / member, "add", "-A")
        git(tmp_path / member, "commit", "-qm", "registry")
    province = tmp_path / "province"
    province.mkdir()
    git(province, "init", "-q")
    for member in ("kota-a", "kab-b"):
        git(province, "submodule", "add", "-q", str(tmp_path / member), member)
    git(province, "commit", "-qm", "members")

    both = ["check", "--registry", "kota-a", "--registry", "kab-b", "--format", "json"]
    result = run(both, province, cli_env, check=False)
    assert result.returncode == 1  # the demo member has incomplete agencies
    summary = json.loads(result.stdout)["summary"]
    alone = run(["check", "--registry", "kota-a", "--format", "json"], province, cli_env, False)
    assert summary == json.loads(alone.stdout)["summary"]  # kab-b is empty
    refused = run(
        ["report", "--registry", "kota-a", "--registry", "kab-b"], province, cli_env, False
    )
    assert refused.returncode == 2 and "only check works over several registries" in refused.stderr
