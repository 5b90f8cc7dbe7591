"""Recording: validated, append-only, atomic writes into agency files."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

import pytest

from pledgectl.core import storage
from pledgectl.core.errors import InvalidValue, PledgeError, RefusedWrite
from pledgectl.core.registry import Registry
from pledgectl.edit import recording

NIPS = ["198503122010011002", "199012312015032001", "199505052021211001"]


@pytest.fixture
def agency(registry: Registry) -> Registry:
    recording.add_agency(registry, "pekanbaru-bkpsdm", "BKPSDM Kota Pekanbaru", "14.71")
    recording.declare(
        registry,
        "pekanbaru-bkpsdm",
        kind="ikrar",
        date="2023-11-29",
        elections=["pemilu-2024"],
        commitments=list(registry.settings.checklist_ids),
    )
    return registry


def person(reg: Registry, nip: str | None, name: str, status: str = "PNS") -> recording.Person:
    return recording.make_person(reg, name=name, status=status, nip=nip)


def data(reg: Registry) -> dict[str, object]:
    return tomllib.loads(reg.agency_path("pekanbaru-bkpsdm").read_text("utf-8"))


def test_declaration_id_is_derived_and_unique(agency: Registry) -> None:
    again = recording.declare(
        agency, "pekanbaru-bkpsdm", kind="ikrar", date="2023-11-29", elections=["pemilu-2024"]
    )
    assert again.record == "ikrar-2023-11-29-2"
    assert (
        "the declaration covers no checklist item; `pledgectl check` will report it",
        {},
    ) in again.warnings


def test_append_only_adds_lines(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    recording.add_witness(
        agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", institution="KPU", name="A"
    )
    for i, nip in enumerate(NIPS):
        before = path.read_text("utf-8").splitlines()
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, nip, f"P{i}"))
        after = path.read_text("utf-8").splitlines()
        # every old line is still there, in order: the diff only adds lines
        it = iter(after)
        assert all(any(line == other for other in it) for line in before)
    before = path.read_text("utf-8").splitlines()
    recording.add_witness(
        agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", institution="Bawaslu", name="B"
    )
    after = path.read_text("utf-8").splitlines()
    it = iter(after)
    assert all(any(line == other for other in it) for line in before)
    decl = data(agency)["declarations"][0]  # type: ignore[index]
    assert [w["institution"] for w in decl["witnesses"]] == ["KPU", "Bawaslu"]
    assert [s["nip"] for s in decl["signatories"]] == NIPS


def test_comments_and_unknown_fields_survive_appends(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    text = path.read_text("utf-8").replace(
        "[[declarations]]", '# ceremony at the town hall\n[[declarations]]\nnote = "hand"'
    )
    path.write_text(text, "utf-8")
    recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    out = path.read_text("utf-8")
    assert "# ceremony at the town hall" in out and 'note = "hand"' in out
    assert data(agency)["declarations"][0]["signatories"][0]["nip"] == NIPS[0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda r: recording.sign(r, "pekanbaru-bkpsdm", "nope", person(r, NIPS[0], "A")),
            InvalidValue,
        ),
        (
            lambda r: recording.sign(r, "missing", "ikrar-2023-11-29", person(r, NIPS[0], "A")),
            InvalidValue,
        ),
        (lambda r: recording.sign(r, "../etc", "d", person(r, NIPS[0], "A")), InvalidValue),
        (lambda r: person(r, "123", "A"), InvalidValue),
        (lambda r: person(r, None, "A", "PNS"), InvalidValue),
        (lambda r: person(r, NIPS[0], "A", "boss"), InvalidValue),
        (
            lambda r: recording.add_witness(
                r, "pekanbaru-bkpsdm", "ikrar-2023-11-29", institution="X", name="A"
            ),
            InvalidValue,
        ),
        (
            lambda r: recording.declare(
                r, "pekanbaru-bkpsdm", kind="party", date="2023-11-29", elections=["pemilu-2024"]
            ),
            InvalidValue,
        ),
        (
            lambda r: recording.declare(
                r, "pekanbaru-bkpsdm", kind="ikrar", date="2023-11-29", elections=["x"]
            ),
            InvalidValue,
        ),
        (
            lambda r: recording.declare(
                r, "pekanbaru-bkpsdm", kind="ikrar", date="29/11/2023", elections=["pemilu-2024"]
            ),
            InvalidValue,
        ),
        (
            lambda r: recording.declare(
                r,
                "pekanbaru-bkpsdm",
                kind="ikrar",
                date="2023-11-29",
                elections=["pemilu-2024"],
                commitments=["x"],
            ),
            InvalidValue,
        ),
        (
            lambda r: recording.declare(
                r,
                "pekanbaru-bkpsdm",
                kind="ikrar",
                date="2023-11-29",
                elections=["pemilu-2024"],
                decl_id="ikrar-2023-11-29",
            ),
            RefusedWrite,
        ),
        (lambda r: recording.add_agency(r, "pekanbaru-bkpsdm", "X", "14.71"), RefusedWrite),
        (lambda r: recording.add_agency(r, "new", "X", "1471"), InvalidValue),
        (lambda r: recording.add_agency(r, "new", "X", "14.71", parent="ghost"), InvalidValue),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    agency: Registry, call: object, error: type
) -> None:
    snapshot = {p: p.read_bytes() for p in agency.root.rglob("*") if p.is_file()}
    with pytest.raises(error) as caught:
        call(agency)  # type: ignore[operator]
    assert caught.value.message and caught.value.hint
    assert {p: p.read_bytes() for p in agency.root.rglob("*") if p.is_file()} == snapshot


def test_same_person_twice_is_refused(agency: Registry) -> None:
    recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    recording.sign(
        agency,
        "pekanbaru-bkpsdm",
        "ikrar-2023-11-29",
        person(agency, None, "Siti Aisyah", "NON-ASN"),
    )
    before = agency.agency_path("pekanbaru-bkpsdm").read_bytes()
    with pytest.raises(RefusedWrite):
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    with pytest.raises(RefusedWrite):
        recording.sign(
            agency,
            "pekanbaru-bkpsdm",
            "ikrar-2023-11-29",
            person(agency, None, "siti  AISYAH", "NON-ASN"),
        )
    assert agency.agency_path("pekanbaru-bkpsdm").read_bytes() == before


def test_bulk_add_is_idempotent_and_reports_conflicts(agency: Registry) -> None:
    people = [person(agency, n, f"P{i}") for i, n in enumerate(NIPS)]
    first = recording.add_signatories(
        agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", people, on_existing="skip"
    )
    assert first.added == 3
    again = recording.add_signatories(
        agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", people, on_existing="skip"
    )
    assert again.added == 0 and len(again.skipped) == 3
    before = agency.agency_path("pekanbaru-bkpsdm").read_bytes()
    with pytest.raises(RefusedWrite) as caught:
        recording.add_signatories(
            agency,
            "pekanbaru-bkpsdm",
            "ikrar-2023-11-29",
            [person(agency, NIPS[0], "Someone Else")],
            on_existing="skip",
        )
    assert (
        caught.value.key
        == "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflict); nothing was written"
    )
    assert agency.agency_path("pekanbaru-bkpsdm").read_bytes() == before


def test_rule_findings_warn_but_record(agency: Registry) -> None:
    late = recording.declare(
        agency, "pekanbaru-bkpsdm", kind="ikrar", date="2024-03-01", elections=["pemilu-2024"]
    )
    assert any(key == "rule.late-declaration" for key, _ in late.warnings)
    kasn = recording.add_witness(
        agency, "pekanbaru-bkpsdm", late.record, institution="KASN", name="K"
    )
    assert kasn.warnings == []
    decl = recording.declare(
        agency, "pekanbaru-bkpsdm", kind="ikrar", date="2024-09-01", elections=["pilkada-2024"]
    )
    expired = recording.add_witness(
        agency, "pekanbaru-bkpsdm", decl.record, institution="KASN", name="K"
    )
    assert [key for key, _ in expired.warnings] == ["rule.witness-expired"]
    early = person(agency, NIPS[1], "E")
    early = early._replace(signed=dt.date(2024, 8, 1))
    signed = recording.sign(agency, "pekanbaru-bkpsdm", decl.record, early)
    assert [key for key, _ in signed.warnings] == ["rule.signed-before"]


def test_newer_schema_file_is_never_rewritten(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    path.write_text(path.read_text("utf-8").replace("schema = 1", "schema = 2"), "utf-8")
    before = path.read_bytes()
    with pytest.raises(RefusedWrite) as caught:
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert (
        caught.value.key
        == "{file} has schema {found}, newer than this pledgectl ({known}); it is left as it is"
    )
    assert path.read_bytes() == before


def test_inline_records_are_refused(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    path.write_text(
        'schema = 1\n[agency]\nid = "pekanbaru-bkpsdm"\nname = "N"\nregion = "14"\n'
        'declarations = [{ id = "d", kind = "ikrar" }]\n',
        "utf-8",
    )
    before = path.read_bytes()
    with pytest.raises(RefusedWrite):
        recording.sign(agency, "pekanbaru-bkpsdm", "d", person(agency, NIPS[0], "A"))
    assert path.read_bytes() == before


def test_multiline_string_with_header_lookalike(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    path.write_text(
        path.read_text("utf-8").replace(
            'kind = "ikrar"', 'kind = "ikrar"\nnote = """\n[[declarations]]\nid = "fake"\n"""'
        ),
        "utf-8",
    )
    recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    decls = data(agency)["declarations"]
    assert len(decls) == 1 and decls[0]["signatories"][0]["nip"] == NIPS[0]  # type: ignore[index]


def test_atomic_write_keeps_permissions_and_survives_a_crash(
    agency: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    os.chmod(path, 0o640)
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", crash)
    with pytest.raises(PledgeError) as caught:
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert caught.value.key == "cannot write {file}: {reason}"
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))
    monkeypatch.undo()
    recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)


def test_stale_temp_files_are_cleaned_and_ignored(agency: Registry) -> None:
    path = agency.agency_path("pekanbaru-bkpsdm")
    stale = path.with_name(f".{path.name}.deadbeef.tmp")
    stale.write_text("torn", "utf-8")
    assert agency.agency_ids() == ["pekanbaru-bkpsdm"]
    recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert not stale.exists()


def test_symlinked_agency_file_is_not_written_through(agency: Registry, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    path = agency.agency_path("pekanbaru-bkpsdm")
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(RefusedWrite):
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert outside.read_bytes() == before


def test_symlinked_agencies_folder_is_never_written_into(agency: Registry, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    agency.agencies_dir.rename(outside)
    agency.agencies_dir.symlink_to(outside)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    with pytest.raises(RefusedWrite) as caught:
        recording.sign(agency, "pekanbaru-bkpsdm", "ikrar-2023-11-29", person(agency, NIPS[0], "A"))
    assert (
        caught.value.key
        == "{folder} leads outside the registry (a symbolic link); pledgectl writes only inside it"
    )
    with pytest.raises(RefusedWrite):
        recording.add_agency(agency, "new", "New", "14.71")
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
