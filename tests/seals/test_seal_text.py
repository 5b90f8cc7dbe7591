"""Seal format 2's ``text``: knowing a sealed declaration is unchanged without rebuilding it.

``check`` trusts the text of a declaration only when it is byte for byte what was
sealed and nothing outside it can reach back into it; otherwise it rebuilds the
covered part from the values, as format 1 always did. The rule that must hold
for every file: the judgement with the text (``source``) is the judgement from
the values alone. The key is made in process (``cryptography``) and signs through
``seal``'s ``signer`` hook, so these tests need no ssh-keygen.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgectl.core import seal as seal_mod
from pledgectl.core import sshsig
from pledgectl.core.reader import TomlSyntaxError, loads, read_agency
from pledgectl.core.registry import Registry
from pledgectl.edit import recording
from pledgectl.edit import seal as sealing
from pledgectl.edit.scaffold import init_registry
from pledgectl.engine.runner import run_checks

AGENCY, DECL = "dinas-t", "ikrar-2023"
PEOPLE = [
    ("198503122010011002", "Rina Wulandari", "PNS"),
    ("199001012015011001", "Budi Santoso", "PNS"),
    ("199202292020031004", "Fadli Ramadhan", "PPPK"),
]
WHEN = dt.datetime(2023, 11, 29, 10, 0, tzinfo=dt.UTC)
SEALERS = {"KPU": ("kpu",)}


def _key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519.Ed25519PrivateKey.generate()


KEY = _key()


def public_blob() -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return sshsig.string(b"ssh-ed25519") + sshsig.string(raw)


def sign(_key_file: Path, message: bytes) -> str:
    """What ``ssh-keygen -Y sign -n pledgectl-seal`` writes, made in process."""
    data = sshsig.signed_data(seal_mod.NAMESPACE, "sha512", message)
    signature = sshsig.string(b"ssh-ed25519") + sshsig.string(KEY.sign(data))
    blob = (
        b"SSHSIG"
        + (1).to_bytes(4, "big")
        + sshsig.string(public_blob())
        + sshsig.string(seal_mod.NAMESPACE.encode())
        + sshsig.string(b"")
        + sshsig.string(b"sha512")
        + sshsig.string(signature)
    )
    return sshsig.armor(blob)


def seal_as_kpu(root: Path, decl: str, key: Path) -> None:
    """``pledgectl seal`` as KPU, signed in process, at :data:`WHEN`."""
    sealing.seal(
        Registry(root),
        AGENCY,
        decl,
        institution="KPU",
        key=key,
        principal="kpu",
        now=WHEN,
        signer=sign,
    )


class Sealed(NamedTuple):
    root: Path
    text: str  # the agency file right after sealing

    @property
    def file(self) -> Path:
        return self.root / "agencies" / f"{AGENCY}.toml"


@pytest.fixture
def sealed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sealed:
    root = tmp_path / "reg"
    init_registry(root)
    settings_file = root / "pledgectl.toml"
    settings_file.write_text(
        re.sub(
            r'(?m)^(id = "KPU"\nname = .*\n)',
            lambda m: m.group(1) + 'sealers = ["kpu"]\n',
            settings_file.read_text("utf-8"),
        ),
        "utf-8",
    )
    blob = base64.b64encode(public_blob()).decode()
    (root / "allowed_signers").write_text(
        f'kpu namespaces="pledgectl-seal" ssh-ed25519 {blob}\n', "utf-8"
    )
    (tmp_path / "kpu.pub").write_text(f"ssh-ed25519 {blob} kpu\n", "utf-8")
    monkeypatch.setattr(sealing, "_ssh_keygen", lambda: "ssh-keygen")
    registry = Registry(root)
    recording.add_agency(registry, AGENCY, "Dinas T", "14.71")
    recording.declare(
        registry,
        AGENCY,
        kind="ikrar",
        date="2023-11-29",
        elections=["pemilu-2024"],
        decl_id=DECL,
        commitments=list(registry.settings.checklist_ids),
    )
    recording.add_witness(registry, AGENCY, DECL, institution="KPU", name="Saksi KPU", role="Ketua")
    recording.add_witness(registry, AGENCY, DECL, institution="Bawaslu", name="Saksi Bawaslu")
    for nip, name, status in PEOPLE:
        person = recording.make_person(
            registry, name=name, status=status, nip=nip, signed="2023-11-29"
        )
        recording.sign(registry, AGENCY, DECL, person)
    seal_as_kpu(root, DECL, tmp_path / "kpu")
    file = root / "agencies" / f"{AGENCY}.toml"
    return Sealed(root, file.read_text("utf-8"))


def signers() -> sshsig.AllowedSigners:
    return sshsig.AllowedSigners(f"kpu ssh-ed25519 {base64.b64encode(public_blob()).decode()}\n")


def judged(text: str) -> tuple[str, str, bool]:
    """The seal's state judged with the text and from the values alone, and whether the
    text alone sufficed (the covered part was not rebuilt)."""
    data = loads(text)
    decl = data["declarations"][0]
    raw = decl["seals"][0]
    memo: seal_mod.Memo = {}
    agency = data["agency"]["id"]
    fast = seal_mod.judge(agency, decl, raw, signers(), SEALERS, memo, (text, 0))
    slow = seal_mod.judge(agency, decl, raw, signers(), SEALERS)
    rebuilt = any(isinstance(key, seal_mod.Covers) for key in memo)
    return fast.state, slow.state, not rebuilt


def test_the_seal_names_the_text_it_was_made_over(sealed: Sealed) -> None:
    seal = loads(sealed.text)["declarations"][0]["seals"][0]
    region = seal_mod.text_region(sealed.text, 0, seal_mod.Covers(2, 3))
    assert region is not None
    assert region.startswith("[[declarations]]\nid = ")
    assert region.endswith("signed = 2023-11-29\n")
    assert sealed.text.index(region) < sealed.text.index("[[declarations.seals]]")
    assert seal["text"] == seal_mod.text_digest(AGENCY, region)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", seal["text"])


def test_unchanged_text_is_judged_without_rebuilding(sealed: Sealed) -> None:
    assert judged(sealed.text) == ("valid", "valid", True)


def test_a_late_signatory_leaves_the_text_vouching(sealed: Sealed) -> None:
    registry = Registry(sealed.root)
    person = recording.make_person(
        registry, name="Dewi Lestari", status="PNS", nip="198807142011012003", signed="2023-11-30"
    )
    recording.sign(registry, AGENCY, DECL, person)
    text = sealed.file.read_text("utf-8")
    assert judged(text) == ("valid", "valid", True)
    run = run_checks(registry, only=["seals"], use_cache=False, jobs=1)
    assert [f.code for f in run.findings] == ["seals-uncovered"]


def insert_after(text: str, anchor: str, addition: str) -> str:
    at = text.index(anchor) + len(anchor)
    return text[:at] + addition + text[at:]


LAST_KEY = "signed = 2023-11-29\n\n[[declarations.seals]]"


@pytest.mark.parametrize(
    ("change", "state"),
    [
        # the last covered signatory gains a key, written just after it
        (
            lambda t: t.replace(
                LAST_KEY, 'signed = 2023-11-29\nunit = "X"\n\n[[declarations.seals]]'
            ),
            "broken",
        ),
        # ... or through a sub-table opened at the end of the file
        (lambda t: t + "\n[declarations.signatories.extra]\nnote = 1\n", "broken"),
        # the declaration gains a sub-table, or an array of tables, after its seal
        (lambda t: t + "\n[declarations.meta]\nnote = 1\n", "broken"),
        (lambda t: t + "\n[[declarations.notes]]\nnote = 1\n", "broken"),
        # a covered value changed inside the text
        (lambda t: t.replace("Budi Santoso", "Budi Santosa"), "broken"),
        # re-spelt, commented or with CRLF line ends: the values stand, the seal holds
        (lambda t: t.replace('name = "Budi Santoso"', "name = 'Budi Santoso'"), "valid"),
        (
            lambda t: t.replace(
                "[[declarations.witnesses]]", "# saksi\n[[declarations.witnesses]]", 1
            ),
            "valid",
        ),
        (lambda t: t.replace("\n", "\r\n"), "valid"),
        (lambda t: t + "\n# a closing comment\n", "valid"),
        # a later table that does not name the declaration
        (
            lambda t: t + '\n[[roster]]\nnip = "198503122010011002"\nname = "Rina Wulandari"\n',
            "valid",
        ),
    ],
)
def test_text_changes(sealed: Sealed, change: Any, state: str) -> None:
    text = change(sealed.text)
    assert text != sealed.text
    fast, slow, _ = judged(text)
    assert (fast, slow) == (state, state)


def test_a_copy_of_the_sealed_text_hidden_before_the_declaration_is_not_believed(
    sealed: Sealed,
) -> None:
    """The sealed text kept in a multi-line string ahead of the real, edited declaration:
    the first ``[[declarations]]`` line found would be the copy's."""
    region = seal_mod.text_region(sealed.text, 0, seal_mod.Covers(2, 3))
    assert region is not None
    tampered = sealed.text.replace("Budi Santoso", "Budi Santosa")
    decoy = tampered.replace("[agency]\n", '[agency]\nnotes = """\n' + region + '"""\n', 1)
    # the decoy's lines are data, not headers: still one declaration
    assert len(loads(decoy)["declarations"]) == 1
    assert judged(decoy)[:2] == ("broken", "broken")


