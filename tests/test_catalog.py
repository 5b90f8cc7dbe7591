"""The message catalog: English msgids in the code, Indonesian in the .po, compiled .mo."""

from __future__ import annotations

import gettext
import importlib.util
import string
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
