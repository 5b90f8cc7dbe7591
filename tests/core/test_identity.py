"""One identity of a person (``core/identity``), the NIK and NIP rules of staff lists.

The property test checks that the merge driver, ``diff`` and ``sign`` agree on who is
the same person for any spelling of a NON-ASN name (case, accents, spacing, titles).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import nik as nik_rules
from pledgectl.core import nip as nip_rules
from pledgectl.core import validate
from pledgectl.core.errors import InvalidValue, RefusedWrite
from pledgectl.core.identity import (
    GELAR_BELAKANG,
    GELAR_DEPAN,
    name_key,
    person_key,
    record_key,
    same_name,
)
from pledgectl.core.privacy import redact_text
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import Person, add_agency, declare, sign
from pledgectl.edit.scaffold import init_registry
from pledgectl.git.merge import merge_agency
from pledgectl.git.semdiff import diff_snapshots
from pledgectl.views.jsonschema import agency_schema

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dr. H. Zulkarnain Effendi, S.Sos., M.Si.", "zulkarnain  effendi"),
        ("Hj. Sití Aisyah", "SITI AISYAH"),
        ("Prof.Dr.Ir. Budi Hartono", "Budi Hartono"),
        ("K.H. Ahmad Dahlan", "Ahmad Dahlan"),
        ("Budi Hartono S.E.", "budi hartono"),
        ("drg. Ani, Sp.A.", "Ani"),
        ("Siti, A.Md.Kep.", "Siti"),
    ],
)
def test_titles_case_accents_and_spacing_do_not_make_another_person(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert same_name(a, b)
    assert person_key(None, a) == person_key(None, b)


def test_a_name_is_never_emptied_and_other_names_stay_apart() -> None:
    assert name_key("H") == "h"
    assert name_key("Budi, Jr") != name_key("Budi")
    assert name_key("Siti Aisyah") != name_key("Siti Aminah")


def test_nip_then_nik_then_name() -> None:
    assert person_key("198503122010011002", "A", "1471025705890003") == "198503122010011002"
    assert person_key(None, "A", "1471025705890003") == "nik:1471025705890003"
    assert record_key({"name": "Dr. Ani, S.E."}) == "name:ani"
    assert record_key({"nip": 5, "name": None}) == "name:"  # odd types never raise


def test_the_title_lists_are_data() -> None:
    assert {"Dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "Prof."} <= set(GELAR_DEPAN)
    wanted = {"S.Sos.", "S.E.", "M.Si.", "M.M.", "A.Md.", "S.Kom.", "S.H.", "S.Pd.", "S.T."}
    assert wanted | {"M.Kes."} <= set(GELAR_BELAKANG)


# -- NIK ---------------------------------------------------------------------------------


def test_nik_rules() -> None:
    assert nik_rules.problems("1471025705890003", TODAY) == []  # a woman born 17 May 1989
    assert nik_rules.birth_date("1471021705890003", TODAY) == dt.date(1989, 5, 17)
    codes = [p.code for p in nik_rules.problems("9971023205890000", TODAY)]
    assert codes == ["nik-province", "nik-birth", "nik-sequence"]
    assert [p.code for p in nik_rules.problems("14710257058900", TODAY)] == ["nik-length"]
    assert validate.nik("1471 0257 0589 0003") == "1471025705890003"
    with pytest.raises(InvalidValue) as caught:
        validate.nik("1471029905890003")
    assert "birth date" in caught.value.message


def test_redact_masks_nips_and_niks() -> None:
    text = "nik = 1471025705890003, nip = 198503122010011002"
    masked = redact_text(text)
    assert "1471025705890003" not in masked and "198503122010011002" not in masked
    assert "147102**********" in masked


def test_json_schema_knows_nik_and_grade() -> None:
    signatory = agency_schema()["properties"]["declarations"]["items"]["properties"]
    person = signatory["signatories"]["items"]["properties"]
    assert person["nik"]["pattern"] == r"^\d{16}$" and person["grade"]["type"] == "string"
    roster = agency_schema()["properties"]["roster"]["items"]["properties"]
    assert "nik" in roster and "grade" in roster


# -- NIP and status rules of real staff lists --------------------------------------------


def test_tmt_up_to_twelve_months_ahead_is_accepted() -> None:
    next_month = "199807212027011002"  # TMT 2027-01
    assert nip_rules.problems(next_month, TODAY) == []
    in_a_year = "199807212027121002"  # TMT 2027-12: 12 months after 2026-12
    assert nip_rules.problems(in_a_year, TODAY) == []
    too_far = "199807212028011002"  # TMT 2028-01: 13 months
    assert [p.key for p in nip_rules.problems(too_far, TODAY)] == ["nip.appointment-future"]
    with pytest.raises(InvalidValue) as caught:
        validate.nip(too_far, TODAY)
    assert "TMT 2028-01" in caught.value.message and "12 months" in caught.value.message


@pytest.mark.parametrize("code", [f"2{d}" for d in range(1, 10)])
def test_pppk_code_21_to_29_is_a_pppk_and_nothing_more(code: str) -> None:
    nip = f"19900314202{3}{code}2007"
    assert nip_rules.kind_of(nip) == "PPPK" and nip_rules.problems(nip, TODAY) == []


def test_full_width_digits_are_normalised() -> None:
    wide = "".join(chr(0xFF10 + int(d)) for d in "198503122010011002")
    assert validate.nip(wide) == "198503122010011002"


@pytest.mark.parametrize(
    ("spelling", "status"),
    [
        ("CPNS", "PNS"), ("c p n s", "PNS"), ("P3K", "PPPK"), ("PPPK Paruh Waktu", "PPPK"),
        ("pppk_paruh_waktu", "PPPK"), ("Honorer", "NON-ASN"), ("THL", "NON-ASN"),
        ("Non ASN", "NON-ASN"), ("NON-PNS", "NON-ASN"), ("ptt", "NON-ASN"),
    ],
)  # fmt: skip
def test_status_spellings(spelling: str, status: str) -> None:
    assert validate.status(spelling) == status


def test_unknown_status_names_the_accepted_spellings() -> None:
    with pytest.raises(InvalidValue) as caught:
        validate.status("Pegawai Tetap")
    assert "CPNS" in caught.value.message and "PPPK PARUH WAKTU" in caught.value.message


# -- sign, diff and the merge driver agree ----------------------------------------------

_BASE = "Siti Aisyah Nasution"
_ACCENTED = {"i": "íìî", "a": "áàâ", "u": "úü", "e": "éè"}


@st.composite
def variants(draw: st.DrawFn) -> str:
    """The same name as clerks write it: case, accents, spacing, gelar."""
    letters = []
    for ch in _BASE:
        if ch.lower() in _ACCENTED and draw(st.booleans()):
            ch = draw(st.sampled_from(_ACCENTED[ch.lower()]))
        letters.append(ch.upper() if draw(st.booleans()) else ch.lower())
    name = "".join(letters)
    name = draw(st.sampled_from([" ", "  ", "\t"])).join(name.split(" "))
    front = draw(st.lists(st.sampled_from(["Dr.", "Hj.", "Dra.", "Prof.", "Ir."]), max_size=2))
    back = draw(st.lists(st.sampled_from(["S.Sos.", "M.Si.", "S.E.", "A.Md."]), max_size=2))
    text = " ".join([*front, name])
    return f"{text}, {', '.join(back)}" if back else text


def _file(signatories: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": 1,
        "agency": {"id": "a", "name": "A", "region": "14.71"},
        "declarations": [
            {
                "id": "d",
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": dt.date(2023, 11, 29),
                "signatories": signatories,
            }
        ],
    }


def _person(name: str) -> dict[str, Any]:
    return {"name": name, "status": "NON-ASN"}


@pytest.fixture(scope="module")
def signing_registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("identity") / "reg"
    init_registry(root)
    reg = Registry(root)
    add_agency(reg, "a", "A", "14.71")
    declare(reg, "a", kind="ikrar", date="2023-11-29", elections=["pemilu-2024"], decl_id="d")
    return reg


def _sign_refuses(reg: Registry, first: str, second: str) -> bool:
    path = reg.agency_path("a")
    before = path.read_bytes()
    try:
        sign(reg, "a", "d", Person(first, "NON-ASN"))
        try:
            sign(reg, "a", "d", Person(second, "NON-ASN"))
        except RefusedWrite:
            return True
        return False
    finally:
        path.write_bytes(before)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=variants(),
    other=st.one_of(
        variants().map(lambda name: (True, name)),
        st.sampled_from([(False, "Siti Aminah"), (False, "Dr. Sita Aisyah Nasution, S.E.")]),
    ),
)
def test_merge_diff_and_sign_agree_on_who_is_one_person(
    signing_registry: Registry, first: str, other: tuple[bool, str]
) -> None:
    same, second = other
    assert (name_key(first) == name_key(second)) == same
    # sign: the second spelling is refused as "already signed" exactly when it is the same person
    assert _sign_refuses(signing_registry, first, second) == same
    # diff: one person renamed is one change; two people are an addition and a removal
    diff = diff_snapshots({"a": _file([_person(first)])}, {"a": _file([_person(second)])})
    ops = sorted(c.op for c in diff.changes)
    if first == second:
        assert ops == []
    else:
        assert (ops == ["changed"]) == same and (ops == ["added", "removed"]) == (not same)
    # merge driver: both branches add one spelling; the same person is one record
    # (a conflict when spelled differently), two people are two records
    merged = merge_agency(_file([]), _file([_person(first)]), _file([_person(second)]))
    people = merged.data["declarations"][0]["signatories"]
    assert (len(people) == 1) == same
    assert merged.clean == (not same or first == second)
