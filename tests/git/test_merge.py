"""Three-way merge of one agency file, by record identity."""

from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgectl.core.canonical import dumps_agency
from pledgectl.git.merge import Conflict, _Merger, merge_agency
from pledgectl.git.semdiff import parse_agency

D = "ikrar-2023"


def person(nip: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"nip": nip, "name": name, "status": "PNS", **extra}


A = person("198503122010011002", "Rina Wulandari", position="Staf")
B = person("199001012015031003", "Budi Santoso")
C = person("197812312005012004", "Citra Lestari")
E = person("198807152012121005", "Eko Prasetyo")


def base() -> dict[str, Any]:
    return {
        "schema": 1,
        "agency": {"id": "dinas-x", "name": "Dinas X", "region": "14.71"},
        "roster": [dict(A)],
        "declarations": [
            {
                "id": D,
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": dt.date(2023, 11, 29),
                "witnesses": [{"institution": "KPU", "name": "Andi"}],
                "signatories": [dict(A)],
            }
        ],
    }


def sigs(data: dict[str, Any], index: int = 0) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = data["declarations"][index]["signatories"]
    return result


def test_concurrent_signatories_merge_cleanly_in_order() -> None:
    ours, theirs = base(), base()
    sigs(ours).extend([dict(B), dict(E)])
    sigs(theirs).append(dict(C))
    result = merge_agency(base(), ours, theirs)
    assert result.clean
    assert [s["name"] for s in sigs(result.data)] == [
        "Rina Wulandari",
        "Budi Santoso",
        "Eko Prasetyo",
        "Citra Lestari",
    ]


def test_concurrent_witnesses_declarations_roster() -> None:
    ours, theirs = base(), base()
    ours["declarations"][0]["witnesses"].append({"institution": "Bawaslu", "name": "Dewi"})
    theirs["declarations"][0]["witnesses"].append({"institution": "Satpol PP", "name": "Fajar"})
    ours["roster"].append(dict(B))
    theirs["roster"].append(dict(C))
    theirs["declarations"].append(
        {
            "id": "pakta-2024",
            "kind": "pakta-integritas",
            "elections": [],
            "date": dt.date(2024, 1, 5),
        }
    )
    ours["agency"]["parent"] = "pemkot-x"
    theirs["declarations"][0]["place"] = "Aula"
    result = merge_agency(base(), ours, theirs)
    assert result.clean, result.conflicts
    decl = result.data["declarations"][0]
    assert [w["name"] for w in decl["witnesses"]] == ["Andi", "Dewi", "Fajar"]
    assert [r["name"] for r in result.data["roster"]] == [
        "Rina Wulandari",
        "Budi Santoso",
        "Citra Lestari",
    ]
    assert [d["id"] for d in result.data["declarations"]] == [D, "pakta-2024"]
    assert decl["place"] == "Aula"
    assert result.data["agency"]["parent"] == "pemkot-x"


def test_same_nip_different_names_conflict() -> None:
    ours, theirs = base(), base()
    sigs(ours).append(dict(B))
    sigs(theirs).append(dict(B, name="Budi S."))
    result = merge_agency(base(), ours, theirs)
    assert result.conflicts == [
        Conflict(
            "add-add",
            ("declarations", D, "signatories", B["nip"]),
            "name",
            None,
            "Budi Santoso",
            "Budi S.",
        )
    ]
    assert "Budi S." in result.conflicts[0].message()
    # Ours is kept at the conflicting spot; nothing is duplicated.
    assert [s["nip"] for s in sigs(result.data)] == [A["nip"], B["nip"]]


def test_same_field_edited_differently_conflicts() -> None:
    ours, theirs = base(), base()
    sigs(ours)[0]["position"] = "Kasubbag"
    sigs(theirs)[0]["position"] = "Kabid"
    ours["declarations"][0]["date"] = dt.date(2023, 11, 30)
    theirs["declarations"][0]["date"] = dt.date(2023, 12, 1)
    result = merge_agency(base(), ours, theirs)
    assert [(c.reason, c.path, c.field) for c in result.conflicts] == [
        ("edit-edit", ("declarations", D), "date"),
        ("edit-edit", ("declarations", D, "signatories", A["nip"]), "position"),
    ]
    assert result.conflicts[1].as_json()["theirs"] == "Kabid"
    assert result.conflicts[0].as_json()["base"] == "2023-11-29"


