"""The ceremony without a screen: the sheet, the search, the count, marks and unmarks."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import i18n, validate
from pledgectl.core.errors import InvalidValue, PledgeError, RefusedWrite
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import make_person, sign
from pledgectl.edit.scaffold import init_registry
from pledgectl.tui.session import Ceremony, FieldError
from pledgectl.views.ceremony import Counts, Sheet, count_line, load, percent
from tests.tui.conftest import AGENCY, DECL, UNSIGNED, agency_bytes


def signatories(registry: Registry) -> list[dict[str, object]]:
    data = tomllib.loads(registry.agency_path(AGENCY).read_text("utf-8"))
    decl = next(d for d in data["declarations"] if d["id"] == DECL)
    return list(decl["signatories"])


def entry(session: Ceremony, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in session.sheet.entries if e.name == name)


def rows_of(sheet: Sheet) -> list[tuple[str, str, bool, str | None]]:
    return [(e.key, e.name, e.on_roster, e.signed) for e in sheet.entries]


def assert_as_read(session: Ceremony) -> None:
    """The sheet the session keeps (updated in memory after its own writes) is the file's."""
    fresh = load(session.registry, session.agency, session.declaration)
    assert rows_of(session.sheet) == rows_of(fresh)
    assert session.sheet.stamp == fresh.stamp
    for query in ("andi", "tamu", "fadli", "1992"):
        assert session.sheet.search(query) == fresh.search(query)


# -- the sheet ---------------------------------------------------------------


def test_rows_follow_the_roster_with_who_signed(demo: Registry) -> None:
    sheet = load(demo, AGENCY, DECL)
    data = tomllib.loads(demo.agency_path(AGENCY).read_text("utf-8"))
    assert [e.name for e in sheet.entries] == [p["name"] for p in data["roster"]]
    assert [e.name for e in sheet.entries if e.signed is None] == list(UNSIGNED)
    assert all(e.on_roster for e in sheet.entries)
    assert sheet.declared == dt.date(2023, 11, 29)
    assert sheet.counts() == Counts(signed=12, total=15, off_roster=0)


def test_search_by_part_of_a_name_ignores_case_and_accents(demo: Registry) -> None:
    sheet = load(demo, AGENCY, DECL)
    names = lambda query: [sheet.entries[i].name for i in sheet.search(query)]  # noqa: E731
    assert names("fadli") == ["Fadli Ramadhan, S.H."]
    assert names("FÁDLI") == ["Fadli Ramadhan, S.H."]
    assert names("  siregar budi ") == ["Budi Santoso Siregar, S.Sos."]  # every word, any order
    assert names("zulk") == ["Dr. H. Zulkarnain Effendi, S.Sos., M.Si."]
    # academic and religious titles are not part of the name searched
    assert names("Dr. H. Zulkarnain") == ["Dr. H. Zulkarnain Effendi, S.Sos., M.Si."]
    assert names("effendi, s.sos.") == ["Dr. H. Zulkarnain Effendi, S.Sos., M.Si."]
    assert names("S.Sos.") == []
    assert names("nobody-like-this") == []
    assert len(names("")) == len(sheet.entries)


def test_search_by_the_start_of_a_nip(demo: Registry) -> None:
    sheet = load(demo, AGENCY, DECL)
    found = [sheet.entries[i].name for i in sheet.search("19920229")]
    assert found == ["Fadli Ramadhan, S.H."]
    assert [sheet.entries[i].name for i in sheet.search("1992 0229")] == found
    assert sheet.search("0229") == []  # the start of a NIP, not any part of it


def test_count_line_in_both_languages() -> None:
    counts = Counts(signed=87, total=120, off_roster=0)
    assert count_line(counts) == "87 / 120 signed (72.5%) · 33 missing"
    i18n.set_lang("id")
    assert count_line(counts) == "87 / 120 sudah tanda tangan (72,5%) · 33 belum"
    assert "2 di luar daftar pegawai" in count_line(Counts(87, 120, 2))


def test_percent_is_never_100_before_everyone_signed() -> None:
    assert percent(1999, 2000) == "99.9"
    assert percent(2000, 2000) == "100.0"
    assert percent(0, 0) == "0.0"


# -- marks ---------------------------------------------------------------------


