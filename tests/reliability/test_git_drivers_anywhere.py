"""The git drivers from any shell: a PATH without pledgectl, a vanished interpreter (issue 17.1).

Git runs its drivers through ``sh -c`` with the PATH of whatever started it (an
IDE, a git GUI, a plain shell). Here every git command runs under ``env -i``
with ``PATH=/usr/bin:/bin``, where no ``pledgectl`` is, as such a program would.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import pledgectl_command

pytestmark = pytest.mark.e2e
DECL = "ikrar-hut-korpri-2023"
AGENCY_FILE = Path("registry/agencies/pekanbaru-bkpsdm.toml")
PLAIN_PATH = "/usr/bin:/bin"


def _git_in_plain_path() -> str:
    for folder in PLAIN_PATH.split(":"):
        if (Path(folder) / "git").exists() and (Path(folder) / "sh").exists():
            return str(Path(folder) / "git")
    pytest.skip("git and sh are not in /usr/bin or /bin")


def plain(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command as a GUI would run it: an empty environment, a PATH that lacks pledgectl."""
    env = {"PATH": PLAIN_PATH, "HOME": str(cwd), "LANG": "C.UTF-8"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def tool(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [pledgectl_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


@pytest.fixture
def repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A repository holding the example registry, ``git install`` run by the installed tool."""
    _git_in_plain_path()
    assert shutil.which("pledgectl", path=PLAIN_PATH) is None, "pledgectl is on the plain PATH"
    top = tmp_path / "repo"
    top.mkdir()
    for args in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "config", "user.email", "clerk@example.org"],
        ["git", "config", "user.name", "Clerk"],
    ):
        assert plain(args, top).returncode == 0
    tool(["init", "--example", "registry"], top, env)
    tool(["git", "install"], top / "registry", env)
    assert plain(["git", "add", "-A"], top).returncode == 0
    assert plain(["git", "commit", "-qm", "example"], top).returncode == 0
    return top


def sign(top: Path, env: dict[str, str], nip: str, name: str) -> None:
    tool(
        ["sign", "pekanbaru-bkpsdm", DECL, "--nip", nip, "--name", name, "--status", "PNS"],
        top / "registry",
        env,
    )


def two_branches(top: Path, env: dict[str, str], ours: str, theirs: str, nip2: str) -> None:
    """``clerk-b`` signs ``theirs``; main signs ``ours``; both committed, main checked out."""
    assert plain(["git", "checkout", "-qb", "clerk-b"], top).returncode == 0
    sign(top, env, nip2, theirs)
    assert plain(["git", "commit", "-qam", "b"], top).returncode == 0
    assert plain(["git", "checkout", "-q", "main"], top).returncode == 0
    sign(top, env, "199101012016011001", ours)
    assert plain(["git", "commit", "-qam", "a"], top).returncode == 0


def names(path: Path) -> list[str]:
    data = tomllib.loads(path.read_text("utf-8"))
    return [s["name"] for s in data["declarations"][0]["signatories"]]


def registered(top: Path, key: str) -> str:
    return plain(["git", "config", "--local", "--get", key], top).stdout.strip()


def interpreter_of(command: str) -> str:
    """The interpreter a registered driver command runs (the word before ``-m pledgectl``)."""
    words = shlex.split(command)
    return words[words.index("-m") - 1] if "-m" in words else words[0]


def installing_python() -> str:
    """The interpreter of the installed ``pledgectl`` script (its shebang)."""
    first = Path(pledgectl_command()).read_text("utf-8").splitlines()[0]
    return first.removeprefix("#!").strip()


def test_merge_from_a_shell_without_pledgectl_uses_the_absolute_path(
    repo: Path, env: dict[str, str]
) -> None:
    two_branches(repo, env, "Clerk A Person", "Clerk B Person", "199001012015011001")
    merged = plain(["git", "merge", "--no-edit", "clerk-b"], repo)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    for key in ("merge.pledgectl.driver", "diff.pledgectl.textconv"):
        assert interpreter_of(registered(repo, key)) == installing_python()
    assert "not found" not in merged.stderr
    assert names(repo / AGENCY_FILE)[-2:] == ["Clerk A Person", "Clerk B Person"]
    assert plain(["git", "status", "--porcelain"], repo).stdout == ""


def test_textconv_works_from_a_shell_without_pledgectl(repo: Path, env: dict[str, str]) -> None:
    sign(repo, env, "199001012015011001", "Baru Satu")
    diff = plain(["git", "diff"], repo)
    assert diff.returncode == 0, diff.stderr
    assert "+  signatory 199001012015011001 Baru Satu" in diff.stdout
    assert "[[declarations.signatories]]" not in diff.stdout


@pytest.mark.parametrize("how", ["interpreter-gone", "module-missing"])
def test_a_driver_that_cannot_run_leaves_an_unmerged_file_with_markers(
    repo: Path, env: dict[str, str], tmp_path: Path, how: str
) -> None:
    if how == "interpreter-gone":
        # the virtualenv the drivers were installed from was deleted since
        python = str(tmp_path / "deleted venv" / "bin" / "python")
    else:
        # an interpreter that exists but no longer has pledgectl installed
        python = "/usr/bin/python3"
        if not Path(python).exists():
            pytest.skip("no /usr/bin/python3")
        probe = plain([python, "-c", "import pledgectl"], repo)
        if probe.returncode == 0:
            pytest.skip("/usr/bin/python3 has pledgectl installed")
    driver = registered(repo, "merge.pledgectl.driver")
    driver = driver.replace(shlex.quote(interpreter_of(driver)), shlex.quote(python))
    assert (
        plain(["git", "config", "--local", "merge.pledgectl.driver", driver], repo).returncode == 0
    )
    two_branches(repo, env, "Clerk A Person", "Clerk B Person", "199001012015011001")
    merged = plain(["git", "merge", "--no-edit", "clerk-b"], repo)
    assert merged.returncode != 0, merged.stdout
    assert "merged line by line" in merged.stderr
    unmerged = plain(["git", "ls-files", "-u"], repo).stdout
    assert str(AGENCY_FILE) in unmerged
    text = (repo / AGENCY_FILE).read_text("utf-8")
    assert "<<<<<<< HEAD\n" in text and ">>>>>>> clerk-b\n" in text
    assert "Clerk A Person" in text and "Clerk B Person" in text
    # the other branch's signature is in the file the user must resolve, not lost
    assert plain(["git", "diff", "--check"], repo).returncode != 0


def test_true_conflict_markers_carry_git_labels(repo: Path, env: dict[str, str]) -> None:
    two_branches(repo, env, "Spelled Another", "Spelled One Way", "199101012016011001")
    merged = plain(["git", "merge", "--no-edit", "clerk-b"], repo)
    assert merged.returncode != 0
    text = (repo / AGENCY_FILE).read_text("utf-8")
    assert "<<<<<<< HEAD\n" in text and ">>>>>>> clerk-b\n" in text
    assert "ours" not in text.split("<<<<<<<")[1].splitlines()[0]
    assert "Spelled One Way" in text and "Spelled Another" in text
    # the report names the sides as the markers do
    assert 'HEAD "Spelled Another", clerk-b "Spelled One Way"' in merged.stderr


def test_install_again_repairs_a_bare_registration(repo: Path, env: dict[str, str]) -> None:
    for key, old in (
        ("merge.pledgectl.driver", "pledgectl git merge-driver %O %A %B %P"),
        ("diff.pledgectl.textconv", "pledgectl git textconv"),
    ):
        assert plain(["git", "config", "--local", key, old], repo).returncode == 0
    result = tool(["git", "install"], repo / "registry", env)
    assert "already" not in result.stderr
    assert "replaced an older registration, which ran: pledgectl git textconv" in result.stderr
    assert f"git runs them as {installing_python()} -m pledgectl" in result.stderr
    assert interpreter_of(registered(repo, "merge.pledgectl.driver")) == installing_python()
    assert interpreter_of(registered(repo, "diff.pledgectl.textconv")) == installing_python()
    again = tool(["git", "install"], repo / "registry", env)
    assert "already" in again.stderr
    # the registration does not depend on the language of whoever installs
    assert (
        "sudah terpasang" in tool(["--lang", "id", "git", "install"], repo / "registry", env).stderr
    )
    two_branches(repo, env, "Clerk A Person", "Clerk B Person", "199001012015011001")
    assert plain(["git", "merge", "--no-edit", "clerk-b"], repo).returncode == 0
