"""The CLI boundary: empty --registry, an unknown agency, the locale order, Ctrl-C."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli import entry, framework
from pledgectl.cli.app import app
from pledgectl.core import i18n
from pledgectl.edit.scaffold import init_registry

NIP = "198503122010011002"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    init_registry(root, example=True)
    return root


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("command", [["check"], ["agency", "list"], ["report"]])
def test_an_empty_registry_path_is_a_usage_error(
    demo: Path, monkeypatch: pytest.MonkeyPatch, lang: str, command: list[str]
) -> None:
    monkeypatch.chdir(demo)  # discovery would find this registry: it must not be used
    code, out, err = run("--lang", lang, "--registry", "", *command)
    assert code == 2 and out == ""
    first = err.splitlines()[0]
    assert "--registry" in first
    assert first == (
        "error: --registry was given an empty path"
        if lang == "en"
        else "kesalahan: --registry diberi nilai kosong"
    )
    code, _, err = run("--registry=", *command)
    assert code == 2 and "--registry" in err.splitlines()[0]


def test_a_registry_option_without_its_value_is_a_usage_error(demo: Path) -> None:
    code, out, err = run("check", "--registry")
    assert code == 2 and out == ""
    assert err.splitlines()[0] == "error: Option '--registry' requires an argument."


UNKNOWN_AGENCY = [
    ["check", "nope"],
    ["agency", "show", "nope"],
    ["declare", "nope", "--kind", "ikrar", "--date", "2024-01-01", "--election", "pemilu-2024"],
    ["witness", "nope", "d", "--institution", "KPU", "--name", "X"],
    ["sign", "nope", "d", "--nip", NIP, "--name", "A", "--status", "PNS", "--no-prompt"],
    ["sheet", "nope", "d"],
]


@pytest.mark.parametrize("command", UNKNOWN_AGENCY, ids=lambda c: " ".join(c[:2]))
def test_an_unknown_agency_is_refused_with_1_by_every_command(
    demo: Path, command: list[str]
) -> None:
    before = {p: p.read_bytes() for p in (demo / "agencies").iterdir()}
    code, out, err = run("--registry", str(demo), *command)
    assert code == 1 and out == "", err
    assert err.splitlines()[0] == "error: no agency 'nope' in this registry"
    assert {p: p.read_bytes() for p in (demo / "agencies").iterdir()} == before


def test_an_unknown_agency_in_an_import_is_refused_with_1(demo: Path, tmp_path: Path) -> None:
    table = tmp_path / "people.csv"
    table.write_text(f"nip,name\n{NIP},Rina\n", "utf-8")
    for command in (["import", "nope", "d", str(table)], ["roster", "import", "nope", str(table)]):
        code, _, err = run("--registry", str(demo), *command)
        assert code == 1 and err.startswith("error: no agency 'nope'"), err


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        # LANGUAGE first (a list of preferences) ...
        ({"LANGUAGE": "id:en", "LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LANGUAGE": "fr:id", "LANG": "en_US.UTF-8"}, "id"),
        ({"LANGUAGE": "en", "LC_ALL": "id_ID.UTF-8"}, "en"),
        # ... but not when the locale is C, as in GNU gettext
        ({"LANGUAGE": "id", "LC_ALL": "C"}, "en"),
        # then LC_ALL, LC_MESSAGES, LANG: the first one set decides
        ({"LC_ALL": "id_ID.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "id"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "id_ID", "LANG": "id_ID"}, "en"),
        ({"LC_MESSAGES": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_order_is_gettexts(environ: dict[str, str], expected: str) -> None:
    assert i18n.detect_lang(None, environ) == expected
    assert i18n.detect_lang("en", environ) == "en"  # --lang wins over the environment
    assert i18n.detect_lang("id", {"LANGUAGE": "en"}) == "id"


def test_the_locale_order_reaches_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_MESSAGES", "id_ID.UTF-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _, err = run("check", "--format", "nope")
    assert code == 2 and err.startswith("kesalahan: ")


# -- Ctrl-C ---------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ctrl_c_on_a_terminal_starts_a_new_line(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert entry.interrupted("id") == 130
    assert screen.getvalue() == "\ndibatalkan\n"  # after the terminal's "^C"


def test_ctrl_c_in_a_pipe_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    log = io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)
    assert entry.interrupted("en") == 130
    assert log.getvalue() == "aborted\n"


def test_ctrl_c_inside_a_command_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(name: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(framework, "load_command", interrupt)
    code, out, err = run("check")
    assert code == 130 and out == "" and err == "aborted\n"


_INTERRUPT_DURING_IMPORT = """
import sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "pledgectl.cli.app":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["pledgectl", "--lang", "id", "check"]
from pledgectl.cli.entry import main
main()
"""


def test_ctrl_c_while_the_cli_is_imported_exits_130() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_DURING_IMPORT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr == "dibatalkan\n" and "Traceback" not in proc.stderr