def test_a_mark_is_written_at_once_as_sign_writes_it(demo: Registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    twin = tmp_path / "twin"
    init_registry(twin, example=True)
    session = Ceremony(demo, AGENCY, DECL)
    session.mark(entry(session, "Fadli Ramadhan, S.H."))
    # the same bytes as `sign` with the roster's fields and the declaration's date
    person = make_person(
        Registry(twin),
        name="Fadli Ramadhan, S.H.",
        status="PNS",
        nip="199202292020031004",
        position="Analis Hukum Ahli Pertama",
        signed=dt.date(2023, 11, 29),
    )
    sign(Registry(twin), AGENCY, DECL, person)
    assert agency_bytes(demo) == agency_bytes(Registry(twin))
    assert entry(session, "Fadli Ramadhan, S.H.").signed == "2023-11-29"
    assert session.counts().signed == 13


def test_date_option_wins_over_the_declarations_date(demo: Registry) -> None:
    session = Ceremony(demo, AGENCY, DECL, date=dt.date(2023, 11, 30))
    session.mark(entry(session, "Fadli Ramadhan, S.H."))
    assert signatories(demo)[-1]["signed"] == dt.date(2023, 11, 30)


def test_marking_someone_who_signed_meanwhile_is_refused_and_writes_nothing(
    demo: Registry,
) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    stale = entry(session, "Fadli Ramadhan, S.H.")
    other = make_person(demo, name=stale.name, status="PNS", nip=stale.nip, signed="2023-11-29")
    sign(demo, AGENCY, DECL, other)  # another clerk, after this view read the file
    before = agency_bytes(demo)
    with pytest.raises(RefusedWrite):
        session.mark(stale)
    assert agency_bytes(demo) == before
    assert entry(session, stale.name).signed == "2023-11-29"  # and the view now shows it


def test_unmark_restores_the_file_byte_for_byte(demo: Registry) -> None:
    before = agency_bytes(demo)
    session = Ceremony(demo, AGENCY, DECL)
    fadli = entry(session, "Fadli Ramadhan, S.H.")
    session.mark(fadli)
    assert agency_bytes(demo) != before
    session.unmark(fadli)
    assert agency_bytes(demo) == before
    assert entry(session, fadli.name).signed is None
    assert session.counts().signed == 12


def test_unmark_in_a_file_saved_with_crlf(demo: Registry) -> None:
    """A file saved on Windows: the mark is written with CRLF lines, and taking it off
    leaves the file byte for byte as it was."""
    path = demo.agency_path(AGENCY)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = agency_bytes(demo)
    session = Ceremony(demo, AGENCY, DECL)
    fadli = entry(session, "Fadli Ramadhan, S.H.")
    session.mark(fadli)
    marked = agency_bytes(demo)
    assert marked != before and marked.count(b"\n") == marked.count(b"\r\n")
    session.unmark(fadli)
    assert agency_bytes(demo) == before


def test_only_marks_made_in_this_view_can_be_taken_off(demo: Registry) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    before = agency_bytes(demo)
    with pytest.raises(RefusedWrite, match="only marks made here"):
        session.unmark(entry(session, "Doni Saputra, S.T."))
    assert agency_bytes(demo) == before


def test_unmark_keeps_another_clerks_later_mark(demo: Registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Taking off a mark leaves the file as if it had never been made, others' records kept."""
    session = Ceremony(demo, AGENCY, DECL)
    fadli, budi = entry(session, UNSIGNED[0]), entry(session, UNSIGNED[2])
    session.mark(fadli)
    sign(demo, AGENCY, DECL, make_person(demo, name=budi.name, status="PNS", nip=budi.nip))
    session.unmark(fadli)
    assert_as_read(session)
    twin = tmp_path / "twin"
    init_registry(twin, example=True)
    sign(
        Registry(twin), AGENCY, DECL, make_person(demo, name=budi.name, status="PNS", nip=budi.nip)
    )
    assert agency_bytes(demo) == agency_bytes(Registry(twin))


def test_unmark_refuses_a_block_edited_since(demo: Registry) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    fadli = entry(session, UNSIGNED[0])
    session.mark(fadli)
    path = demo.agency_path(AGENCY)
    path.write_text(
        path.read_text("utf-8").replace("signed = 2023-11-29\n", "signed = 2023-11-28\n")
    )
    path.write_bytes(path.read_bytes())
    edited = agency_bytes(demo)
    with pytest.raises(RefusedWrite, match="no longer as this view wrote it"):
        session.unmark(fadli)
    assert agency_bytes(demo) == edited


def test_unmark_refuses_when_a_seal_or_other_record_follows(demo: Registry) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    fadli = entry(session, UNSIGNED[0])
    session.mark(fadli)
    path = demo.agency_path(AGENCY)
    path.write_text(path.read_text("utf-8") + '\n[[declarations.seals]]\ninstitution = "KPU"\n')
    sealed = agency_bytes(demo)
    with pytest.raises(RefusedWrite, match="covered by a later record"):
        session.unmark(fadli)
    assert agency_bytes(demo) == sealed


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    order=st.permutations(range(3)),
    kept=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_any_marks_and_unmarks_equal_signing_only_the_kept(
    tmp_path_factory: pytest.TempPathFactory, order: list[int], kept: list[bool]
) -> None:
    """Mark the three in some order, take some off (last first): the file is what signing
    only the kept ones, in the same order, gives."""
    base = tmp_path_factory.mktemp("prop")
    registry, twin = Registry(base / "view"), Registry(base / "twin")
    init_registry(registry.root, example=True)
    init_registry(twin.root, example=True)
    session = Ceremony(registry, AGENCY, DECL)
    people = [entry(session, UNSIGNED[i]) for i in order]
    for person in people:
        session.mark(person)
        assert_as_read(session)
    for person, keep in reversed(list(zip(people, kept, strict=True))):
        if not keep:
            session.unmark(person)
            assert_as_read(session)
    for person, keep in zip(people, kept, strict=True):
        if keep:
            made = make_person(
                twin,
                name=person.name,
                status=person.status,
                nip=person.nip,
                position=person.position,
                signed=dt.date(2023, 11, 29),
            )
            sign(twin, AGENCY, DECL, made)
    assert agency_bytes(registry) == agency_bytes(twin)
    assert session.counts().signed == 12 + sum(kept)


# -- the form --------------------------------------------------------------------


def form(**values: str) -> dict[str, str]:
    base = {"status": "NON-ASN", "nip": "", "name": "Andi Pratama", "position": "", "date": ""}
    base.update(values)
    return base


@pytest.mark.parametrize(
    ("field", "values", "same_as"),
    [
        ("status", form(status="guest"), lambda: validate.status("guest")),
        ("nip", form(status="PNS", nip=""), None),
        (
            "nip",
            form(status="PNS", nip="1992022920200310"),
            lambda: validate.nip("1992022920200310"),
        ),
        ("name", form(name="  "), lambda: validate.text("  ", "name")),
        ("date", form(date="29-11-2023"), lambda: validate.date("29-11-2023", "--date")),
    ],
)
def test_form_fields_fail_with_signs_own_messages(
    demo: Registry, field: str, values: dict[str, str], same_as: object
) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    before = agency_bytes(demo)
    with pytest.raises(FieldError) as caught:
        session.add(values)
    assert caught.value.field == field
    if same_as is not None:
        with pytest.raises(InvalidValue) as direct:
            same_as()  # type: ignore[operator]
        assert caught.value.error.message == direct.value.message
    else:
        assert caught.value.error.message == "a NIP is required for status PNS"
    assert agency_bytes(demo) == before


def test_form_records_someone_not_on_the_roster(demo: Registry) -> None:
    session = Ceremony(demo, AGENCY, DECL)
    person, warnings = session.add(form(status="THL", position="THL Pengemudi"))
    assert person.status == "NON-ASN" and warnings == []
    assert signatories(demo)[-1] == {
        "name": "Andi Pratama",
        "status": "NON-ASN",
        "position": "THL Pengemudi",
        "signed": dt.date(2023, 11, 29),
    }
    added = entry(session, "Andi Pratama")
    assert not added.on_roster and added.signed == "2023-11-29"
    assert session.counts() == Counts(signed=12, total=15, off_roster=1)
    assert_as_read(session)
    session.add(form(name="Tamu Kedua"))
    session.unmark(added)  # the row goes with its mark, the later one stays
    assert [e.name for e in session.sheet.entries if not e.on_roster] == ["Tamu Kedua"]
    assert_as_read(session)


def test_without_a_roster_the_form_still_records(demo: Registry) -> None:
    session = Ceremony(demo, "kaltara-bkd", _first_declaration(demo, "kaltara-bkd"))
    assert not session.sheet.has_roster
    before = session.counts().off_roster
    session.add(form())
    assert session.counts() == Counts(signed=0, total=0, off_roster=before + 1)
    assert count_line(session.counts()).startswith(f"{before + 1} signed")


def _first_declaration(registry: Registry, agency: str) -> str:
    data = tomllib.loads(registry.agency_path(agency).read_text("utf-8"))
    return str(data["declarations"][0]["id"])


def test_unknown_declaration_is_an_error_before_anything(demo: Registry) -> None:
    with pytest.raises(PledgeError) as caught:
        Ceremony(demo, AGENCY, "no-such-declaration")
    assert "ikrar-hut-korpri-2023" in caught.value.message


def test_a_roster_entry_with_a_nik_is_recorded_with_it(demo: Registry) -> None:
    """NON-ASN staff known by NIK: the mark carries the NIK and grade, and is the same person."""
    from pledgectl.edit.recording import add_roster

    staff = make_person(
        demo,
        name="Siti Rahma",
        status="NON-ASN",
        nik="1471015505900001",
        grade="THL",
        position="Staf Umum",
    )
    add_roster(demo, AGENCY, [staff])
    session = Ceremony(demo, AGENCY, DECL)
    siti = entry(session, "Siti Rahma")
    assert siti.on_roster and siti.signed is None and siti.nik == "1471015505900001"
    session.mark(siti)
    last = signatories(demo)[-1]
    assert last["nik"] == "1471015505900001" and last["grade"] == "THL"
    assert entry(session, "Siti Rahma").signed == "2023-11-29"
    assert session.counts() == Counts(signed=13, total=16, off_roster=0)
    assert_as_read(session)
