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
    "ngettext": (1, 2),
    "N_plural": (1, 2),
}
METHOD_MAP = [("**.py", "python")]


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "pledgectl.po"


def extract() -> Catalog:
    """Every msgid in the package, with where it stands."""
    catalog = Catalog(project="pledgectl", domain="pledgectl", charset="utf-8")
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
    write_po(buffer, catalog, omit_header=False, width=100, no_location=False, sort_output=True)
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
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, sort_output=True, include_previous=False)
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
