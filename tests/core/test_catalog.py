"""The message catalog: English msgids in the code, Indonesian in the .po, compiled .mo."""

from __future__ import annotations

import gettext
import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "pledgectl" / "locale" / "id" / "LC_MESSAGES" / "pledgectl.po"
MO = PO.with_suffix(".mo")
POT = ROOT / "pledgectl" / "locale" / "pledgectl.pot"

babel = pytest.importorskip("babel", reason="Babel reads the .po (pip install -e '.[test]')")
from babel.messages.pofile import read_po  # noqa: E402


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("catalog_tool", ROOT / "tools" / "catalog.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalog_tool"] = module
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> object:
    with path.open("rb") as handle:
        return read_po(handle, locale="id" if path == PO else None, domain="pledgectl")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _ids(message: object) -> tuple[str, ...]:
    mid = message.id  # type: ignore[attr-defined]
    return tuple(mid) if isinstance(mid, tuple | list) else (mid,)


def _strs(message: object) -> tuple[str, ...]:
    got = message.string  # type: ignore[attr-defined]
    return tuple(got) if isinstance(got, tuple | list) else (got,)


def test_extraction_finds_nothing_the_pot_lacks() -> None:
    tool = _tool()
    extracted = {_ids(m) for m in tool.extract() if m.id}  # type: ignore[attr-defined]
    committed = {_ids(m) for m in _read(POT) if m.id}  # type: ignore[attr-defined]
    assert extracted - committed == set(), "run `python tools/catalog.py update`"
    assert committed - extracted == set(), "run `python tools/catalog.py update`"


def test_every_msgid_has_an_indonesian_translation() -> None:
    catalog = _read(PO)
    count = 0
    for message in catalog:  # type: ignore[attr-defined]
        if not message.id:
            continue
        count += 1
        assert not message.fuzzy, message.id
        assert all(s.strip() for s in _strs(message)), message.id
    assert count > 300


def test_placeholders_of_the_translation_match_the_msgid() -> None:
    for message in _read(PO):  # type: ignore[attr-defined]
        if not message.id:
            continue
        ids = _ids(message)
        wanted = set().union(*(_fields(i) for i in ids))
        for text in _strs(message):
            if len(ids) == 1:
                assert _fields(text) == wanted, (message.id, text)
            else:  # one Indonesian form serves both: it may use either form's fields
                assert _fields(text) <= wanted and _fields(text), (message.id, text)


def test_the_committed_mo_matches_the_po() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _read(PO):  # type: ignore[attr-defined]
        if not message.id:
            continue
        ids, strs = _ids(message), _strs(message)
        if len(ids) == 1:
            assert compiled.gettext(ids[0]) == strs[0], ids[0]
        else:
            assert compiled.ngettext(ids[0], ids[1], 1) == strs[0], ids


# -- the glossary ---------------------------------------------------------------------------

GLOSSARY = ROOT / "tests" / "data" / "glossary_forbidden.tsv"


def _forbidden() -> list[tuple[str, str, str]]:
    rows = []
    for line in GLOSSARY.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, instead, why = line.split("\t")
            rows.append((pattern, instead, why))
    return rows


def _outside_code(text: str) -> str:
    return " ".join(text.split("`")[0::2])


def test_the_glossary_table_is_well_formed() -> None:
    rows = _forbidden()
    assert len(rows) >= 15
    for pattern, instead, why in rows:
        re.compile(pattern)
        assert instead.strip() and why.strip(), pattern


def test_the_translations_keep_to_the_glossary() -> None:
    found = []
    for message in _read(PO):  # type: ignore[attr-defined]
        if not message.id:
            continue
        for text in _strs(message):
            for pattern, instead, _why in _forbidden():
                if re.search(pattern, _outside_code(text)):
                    found.append(f"{text!r}: use {instead!r}")
    assert found == []


def test_the_glossary_test_catches_a_forbidden_word() -> None:
    patterns = [re.compile(p) for p, _, _ in _forbidden()]
    for bad in ("3 galat", "hitungan kontrak PPPK", "pohon kerja", "Deklarasi netralitas"):
        assert any(p.search(bad) for p in patterns), bad
    for good in (
        "galat program (bug)",
        "ikrar, deklarasi, atau pakta integritas",
        "`pledgectl schema`",
    ):
        assert not any(p.search(_outside_code(good)) for p in patterns), good


