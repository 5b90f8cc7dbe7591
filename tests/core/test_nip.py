"""NIP rules for PNS and PPPK numbers (DOMAIN.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgectl.core import nip

TODAY = dt.date(2026, 11, 23)


def codes(value: str) -> list[str]:
    return [p.key for p in nip.problems(value, TODAY)]


@pytest.mark.parametrize(
    "value",
    [
        "198503122010011002",  # PNS, male
        "199012312015032001",  # PNS, female
        "199505052021211001",  # PPPK, first contract
        "198001012023291999",  # PPPK, ninth contract
    ],
)
def test_valid(value: str) -> None:
    assert codes(value) == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19850312201001100", "nip.length"),
        ("1985031220100110021", "nip.length"),
        ("19850312201001100a", "nip.length"),
        ("198502302010011002", "nip.birth"),
        ("203001012050011002", "nip.birth"),
        ("198503122010131002", "nip.appointment"),
        ("198503122010001002", "nip.appointment"),
        ("198503122030011002", "nip.appointment-future"),
        ("198503122000011002", "nip.appointment-young"),
        ("198503122010013002", "nip.gender"),
        ("198503122010011000", "nip.sequence"),
    ],
)
def test_invalid(value: str, code: str) -> None:
    assert code in codes(value)


def test_kind_of() -> None:
    assert nip.kind_of("198503122010011002") == "PNS"
    assert nip.kind_of("199505052021211001") == "PPPK"


def test_normalise_and_redact() -> None:
    assert nip.normalise(" 19850312 201001 1 002 ") == "198503122010011002"
    masked = nip.redact("198503122010011002")
    assert masked == "********201001****"
    assert "19850312" not in masked


# NIPs near the rules' edges: valid ones, then one character changed, dropped or added,
# including non-ASCII digits and the newline all_valid joins with.
_VALID = [
    "198503122010011002",
    "199012312015032001",
    "199505052021211001",
    "198001012023291999",
]
_EDITS = st.sampled_from([*"0123456789", "\n", "٣", " ", "a", "", "00"])


@st.composite
def near_nips(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(_VALID))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(value)))
        cut = draw(st.integers(0, 1))
        value = value[:at] + draw(_EDITS) + value[at + cut :]
    return value


@settings(max_examples=400, deadline=None)
@given(st.lists(near_nips(), max_size=6))
def test_all_valid_agrees_with_is_valid(nips_: list[str]) -> None:
    """The list fast path says exactly what asking of each NIP says."""
    assert nip.all_valid(nips_, TODAY) == all(nip.is_valid(n, TODAY) for n in nips_)
    assert nip.all_valid(nips_, TODAY) == all(not nip.problems(n, TODAY) for n in nips_)
