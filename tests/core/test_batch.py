"""Batch pattern matching (pledgectl.core.batch) says what matching value by value says."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgectl.core.batch import all_match, compile_batch
from pledgectl.core.model import ID_PATTERN, NIP_PATTERN, REGION_PATTERN

PATTERNS = [ID_PATTERN, NIP_PATTERN, REGION_PATTERN]
_PIECES = st.sampled_from(
    ["1985031220", "10011002", "14", ".71", ".", "-", "a", "dinas-a", "\n", "٣", " ", "", "Z"]
)
values = st.lists(st.lists(_PIECES, max_size=4).map("".join), max_size=5)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(PATTERNS), values)
def test_batch_agrees_with_each_fullmatch(pattern: str, items: list[str]) -> None:
    batch = compile_batch(pattern)
    assert batch is not None
    plain = re.compile(pattern)
    assert all_match(batch, items) == all(plain.fullmatch(v) is not None for v in items)


def test_a_value_holding_a_newline_is_not_two_values() -> None:
    batch = compile_batch(NIP_PATTERN)
    assert batch is not None
    assert not all_match(batch, ["198503122010011002\n198503122010011002"])
    assert all_match(batch, ["198503122010011002", "198503122010011002"])
    assert all_match(batch, [])


@pytest.mark.parametrize(
    "pattern",
    [r"^a.b$", r"^[^x]$", r"^\s$", r"^\D+$", r"^\W$", "^[a\n]$", r"^a\$", "abc", r"^a$b$"],
)
def test_patterns_that_may_match_a_newline_are_refused(pattern: str) -> None:
    assert compile_batch(pattern) is None
