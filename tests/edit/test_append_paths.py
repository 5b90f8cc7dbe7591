"""The append fast path (literal searches) writes exactly what the full outline path writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import outline
from pledgectl.core.canonical import dumps_agency
from pledgectl.core.errors import PledgeError
from pledgectl.core.registry import Registry
from pledgectl.edit import recording
from pledgectl.edit.scaffold import init_registry

NEW = ["198503122010011002", "199012312015032001", "199505052021211001"]

ident = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
person = st.fixed_dictionaries(
    {"name": st.sampled_from(["Rina", "Budi", "Siti"]), "status": st.just("PNS")},
    optional={"nip": st.sampled_from([*NEW, "197001011995011001", "197102021996021002"])},
)
declaration = st.fixed_dictionaries(
    {
        "id": ident,
        "kind": st.just("ikrar"),
        "elections": st.just(["pemilu-2024"]),
        "date": st.dates(dt.date(2023, 1, 1), dt.date(2024, 1, 1)),
    },
    optional={
        "witnesses": st.lists(
            st.fixed_dictionaries({"institution": st.just("KPU"), "name": st.just("W")}),
            min_size=1,
            max_size=2,
        ),
        "signatories": st.lists(person, min_size=1, max_size=4),
        "meta": st.fixed_dictionaries({"note": st.just("kept")}),
    },
)
agency_file = st.fixed_dictionaries(
    {
        "schema": st.just(1),
        "agency": st.just({"id": "a", "name": "A", "region": "14.71"}),
        "declarations": st.lists(declaration, min_size=1, max_size=3, unique_by=lambda d: d["id"]),
    },
    optional={"zz": st.fixed_dictionaries({"top": st.just(1)})},
)
edits = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(["", "# note", "  # indented note"])),
    max_size=4,
)


def _registry(tmp: Path) -> Registry:
    root = tmp / "reg"
    if not (root / "pledgectl.toml").exists():
        init_registry(root)
    return Registry(root)


def _outcome(reg: Registry, text: str, decl: str, who: list[recording.Person]) -> tuple[Any, ...]:
    path = reg.agencies_dir / "a.toml"
    path.write_text(text, "utf-8")
    try:
        got = recording.add_signatories(reg, "a", decl, who)
    except PledgeError as exc:
        return ("error", exc.key, path.read_bytes())
    return ("ok", got.added, got.warnings, path.read_bytes())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    agency_file, edits, st.integers(0, 2), st.lists(st.sampled_from(NEW), min_size=1, max_size=2)
)
def test_fast_and_full_append_agree(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    data: dict[str, Any],
    lines: list[tuple[int, str]],
    which: int,
    nips: list[str],
) -> None:
    reg = _registry(tmp_path)
    text_lines = dumps_agency(data).split("\n")
    for where, line in lines:
        text_lines.insert(where % len(text_lines), line)
    text = "\n".join(text_lines)
    decl = data["declarations"][which % len(data["declarations"])]["id"]
    who = [
        recording.Person(name=f"P{i}", status="PNS", nip=nip, signed=dt.date(2023, 6, 1))
        for i, nip in enumerate(nips)
    ]
    fast = _outcome(reg, text, decl, who)
    with monkeypatch.context() as patch:
        patch.setattr(recording, "locate", lambda _text: None)
        full = _outcome(reg, text, decl, who)
    assert fast == full


def test_fast_path_declines_what_it_cannot_place_exactly() -> None:
    plain = dumps_agency(
        {"schema": 1, "agency": {"id": "a"}, "declarations": [{"id": "d", "kind": "ikrar"}]}
    )
    assert outline.locate(plain) is not None
    for odd in (
        plain.replace("[[declarations]]", "  [[declarations]]"),
        plain.replace("[[declarations]]", "[[ declarations ]]"),
        plain.replace("[[declarations]]", "[[declarations]]  # c"),
        plain + 'note = """\n[[declarations]]\n"""\n',
        plain.replace("\n", "\r\n"),
        plain.rstrip("\n"),
    ):
        assert outline.locate(odd) is None, odd


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(agency_file, st.integers(0, 2), st.lists(st.sampled_from(NEW), min_size=1, max_size=2))
def test_a_file_saved_with_crlf_keeps_crlf(
    tmp_path: Path, data: dict[str, Any], which: int, nips: list[str]
) -> None:
    """A file saved on Windows (CRLF) gets CRLF lines from every append, never a mix, and
    means what it would with LF line ends."""
    import tomllib

    reg = _registry(tmp_path)
    lf = dumps_agency(data)
    decl = data["declarations"][which % len(data["declarations"])]["id"]
    who = [
        recording.Person(name=f"P{i}", status="PNS", nip=nip, signed=dt.date(2023, 6, 1))
        for i, nip in enumerate(nips)
    ]
    outcomes = []
    for text in (lf, lf.replace("\n", "\r\n")):
        outcomes.append(_outcome(reg, text, decl, who))
        written = (reg.agencies_dir / "a.toml").read_bytes()
        if text.startswith("schema = 1\r\n"):
            assert written.count(b"\n") == written.count(b"\r\n")
    plain, crlf = outcomes
    assert plain[:-1] == crlf[:-1]
    assert crlf[-1] == plain[-1].replace(b"\n", b"\r\n")
    assert tomllib.loads(crlf[-1].decode()) == tomllib.loads(plain[-1].decode())
