"""The check-result cache: every change that matters gives fresh, correct findings.

A *poisoned* cache (a fake finding added to every stored result) shows whether
a run used the cache: the fake appears on a hit and must not after any change
that invalidates. No timings here: speed is the benchmark's business.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
from pathlib import Path
from typing import Any

import pytest

import pledgectl
from pledgectl.core import canonical
from pledgectl.core.findings import Finding
from pledgectl.core.presets import settings_text
from pledgectl.core.registry import Registry
from pledgectl.engine import cache as cache_mod
from pledgectl.engine.runner import run_checks

TODAY = dt.date(2024, 6, 1)
DECL_DATE = dt.date(2023, 11, 29)
FAKE = "fake-cached"


def nip(i: int) -> str:
    return f"1985031220100{1 + i % 9}1{i % 999 + 1:03d}"


def agency_data(
    ident: str, people: list[tuple[str, str]], parent: str | None = None
) -> dict[str, Any]:
    agency: dict[str, Any] = {"id": ident, "name": f"Dinas {ident}", "region": "14.71"}
    if parent:
        agency["parent"] = parent
    return {
        "schema": 1,
        "agency": agency,
        "declarations": [
            {
                "id": "ikrar-2023",
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": DECL_DATE,
                "title": "Ikrar Netralitas ASN",
                "commitments": [
                    "no-campaign",
                    "rule-compliance",
                    "fair-service",
                    "neutral-conduct",
                ],
                "witnesses": [
                    {"institution": "KPU", "name": "Saksi KPU"},
                    {"institution": "Bawaslu", "name": "Saksi Bawaslu"},
                ],
                "signatories": [
                    {"nip": n, "name": name, "status": "PNS", "signed": DECL_DATE}
                    for n, name in people
                ],
            }
        ],
    }


def write_agency(root: Path, data: dict[str, Any]) -> Path:
    path = root / "agencies" / f"{data['agency']['id']}.toml"
    path.write_text(canonical.dumps_agency(data), encoding="utf-8", newline="\n")
    return path


def make_registry(root: Path) -> Path:
    """Four agencies: one child of another, one NIP under two names across files."""
    (root / "agencies").mkdir(parents=True)
    (root / "pledgectl.toml").write_text(settings_text(), encoding="utf-8")
    write_agency(root, agency_data("induk", [(nip(1), "Andi Fiktif"), (nip(2), "Budi Fiktif")]))
    write_agency(root, agency_data("anak", [(nip(3), "Citra Fiktif")], parent="induk"))
    write_agency(root, agency_data("lain", [(nip(1), "Andi Lain"), (nip(4), "Dewi Fiktif")]))
    write_agency(root, agency_data("kosong", []))
    return root


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Registry:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLEDGECTL_NO_CACHE", raising=False)
    monkeypatch.delenv("PLEDGECTL_JOBS", raising=False)
    monkeypatch.chdir(tmp_path)
    return Registry(make_registry(tmp_path / "reg"))


def age(registry: Registry, seconds: float = 100.0) -> None:
    """Move every file's mtime into the past, out of the racy window."""
    when = int((dt.datetime.now().timestamp() - seconds) * 1e9)
    for path in [registry.settings_path, *registry.agency_paths()]:
        os.utime(path, ns=(when, when))


def fresh(registry: Registry, **kw: Any) -> list[Finding]:
    """What a run without any cache finds (the reference)."""
    again = Registry(registry.root)  # settings re-read, as a new process would
    return run_checks(again, today=TODAY, use_cache=False, jobs=1, **kw).findings


def cached(registry: Registry, **kw: Any) -> list[Finding]:
    again = Registry(registry.root)
    return run_checks(again, today=TODAY, use_cache=True, jobs=1, **kw).findings


def cache_files(registry: Registry) -> list[Path]:
    directory = cache_mod.registry_cache_dir(registry.root)
    return sorted(p for p in directory.rglob("*") if p.is_file())