def test_identical_edits_are_clean() -> None:
    ours, theirs = base(), base()
    for side in (ours, theirs):
        sigs(side)[0]["position"] = "Kasubbag"
        sigs(side).append(dict(B))
        side["agency"]["name"] = "Dinas Y"
    result = merge_agency(base(), ours, theirs)
    assert result.clean
    assert result.data == ours


def test_different_fields_of_one_record_merge() -> None:
    ours, theirs = base(), base()
    sigs(ours)[0]["position"] = "Kasubbag"
    sigs(theirs)[0]["signed"] = dt.date(2023, 11, 29)
    result = merge_agency(base(), ours, theirs)
    assert result.clean
    assert sigs(result.data)[0] == dict(A, position="Kasubbag", signed=dt.date(2023, 11, 29))


def test_delete_versus_edit_conflicts_and_keeps_the_record() -> None:
    ours, theirs = base(), base()
    sigs(ours).clear()
    sigs(theirs)[0]["position"] = "Kabid"
    result = merge_agency(base(), ours, theirs)
    assert [c.reason for c in result.conflicts] == ["delete-edit"]
    assert sigs(result.data) == [dict(A, position="Kabid")]
    flipped = merge_agency(base(), theirs, ours)
    assert [c.reason for c in flipped.conflicts] == ["edit-delete"]


def test_delete_on_one_side_is_applied() -> None:
    ours, theirs = base(), base()
    ours["roster"].clear()
    sigs(theirs).append(dict(B))
    result = merge_agency(base(), ours, theirs)
    assert result.clean
    assert result.data["roster"] == []
    assert [s["nip"] for s in sigs(result.data)] == [A["nip"], B["nip"]]


def test_non_asn_keyed_by_name() -> None:
    ours, theirs = base(), base()
    sigs(ours).append({"name": "Siti Aminah", "status": "NON-ASN"})
    sigs(theirs).append({"name": "siti  aminah", "status": "NON-ASN", "position": "Honorer"})
    result = merge_agency(base(), ours, theirs)
    # Same person (name normalised): the name spelling conflicts, the position merges.
    assert [(c.reason, c.field) for c in result.conflicts] == [("add-add", "name")]
    assert sigs(result.data)[1] == {
        "name": "Siti Aminah",
        "status": "NON-ASN",
        "position": "Honorer",
    }


def test_unknown_fields_are_merged_not_dropped() -> None:
    ours, theirs = base(), base()
    ours["x-source"] = "sheet.xlsx"
    sigs(ours)[0]["x-note"] = "late"
    theirs["declarations"][0]["x-meta"] = {"scan": "p1.pdf"}
    theirs["declarations"][0]["attachments"] = [{"file": "foto.jpg"}]
    result = merge_agency(base(), ours, theirs)
    assert result.clean
    assert result.data["x-source"] == "sheet.xlsx"
    decl = result.data["declarations"][0]
    assert decl["x-meta"] == {"scan": "p1.pdf"}
    assert decl["attachments"] == [{"file": "foto.jpg"}]
    assert decl["signatories"][0]["x-note"] == "late"


def test_unknown_record_arrays_conflict_as_whole_values() -> None:
    b = base()
    b["declarations"][0]["attachments"] = [{"file": "a.jpg"}]
    ours, theirs = copy.deepcopy(b), copy.deepcopy(b)
    ours["declarations"][0]["attachments"].append({"file": "b.jpg"})
    theirs["declarations"][0]["attachments"].append({"file": "c.jpg"})
    result = merge_agency(b, ours, theirs)
    assert [(c.reason, c.field) for c in result.conflicts] == [("edit-edit", "attachments")]


