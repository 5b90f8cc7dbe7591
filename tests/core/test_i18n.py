"""Every message a person reads exists in English and Indonesian."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core import i18n

PACKAGE = Path(__file__).resolve().parents[2] / "pledgectl"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "id_ID", "LANG": "en_US"}, "id"),
        ({"LANGUAGE": "id"}, "id"),
        ({}, "en"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert i18n.detect_lang(None, environ) == expected
    assert i18n.detect_lang("en", environ) == "en"


def _commands() -> list[list[str]]:
    from pledgectl.cli.framework import COMMAND_MODULES, load_command

    paths: list[list[str]] = [[]]
    for name in sorted(COMMAND_MODULES):
        command = load_command(name)
        assert command is not None, name
        paths.append([name])
        for sub in getattr(command, "commands", {}):
            paths.append([name, sub])
    return paths


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "root")
def test_help_is_fully_indonesian(path: list[str]) -> None:
    result = CliRunner().invoke(app, ["--lang", "id", *path, "--help"])
    assert result.exit_code == 0, result.output
    out = result.output
    for english in (
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Show this message",
        "[required]",
        "[default:",
    ):
        assert english not in out, (english, out)
    assert "help." not in out, out
    assert "Penggunaan:" in out


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "root")
def test_help_is_english_by_default(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "help." not in result.output and "Usage:" in result.output


@pytest.mark.parametrize(
    ("args", "english", "indonesian"),
    [
        (["sign", "a"], "Missing argument 'DECL'.", "Argumen wajib belum diberikan: 'PERNYATAAN'."),
        (
            ["agency", "add", "x"],
            "Missing option '--name'.",
            "Opsi wajib belum diberikan: '--name'.",
        ),
        (["check", "--nope"], "No such option '--nope'.", "Tidak ada opsi '--nope'."),
        (["nope"], "No such command 'nope'.", "Tidak ada perintah 'nope'."),
        (
            ["agency", "list", "extra"],
            "Got unexpected extra argument (extra)",
            "Ada argumen tambahan yang tidak diharapkan (extra)",
        ),
        (
            ["check", "--format"],
            "Option '--format' requires an argument.",
            "Opsi '--format' memerlukan nilai.",
        ),
    ],
)
def test_usage_errors_in_both_languages(args: list[str], english: str, indonesian: str) -> None:
    en = CliRunner().invoke(app, args)
    assert en.exit_code == 2 and english in en.output, en.output
    id_ = CliRunner().invoke(app, ["--lang", "id", *args])
    assert id_.exit_code == 2 and indonesian in id_.output, id_.output
    command = " ".join(["pledgectl", *args[: 2 if args[0] == "agency" else 1]])
    assert en.output.splitlines()[1] == f"hint: see `{command} --help`" or args == ["nope"]
    assert id_.output.splitlines()[0].startswith("kesalahan: ")
    assert "Traceback" not in en.output + id_.output
