"""diff, git install and the drivers in real git repositories (end-to-end)."""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command

pytestmark = pytest.mark.e2e
DECL = "ikrar-hut-korpri-2023"


def sh(
    args: list[str], cwd: Path, env: dict[str, str], ok: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


@pytest.fixture
def repo(tmp_path: Path, cli_env: dict[str, str]) -> tuple[Path, dict[str, str]]:
    cli_env["PATH"] = str(Path(pledgectl_command()).parent) + ":" + cli_env.get("PATH", "")
    top = tmp_path / "repo"
    top.mkdir()
    sh(["git", "init", "-q", "-b", "main"], top, cli_env)
    sh(["git", "config", "user.email", "clerk@example.org"], top, cli_env)
    sh(["git", "config", "user.name", "Clerk"], top, cli_env)
    sh(["pledgectl", "init", "--example", "registry"], top, cli_env)
    reg = top / "registry"
    sh(["pledgectl", "git", "install"], reg, cli_env)
    sh(["git", "add", "-A"], top, cli_env)
    sh(["git", "commit", "-qm", "demo"], top, cli_env)
    return reg, cli_env


def sign(reg: Path, env: dict[str, str], nip: str, name: str) -> None:
    sh(
        [
            "pledgectl",
            "sign",
            "pekanbaru-bkpsdm",
            DECL,
            "--nip",
            nip,
            "--name",
            name,
            "--status",
            "PNS",
        ],
        reg,
        env,
    )


def test_install_is_idempotent(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    before = (reg.parent / ".gitattributes").read_text("utf-8")
    result = sh(["pledgectl", "git", "install"], reg, env)
    assert "already" in result.stderr
    assert (reg.parent / ".gitattributes").read_text("utf-8") == before
    assert before.count("diff=pledgectl merge=pledgectl") == 1


def test_diff_against_worktree_and_between_revisions(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    assert sh(["pledgectl", "diff"], reg, env).returncode == 0
    sign(reg, env, "199001012015011001", "Baru Satu")
    result = sh(["pledgectl", "diff", "--format", "json"], reg, env, ok=False)
    assert result.returncode == 1
    changes = json.loads(result.stdout)["changes"]
    assert [(c["op"], c["kind"], c["key"]) for c in changes] == [
        ("added", "signatory", "199001012015011001")
    ]
    sh(["git", "commit", "-qam", "sign"], reg, env)
    text = sh(["pledgectl", "diff", "HEAD~1", "HEAD"], reg, env, ok=False)
    assert text.returncode == 1 and "+ signatory 199001012015011001 Baru Satu" in text.stdout
    log = sh(["git", "log", "-p", "-1"], reg, env).stdout
    assert "+  signatory 199001012015011001 Baru Satu" in log
    bad = sh(["pledgectl", "diff", "no-such-rev"], reg, env, ok=False)
    assert bad.returncode == 2 and bad.stderr.startswith("error:")


def test_two_clerks_branches_merge_cleanly(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    sh(["git", "checkout", "-qb", "clerk-b"], reg, env)
    sign(reg, env, "199001012015011001", "Clerk B Person")
    sh(["git", "commit", "-qam", "b"], reg, env)
    sh(["git", "checkout", "-q", "main"], reg, env)
    sign(reg, env, "199101012016011001", "Clerk A Person")
    sh(["git", "commit", "-qam", "a"], reg, env)
    sh(["git", "merge", "--no-edit", "clerk-b"], reg, env)
    data = tomllib.loads((reg / "agencies" / "pekanbaru-bkpsdm.toml").read_text("utf-8"))
    names = [s["name"] for s in data["declarations"][0]["signatories"]]
    assert names[-2:] == ["Clerk A Person", "Clerk B Person"]
    assert sh(["pledgectl", "fmt", "--check"], reg, env).returncode == 0


def test_true_conflict_is_left_with_markers(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    sh(["git", "checkout", "-qb", "clerk-b"], reg, env)
    sign(reg, env, "199001012015011001", "Spelled One Way")
    sh(["git", "commit", "-qam", "b"], reg, env)
    sh(["git", "checkout", "-q", "main"], reg, env)
    sign(reg, env, "199001012015011001", "Spelled Another")
    sh(["git", "commit", "-qam", "a"], reg, env)
    result = sh(["git", "merge", "--no-edit", "clerk-b"], reg, env, ok=False)
    assert result.returncode != 0
    text = (reg / "agencies" / "pekanbaru-bkpsdm.toml").read_text("utf-8")
    assert "<<<<<<<" in text and ">>>>>>>" in text
    assert "Spelled One Way" in text and "Spelled Another" in text


def test_fmt_check_in_ci_style(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    path = reg / "agencies" / "pemprov-kalbar.toml"
    path.write_text(path.read_text("utf-8").replace(" = ", "="), "utf-8")
    result = sh(["pledgectl", "fmt", "--check"], reg, env, ok=False)
    assert result.returncode == 1 and "pemprov-kalbar.toml" in result.stderr
    sh(["pledgectl", "fmt"], reg, env)
    assert sh(["git", "status", "--porcelain"], reg, env).stdout == ""


def test_merge_keeps_hand_written_comments(repo: tuple[Path, dict[str, str]]) -> None:
    reg, env = repo
    path = reg / "agencies" / "pekanbaru-bkpsdm.toml"
    path.write_text("# kept by the merge\n" + path.read_text("utf-8"), "utf-8")
    sh(["git", "commit", "-qam", "comment"], reg, env)
    sh(["git", "checkout", "-qb", "clerk-b"], reg, env)
    sign(reg, env, "199001012015011001", "Clerk B Person")
    sh(["git", "commit", "-qam", "b"], reg, env)
    sh(["git", "checkout", "-q", "main"], reg, env)
    sign(reg, env, "199101012016011001", "Clerk A Person")
    sh(["git", "commit", "-qam", "a"], reg, env)
    sh(["git", "merge", "--no-edit", "clerk-b"], reg, env)
    text = path.read_text("utf-8")
    assert text.startswith("# kept by the merge\n")
    assert "Clerk A Person" in text and "Clerk B Person" in text