def test_file_added_on_both_sides() -> None:
    ours, theirs = base(), base()
    sigs(ours).append(dict(B))
    sigs(theirs).append(dict(C))
    result = merge_agency(None, ours, theirs)
    assert result.clean
    assert [s["nip"] for s in sigs(result.data)] == [A["nip"], B["nip"], C["nip"]]


def test_types_are_respected() -> None:
    ours, theirs = base(), base()
    ours["schema"] = 2
    theirs["schema"] = True  # equal to 1 in Python, a different TOML value
    result = merge_agency(base(), ours, theirs)
    assert [c.field for c in result.conflicts] == ["schema"]


def test_inputs_are_not_modified() -> None:
    b, ours, theirs = base(), base(), base()
    sigs(ours).append(dict(B))
    sigs(theirs).append(dict(C))
    snapshot = copy.deepcopy((b, ours, theirs))
    result = merge_agency(b, ours, theirs)
    sigs(result.data)[0]["name"] = "changed"
    assert (b, ours, theirs) == snapshot


# ---------------------------------------------------------------- properties

text = st.text(alphabet="abcdeXYZ -", min_size=1, max_size=8)
nip = st.from_regex(r"\d{18}", fullmatch=True)
scalar = st.one_of(text, st.integers(-3, 3), st.booleans(), st.dates())
extra = st.dictionaries(st.sampled_from(["x-a", "x-b", "note"]), scalar, max_size=2)
signatory = st.builds(
    lambda n, name, status, more: {
        **({"nip": n} if n else {}),
        "name": name,
        "status": status,
        **more,
    },
    st.one_of(st.none(), nip),
    text,
    st.sampled_from(["PNS", "PPPK", "NON-ASN"]),
    extra,
)
witness = st.fixed_dictionaries(
    {"institution": st.sampled_from(["KPU", "Bawaslu"]), "name": text},
    optional={"role": text},
)
declaration = st.builds(
    lambda i, date, ws, ss, more: {
        "id": i,
        "kind": "ikrar",
        "elections": ["pemilu-2024"],
        "date": date,
        "witnesses": ws,
        "signatories": ss,
        **more,
    },
    st.sampled_from(["d-1", "d-2", "d-3"]),
    st.dates(),
    st.lists(witness, max_size=3),
    st.lists(signatory, max_size=4),
    extra,
)
agency_file = st.builds(
    lambda name, roster, decls, more: {
        "schema": 1,
        "agency": {"id": "dinas-x", "name": name, "region": "14.71"},
        "roster": roster,
        "declarations": decls,
        **more,
    },
    text,
    st.lists(signatory, max_size=3),
    st.lists(declaration, max_size=3),
    extra,
)


@settings(max_examples=150, deadline=None)
@given(agency_file, agency_file)
def test_one_sided_change_wins(b: dict[str, Any], x: dict[str, Any]) -> None:
    ours_only = merge_agency(b, x, b)
    assert ours_only.clean and ours_only.data == x
    theirs_only = merge_agency(b, b, x)
    assert theirs_only.clean and theirs_only.data == x
    # The record-by-record algorithm itself, without the whole-file shortcut.
    merger = _Merger()
    assert merger.table(b, x, b, (), False) == x
    assert merger.conflicts == []


@settings(max_examples=150, deadline=None)
@given(agency_file, st.lists(signatory, max_size=3), st.lists(signatory, max_size=3))
def test_disjoint_additions_never_conflict(
    b: dict[str, Any], mine: list[dict[str, Any]], yours: list[dict[str, Any]]
) -> None:
    # Give every added person a fresh NIP nobody else has.
    taken = {s.get("nip") for d in b["declarations"] for s in d["signatories"]}
    fresh = (f"{n:018d}" for n in range(1, 10**6) if f"{n:018d}" not in taken)
    mine = [dict(s, nip=next(fresh)) for s in mine]
    yours = [dict(s, nip=next(fresh)) for s in yours]
    b["declarations"] = [dict(d, id=f"d-{i}") for i, d in enumerate(b["declarations"])]
    b["declarations"].append(
        {
            "id": "target",
            "kind": "ikrar",
            "elections": [],
            "date": dt.date(2024, 1, 1),
            "signatories": [],
        }
    )
    ours, theirs = copy.deepcopy(b), copy.deepcopy(b)
    ours["declarations"][-1]["signatories"].extend(mine)
    theirs["declarations"][-1]["signatories"].extend(yours)
    result = merge_agency(b, ours, theirs)
    assert result.clean
    assert result.data["declarations"][-1]["signatories"] == mine + yours


