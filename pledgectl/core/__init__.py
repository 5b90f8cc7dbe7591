"""The core: what a registry is, how it is read, validated and written byte by byte.

Lives here: the file model, settings and presets, registry discovery, the one
reader (:mod:`.reader`, :mod:`.outline`, :mod:`.comments`), the one writer
(:mod:`.canonical`, :mod:`.storage`), value rules (:mod:`.nip`, :mod:`.validate`,
:mod:`.rules`), the one identity of a person (:mod:`.identity`), findings as data,
errors and the language (:mod:`.i18n`).

May import: the standard library and third-party parsers only. Nothing in
``pledgectl`` outside ``core`` is imported from here.
"""
