"""Semantic diff of registry snapshots, its renderers and the textconv summary."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

from pledgectl.core import i18n
from pledgectl.core.canonical import dumps_agency
from pledgectl.git import semdiff
from pledgectl.git.semdiff import Change, FieldChange, Unreadable, diff_snapshots

RINA = {
    "nip": "198503122010011002",
    "name": "Rina Wulandari",
    "status": "PNS",
    "position": "Staf",
    "signed": dt.date(2023, 11, 29),
}
BUDI = {"nip": "199001012015031003", "name": "Budi Santoso", "status": "PPPK"}
SITI = {"name": "Siti  Aminah", "status": "NON-ASN", "position": "Honorer"}


def base() -> dict[str, Any]:
    return {
        "schema": 1,
        "agency": {"id": "pekanbaru-bkpsdm", "name": "BKPSDM Kota Pekanbaru", "region": "14.71"},
        "roster": [{k: v for k, v in RINA.items() if k != "signed"}],
        "declarations": [
            {
                "id": "ikrar-hut-korpri-2023",
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": dt.date(2023, 11, 29),
                "title": "Ikrar Netralitas ASN",
                "witnesses": [{"institution": "KPU", "name": "Andi", "role": "Komisioner"}],
                "signatories": [dict(RINA), dict(SITI)],
            }
        ],
    }


def one(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    a = {"pekanbaru-bkpsdm": old} if old is not None else {}
    b = {"pekanbaru-bkpsdm": new} if new is not None else {}
    return list(diff_snapshots(a, b, rev_a="HEAD", rev_b="working tree").changes)


def decl(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data["declarations"][0]
    return result


def test_equal() -> None:
    diff = diff_snapshots({"x": base()}, {"x": base()}, rev_a="HEAD", rev_b="main")
    assert diff.equal and diff.changes == ()
    assert semdiff.render_text(diff) == "No differences between HEAD and main.\n"
    assert json.loads(semdiff.render_json(diff))["equal"] is True


def test_signatory_added_text_line() -> None:
    new = base()
    decl(new)["signatories"].append(dict(BUDI))
    changes = one(base(), new)
    assert changes == [
        Change(
            "added",
            "signatory",
            "pekanbaru-bkpsdm",
            "ikrar-hut-korpri-2023",
            "199001012015031003",
            "199001012015031003 Budi Santoso (PPPK)",
            record=BUDI,
        )
    ]
    text = semdiff.render_text(diff_snapshots({"p": base()}, {"p": new}))
    assert "p  ikrar-hut-korpri-2023  + signatory 199001012015031003 Budi Santoso (PPPK)" in text
    assert "1 added, 0 removed, 0 changed" in text


def test_signatory_changed_field_line() -> None:
    new = base()
    decl(new)["signatories"][0]["position"] = "Kasubbag"
    [change] = one(base(), new)
    assert change.op == "changed" and change.key == RINA["nip"]
    assert change.fields == (FieldChange("position", "Staf", "Kasubbag"),)
    text = semdiff.render_text(diff_snapshots({"p": base()}, {"p": new}))
    assert (
        "p  ikrar-hut-korpri-2023  ~ signatory 198503122010011002 Rina Wulandari (PNS, Kasubbag)"
        '  position: "Staf" -> "Kasubbag"'
    ) in text


def test_signatory_removed_and_non_asn_keyed_by_name() -> None:
    new = base()
    decl(new)["signatories"] = [dict(RINA), {**SITI, "name": "siti aminah", "position": "Satpam"}]
    del decl(new)["signatories"][0]
    changes = one(base(), new)
    assert [(c.op, c.kind, c.key) for c in changes] == [
        ("removed", "signatory", RINA["nip"]),
        ("changed", "signatory", "name:siti aminah"),
    ]
    fields = changes[1].fields
    assert FieldChange("position", "Honorer", "Satpam") in fields


def test_moving_a_record_is_not_a_change() -> None:
    new = base()
    decl(new)["signatories"].reverse()
    assert one(base(), new) == []


def test_declaration_level_changes() -> None:
    new = base()
    decl(new)["place"] = "Aula"
    decl(new)["elections"] = ["pemilu-2024", "pilkada-2024"]
    new["declarations"].append(
        {
            "id": "deklarasi-2024",
            "kind": "deklarasi",
            "elections": ["pilkada-2024"],
            "date": dt.date(2024, 9, 1),
            "signatories": [dict(BUDI)],
        }
    )
    changes = one(base(), new)
    assert [(c.op, c.kind, c.declaration) for c in changes] == [
        ("added", "declaration", "deklarasi-2024"),
        ("added", "signatory", "deklarasi-2024"),
        ("changed", "declaration", "ikrar-hut-korpri-2023"),
    ]
    assert "signatories" not in (changes[0].record or {})
    assert changes[2].fields == (
        FieldChange("elections", ["pemilu-2024"], ["pemilu-2024", "pilkada-2024"]),
        FieldChange("place", None, "Aula"),
    )
    removed = one(new, base())
    assert [(c.op, c.kind) for c in removed][:2] == [
        ("removed", "declaration"),
        ("removed", "signatory"),
    ]
    text = semdiff.render_text(diff_snapshots({"p": base()}, {"p": new}))
    assert 'place: (none) -> "Aula"' in text


def test_witness_and_roster_changes() -> None:
    new = base()
    decl(new)["witnesses"].append({"institution": "Bawaslu", "name": "Dewi"})
    decl(new)["witnesses"][0]["role"] = "Ketua"
    new["roster"].append(dict(SITI))
    changes = one(base(), new)
    assert [(c.op, c.kind, c.key) for c in changes] == [
        ("added", "roster", "name:siti aminah"),
        ("added", "witness", "Bawaslu/dewi"),
        ("changed", "witness", "KPU/andi"),
    ]


def test_agency_added_removed_changed() -> None:
    new = base()
    new["agency"]["name"] = "Badan Kepegawaian"
    new["agency"]["provenance"] = "SK 12/2023"
    new["note"] = "hand-written"
    changes = one(base(), new)
    assert [(c.op, c.kind) for c in changes] == [("changed", "agency"), ("changed", "file")]
    assert changes[0].fields == (
        FieldChange("name", "BKPSDM Kota Pekanbaru", "Badan Kepegawaian"),
        FieldChange("provenance", None, "SK 12/2023"),
    )
    assert changes[1].fields == (FieldChange("note", None, "hand-written"),)
    added = one(None, base())
    assert [(c.op, c.kind) for c in added] == [
        ("added", "agency"),
        ("added", "roster"),
        ("added", "declaration"),
        ("added", "witness"),
        ("added", "signatory"),
        ("added", "signatory"),
    ]
    assert all(c.op == "removed" for c in one(base(), None))


def test_types_matter() -> None:
    old, new = base(), base()
    new["schema"] = True  # 1 == True in Python, but not in TOML
    assert [c.kind for c in one(old, new)] == ["file"]


def test_unreadable_file_is_reported_not_raised() -> None:
    broken = semdiff.parse_agency(b"schema = 1\n[agency\n")
    assert isinstance(broken, Unreadable)
    assert "line 2" in broken.reason
    diff = diff_snapshots({"x": base()}, {"x": broken}, rev_a="HEAD", rev_b="working tree")
    [change] = diff.changes
    assert (change.op, change.rev) == ("unreadable", "working tree")
    assert not diff.equal
    text = semdiff.render_text(diff)
    assert text.startswith("x  ! unreadable at working tree: ")
    # The same broken bytes on both sides are no change.
    again = semdiff.parse_agency(b"schema = 1\n[agency\n")
    assert diff_snapshots({"x": broken}, {"x": again}).equal
    assert isinstance(semdiff.parse_agency(b"\xff\xfe"), Unreadable)


def test_malformed_shapes_do_not_crash() -> None:
    weird: dict[str, Any] = {"agency": "oops", "declarations": "nope", "roster": [1, 2]}
    diff = diff_snapshots({"x": base()}, {"x": weird})
    assert not diff.equal
    semdiff.render_text(diff)
    semdiff.render_json(diff)
    semdiff.summarise(weird)


def test_duplicate_keys_are_kept_apart() -> None:
    new = base()
    decl(new)["signatories"].append(dict(RINA, position="Kabid"))
    [change] = one(base(), new)
    assert (change.op, change.key) == ("added", f"{RINA['nip']}#2")


def test_deterministic_order() -> None:
    a: dict[str, Any] = {}
    b = {"z-last": base(), "a-first": base(), "m-mid": base()}
    agencies = [c.agency for c in diff_snapshots(a, b).changes if c.kind == "agency"]
    assert agencies == ["a-first", "m-mid", "z-last"]


def test_settings_changes() -> None:
    old = {
        "schema": 1,
        "elections": [{"id": "pemilu-2024", "name": {"id": "Pemilu 2024", "en": "2024 Election"}}],
        "policy": {"scope": ["pemilu-2024"]},
    }
    new = copy.deepcopy(old)
    new["elections"].append({"id": "pilkada-2024", "name": {"id": "Pilkada", "en": "Regional"}})
    new["policy"]["scope"] = ["pemilu-2024", "pilkada-2024"]
    diff = diff_snapshots({}, {}, settings_old=old, settings_new=new)
    assert [(c.op, c.kind, c.key) for c in diff.changes] == [
        ("changed", "settings", None),
        ("added", "settings.elections", "pilkada-2024"),
    ]
    assert diff.changes[0].fields == (
        FieldChange("policy.scope", ["pemilu-2024"], ["pemilu-2024", "pilkada-2024"]),
    )
    assert "pledgectl.toml  + election pilkada-2024 Regional" in semdiff.render_text(diff)


def test_render_json_contract() -> None:
    new = base()
    decl(new)["signatories"][0]["position"] = "Kasubbag"
    decl(new)["signatories"].append(dict(BUDI, signed=dt.date(2024, 1, 2)))
    doc = json.loads(semdiff.render_json(diff_snapshots({"p": base()}, {"p": new}, rev_a="A")))
    assert list(doc) == ["equal", "a", "b", "counts", "changes"]
    assert doc["equal"] is False and doc["a"] == "A"
    assert doc["counts"] == {"added": 1, "removed": 0, "changed": 1, "unreadable": 0}
    changed, added = doc["changes"]  # by key: 1985... before 1990...
    assert added["op"] == "added" and added["record"]["signed"] == "2024-01-02"
    assert list(added) == ["op", "kind", "agency", "declaration", "key", "label", "record"]
    assert changed["fields"] == [{"field": "position", "old": "Staf", "new": "Kasubbag"}]


def test_render_text_in_indonesian() -> None:
    new = base()
    decl(new)["signatories"].append(dict(BUDI))
    i18n.set_lang("id")
    try:
        text = semdiff.render_text(diff_snapshots({"p": base()}, {"p": new}))
    finally:
        i18n.set_lang("en")
    assert "+ penanda tangan 199001012015031003 Budi Santoso (PPPK)" in text
    assert "1 ditambahkan, 0 dihapus, 0 diubah" in text


def test_summarise_one_line_per_signatory() -> None:
    data = base()
    text = semdiff.summarise(data)
    lines = text.splitlines()
    assert lines[0] == "agency pekanbaru-bkpsdm"
    assert '  name: "BKPSDM Kota Pekanbaru"' in lines
    assert "declaration ikrar-hut-korpri-2023" in lines
    assert "  witness KPU Andi (Komisioner)" in lines
    signers = [line for line in lines if line.startswith("  signatory ")]
    assert signers == [
        "  signatory 198503122010011002 Rina Wulandari (PNS, Staf); signed: 2023-11-29",
        "  signatory Siti  Aminah (NON-ASN, Honorer)",
    ]
    # Adding a signatory adds exactly one line, after the others.
    more = base()
    decl(more)["signatories"].append(dict(BUDI, unit="Bidang Mutasi"))
    after = semdiff.summarise(more).splitlines()
    assert after[: len(lines)] == lines
    assert after[len(lines) :] == [
        '  signatory 199001012015031003 Budi Santoso (PPPK); unit: "Bidang Mutasi"'
    ]
    assert semdiff.summarise(data) == text  # stable


def test_summarise_bytes_round_trip_and_broken() -> None:
    data = base()
    data["roster"][0]["extra"] = "kept"
    raw = dumps_agency(data).encode()
    assert semdiff.summarise_bytes(raw) == semdiff.summarise(semdiff.parse_agency(raw))  # type: ignore[arg-type]
    assert '; extra: "kept"' in semdiff.summarise_bytes(raw)
    broken = semdiff.summarise_bytes(b"[agency\nid = 1\n")
    assert broken.startswith("# pledgectl: this file is not valid TOML")
    assert broken.endswith("[agency\nid = 1\n")


def test_changed_field_is_named_in_the_readers_language() -> None:
    """Issue 14: ``diff`` said ``position:`` inside Indonesian text; JSON keeps the key."""
    new = base()
    decl(new)["signatories"][0]["position"] = "Kasubbag"
    changes = diff_snapshots({"p": base()}, {"p": new})
    i18n.set_lang("id")
    try:
        text = semdiff.render_text(changes)
    finally:
        i18n.set_lang("en")
    assert "  jabatan: " in text and "position:" not in text
    assert "  position: " in semdiff.render_text(changes)
    assert '"field": "position"' in semdiff.render_json(changes)