def poison(registry: Registry) -> int:
    """Add a fake finding to every stored result; returns how many files were changed."""
    fake = {
        "code": FAKE,
        "check": "parse",
        "severity": "error",
        "agency": "zzz",
        "file": "zzz",
        "line": None,
        "col": None,
        "declaration": None,
        "nip": None,
        "params": {},
    }
    count = 0
    for path in cache_files(registry):
        obj = marshal.loads(path.read_bytes())
        if "files" in obj:  # the per-file results, all in one file
            for _ident, _digest, payload in obj["files"].values():
                payload["findings"].append(fake)
        else:
            obj["result"]["findings"].append(fake)
        path.write_bytes(marshal.dumps(obj))
        count += 1
    return count


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def test_reference_registry_has_cross_file_findings(registry: Registry) -> None:
    found = codes(fresh(registry))
    assert "duplicates-name" in found
    assert "signatories-none" in found


def test_hit_equals_miss_and_cache_is_used(registry: Registry) -> None:
    age(registry)
    reference = fresh(registry)
    assert cached(registry) == reference  # miss: computed and stored
    assert cached(registry) == reference  # hit
    assert poison(registry) > 0
    assert FAKE in codes(cached(registry))  # the poisoned cache really is what a hit reads


def test_cache_lives_outside_the_registry(registry: Registry, tmp_path: Path) -> None:
    cached(registry)
    files = cache_files(registry)
    assert files
    assert all(tmp_path / "cache" / "pledgectl" in p.parents for p in files)
    assert not any(registry.root in p.parents for p in files)
    inside = sorted(p.name for p in registry.root.rglob("*"))
    assert all(not name.startswith(".tmp") for name in inside)