def test_the_check_points_at_the_changed_record(sealed: Sealed) -> None:
    sealed.file.write_text(sealed.text.replace("Budi Santoso", "Budi Santosa"), "utf-8")
    run = run_checks(Registry(sealed.root), only=["seals"], use_cache=False, jobs=1)
    line = read_agency(sealed.file).line(("declarations", 0, "signatories", 1), "name")
    assert [(f.code, f.line) for f in run.findings] == [("seals-broken", line)]


# -- the rule, for any edit ------------------------------------------------------------------

SNIPPETS = [
    "",
    "# note",
    'x = "y"',
    "unit = 1",
    "[declarations.signatories.extra]",
    "[declarations.witnesses.extra]",
    "[declarations.extra]",
    "[[declarations.extra]]",
    "[[declarations.signatories]]",
    "[[declarations.witnesses]]",
    "[[declarations.seals]]",
    '[[declarations]]\nid = "d-9"',
    "[agency.more]",
    "[[roster]]",
    '"""',
    "  [declarations.signatories.extra]",
    "[ declarations.signatories.extra ]",
    "[1]",
]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_text_never_disagrees_with_the_values(sealed: Sealed, data: Any) -> None:
    """Lines inserted anywhere, lines removed, a character changed: whenever the file
    still parses, judging with the text holds exactly when judging from the values does."""
    lines = sealed.text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.integers(0, len(lines)))
        action = data.draw(st.sampled_from(["insert", "delete", "char"]))
        if action == "insert":
            lines[where:where] = data.draw(st.sampled_from(SNIPPETS)).split("\n")
        elif action == "delete" and where < len(lines):
            del lines[where]
        elif where < len(lines) and lines[where]:
            col = data.draw(st.integers(0, len(lines[where]) - 1))
            char = data.draw(st.sampled_from(list("ax1\"[] =#'")))
            lines[where] = lines[where][:col] + char + lines[where][col + 1 :]
    text = "\n".join(lines)
    try:
        parsed = loads(text)
        decl = parsed["declarations"][0]
        decl["seals"][0]["signature"]
        parsed["agency"]["id"]
    except (TomlSyntaxError, KeyError, IndexError, TypeError):
        return
    fast, slow, _ = judged(text)
    # Both hold or neither does. They may name the failure differently: with the text
    # unchanged, a hand-edited digest is found by the signature (invalid), from the
    # values by the digest (broken).
    assert (fast == "valid") == (slow == "valid"), text
    assert fast == slow or {fast, slow} == {"invalid", "broken"}, text


