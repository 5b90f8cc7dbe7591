"""Two languages for everything a person reads, through gettext.

Messages are English msgids at their call sites; the Indonesian lives in
``pledgectl/locale/id/LC_MESSAGES/pledgectl.po`` (compiled to ``.mo`` beside it,
see the README's development section). Three ways to say a message:

- ``_("text")``: translated now, in the current language;
- ``N_("text")``: only marked for extraction, translated when shown (errors and
  findings carry msgids and are rendered in the language of the reader);
- ``t("text {x}", x=1)`` / ``tn("1 error", "{n} errors", n)``: translated and filled in.

The language comes from ``--lang``, else gettext's own order of the locale
variables: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; ``id*`` means
Indonesian. Click's own messages go through the same catalog: Click calls
:func:`gettext.gettext`, so :func:`activate` binds the ``pledgectl`` domain.

The catalog is loaded on first use, so ``--version`` never reads it.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

LANGS = ("en", "id")
DOMAIN = "pledgectl"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_state = {"lang": "en"}
_translations: dict[str, _gettext.NullTranslations] = {}


def _lang_of(value: str) -> str | None:
    """``id_ID.UTF-8`` -> ``id``; ``en_US`` -> ``en``; ``C``/``POSIX`` and others: None."""
    code = value.split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGS else None


def detect_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Choose the language: an explicit choice wins, then gettext's order of variables.

    ``LANGUAGE`` is a colon-separated list of preferences and counts only when
    the locale is not ``C``, as in GNU gettext; the first of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set decides the locale.
    """
    if explicit:
        return explicit if explicit in LANGS else "en"
    env = os.environ if environ is None else environ
    locale = ""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = env.get(var, "")
        if locale:
            break
    if locale not in ("C", "POSIX"):
        for entry in env.get("LANGUAGE", "").split(":"):
            found = _lang_of(entry) if entry else None
            if found:
                return found
    found = _lang_of(locale) if locale else None
    return found or "en"


def set_lang(lang: str) -> None:
    _state["lang"] = lang if lang in LANGS else "en"


def get_lang() -> str:
    return _state["lang"]


def translations(lang: str | None = None) -> _gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English: the msgids themselves)."""
    lang = lang or get_lang()
    found = _translations.get(lang)
    if found is None:
        if lang == "en":
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(
                DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True
            )
        _translations[lang] = found
    return found


@contextmanager
def activated(lang: str) -> Iterator[None]:
    """Speak ``lang`` for the duration, Click's own messages included.

    Click translates with :func:`gettext.gettext`, which reads the current text
    domain and the ``LANGUAGE`` variable; both are set for the run and put back
    after it, so an in-process caller (tests, a script) is left as it was.
    """
    set_lang(lang)
    saved_env = os.environ.get("LANGUAGE")
    saved_domain = _gettext.textdomain()
    _gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    _gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        _gettext.textdomain(saved_domain)
        if saved_env is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = saved_env


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (translated with :func:`tn` where shown)."""
    return singular, plural


def gettext_in(lang: str | None, message: str) -> str:
    """``message`` in ``lang`` (None: the current language), unfilled."""
    if not message:
        return message
    return translations(lang or get_lang()).gettext(message)


def _(message: str) -> str:
    """``message`` in the current language."""
    return gettext_in(None, message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang).ngettext(singular, plural, n)


def _fill(text: str, params: Mapping[str, object] | None) -> str:
    return text.format(**params) if params else text


def t(message: str, /, **params: object) -> str:
    """``message`` in the current language, with ``params`` filled in."""
    return _fill(gettext_in(None, message), params)


def t_in(lang: str | None, message: str, params: Mapping[str, object] | None = None) -> str:
    """``message`` in ``lang`` (None: the current language), filled in."""
    return _fill(gettext_in(lang, message), params)


def tn(singular: str, plural: str, n: int, /, **params: object) -> str:
    """The singular or plural form for ``n``, in the current language; ``{n}`` is ``n``."""
    return ngettext(singular, plural, n).format(n=n, **params)


def both(message: str, /, **params: object) -> dict[str, str]:
    """The message in every language, for JSON output and bilingual documents."""
    return {lang: t_in(lang, message, params) for lang in LANGS}
