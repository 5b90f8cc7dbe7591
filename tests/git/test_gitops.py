"""Git plumbing against real repositories in temp dirs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pledgectl.core.canonical import dumps_agency
from pledgectl.core.errors import ToolMissing, UsageFailure
from pledgectl.git import plumbing as gitops


def agency(agency_id: str, *nips: str) -> dict[str, Any]:
    return {
        "schema": 1,
        "agency": {"id": agency_id, "name": f"Dinas {agency_id}", "region": "14.71"},
        "declarations": [
            {
                "id": "ikrar-2023",
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": dt.date(2023, 11, 29),
                "signatories": [
                    {"nip": n, "name": f"Orang {n[-3:]}", "status": "PNS"} for n in nips
                ],
            }
        ],
    }


class Repo:
    """A throw-away git repository holding a registry in ``reg/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.registry = root / "reg"
        (self.registry / "agencies").mkdir(parents=True)
        (self.registry / "pledgectl.toml").write_text("schema = 1\n", encoding="utf-8")
        self.git("init", "-q")
        self.git("config", "user.name", "Test Clerk")
        self.git("config", "user.email", "clerk@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        proc = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, env=env, check=True
        )
        return proc.stdout

    def write(self, data: dict[str, Any]) -> Path:
        path = self.registry / "agencies" / f"{data['agency']['id']}.toml"
        path.write_text(dumps_agency(data), encoding="utf-8", newline="\n")
        return path

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def test_toplevel_and_prefix(repo: Repo) -> None:
    repo.write(agency("a-one"))
    repo.commit("first")
    assert gitops.toplevel(repo.registry).resolve() == repo.root.resolve()
    assert gitops.prefix(repo.registry) == "reg"
    assert gitops.prefix(repo.root) == ""


def test_list_agency_files_at_revisions(repo: Repo) -> None:
    repo.write(agency("a-one"))
    first = repo.commit("first")
    repo.write(agency("b-two"))
    (repo.registry / "agencies" / "notes.txt").write_text("not an agency\n")
    (repo.registry / "agencies" / "sub").mkdir()
    (repo.registry / "agencies" / "sub" / "nested.toml").write_text("schema = 1\n")
    repo.commit("second")
    assert gitops.list_agency_files(repo.registry, first) == {"a-one": "reg/agencies/a-one.toml"}
    assert gitops.list_agency_files(repo.registry, "HEAD") == {
        "a-one": "reg/agencies/a-one.toml",
        "b-two": "reg/agencies/b-two.toml",
    }


def test_registry_at_repo_top(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "r")
    # Move the registry to the top of the repository.
    top = repo.root
    (top / "agencies").mkdir()
    (top / "agencies" / "x.toml").write_text(dumps_agency(agency("x")), encoding="utf-8")
    repo.commit("top")
    assert gitops.list_agency_files(top, "HEAD") == {"x": "agencies/x.toml"}


def test_read_blobs_with_one_batch(repo: Repo) -> None:
    repo.write(agency("a-one", "198503122010011002"))
    repo.write(agency("b-two"))
    repo.commit("first")
    files = gitops.list_agency_files(repo.registry, "HEAD")
    blobs = gitops.read_blobs(repo.root, "HEAD", [*files.values(), "reg/agencies/missing.toml"])
    assert blobs["reg/agencies/a-one.toml"] == (repo.registry / "agencies/a-one.toml").read_bytes()
    assert blobs["reg/agencies/b-two.toml"] == (repo.registry / "agencies/b-two.toml").read_bytes()
    assert blobs["reg/agencies/missing.toml"] is None
    # A directory is not a file.
    assert gitops.read_blobs(repo.root, "HEAD", ["reg/agencies"]) == {"reg/agencies": None}
    assert gitops.read_blobs(repo.root, "HEAD", []) == {}


def test_read_agencies_at_and_worktree(repo: Repo) -> None:
    repo.write(agency("a-one", "198503122010011002"))
    repo.commit("first")
    changed = agency("a-one", "198503122010011002", "199001012015032001")
    repo.write(changed)
    repo.write(agency("c-new"))  # untracked: still part of the working tree
    at_head = gitops.read_agencies_at(repo.registry, "HEAD")
    worktree = gitops.read_agencies_worktree(repo.registry)
    assert set(at_head) == {"a-one"}
    assert set(worktree) == {"a-one", "c-new"}
    assert worktree["a-one"] == dumps_agency(changed).encode()
    assert at_head["a-one"] != worktree["a-one"]
    assert gitops.read_settings_at(repo.registry, "HEAD") == b"schema = 1\n"


def test_binary_and_non_utf8_content_survive(repo: Repo) -> None:
    raw = b"schema = 1\n# \xff\xfe broken\n\n[agency]\nid = 'x'\n"
    (repo.registry / "agencies" / "x.toml").write_bytes(raw)
    repo.commit("binary")
    assert gitops.read_agencies_at(repo.registry, "HEAD") == {"x": raw}


def test_verify_rev(repo: Repo) -> None:
    repo.write(agency("a-one"))
    sha = repo.commit("first")
    assert gitops.verify_rev(repo.root, "HEAD") == sha
    assert gitops.verify_rev(repo.registry, sha[:8]) == sha


@pytest.mark.parametrize("rev", ["no-such-branch", "HEAD~5", "--output=x", "", "a\nb"])
def test_bad_revision(repo: Repo, rev: str) -> None:
    repo.write(agency("a-one"))
    repo.commit("first")
    with pytest.raises(UsageFailure) as info:
        gitops.list_agency_files(repo.registry, rev)
    assert info.value.key == "unknown revision {rev!r}"
    assert info.value.params == {"rev": rev}
    assert info.value.hint


def test_empty_repository_has_no_head(repo: Repo) -> None:
    with pytest.raises(UsageFailure):
        gitops.read_agencies_at(repo.registry, "HEAD")


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain" / "reg"
    (plain / "agencies").mkdir(parents=True)
    # Stop git walking up into any repository around the temp dir.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(ToolMissing) as info:
        gitops.read_agencies_at(plain, "HEAD")
    assert info.value.key == "{path} is not inside a git repository"
    assert info.value.hint
    # The working tree needs no git at all.
    assert gitops.read_agencies_worktree(plain) == {}


def test_git_missing(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ToolMissing) as info:
        gitops.list_agency_files(repo.registry, "HEAD")
    assert info.value.key == "git is not installed or not on PATH"
    assert info.value.hint == "Install git, or run inside a git repository"


def test_git_env_is_parseable() -> None:
    env = gitops.git_env({"LANG": "id_ID.UTF-8", "LC_ALL": "id_ID.UTF-8"})
    assert env["LC_ALL"] == "C"
    assert env["GIT_TERMINAL_PROMPT"] == "0"


def test_merge_file_markers(tmp_path: Path) -> None:
    base = "a\nb\nc\n"
    clean, conflicted = gitops.merge_file(
        "a\nb\nc\nd\n", base, "z\nb\nc\n", ("ours", "base", "theirs")
    )
    assert (clean, conflicted) == ("z\nb\nc\nd\n", False)
    text, conflicted = gitops.merge_file("a\nX\nc\n", base, "a\nY\nc\n", ("ours", "base", "theirs"))
    assert conflicted
    assert "<<<<<<< ours" in text and ">>>>>>> theirs" in text
