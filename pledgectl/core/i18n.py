"""Two languages for everything a person reads.

Messages live in catalogs under :mod:`pledgectl.messages`, one module per area,
each a dict ``key -> (english, indonesian)``. ``t(key, **params)`` picks the
current language. The language comes from ``--lang`` or else the usual locale
variables; ``id*`` means Indonesian.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

LANGS = ("en", "id")
_CATALOG_MODULES = (
    "core",
    "framework",
    "checks",
    "tabular",
    "gitops",
    "reports",
    "people",
    "git_cli",
)

_state = {"lang": "en"}
_catalog: dict[str, tuple[str, str]] = {}


def detect_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Choose the language: an explicit choice wins, then LC_ALL, LANGUAGE, LANG."""
    if explicit:
        return explicit if explicit in LANGS else "en"
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LANGUAGE", "LANG"):
        value = env.get(var, "")
        if value:
            return "id" if value.lower().startswith("id") else "en"
    return "en"


def set_lang(lang: str) -> None:
    _state["lang"] = lang if lang in LANGS else "en"


def get_lang() -> str:
    return _state["lang"]


def catalog() -> dict[str, tuple[str, str]]:
    """All messages, merged from every catalog module (loaded once)."""
    if not _catalog:
        merged: dict[str, tuple[str, str]] = {}
        for name in _CATALOG_MODULES:
            try:
                module = importlib.import_module(f"pledgectl.messages.{name}")
            except ModuleNotFoundError:
                continue
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"duplicate message key {key!r} in {name}")
                merged[key] = pair
        _catalog.update(merged)
    return _catalog


def has(key: str) -> bool:
    return key in catalog()


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, with params filled in."""
    return t_in(get_lang(), key, params)


def t_in(lang: str | None, key: str, params: Mapping[str, object] | None = None) -> str:
    """The message ``key`` in ``lang`` (None: the current language)."""
    pair = catalog().get(key)
    if pair is None:
        return key
    text = pair[1] if (lang or get_lang()) == "id" else pair[0]
    return text.format(**params) if params else text


def both(key: str, /, **params: object) -> dict[str, str]:
    """The message in every language, for JSON output and bilingual documents."""
    return {lang: t_in(lang, key, params) for lang in LANGS}