def test_no_cache_env_writes_nothing(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGECTL_NO_CACHE", "1")
    run_checks(Registry(registry.root), today=TODAY, jobs=1)
    assert cache_files(registry) == []


def test_edit_same_size_old_file(registry: Registry) -> None:
    age(registry)
    cached(registry)
    poison(registry)
    path = registry.agency_path("anak")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Citra Fiktif", "Citra Fiktih"), encoding="utf-8")
    assert path.stat().st_size == len(text.encode())
    got = cached(registry)
    reference = fresh(registry)
    assert [f for f in got if f.agency == "anak"] == [f for f in reference if f.agency == "anak"]
    assert "Citra Fiktih" in path.read_text(encoding="utf-8")


def test_edit_same_size_same_mtime_within_racy_window(registry: Registry) -> None:
    """Edited twice within one timestamp tick: the content hash catches it."""
    cached(registry)  # files were just written: entries are racy and carry a hash
    path = registry.agency_path("lain")
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    with path.open("r+", encoding="utf-8") as handle:  # in place: same inode
        handle.write(text.replace(nip(1), nip(1)[:-1] + "9"))  # same size: no duplicate now
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache_mod.identity(path.stat()) == cache_mod.identity(st)
    got = cached(registry)
    assert got == fresh(registry)
    assert "duplicates-name" not in codes(got)


def test_settings_change_invalidates(registry: Registry) -> None:
    age(registry)
    before = cached(registry)
    assert any(f.code == "duplicates-name" and f.severity == "warning" for f in before)
    poison(registry)
    text = registry.settings_path.read_text(encoding="utf-8")
    changed = text.replace('duplicates = "warning"', 'duplicates = "error"')
    assert changed != text
    registry.settings_path.write_text(changed, encoding="utf-8")
    got = cached(registry)
    assert FAKE not in codes(got)
    assert got == fresh(registry)
    assert any(f.code == "duplicates-name" and f.severity == "error" for f in got)


def test_touching_settings_without_change_keeps_cache(registry: Registry) -> None:
    age(registry)
    cached(registry)
    poison(registry)
    registry.settings_path.touch()
    assert FAKE in codes(cached(registry))  # keyed on the settings' bytes, not their mtime


def test_tool_version_invalidates(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    age(registry)
    cached(registry)
    poison(registry)
    monkeypatch.setattr(pledgectl, "__version__", pledgectl.__version__ + ".post1")
    got = cached(registry)
    assert FAKE not in codes(got)
    assert got == fresh(registry)


def test_changed_code_under_the_same_version_invalidates(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reinstall of newer code that kept the version number: results are computed again."""
    age(registry)
    cached(registry)
    poison(registry)
    real = cache_mod.tool_identity()
    monkeypatch.setattr(cache_mod, "tool_identity", lambda: [*real, ["checks/nip.py", 1, 2]])
    got = cached(registry)
    assert FAKE not in codes(got)
    assert got == fresh(registry)


def test_tool_identity_follows_each_module(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "checks" / "__pycache__").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "checks" / "b.py").write_text("y = 2\n")
    (package / "checks" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"compiled")
    before = cache_mod.tool_identity(package)
    assert [row[0] for row in before[1:]] == [
        str(package / "a.py"),
        str(package / "checks" / "b.py"),
    ]
    assert cache_mod.tool_identity(package) == before
    os.utime(package / "checks" / "b.py", ns=(1, 1))
    assert cache_mod.tool_identity(package) != before
    (package / "checks" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"recompiled")
    after = cache_mod.tool_identity(package)
    (package / "a.py").write_text("x = 10\n")  # one byte longer
    assert cache_mod.tool_identity(package) != after


def test_other_check_set_invalidates(registry: Registry) -> None:
    age(registry)
    cached(registry)
    poison(registry)
    got = cached(registry, only=["nip", "duplicates"])
    assert FAKE not in codes(got)
    assert got == fresh(registry, only=["nip", "duplicates"])
    assert {f.check for f in got} <= {"nip", "duplicates"}


def test_other_day_invalidates(registry: Registry) -> None:
    age(registry)
    cached(registry)
    poison(registry)
    again = Registry(registry.root)
    got = run_checks(again, today=TODAY + dt.timedelta(days=1), use_cache=True, jobs=1)
    assert FAKE not in codes(got.findings)


def test_deleting_a_file(registry: Registry) -> None:
    age(registry)
    before = cached(registry)
    assert "duplicates-name" in codes(before)
    registry.agency_path("lain").unlink()  # the other side of the duplicate NIP
    registry.agency_path("induk").unlink()  # the parent of "anak"
    got = cached(registry)
    assert got == fresh(registry)
    assert "duplicates-name" not in codes(got)
    assert "ids-dangling-parent" in codes(got)
    assert not any(f.agency in ("lain", "induk") for f in got)


def test_adding_a_file(registry: Registry) -> None:
    age(registry)
    before = cached(registry)
    write_agency(registry.root, agency_data("baru", [(nip(3), "Orang Lain")]))
    got = cached(registry)
    assert got == fresh(registry)
    assert len(got) > len(before)
    dup = [f for f in got if f.code == "duplicates-name" and f.nip == nip(3)]
    assert {f.agency for f in dup} == {"anak", "baru"}


def test_corrupt_cache_is_ignored_and_rebuilt(registry: Registry) -> None:
    age(registry)
    reference = fresh(registry)
    cached(registry)
    files = cache_files(registry)
    assert files
    for i, path in enumerate(files):
        path.write_bytes(b"" if i % 3 == 0 else b"\x00garbage\xff" * (i + 1))
    assert cached(registry) == reference
    for path in cache_files(registry):  # rewritten: valid again
        marshal.loads(path.read_bytes())
    assert cached(registry) == reference


def test_unwritable_cache_is_ignored(registry: Registry, tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a directory")  # XDG_CACHE_HOME is a file
    assert cached(registry) == fresh(registry)


def test_parallel_run_fills_the_same_cache(registry: Registry) -> None:
    age(registry)
    reference = fresh(registry)
    got = run_checks(Registry(registry.root), today=TODAY, use_cache=True, jobs=2).findings
    assert got == reference
    poison(registry)
    assert FAKE in codes(cached(registry))


def test_the_language_does_not_invalidate_the_cache(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cached results are data, not text: a run in Indonesian reuses an English run's."""
    from pledgectl.core import i18n
    from pledgectl.engine import runner

    i18n.set_lang("en")
    english = run_checks(registry, today=TODAY, use_cache=True)

    checked: list[Path] = []
    real = runner.results

    def counted(misses: list[Path], *args: Any) -> Any:
        checked.extend(misses)
        return real(misses, *args)

    monkeypatch.setattr(runner, "results", counted)
    try:
        i18n.set_lang("id")
        indonesian = run_checks(registry, today=TODAY, use_cache=True)
    finally:
        i18n.set_lang("en")
    assert checked == []  # every file's result came from the cache
    assert indonesian.findings == english.findings and english.findings
    assert indonesian.coverage == english.coverage
