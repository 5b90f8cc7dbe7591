"""Every message a person reads exists in English and Indonesian."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core import i18n

PACKAGE = Path(__file__).resolve().parent.parent / "pledgectl"


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
        (["sign", "a"], "missing argument DECL", "argumen DECL belum diisi"),
        (["agency", "add", "x"], "missing option --name", "opsi --name belum diisi"),
        (["check", "--nope"], "no such option --nope", "tidak ada opsi --nope"),
        (["nope"], "no such command 'nope'", "tidak ada perintah 'nope'"),
        (["agency", "list", "extra"], "unexpected extra argument", "argumen berlebih"),
        (["check", "--format"], "option --format needs a value", "opsi --format memerlukan nilai"),
    ],
)
def test_usage_errors_in_both_languages(args: list[str], english: str, indonesian: str) -> None:
    en = CliRunner().invoke(app, args)
    assert en.exit_code == 2 and english in en.output, en.output
    id_ = CliRunner().invoke(app, ["--lang", "id", *args])
    assert id_.exit_code == 2 and indonesian in id_.output, id_.output
    assert "Traceback" not in en.output + id_.output