# ---------------------------------------------------------------- in git

DRIVER = """
import sys
from pathlib import Path
from pledgectl.core.canonical import dumps_agency
from pledgectl.git.plumbing import merge_file
from pledgectl.core.canonical import dumps_agency
from pledgectl.git.merge import merge_agency
from pledgectl.git.semdiff import parse_agency

base_p, ours_p, theirs_p = (Path(p) for p in sys.argv[1:4])
base, ours, theirs = (parse_agency(p.read_bytes()) for p in (base_p, ours_p, theirs_p))
result = merge_agency(base or None, ours, theirs)
if result.clean:
    ours_p.write_text(dumps_agency(result.data), encoding="utf-8")
    sys.exit(0)
text, _ = merge_file(dumps_agency(ours), dumps_agency(base), dumps_agency(theirs),
                     ("ours", "base", "theirs"))
ours_p.write_text(text, encoding="utf-8")
for conflict in result.conflicts:
    print(conflict.message(), file=sys.stderr)
sys.exit(1)
"""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _clerks(tmp_path: Path, mine: dict[str, Any], yours: dict[str, Any]) -> tuple[Path, str]:
    """A repo where main and branch `clerk` each add a signatory; returns (repo, file)."""
    repo = tmp_path / "repo"
    (repo / "agencies").mkdir(parents=True)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    for args in (
        ("init", "-q", "-b", "main"),
        ("config", "user.name", "Clerk"),
        ("config", "user.email", "clerk@example.org"),
        ("config", "commit.gpgsign", "false"),
        ("config", "merge.pledgectl.name", "pledgectl agency merge"),
        ("config", "merge.pledgectl.driver", f"{sys.executable} {driver} %O %A %B"),
    ):
        _git(repo, *args).check_returncode()
    (repo / ".gitattributes").write_text("agencies/*.toml merge=pledgectl\n")
    path = repo / "agencies" / "dinas-x.toml"

    def commit(data: dict[str, Any], message: str) -> None:
        path.write_text(dumps_agency(data), encoding="utf-8")
        _git(repo, "add", "-A").check_returncode()
        _git(repo, "commit", "-q", "-m", message).check_returncode()

    commit(base(), "base")
    _git(repo, "checkout", "-q", "-b", "clerk").check_returncode()
    data = base()
    sigs(data).append(yours)
    commit(data, "clerk adds")
    _git(repo, "checkout", "-q", "main").check_returncode()
    data = base()
    sigs(data).append(mine)
    commit(data, "main adds")
    return repo, "agencies/dinas-x.toml"


def test_git_merge_of_two_clerks_is_clean(tmp_path: Path) -> None:
    repo, name = _clerks(tmp_path, dict(B), dict(C))
    merged = _git(repo, "merge", "-q", "--no-edit", "clerk")
    assert merged.returncode == 0, merged.stderr
    data = parse_agency((repo / name).read_bytes())
    assert isinstance(data, dict)
    assert [s["nip"] for s in sigs(data)] == [A["nip"], B["nip"], C["nip"]]
    assert (repo / name).read_text(encoding="utf-8") == dumps_agency(data)


def test_git_merge_true_conflict_leaves_markers(tmp_path: Path) -> None:
    repo, name = _clerks(tmp_path, dict(B), dict(B, name="Budi S."))
    merged = _git(repo, "merge", "--no-edit", "clerk")
    assert merged.returncode != 0
    text = (repo / name).read_text(encoding="utf-8")
    assert "<<<<<<< ours" in text and ">>>>>>> theirs" in text
    assert 'name = "Budi S."' in text
    assert "changed on both sides" in merged.stderr or "added on both sides" in merged.stderr
