"""Shared fixtures: a fresh registry, the installed command, a clean language."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pledgectl.core import i18n
from pledgectl.core.registry import Registry
from pledgectl.edit.scaffold import init_registry


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests start in English with no registry in the environment."""
    for var in ("LANG", "LC_ALL", "LANGUAGE", "PLEDGECTL_REGISTRY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PLEDGECTL_NO_CACHE", "1")
    i18n.set_lang("en")
    yield
    i18n.set_lang("en")


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    root = tmp_path / "reg"
    init_registry(root)
    return Registry(root)


def pledgectl_command() -> str:
    """The installed console script (the real path a user runs)."""
    beside = Path(sys.executable).with_name("pledgectl")
    if beside.exists():
        return str(beside)
    found = shutil.which("pledgectl")
    if not found:
        pytest.skip("pledgectl is not installed as a command")
    return found


def run_installed(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run the installed command as a user would; a traceback always fails the test.

    ``check``: also require exit 0. The timeout only bounds a true hang.
    """
    result = subprocess.run(
        [pledgectl_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, (args, result.stderr)
    return result


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env.pop("PLEDGECTL_REGISTRY", None)
    env["PLEDGECTL_NO_CACHE"] = "1"
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env
