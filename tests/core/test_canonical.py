"""The canonical writer: round-trip, idempotence, records always as tables."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgectl.core.canonical import dumps_agency

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
ident = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
extra_key = st.from_regex(r"x[a-z_]{0,6}", fullmatch=True)
extra_value = st.one_of(
    text, st.integers(-1000, 1000), st.booleans(), dates, st.lists(text, max_size=3)
)


def record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields).flatmap(
        lambda d: st.dictionaries(extra_key, extra_value, max_size=2).map(lambda e: {**d, **e})
    )


signatory = record({"nip": text, "name": text, "status": text, "position": text, "signed": dates})
witness = record({"institution": text, "name": text, "role": text})
declaration = record(
    {
        "id": ident,
        "kind": text,
        "elections": st.lists(text, max_size=3),
        "date": dates,
        "title": text,
        "commitments": st.lists(text, max_size=4),
        "witnesses": st.lists(witness, min_size=1, max_size=3),
        "signatories": st.lists(signatory, min_size=1, max_size=4),
    }
)
agency_file = st.fixed_dictionaries(
    {
        "schema": st.just(1),
        "agency": record({"id": ident, "name": text, "region": text, "parent": ident}),
    },
    optional={
        "roster": st.lists(signatory, min_size=1, max_size=3),
        "declarations": st.lists(declaration, min_size=1, max_size=3),
    },
)


@settings(max_examples=150, deadline=None)
@given(agency_file)
def test_round_trip_and_idempotent(data: dict[str, Any]) -> None:
    first = dumps_agency(data)
    assert tomllib.loads(first) == data
    assert dumps_agency(tomllib.loads(first)) == first
    assert first.endswith("\n") and "\r" not in first.replace("\\r", "")


@settings(max_examples=80, deadline=None)
@given(agency_file)
def test_records_are_tables_never_inline(data: dict[str, Any]) -> None:
    out = dumps_agency(data)
    for name in ("roster", "declarations", "witnesses", "signatories"):
        assert f"{name} = [" not in out and f"{name} =[" not in out


def test_key_order_is_fixed() -> None:
    data = {
        "agency": {"region": "14.71", "name": "N", "id": "a"},
        "schema": 1,
        "declarations": [
            {
                "signatories": [{"status": "PNS", "name": "B", "nip": "1"}],
                "date": dt.date(2023, 11, 29),
                "kind": "ikrar",
                "id": "d",
                "elections": ["pemilu-2024"],
            }
        ],
    }
    assert dumps_agency(data) == (
        'schema = 1\n\n[agency]\nid = "a"\nname = "N"\nregion = "14.71"\n\n'
        '[[declarations]]\nid = "d"\nkind = "ikrar"\nelections = ["pemilu-2024"]\n'
        'date = 2023-11-29\n\n[[declarations.signatories]]\nnip = "1"\nname = "B"\n'
        'status = "PNS"\n'
    )


def test_unknown_fields_survive() -> None:
    data = {
        "schema": 1,
        "agency": {"id": "a", "name": "N", "region": "14", "note": "kept", "meta": {"k": 1}},
        "declarations": [{"id": "d", "attachments": [{"file": "x.pdf"}], "extra": [1, 2]}],
    }
    assert tomllib.loads(dumps_agency(data)) == data


comment_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20
).map(lambda s: "# " + s.replace("\r", "").replace("\n", ""))


@settings(max_examples=120, deadline=None)
@given(
    agency_file,
    st.lists(st.tuples(st.integers(0, 10_000), comment_text, st.booleans()), max_size=6),
)
def test_fmt_keeps_every_comment_and_is_idempotent(
    data: dict[str, Any], notes: list[tuple[int, str, bool]]
) -> None:
    from pathlib import Path

    from pledgectl.core.comments import extract
    from pledgectl.core.reader import parse_text

    lines = dumps_agency(data).split("\n")
    for where, note, trailing in notes:
        i = where % len(lines)
        stripped = lines[i].strip()
        is_key_or_header = stripped and (stripped.startswith("[") or " = " in lines[i])
        if trailing and is_key_or_header and not stripped.endswith(("[", "{")):
            lines[i] = lines[i] + "  " + note
        else:
            lines.insert(i, note)
    text = "\n".join(lines)
    parsed = parse_text(Path("a.toml"), text.encode())
    if parsed.data is None:  # a comment landed inside a multi-line value: not a valid case
        return
    once = dumps_agency(parsed.data, extract(text, parsed.outline))
    again_parsed = parse_text(Path("a.toml"), once.encode())
    assert again_parsed.data == parsed.data
    assert dumps_agency(again_parsed.data, extract(once, again_parsed.outline)) == once
    kept = sorted(c for c in extract(once, again_parsed.outline).all_text())
    wanted = sorted(note.strip() for _, note, _ in notes)
    joined = " ".join(kept)
    assert all(note in joined for note in wanted)
