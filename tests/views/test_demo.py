"""The shipped demo registry is exactly what ``init --example`` builds from ``seeds/``."""

from __future__ import annotations

from pathlib import Path

from pledgectl.edit.scaffold import init_registry, seed_files

ROOT = Path(__file__).resolve().parents[2]


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


# Posts held by one real, identifiable person: invented demo people must not hold them.
UNIQUE_POSTS = ("Kepala", "Camat", "Sekretaris", "Lurah", "Bupati", "Wali Kota", "Gubernur")


def test_demo_provenance_names_the_seed_and_invented_people_hold_no_unique_post() -> None:
    import re
    import tomllib

    for seed in seed_files():
        data = tomllib.loads(seed.read_text("utf-8"))
        provenance = data["agency"]["provenance"]
        assert re.match(r"Seed 00[0-4] \(", provenance), seed.name
        assert "Fact:" in provenance, seed.name
        people = list(data.get("roster", []))
        for decl in data.get("declarations", []):
            people += decl.get("signatories", [])
        if people:
            assert "Invented:" in provenance and "fictitious" in provenance, seed.name
        for person in people:
            assert not person.get("position", "").startswith(UNIQUE_POSTS), (seed.name, person)
        assert "illustrative" not in provenance, seed.name


def test_presets_cite_the_right_duty_and_list_bkd() -> None:
    import tomllib

    from pledgectl.core.presets import CHECKLISTS, settings_text

    for name in CHECKLISTS:
        settings = tomllib.loads(settings_text(name))
        assert "BKD" in [i["id"] for i in settings["institutions"]]
        for item in settings["checklist"]:
            assert item["basis"] != "PP 94/2021", item  # cited with its Pasal
    behaviours = {i["id"]: i["basis"] for i in tomllib.loads(settings_text())["checklist"]}
    assert behaviours["rule-compliance"] == "UU 20/2023 Pasal 24 ayat (1) huruf b"
    assert "huruf d" in behaviours["neutral-conduct"]


def test_a_demo_made_with_the_ikrar_checklist_checks_as_the_default_one(tmp_path: Path) -> None:
    """The demo's commitments are written for the default checklist; with ``--checklist
    ikrar`` they are mapped item for item, so the same declarations are complete and the
    same deliberate gaps are found (not a wall of unknown commitments)."""
    import datetime as dt

    from pledgectl.core.registry import Registry
    from pledgectl.engine.runner import run_checks

    def findings(checklist: str) -> list[tuple[str, str, str | None, int | None]]:
        root = tmp_path / checklist
        init_registry(root, checklist=checklist, example=True)
        run = run_checks(Registry(root), today=dt.date(2025, 6, 1), use_cache=False, jobs=1)
        return sorted((f.check, f.code, f.agency, f.line) for f in run.findings)

    default, ikrar = findings("behaviours"), findings("ikrar")
    assert ikrar == default
    assert any(code == "commitments-missing" for _, code, _, _ in ikrar)  # the planted gap
    assert not any(code == "commitments-unknown" for _, code, _, _ in ikrar)
