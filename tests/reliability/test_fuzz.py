"""Property tests: any input gives data, findings or a clean error, never a crash.

In-process and quick. Inputs are either raw bytes or a valid file mutated by
cutting and splicing TOML-ish fragments, which reaches far deeper into the
parsers and checks than random bytes do. Crashes found become the regression
tests at the end of this module, with their minimal example.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import outline
from pledgectl.core.errors import PledgeError
from pledgectl.core.reader import parse_text
from pledgectl.core.registry import Registry
from pledgectl.core.settings import SettingsError, parse_settings
from pledgectl.edit.scaffold import init_registry
from pledgectl.engine.runner import run_checks

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
AGENCY_TEXT = (SEEDS / "pekanbaru-bkpsdm.toml").read_text("utf-8")
FRAGMENTS = [
    "[",
    "]",
    "[[",
    "]]",
    '"',
    "'",
    '"""',
    "'''",
    "=",
    "\n",
    "#",
    ",",
    "{",
    "}",
    "\\",
    "\x00",
    "\ufeff",
    "\r",
    ".",
    "schema = 99\n",
    "schema = -1\n",
    "[agency]\n",
    "[[declarations]]\n",
    "[[declarations.signatories]]\n",
    "[[declarations.witnesses]]\n",
    "[declarations.signatories]\n",
    "[[roster]]\n",
    "declarations = 1\n",
    "signatories = {}\n",
    "witnesses = [1, 2]\n",
    'nip = "1985"\n',
    "nip = 198503122010011002\n",
    'id = "../x"\n',
    'id = ""\n',
    "date = 2023-13-45\n",
    "date = 1979-05-27T07:32:00Z\n",
    "signed = 2099-01-01\n",
    'elections = ["nope"]\n',
    "commitments = 7\n",
    "kind = []\n",
    'status = "ROBOT"\n',
    "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]\n",
    "a.b.c.d.e.f.g.h = 1\n",
    "inf = inf\n",
    "n = nan\n",
]


@st.composite
def mutated(draw: st.DrawFn, base: str) -> bytes:
    """``base`` with a few slices cut, fragments spliced in, maybe truncated or re-encoded."""
    text = base
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 80)) :]
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    if draw(st.integers(0, 9)) == 0:
        raw = raw.replace(b"a", b"\xe9")  # Latin-1 where UTF-8 was expected
    return raw


def any_bytes(base: str) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=400), mutated(base))


@pytest.fixture(scope="module")
def fuzz_registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("fuzz") / "reg"
    init_registry(root)
    shutil.copy(SEEDS / "pemkot-pekanbaru.toml", root / "agencies" / "pemkot-pekanbaru.toml")
    return Registry(root)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=any_bytes(AGENCY_TEXT))
def test_any_agency_bytes_give_findings_never_an_exception(
    fuzz_registry: Registry, raw: bytes
) -> None:
    path = fuzz_registry.agencies_dir / "pekanbaru-bkpsdm.toml"
    parsed = parse_text(path, raw)
    assert (parsed.data is None) == (parsed.problem is not None)
    parsed.outline  # noqa: B018 - line lookups must work on anything
    path.write_bytes(raw)
    result = run_checks(fuzz_registry, today=dt.date(2024, 6, 1))
    assert result.files == 2
    if parsed.problem is not None:
        assert any(f.check == "parse" for f in result.findings)


@settings(max_examples=150, deadline=None)
@given(raw=st.one_of(st.binary(max_size=300), st.just(b"")))
def test_any_settings_bytes_give_settings_or_a_clean_error(raw: bytes) -> None:
    _parse_settings(raw)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_mutated_settings_give_settings_or_a_clean_error(
    default_settings: str, data: st.DataObject
) -> None:
    _parse_settings(data.draw(mutated(default_settings)))


def _parse_settings(raw: bytes) -> None:
    try:
        parse_settings(Path("pledgectl.toml"), raw)
    except PledgeError as exc:
        assert exc.message and "pledgectl.toml" in exc.message
        assert isinstance(exc, SettingsError)


@pytest.fixture(scope="module")
def default_settings(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("settings") / "reg"
    init_registry(root)
    return (root / "pledgectl.toml").read_text("utf-8")


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=300), mutated(AGENCY_TEXT).map(lambda b: b.decode("utf-8", "replace"))
    )
)
def test_outline_never_raises(text: str) -> None:
    built = outline.build(text)
    starts = [b.start for b in built.blocks]
    assert starts == sorted(starts)
    for block in built.blocks:
        assert 1 <= block.line <= text.count("\n") + 1
        built.region_end(built.blocks.index(block))


CSV_TEXT = (
    "NIP,Nama,Jabatan,Status\n"
    "198503122010011002,Budi Santoso,Analis,PNS\n"
    '199001012015032001,"Siti, Aminah",Staf,PNS\n'
    ",Honorer Satu,,NON-ASN\n"
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=any_bytes(CSV_TEXT), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_spreadsheet_bytes_give_rows_or_a_clean_error(
    tmp_path: Path, raw: bytes, suffix: str
) -> None:
    tabular = pytest.importorskip("pledgectl.edit.tabular")
    path = tmp_path / f"staff{suffix}"
    path.write_bytes(raw)
    try:
        table = tabular.read_table(path)
    except PledgeError:
        return
    assert all(row.number >= 1 for row in table.rows)


# -- regressions: what the properties above (and the malformed suite) found ----------


def test_regression_long_string_outline_memory_is_linear() -> None:
    """outline.py: a 1 MB basic string took ~190 MB of regex backtracking state."""
    text = 'name = "' + "a" * 1_000_000 + '"\n'
    tracemalloc.start()
    try:
        outline.build(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_regression_deep_dotted_keys_are_too_deep_not_a_9gb_parse() -> None:
    """reader.py: rtoml refused, tomllib then took O(depth²) time and memory (50k: 70 s, 9 GB)."""
    raw = b"x" + b".a" * 50_000 + b" = 1\n"
    tracemalloc.start()
    try:
        parsed = parse_text(Path("a.toml"), raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert parsed.problem is not None and parsed.problem.key == "parse.too-deep"
    assert peak < 50_000_000


def test_regression_deep_dotted_keys_in_settings_are_one_clean_error() -> None:
    """settings.py: the same quadratic tomllib parse, on every command."""
    with pytest.raises(SettingsError) as caught:
        parse_settings(Path("pledgectl.toml"), b"schema = 1\nx" + b".a" * 50_000 + b" = 1\n")
    assert caught.value.key == "{file}:{line}:{col}: not valid TOML: {reason}"
