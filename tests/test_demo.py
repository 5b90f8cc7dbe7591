"""The shipped demo registry is exactly what ``init --example`` builds from ``seeds/``."""

from __future__ import annotations

from pathlib import Path

from pledgectl.edit.scaffold import init_registry, seed_files

ROOT = Path(__file__).resolve().parent.parent


def test_demo_registry_matches_seeds(tmp_path: Path) -> None:
    assert len(seed_files()) >= 10
    count = init_registry(tmp_path / "demo", example=True)
    shipped = ROOT / "registry"
    built = tmp_path / "demo"
    names = sorted(p.name for p in (built / "agencies").glob("*.toml"))
    assert count == len(names)
    assert names == sorted(p.name for p in (shipped / "agencies").glob("*.toml"))
    for name in names:
        assert (built / "agencies" / name).read_bytes() == (
            shipped / "agencies" / name
        ).read_bytes(), name
    assert (built / "pledgectl.toml").read_bytes() == (shipped / "pledgectl.toml").read_bytes()


def test_demo_signatories_are_fictitious_but_valid() -> None:
    import tomllib

    from pledgectl.core import nip

    for seed in seed_files():
        data = tomllib.loads(seed.read_text("utf-8"))
        assert data["agency"]["id"] == seed.stem
        assert data["agency"].get("provenance")
        for decl in data.get("declarations", []):
            for person in decl.get("signatories", []):
                if "nip" in person:
                    assert nip.problems(person["nip"]) == [], person
