"""The fast paths give the plain path's findings, exactly and in the same order.

* parser: rtoml (the default) against ``PLEDGECTL_PARSER=tomllib``;
* runner: one process reading each file once (the reference) against the
  split runner -- serial, in worker processes, and from a warm cache -- whose
  keyed checks compare the keys the workers (or the cache) give them.

Run over every registry under ``tests/registries/`` (when present), the demo
registry, and the valid and invalid registries built here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pledgectl.core.findings import Finding
from pledgectl.core.registry import Registry
from pledgectl.engine.runner import run_checks
from tests.engine.test_cache import agency_data, make_registry, nip, write_agency

TODAY = dt.date(2024, 6, 1)
HERE = Path(__file__).resolve().parents[1]
CORPUS = HERE / "registries"
DEMO = HERE.parent / "registry"

BROKEN_FILES = {
    "rusak-sintaks": 'schema = 1\n\n[agency]\nid = "rusak-sintaks"\nname = "x\n',
    "rusak-tipe": (
        "schema = 1\n\n[agency]\nid = 5\nname = 7\nregion = 2024-01-01\n\n"
        'declarations = "bukan tabel"\n'
    ),
    "rusak-inline": (
        'schema = 1\n\n[agency]\nid = "rusak-inline"\nname = "Inline"\nregion = "14.71"\n\n'
        "[[declarations]]\n"
        'id = "d1"\nkind = "ikrar"\nelections = ["pemilu-2024", 3, "pemilu-2099"]\n'
        "date = 2023-11-29\ncommitments = []\n"
        'signatories = [{nip = "198503122010011002", name = "A"}, 5, {nip = 12, name = "B"}]\n'
    ),
    "rusak-multiline": (
        'schema = 1\n\n[agency]\nid = "rusak-multiline"\nname = """\n'
        '[[declarations]]\nid = "palsu"\n"""\nregion = "14.71"\nparent = "tidak-ada"\n\n'
        "[[roster]]\n"
        'nip = "198503122010011002"\nname = "Andi Fiktif"\nstatus = "PNS"\n\n'
        "[[declarations]]\n"
        'id = "d1"\nkind = "upacara"\nelections = ["pemilu-2024"]\ndate = 2030-01-01\n'
        "commitments = []\n\n"
        "[[declarations]]\n"
        'id = "d1"\nkind = "ikrar"\nelections = "pemilu-2024"\ndate = 2023-11-29\n'
        "commitments = []\n\n"
        "[[declarations.signatories]]\n"
        'nip = "198513122010011000"\nname = "Andi Lain"\nstatus = "PNS"\nsigned = 2020-01-01\n\n'
        "[[declarations.signatories]]\n"
        'nip = "198513122010011000"\nname = "Andi Lain"\nstatus = "PNS"\n'
    ),
    "bukan-utf8": None,
    "nama-lain": (
        'schema = 1\n\n[agency]\nid = "induk"\nname = "Salah nama berkas"\nregion = "14.71"\n\n'
        "[[roster]]\n"
        'nip = "198503122010011002"\nname = "Andi Fiktif"\nstatus = "PNS"\n'
    ),
}


def invalid_registry(root: Path) -> Path:
    make_registry(root)
    write_agency(root, agency_data("kembar", [(nip(2), "Budi Lain"), (nip(2), "Budi Fiktif")]))
    for name, text in BROKEN_FILES.items():
        path = root / "agencies" / f"{name}.toml"
        if text is None:
            path.write_bytes(b'schema = 1\n[agency]\nid = "\xff\xfe"\n')
        else:
            path.write_text(text, encoding="utf-8")
    return root


def many_registry(root: Path, count: int = 60) -> Path:
    """More files than the parallel threshold, with findings spread across them."""
    make_registry(root)
    for i in range(count):
        people = [(nip(100 + i * 3 + k), f"Orang {i} {k}") for k in range(3)]
        if i % 7 == 0:
            people.append((nip(1), f"Andi Nomor {i}"))  # duplicates across many files
        if i % 11 == 0:
            people.append(("198503122010011000", "Urutan Nol"))  # invalid NIP
        write_agency(root, agency_data(f"opd-{i:03d}", people, parent="induk" if i % 2 else None))
    return root


def registries(tmp: Path) -> list[Path]:
    found = [invalid_registry(tmp / "invalid"), make_registry(tmp / "valid")]
    found.append(many_registry(tmp / "many"))
    if DEMO.joinpath("pledgectl.toml").is_file():
        found.append(DEMO)
    if CORPUS.is_dir():
        found += sorted(p.parent for p in CORPUS.rglob("pledgectl.toml"))
    return found


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLEDGECTL_NO_CACHE", raising=False)
    monkeypatch.delenv("PLEDGECTL_JOBS", raising=False)
    monkeypatch.delenv("PLEDGECTL_PARSER", raising=False)
    return registries(tmp_path)


def plain(root: Path, **kw: object) -> list[Finding]:
    return run_checks(Registry(root), today=TODAY, use_cache=False, jobs=1, **kw).findings  # type: ignore[arg-type]