def test_a_file_not_plainly_spelt_is_sealed_without_text(sealed: Sealed, tmp_path: Path) -> None:
    """A multi-line string anywhere: the seal names no text and is judged from the values."""
    sealed.file.write_text(
        sealed.text.replace("[agency]\n", '[agency]\nnotes = """\nline one\nline two"""\n', 1),
        "utf-8",
    )
    seal_as_kpu(sealed.root, DECL, tmp_path / "kpu")
    text = sealed.file.read_text("utf-8")
    second = loads(text)["declarations"][0]["seals"][1]
    assert second["text"] == ""
    data = loads(text)
    decl = data["declarations"][0]
    memo: seal_mod.Memo = {}
    status = seal_mod.judge(AGENCY, decl, second, signers(), SEALERS, memo, (text, 0))
    assert status.holds and seal_mod.Covers(2, 3) in memo  # rebuilt, and it holds
    run = run_checks(Registry(sealed.root), only=["seals"], use_cache=False, jobs=1)
    assert run.findings == []


def test_each_declaration_of_a_file_has_its_own_text(sealed: Sealed, tmp_path: Path) -> None:
    registry = Registry(sealed.root)
    second = "deklarasi-2024"
    recording.declare(
        registry,
        AGENCY,
        kind="deklarasi",
        date="2024-01-15",
        elections=["pemilu-2024"],
        decl_id=second,
        commitments=list(registry.settings.checklist_ids),
    )
    recording.add_witness(registry, AGENCY, second, institution="KPU", name="Saksi KPU")
    nip, name, status = PEOPLE[0]
    person = recording.make_person(registry, name=name, status=status, nip=nip, signed="2024-01-15")
    recording.sign(registry, AGENCY, second, person)
    seal_as_kpu(sealed.root, second, tmp_path / "kpu")
    text = sealed.file.read_text("utf-8")

    def states(source_text: str) -> list[tuple[str, bool]]:
        data = loads(source_text)
        out = []
        for index, decl in enumerate(data["declarations"]):
            memo: seal_mod.Memo = {}
            status = seal_mod.judge(
                AGENCY, decl, decl["seals"][0], signers(), SEALERS, memo, (source_text, index)
            )
            out.append((status.state, not any(isinstance(k, seal_mod.Covers) for k in memo)))
        return out

    assert states(text) == [("valid", True), ("valid", True)]
    # a sub-table at the end reaches the second declaration's signatory, not the first's
    reach = text + "\n[declarations.signatories.extra]\nnote = 1\n"
    assert states(reach) == [("valid", True), ("broken", False)]
    # an edit in the first declaration leaves the second's text as sealed
    edited = text.replace("Budi Santoso", "Budi Santosa")
    assert states(edited) == [("broken", False), ("valid", True)]
