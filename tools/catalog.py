"""The message catalog, with Babel: extract the .pot, update the .po, compile the .mo.

    python tools/catalog.py extract   # pledgectl/locale/pledgectl.pot from the code
    python tools/catalog.py update    # merge new msgids into the Indonesian .po
    python tools/catalog.py compile   # the .mo that the installed package reads
    python tools/catalog.py all       # the three, in order (after editing messages)

The compiled ``.mo`` is committed beside its ``.po`` (as Django does), so an
install needs no build step; ``tests/core/test_catalog.py`` fails when the two
differ or when the code has a msgid the ``.pot`` lacks.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pledgectl"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "pledgectl.pot"
LANGS = ("id",)
KEYWORDS = {
    "_": None,
    "N_": None,
    "t": None,
    "t_in": (2,),
    "both": None,
    "tn": (1, 2),
    "say_n": (1, 2),
    "ngettext": (1, 2),
    "N_plural": (1, 2),
}
METHOD_MAP = [("**.py", "python")]

# The header is fixed, so that extracting again gives no diff and parallel branches
# do not conflict on a timestamp; locations carry no line numbers for the same reason.
STABLE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HEADER = {
    "project": "pledgectl",
    "version": "1",
    "copyright_holder": "the pledgectl authors",
    "msgid_bugs_address": "the pledgectl maintainers (see README.md)",
    "last_translator": "the pledgectl maintainers",
}
LANGUAGE_TEAM = {None: "none (template)", "id": "Indonesian"}
HEADER_COMMENT = {
    None: "# The messages of pledgectl, extracted by tools/catalog.py (Babel).",
    "id": "# Indonesian messages of pledgectl. Terms: the glossary test, tests/data/glossary_forbidden.tsv.",
}


def tidy(catalog: Catalog, lang: str | None) -> Catalog:
    """The header every catalog file carries: no placeholders, not fuzzy, a fixed date."""
    for name, value in HEADER.items():
        setattr(catalog, name, value)
    catalog.creation_date = STABLE_DATE
    catalog.revision_date = STABLE_DATE
    catalog.fuzzy = False
    catalog.language_team = LANGUAGE_TEAM[lang]
    catalog.header_comment = HEADER_COMMENT[lang]
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "pledgectl.po"


def extract() -> Catalog:
    """Every msgid in the package, with where it stands."""
    catalog = tidy(Catalog(domain="pledgectl", charset="utf-8", fuzzy=False), None)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(
            message,
            None,
            [(f"pledgectl/{filename}", lineno)],
            auto_comments=comments,
            context=context,
            flags=("python-brace-format",) if "{" in str(message) else (),
        )
    return catalog


def pot_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    return buffer.getvalue()


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain="pledgectl")


def update(template: Catalog) -> None:
    for lang in LANGS:
        path = po_path(lang)
        if path.exists():
            catalog = read(path, lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, domain="pledgectl", project="pledgectl")
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        tidy(catalog, lang)
        buffer = io.BytesIO()
        write_po(
            buffer,
            catalog,
            width=100,
            sort_output=True,
            include_previous=False,
            include_lineno=False,
        )
        path.write_bytes(buffer.getvalue())


def mo_bytes(lang: str) -> bytes:
    catalog = read(po_path(lang), lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for lang in LANGS:
        po_path(lang).with_suffix(".mo").write_bytes(mo_bytes(lang))


def main(argv: list[str]) -> int:
    step = argv[1] if len(argv) > 1 else "all"
    if step in ("extract", "all", "update"):
        template = extract()
        POT.parent.mkdir(parents=True, exist_ok=True)
        POT.write_bytes(pot_bytes(template))
        if step in ("all", "update"):
            update(template)
    if step in ("compile", "all"):
        compile_all()
    if step not in ("extract", "update", "compile", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