def test_the_corpus_has_something_to_say(corpus: list[Path]) -> None:
    found = {f.code for root in corpus for f in plain(root)}
    for code in ("parse-syntax", "duplicates-name", "ids-dangling-parent", "schema-type"):
        assert code in found
    assert any(code.startswith("nip-") for code in found)


def test_rtoml_and_tomllib_give_identical_findings(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    for root in corpus:
        monkeypatch.setenv("PLEDGECTL_PARSER", "rtoml")
        fast = plain(root)
        fast_split = run_checks(Registry(root), today=TODAY, use_cache=False, jobs=2).findings
        monkeypatch.setenv("PLEDGECTL_PARSER", "tomllib")
        slow = plain(root)
        assert fast == slow, root
        assert fast_split == slow, root


def test_serial_parallel_and_cached_give_identical_findings(corpus: list[Path]) -> None:
    for root in corpus:
        reference = plain(root)
        for jobs in (1, 2):
            split = run_checks(Registry(root), today=TODAY, use_cache=False, jobs=jobs)
            assert split.findings == reference, (root, jobs)
        cold = run_checks(Registry(root), today=TODAY, use_cache=True, jobs=2)
        warm = run_checks(Registry(root), today=TODAY, use_cache=True, jobs=1)
        assert cold.findings == reference, root
        assert warm.findings == reference, root
        assert warm.files == cold.files


def test_identical_with_a_subset_of_checks_and_agencies(corpus: list[Path]) -> None:
    for root in corpus:
        names = Registry(root).agency_ids()[:3]
        for only in (["duplicates"], ["ids", "coverage"], ["parse", "nip"]):
            reference = plain(root, only=only, agencies=names)
            split = run_checks(
                Registry(root), names, only, today=TODAY, use_cache=True, jobs=2
            ).findings
            assert split == reference, (root, only)


def test_parallel_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGECTL_NO_CACHE", "1")
    root = many_registry(tmp_path / "many", 120)
    runs = [run_checks(Registry(root), today=TODAY, jobs=2).findings for _ in range(3)]
    assert runs[0] == runs[1] == runs[2] == plain(root)
    assert any(f.code == "duplicates-name" for f in runs[0])


# -- whole lists cleared at once against record by record ----------------------------------


def _record_by_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn off every list-clearing path: ``column`` says "not all tables", so each
    check (schema, nip, signatories, dates, duplicates, completeness) goes record by record."""
    from pledgectl.checks import _util, dates, schema
    from pledgectl.checks import nip as nip_check

    def no_column(records: object, key: str, memo: object = None) -> None:
        return None

    for module in (_util, schema, dates, nip_check):
        monkeypatch.setattr(module, "column", no_column)


def test_lists_cleared_at_once_give_the_record_by_record_findings(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = {root: plain(root) for root in corpus}
    assert any(fast.values())
    _record_by_record(monkeypatch)
    for root in corpus:
        assert plain(root) == fast[root], root


@pytest.mark.parametrize("seed", range(30))
def test_same_findings_on_mutated_lists(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signatory lists with a few records broken in random ways: the list paths must
    find exactly what the record-by-record paths find."""
    import copy
    import random

    from pledgectl.checks import CHECK_NAMES
    from pledgectl.checks.base import Context
    from pledgectl.core.reader import AgencyFile, read_agency
    from pledgectl.engine.plan import Plan, check_file

    rnd = random.Random(seed)
    bad_values: list[object] = [
        None, 7, "", "x", "1985031220100110021", "198503122010011000", "198513122010011002",
        "１９８５０３１２２０１００１１００２", "PPPK", dt.date(2099, 1, 1), dt.date(2001, 1, 1),
        [], {}, "198503122010011002\n198503122010011002", "Nama Lain",
    ]  # fmt: skip
    registry = Registry(CORPUS / "valid-two-agencies")
    original = read_agency(registry.agency_path("dinas-a"))
    assert original.data is not None

    def mutated() -> dict[str, object]:
        data = copy.deepcopy(original.data)
        people = data["declarations"][0]["signatories"]
        template = people[0]  # 60 distinct valid people: long enough for the list paths
        people[:] = [
            {**template, "nip": template["nip"][:15] + f"{k:03d}", "name": f"Orang {k}"}
            for k in range(1, 61)
        ]
        for _ in range(rnd.randint(0, 4)):
            person = rnd.choice(people)
            key = rnd.choice(["nip", "name", "status", "signed", "position", "extra"])
            if rnd.random() < 0.2:
                person.pop(key, None)
            else:
                person[key] = rnd.choice(bad_values)
        if rnd.random() < 0.1:
            people.append(rnd.choice(bad_values))
        return data

    data = mutated()

    def findings() -> list[Finding]:
        ctx = Context(registry, registry.settings, TODAY)
        af = AgencyFile(original.path, original.text, data)
        plan = Plan(registry.settings, CHECK_NAMES)
        out, keys, _counts = check_file(af, ctx, plan)
        for check in plan.keyed:
            out += check.finish_from([(str(af.path), keys[check.name])], ctx)
        return out

    fast = findings()
    _record_by_record(monkeypatch)
    assert findings() == fast