# -- no raw keys, no English left -----------------------------------------------------------

# the first round's message keys: "help.check", "finding.nip-birth", "value.agency-id", ...
# ("agency." is left out: agency.website is a field a finding names)
RAW_KEY = re.compile(
    r"\b(?:check|cli|col|declare|edit|find|finding|fmt|git|gitops|help|import|init|merge"
    r"|nip|prompt|reader|registry|report|rule|semdiff|settings|severity|sheet|sign|storage"
    r"|tabular|value|witness)\.[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\b(?!\.|/)"
)
REGISTRIES = sorted(p for p in (ROOT / "tests" / "registries").iterdir() if p.is_dir())


def _raw_keys(text: str) -> list[str]:
    return [m.group(0) for m in RAW_KEY.finditer(text) if not m.group(0).endswith(".toml")]


def test_the_raw_key_pattern_finds_keys() -> None:
    assert _raw_keys("error: help.check and finding.nip-birth") == [
        "help.check",
        "finding.nip-birth",
    ]
    assert _raw_keys("see pledgectl.toml, agency.toml and policy.kinds") == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_help_prints_a_raw_key(lang: str) -> None:
    from typer.testing import CliRunner

    from pledgectl.cli.app import app
    from tests.core.test_i18n import _commands

    for path in _commands():
        result = CliRunner().invoke(app, ["--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert _raw_keys(result.output) == [], (path, result.output)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_no_check_output_prints_a_raw_key(lang: str, fmt: str) -> None:
    from typer.testing import CliRunner

    from pledgectl.cli.app import app

    for folder in REGISTRIES:
        args = ["--lang", lang, "--registry", str(folder), "check", "--format", fmt]
        result = CliRunner().invoke(app, args)
        assert result.exit_code in (0, 1), (folder.name, result.output)
        assert _raw_keys(result.output) == [], (folder.name, result.output)


def test_indonesian_check_output_has_no_english_framework_words() -> None:
    from typer.testing import CliRunner

    from pledgectl.cli.app import app

    folder = ROOT / "tests" / "registries" / "nip-birth"
    out = CliRunner().invoke(app, ["--lang", "id", "--registry", str(folder), "check"]).output
    for english in ("error", "warning", "hint:", "Verdict", "checked", "Agencies"):
        assert english not in out, (english, out)
    assert "kesalahan" in out and "Kesimpulan" in out


# -- the catalog is loaded only when a message is shown -------------------------------------

_VERSION_PROBE = """
import gettext, sys
opened = []
real = gettext.translation
def spy(*args, **kwargs):
    opened.append(args)
    return real(*args, **kwargs)
gettext.translation = spy
sys.argv = ["pledgectl", *sys.argv[1:]]
from pledgectl.cli.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
from pledgectl.core import i18n
print(code, len(opened), len(i18n._translations), "babel" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--version"], ["--lang", "id", "--version"]])
def test_version_does_not_open_the_catalog(args: list[str]) -> None:
    env = {**os.environ, "LANGUAGE": "id", "LANG": "id_ID.UTF-8"}
    proc = subprocess.run(
        [sys.executable, "-c", _VERSION_PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.stdout.startswith("pledgectl "), proc.stdout + proc.stderr
    assert proc.stderr.split() == ["0", "0", "0", "False"], proc.stderr


def test_a_message_does_open_the_catalog() -> None:
    env = {**os.environ, "LANGUAGE": "id", "LANG": "id_ID.UTF-8"}
    proc = subprocess.run(
        [sys.executable, "-c", _VERSION_PROBE, "--lang", "id", "check", "--format", "nope"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    code, opened, loaded, _babel = proc.stderr.splitlines()[-1].split()
    assert code == "2" and int(opened) > 0 and int(loaded) > 0, proc.stderr
    assert "kesalahan: --format 'nope' bukan salah satu dari" in proc.stderr
