"""Witness seals (DESIGN.md 6.4) with real keys made by ssh-keygen: seal, verify, tamper.

Every test that signs needs OpenSSH's ``ssh-keygen`` and skips where it is
missing; verification itself runs in process. The property tests at the end
sign in process with keys made by ``cryptography``, so they run everywhere.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core import canonical, sshsig
from pledgectl.core import seal as seal_mod
from pledgectl.core.errors import PledgeError, RefusedWrite, ToolMissing
from pledgectl.core.reader import loads, read_agency
from pledgectl.core.registry import Registry
from pledgectl.edit import recording
from pledgectl.edit import seal as sealing
from pledgectl.edit.scaffold import init_registry
from pledgectl.engine.runner import run_checks

SSH_KEYGEN = shutil.which("ssh-keygen")
needs_ssh = pytest.mark.skipif(SSH_KEYGEN is None, reason="ssh-keygen (OpenSSH) is not installed")
AGENCY, DECL = "dinas-a", "ikrar-2023"
PEOPLE = [
    ("198503122010011002", "Rina Wulandari", "PNS", "Analis"),
    ("199001012015011001", "Budi Santoso", "PNS", "Staf"),
    ("199202292020031004", "Fadli Ramadhan", "PPPK", "Penata"),
]
runner = CliRunner()


def keygen(folder: Path, name: str, kind: str = "ed25519", passphrase: str = "") -> Path:
    assert SSH_KEYGEN is not None
    path = folder / name
    bits = {"ecdsa": ["-b", "256"], "ecdsa384": ["-b", "384"], "rsa": ["-b", "2048"]}.get(kind, [])
    kind_arg = "ecdsa" if kind.startswith("ecdsa") else kind
    subprocess.run(
        [SSH_KEYGEN, "-q", "-t", kind_arg, *bits, "-N", passphrase, "-C", name, "-f", str(path)],
        check=True,
        timeout=60,
    )
    return path


def allow(
    root: Path, principal: str, key: Path, options: str = 'namespaces="pledgectl-seal"'
) -> None:
    kind, blob = (key.parent / f"{key.name}.pub").read_text().split()[:2]
    with (root / "allowed_signers").open("a", encoding="utf-8") as handle:
        handle.write(f"{principal} {options} {kind} {blob}\n".replace("  ", " "))


def set_sealers(root: Path, **sealers: list[str]) -> None:
    path = root / "pledgectl.toml"
    text = path.read_text("utf-8")
    for institution, names in sealers.items():
        listed = ", ".join(f'"{n}"' for n in names)
        text = re.sub(
            rf'(?m)^(id = "{institution}"\nname = .*\n)(sealers = .*\n)?',
            lambda m, listed=listed: f"{m.group(1)}sealers = [{listed}]\n",
            text,
        )
    path.write_text(text, "utf-8")


class Setup(NamedTuple):
    root: Path
    keys: Path

    @property
    def registry(self) -> Registry:
        return Registry(self.root)  # fresh: settings are read once per Registry

    @property
    def file(self) -> Path:
        return self.root / "agencies" / f"{AGENCY}.toml"

    def seal(self, institution: str = "KPU", key: str = "kpu", **kw: Any) -> sealing.SealOutcome:
        return sealing.seal(
            self.registry, AGENCY, DECL, institution=institution, key=self.keys / key, **kw
        )

    def findings(self, only: tuple[str, ...] = ("seals",)) -> list[tuple[str, str, int | None]]:
        run = run_checks(self.registry, only=list(only), use_cache=False, jobs=1)
        return [(f.code, f.severity, f.line) for f in run.findings]

    def data(self) -> dict[str, Any]:
        return tomllib.loads(self.file.read_text("utf-8"))  # rtoml's tzinfo cannot be deep-copied

    def write(self, data: dict[str, Any]) -> None:
        self.file.write_text(canonical.dumps_agency(data), "utf-8")

    def line(self, *path: str | int, key: str | None = None) -> int | None:
        return read_agency(self.file).line(("declarations", 0, *path), key)


def make_registry(tmp_path: Path, kinds: tuple[str, str] = ("ed25519", "ecdsa")) -> Setup:
    root = tmp_path / "reg"
    init_registry(root)
    keys = tmp_path / "keys"
    keys.mkdir()
    set_sealers(root, KPU=["kpu"], Bawaslu=["bawaslu"])
    for principal, kind in zip(("kpu", "bawaslu"), kinds, strict=True):
        allow(root, principal, keygen(keys, principal, kind))
    registry = Registry(root)
    recording.add_agency(registry, AGENCY, "Dinas A", "14.71")
    recording.declare(
        registry,
        AGENCY,
        kind="ikrar",
        date="2023-11-29",
        elections=["pemilu-2024"],
        decl_id=DECL,
        title="Ikrar Netralitas ASN",
        place="Aula",
        basis=["SKB 2022"],
        commitments=list(registry.settings.checklist_ids),
    )
    recording.add_witness(registry, AGENCY, DECL, institution="KPU", name="Saksi KPU", role="Ketua")
    recording.add_witness(registry, AGENCY, DECL, institution="Bawaslu", name="Saksi Bawaslu")
    for nip, name, status, position in PEOPLE:
        person = recording.make_person(
            registry, name=name, status=status, nip=nip, position=position, signed="2023-11-29"
        )
        recording.sign(registry, AGENCY, DECL, person)
    return Setup(root, keys)


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    if SSH_KEYGEN is None:
        pytest.skip("ssh-keygen (OpenSSH) is not installed")
    return make_registry(tmp_path)


def cli(setup: Setup, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--registry", str(setup.root), *args])
    return result.exit_code, result.stdout, result.stderr


def ssh_verify(
    setup: Setup, principal: str, content: bytes, signature: str
) -> subprocess.CompletedProcess[bytes]:
    assert SSH_KEYGEN is not None
    sig = setup.root.parent / "seal.sig"
    sig.write_text(signature, "utf-8")
    return subprocess.run(
        [
            SSH_KEYGEN,
            "-Y",
            "verify",
            "-f",
            str(setup.root / "allowed_signers"),
            "-I",
            principal,
            "-n",
            "pledgectl-seal",
            "-s",
            str(sig),
        ],
        input=content,
        capture_output=True,
        timeout=60,
    )


# -- sealing and verifying ------------------------------------------------------------------


@needs_ssh
@pytest.mark.parametrize("kind", ["ed25519", "ecdsa", "ecdsa384", "rsa"])
def test_seal_verifies_in_process_and_with_plain_openssh(tmp_path: Path, kind: str) -> None:
    setup = make_registry(tmp_path, (kind, "ed25519"))
    before = setup.file.read_bytes()
    outcome = setup.seal()
    assert outcome.covers == seal_mod.Covers(2, 3)
    after = setup.file.read_bytes()
    assert after.startswith(before)  # appended: no line moved or changed
    assert b"[[declarations.seals]]" in after[len(before) :]
    assert setup.findings() == []
    seal = setup.data()["declarations"][0]["seals"][0]
    assert seal["institution"] == "KPU" and seal["principal"] == "kpu"
    assert seal["covers"] == {"witnesses": 2, "signatories": 3}
    assert sshsig.parse_armored(seal["signature"]).key_type.startswith(
        {"ed25519": "ssh-ed25519", "rsa": "ssh-rsa"}.get(kind, "ecdsa")
    )
    # the auditor's way: the content pledgectl prints, the signature out of the file
    code, content, _ = cli(setup, "seal", AGENCY, DECL, "--print-content")
    assert code == 0
    code, signature, _ = cli(setup, "seal", AGENCY, DECL, "--print-signature")
    assert code == 0 and signature == seal["signature"] + "\n"
    verified = ssh_verify(setup, "kpu", content.encode("utf-8"), signature)
    assert verified.returncode == 0, verified.stderr
    assert b'Good "pledgectl-seal" signature for kpu' in verified.stdout + verified.stderr
    # a byte more and OpenSSH says no, as pledgectl does
    assert ssh_verify(setup, "kpu", content.encode() + b" ", signature).returncode != 0


@needs_ssh
def test_fingerprint_is_openssh_s(setup: Setup) -> None:
    assert SSH_KEYGEN is not None
    listed = subprocess.run(
        [SSH_KEYGEN, "-l", "-f", str(setup.keys / "kpu.pub")], capture_output=True, text=True
    ).stdout.split()[1]
    blob = (setup.keys / "kpu.pub").read_text().split()[1]
    import base64

    assert sshsig.fingerprint(base64.b64decode(blob)) == listed


def mutated(value: Any) -> Any:
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, list):
        return [*value, "x"]
    raise AssertionError(value)


def covered_edits(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...], str]]:
    """Every covered field: (what, record path in the declaration, key)."""
    decl = data["declarations"][0]
    edits: list[tuple[str, tuple[Any, ...], str]] = []
    for key in seal_mod.own_fields(decl):
        edits.append((f"declaration.{key}", (), key))
    for kind in ("witnesses", "signatories"):
        for index, record in enumerate(decl[kind]):
            for key in record:
                edits.append((f"{kind}[{index}].{key}", (kind, index), key))
    return edits


@needs_ssh
def test_every_covered_field_breaks_the_seal_at_its_line(setup: Setup) -> None:
    setup.seal()
    original = setup.data()
    edits = covered_edits(original)
    assert len(edits) > 20
    for what, record, key in edits:
        data = copy.deepcopy(original)
        target = data["declarations"][0]
        for step in record:
            target = target[step]
        target[key] = mutated(target[key])
        setup.write(data)
        assert setup.findings() == [("seals-broken", "error", setup.line(*record, key=key))], what
    setup.write(original)
    assert setup.findings() == []


@needs_ssh
def test_the_agency_id_is_covered(setup: Setup) -> None:
    setup.seal()
    data = setup.data()
    data["agency"]["id"] = "dinas-b"
    setup.write(data)
    assert setup.findings() == [("seals-broken", "error", setup.line())]


@needs_ssh
@pytest.mark.parametrize("change", ["remove-first", "remove-last", "swap", "remove-witness"])
def test_removed_or_reordered_records_break_the_seal(setup: Setup, change: str) -> None:
    setup.seal()
    data = setup.data()
    decl = data["declarations"][0]
    key: str | None = "name"  # the first key (sorted) where another person now stands
    if change == "remove-first":
        del decl["signatories"][0]
        where: tuple[Any, ...] = ("signatories", 0)
    elif change == "remove-last":
        del decl["signatories"][-1]
        where, key = ("seals", 0), None  # nothing left to point at: the seal itself
    elif change == "swap":
        decl["signatories"][0], decl["signatories"][1] = (
            decl["signatories"][1],
            decl["signatories"][0],
        )
        where = ("signatories", 0)
    else:  # the second witness, who has no role, moves up: other keys, so the record
        del decl["witnesses"][0]
        where, key = ("witnesses", 0), None
    setup.write(data)
    assert setup.findings() == [("seals-broken", "error", setup.line(*where, key=key))]


@needs_ssh
def test_late_signatory_is_uncovered_and_the_seal_still_verifies(setup: Setup) -> None:
    setup.seal()
    code, _, err = cli(
        setup,
        "sign",
        AGENCY,
        DECL,
        "--nip",
        "198001012005011003",
        "--name",
        "Late Person",
        "--status",
        "PNS",
    )
    assert code == 0, err
    assert setup.findings() == [("seals-uncovered", "warning", setup.line("signatories", 3))]
    code, content, _ = cli(setup, "seal", AGENCY, DECL, "--print-content")
    _, signature, _ = cli(setup, "seal", AGENCY, DECL, "--print-signature")
    assert ssh_verify(setup, "kpu", content.encode(), signature).returncode == 0
    # a late witness too: inserted after the covered witnesses, before the signatories
    recording.add_witness(setup.registry, AGENCY, DECL, institution="BKN", name="Saksi BKN")
    assert sorted(setup.findings()) == sorted(
        [
            ("seals-uncovered", "warning", setup.line("signatories", 3)),
            ("seals-uncovered", "warning", setup.line("witnesses", 2)),
        ]
    )


@needs_ssh
def test_a_declaration_sealed_twice(setup: Setup) -> None:
    setup.seal()
    recording.sign(
        setup.registry,
        AGENCY,
        DECL,
        recording.make_person(setup.registry, name="Late", status="PNS", nip="198001012005011003"),
    )
    second = setup.seal("Bawaslu", "bawaslu")
    assert second.covers == seal_mod.Covers(2, 4)
    assert setup.findings() == []
    # the late signatory is covered by the second seal only: changing it breaks that one
    data = setup.data()
    data["declarations"][0]["signatories"][3]["name"] = "Someone Else"
    setup.write(data)
    assert setup.findings() == [("seals-broken", "error", setup.line("signatories", 3, key="name"))]
    # a third seal by the same institution, over what is there now, holds beside it
    data["declarations"][0]["signatories"][3]["name"] = "Late"
    setup.write(data)
    setup.seal()
    assert len(setup.data()["declarations"][0]["seals"]) == 3
    assert setup.findings() == []


@needs_ssh
def test_hand_edited_signature_is_invalid(setup: Setup) -> None:
    setup.seal()
    text = setup.file.read_text("utf-8")
    match = re.search(r'signature = "-----BEGIN SSH SIGNATURE-----\\n(.{40})', text)
    assert match
    body = match.group(1)
    flipped = body[:30] + ("A" if body[30] != "A" else "B") + body[31:]
    setup.file.write_text(text.replace(body, flipped, 1), "utf-8")
    assert setup.findings() == [("seals-invalid", "error", setup.line("seals", 0, key="signature"))]
    # a signature that is not even armor
    setup.file.write_text(re.sub(r'signature = ".*"', 'signature = "hello"', text), "utf-8")
    assert [f[0] for f in setup.findings()] == ["seals-invalid"]


@needs_ssh
def test_edited_seal_fields_are_invalid(setup: Setup) -> None:
    setup.seal()
    original = setup.data()
    for key, value in (
        ("sealed_at", dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
        ("principal", "bawaslu"),
    ):
        data = copy.deepcopy(original)
        data["declarations"][0]["seals"][0][key] = value
        setup.write(data)
        codes = [f[0] for f in setup.findings()]
        assert "seals-invalid" in codes, key


@needs_ssh
def test_wrong_institution(setup: Setup) -> None:
    before = setup.file.read_bytes()
    with pytest.raises(RefusedWrite) as refused:
        setup.seal("Bawaslu", "kpu")  # the KPU key is no Bawaslu sealer
    assert "Bawaslu" in refused.value.message
    with pytest.raises(RefusedWrite):
        setup.seal("Bawaslu", "kpu", principal="kpu")
    with pytest.raises(RefusedWrite):
        setup.seal("BKN", "kpu")  # lists no sealers at all
    assert setup.file.read_bytes() == before
    # sealed rightly, then the settings stop listing the principal
    setup.seal()
    set_sealers(setup.root, KPU=["someone-else"])
    assert setup.findings() == [("seals-institution", "error", setup.line("seals", 0) + 2)]


@needs_ssh
def test_key_not_in_allowed_signers(setup: Setup) -> None:
    stranger = keygen(setup.keys, "stranger")
    before = setup.file.read_bytes()
    with pytest.raises(RefusedWrite):
        setup.seal(key="stranger")
    with pytest.raises(RefusedWrite):
        setup.seal(key="stranger", principal="kpu")
    with pytest.raises(RefusedWrite):
        setup.seal(key="bawaslu", principal="kpu")  # a listed key, but another principal's
    assert setup.file.read_bytes() == before
    assert stranger.exists()
    # sealed, then the key's line is removed from allowed_signers
    setup.seal()
    signers = setup.root / "allowed_signers"
    signers.write_text(
        "".join(
            line for line in signers.read_text().splitlines(True) if "kpu" not in line.split()[0]
        )
    )
    assert setup.findings() == [("seals-invalid", "error", setup.line("seals", 0, key="signature"))]


@needs_ssh
def test_namespace_restriction_is_honoured(setup: Setup) -> None:
    signers = setup.root / "allowed_signers"
    signers.write_text(
        signers.read_text().replace('namespaces="pledgectl-seal"', 'namespaces="git"', 1)
    )
    with pytest.raises(RefusedWrite):
        setup.seal()


@needs_ssh
def test_validity_window(setup: Setup) -> None:
    signers = setup.root / "allowed_signers"
    original = signers.read_text()
    before = setup.file.read_bytes()
    signers.write_text(
        original.replace(
            'namespaces="pledgectl-seal"', 'namespaces="pledgectl-seal",valid-before="20200101Z"', 1
        )
    )
    with pytest.raises(RefusedWrite) as refused:
        setup.seal()
    assert "expired" in str(refused.value.params["reason"])
    signers.write_text(
        original.replace(
            'namespaces="pledgectl-seal"', 'valid-after="29990101",namespaces="pledgectl-seal"', 1
        )
    )
    with pytest.raises(RefusedWrite):
        setup.seal()
    assert setup.file.read_bytes() == before
    # a seal made while the key was valid stays valid after the key expires ...
    signers.write_text(original)
    setup.seal(now=dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC))
    signers.write_text(
        original.replace(
            'namespaces="pledgectl-seal"', 'namespaces="pledgectl-seal",valid-before="20250101Z"', 1
        )
    )
    assert setup.findings() == []
    # ... and one whose time falls after the key's valid-before is invalid
    signers.write_text(
        original.replace(
            'namespaces="pledgectl-seal"', 'namespaces="pledgectl-seal",valid-before="20240101Z"', 1
        )
    )
    assert setup.findings() == [("seals-invalid", "error", setup.line("seals", 0, key="signature"))]


@needs_ssh
def test_no_allowed_signers_file(setup: Setup) -> None:
    (setup.root / "allowed_signers").rename(setup.root / "elsewhere")
    with pytest.raises(RefusedWrite):
        setup.seal()
    (setup.root / "elsewhere").rename(setup.root / "allowed_signers")
    setup.seal()
    (setup.root / "allowed_signers").unlink()
    assert [f[0] for f in setup.findings()] == ["seals-invalid"]


@needs_ssh
def test_ssh_keygen_missing_is_a_clear_error(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    before = setup.file.read_bytes()
    monkeypatch.setattr(sealing.shutil, "which", lambda name: None)
    with pytest.raises(ToolMissing) as missing:
        setup.seal()
    assert "ssh-keygen" in missing.value.message
    code, _, err = cli(
        setup, "seal", AGENCY, DECL, "--institution", "KPU", "--key", str(setup.keys / "kpu")
    )
    assert code == 1 and "ssh-keygen" in err and "Traceback" not in err
    assert setup.file.read_bytes() == before


@needs_ssh
def test_declaration_changed_while_sealing_is_refused(setup: Setup) -> None:
    before_sign = sealing.sign_content

    def sign_then_edit(key: Path, body: bytes) -> str:
        armored = before_sign(key, body)
        data = setup.data()
        data["declarations"][0]["signatories"][0]["name"] = "Changed Meanwhile"
        setup.write(data)
        return armored

    with pytest.raises(RefusedWrite):
        setup.seal(signer=sign_then_edit)
    assert "seals" not in setup.data()["declarations"][0]


@needs_ssh
def test_cli_seal_and_errors(setup: Setup) -> None:
    code, out, err = cli(
        setup, "seal", AGENCY, DECL, "--institution", "KPU", "--key", str(setup.keys / "kpu")
    )
    assert code == 0 and out == "", err
    assert "sealed ikrar-2023 for KPU as kpu" in err
    code, _, err = cli(setup, "seal", AGENCY, DECL, "--institution", "KPU")
    assert code == 2 and "--key" in err
    code, _, err = cli(
        setup, "seal", AGENCY, DECL, "--institution", "Nope", "--key", str(setup.keys / "kpu")
    )
    assert code != 0 and "Traceback" not in err
    code, _, err = cli(setup, "seal", AGENCY, DECL, "--print-content", "--seal", "5")
    assert code != 0 and "no seal 5" in err
    code, _, err = cli(
        setup, "seal", AGENCY, DECL, "--institution", "KPU", "--key", str(setup.keys / "missing")
    )
    assert code == 2 and "does not exist" in err
    code, _, err = cli(
        setup,
        "--lang",
        "id",
        "seal",
        AGENCY,
        DECL,
        "--institution",
        "KPU",
        "--key",
        str(setup.keys / "bawaslu"),
    )
    assert code == 1 and "Traceback" not in err


@needs_ssh
def test_print_content_without_a_seal_is_what_a_seal_would_sign(setup: Setup) -> None:
    code, preview, _ = cli(
        setup, "seal", AGENCY, DECL, "--print-content", "--institution", "KPU", "--principal", "kpu"
    )
    assert code == 0
    setup.seal()
    _, content, _ = cli(setup, "seal", AGENCY, DECL, "--print-content")
    strip = re.compile(r"(?m)^sealed_at = .*\n")
    assert strip.sub("", preview) == strip.sub("", content)
    assert content.startswith('format = "pledgectl-seal-content/2"\n')
    # the covered part, whose SHA-256 is the digest the signed content names
    code, covered, _ = cli(setup, "seal", AGENCY, DECL, "--print-covered")
    assert code == 0 and covered.startswith(f'agency = "{AGENCY}"\n')
    digest = "sha256:" + hashlib.sha256(covered.encode("utf-8")).hexdigest()
    assert f'digest = "{digest}"\n' in content


@needs_ssh
def test_fmt_keeps_seals_byte_exact(setup: Setup) -> None:
    setup.seal()
    recording.sign(
        setup.registry,
        AGENCY,
        DECL,
        recording.make_person(setup.registry, name="Late", status="PNS", nip="198001012005011003"),
    )
    text = setup.file.read_text("utf-8")
    block = text[text.index("[[declarations.seals]]") :].split("\n\n")[0]
    code, _, err = cli(setup, "fmt")
    assert code == 0, err
    formatted = setup.file.read_text("utf-8")
    assert block in formatted  # the seal block, byte for byte
    assert formatted.index("Late") < formatted.index("[[declarations.seals]]")  # records first
    assert setup.findings() == [("seals-uncovered", "warning", setup.line("signatories", 3))]


@needs_ssh
def test_agency_show_export_report_and_diff_know_seals(setup: Setup) -> None:
    setup.seal()
    code, out, _ = cli(setup, "agency", "show", AGENCY)
    assert code == 0
    assert "seal: KPU (kpu)" in out and "covers 2 witnesses and 3 signatories: verified" in out
    code, out, _ = cli(setup, "export", "--format", "csv")
    assert code == 0
    rows = out.splitlines()
    assert rows[0].rstrip().endswith(",Sealed by") and all(
        r.rstrip().endswith(",KPU") for r in rows[1:]
    )
    code, out, _ = cli(setup, "report", "--format", "csv")
    assert code == 0 and ",sealed," in out.splitlines()[0]
    data = setup.data()
    data["declarations"][0]["signatories"][1]["name"] = "Tampered"
    setup.write(data)
    code, out, _ = cli(setup, "agency", "show", AGENCY)
    assert "BROKEN" in out and "signatory 2: Tampered, field name" in out
    from pledgectl.git.semdiff import summarise

    assert "sha256:" in summarise(data)


@needs_ssh
def test_required_seals_feed_completeness(setup: Setup) -> None:
    path = setup.root / "pledgectl.toml"
    path.write_text(
        path.read_text().replace(
            'required_witnesses = ["KPU", "Bawaslu"]',
            'required_witnesses = ["KPU", "Bawaslu"]\nrequired_seals = ["KPU"]',
        )
    )
    findings = setup.findings(("seals", "coverage"))
    assert ("seals-missing", "error", setup.line()) in findings
    assert any(code == "coverage-incomplete" for code, _, _ in findings)
    setup.seal()
    findings = setup.findings(("seals", "coverage"))
    assert not any(code in ("seals-missing", "coverage-incomplete") for code, _, _ in findings)
    data = setup.data()
    data["declarations"][0]["title"] = "Edited"
    setup.write(data)
    findings = setup.findings(("seals", "coverage"))
    codes = {c for c, _, _ in findings}
    assert {"seals-broken", "coverage-incomplete"} <= codes  # the broken seal says why
    assert "seals-missing" not in codes


@needs_ssh
def test_check_cache_follows_allowed_signers(
    setup: Setup, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLEDGECTL_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    setup.seal()

    def cached() -> list[str]:
        return [
            f.code
            for f in run_checks(setup.registry, only=["seals"], use_cache=True, jobs=1).findings
        ]

    assert cached() == []
    assert cached() == []
    (setup.root / "allowed_signers").write_text("")
    assert cached() == ["seals-invalid"]


# -- git: a sealed branch meets a branch that added signatories ------------------------------


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def repo(setup: Setup) -> Setup:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for args in (
        ("init", "-q", "-b", "main"),
        ("config", "user.name", "Clerk"),
        ("config", "user.email", "clerk@example.org"),
        ("config", "commit.gpgsign", "false"),
    ):
        git(setup.root, *args).check_returncode()
    from pledgectl.git.drivers import install

    install(setup.root)
    # the driver as git will run it: this interpreter's pledgectl
    driver = f"{Path(os.sys.executable).with_name('pledgectl')} git merge-driver %O %A %B %P"
    git(setup.root, "config", "merge.pledgectl.driver", driver).check_returncode()
    git(setup.root, "add", "-A").check_returncode()
    git(setup.root, "commit", "-qm", "base").check_returncode()
    return setup


def add_signatory(setup: Setup, nip: str, name: str) -> None:
    recording.sign(
        setup.registry,
        AGENCY,
        DECL,
        recording.make_person(setup.registry, name=name, status="PNS", nip=nip),
    )


@needs_ssh
@pytest.mark.parametrize("direction", ["sealed-into-added", "added-into-sealed"])
def test_git_merge_of_a_sealed_branch_with_added_signatories(repo: Setup, direction: str) -> None:
    git(repo.root, "checkout", "-qb", "clerk").check_returncode()
    add_signatory(repo, "198001012005011003", "Clerk Added")
    git(repo.root, "commit", "-qam", "clerk adds").check_returncode()
    git(repo.root, "checkout", "-q", "main").check_returncode()
    repo.seal()
    git(repo.root, "commit", "-qam", "KPU seals").check_returncode()
    if direction == "sealed-into-added":
        git(repo.root, "checkout", "-q", "clerk").check_returncode()
        merged = git(repo.root, "merge", "--no-edit", "main")
    else:
        merged = git(repo.root, "merge", "--no-edit", "clerk")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    decl = repo.data()["declarations"][0]
    assert [s["name"] for s in decl["signatories"]][-1] == "Clerk Added"
    assert len(decl["seals"]) == 1
    assert repo.findings() == [("seals-uncovered", "warning", repo.line("signatories", 3))]


@needs_ssh
def test_git_merge_where_both_seals_cannot_hold_is_a_conflict(repo: Setup) -> None:
    git(repo.root, "checkout", "-qb", "other").check_returncode()
    add_signatory(repo, "198001012005011003", "Added Here")
    repo.seal("Bawaslu", "bawaslu")
    git(repo.root, "commit", "-qam", "other adds and Bawaslu seals").check_returncode()
    git(repo.root, "checkout", "-q", "main").check_returncode()
    add_signatory(repo, "198101012006011004", "Added There")
    repo.seal()
    git(repo.root, "commit", "-qam", "main adds and KPU seals").check_returncode()
    merged = git(repo.root, "merge", "--no-edit", "other")
    assert merged.returncode != 0
    assert "would no longer hold after the merge" in merged.stdout + merged.stderr, merged.stderr


@needs_ssh
def test_merge_keeps_a_seal_covering_their_additions_in_place(setup: Setup) -> None:
    """They added and sealed; we added another person: their covered records come first."""
    from pledgectl.git.merge import merge_agency

    base = setup.data()
    add_signatory(setup, "198001012005011003", "Theirs Added")
    setup.seal()
    theirs = setup.data()
    ours = copy.deepcopy(base)
    ours["declarations"][0]["signatories"].append(
        {"nip": "198101012006011004", "name": "Ours Added", "status": "PNS"}
    )
    result = merge_agency(base, ours, theirs)
    assert result.clean, [c.message() for c in result.conflicts]
    names = [s["name"] for s in result.data["declarations"][0]["signatories"]]
    assert names[3:] == ["Theirs Added", "Ours Added"]
    setup.write(result.data)
    assert setup.findings() == [("seals-uncovered", "warning", setup.line("signatories", 4))]


# -- allowed_signers and SSHSIG, without keys on disk -----------------------------------------


def test_allowed_signers_parsing() -> None:
    blob = "AAAAC3NzaC1lZDI1NTE5AAAAINrgkNeER9+EWQvQ5rGMx6mvCTDRZxvuNso3DxwhHT+d"
    text = (
        "# comment\n\n"
        f'"kpu,bawaslu x" namespaces="pledgectl-seal,git",valid-after="20240101",valid-before="20300101Z" ssh-ed25519 {blob} c\n'
        f"*@kpu.go.id,!evil@kpu.go.id ssh-ed25519 {blob}\n"
        f"ca cert-authority ssh-ed25519 {blob}\n"
        "broken line\n"
        f"x bogus-option ssh-ed25519 {blob}\n"
    )
    signers = sshsig.AllowedSigners(text)
    assert [e.line for e in signers.entries] == [3, 4, 5]
    assert [p.line for p in signers.problems] == [6, 7]
    first = signers.entries[0]
    assert first.namespaces == ("pledgectl-seal", "git")
    assert first.valid_before == dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    assert first.names("kpu") and first.names("bawaslu x") and not first.names("bawaslu")
    second = signers.entries[1]
    assert second.names("ana@kpu.go.id") and not second.names("evil@kpu.go.id")
    assert signers.entries[2].cert_authority
    key = first.key
    when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert signers.check("kpu", key, "pledgectl-seal", when).line == 3
    with pytest.raises(sshsig.SshsigError) as err:
        signers.check("kpu", key, "pledgectl-seal", dt.datetime(2031, 1, 1, tzinfo=dt.UTC))
    assert err.value.code == "expired"
    with pytest.raises(sshsig.SshsigError) as err:
        signers.check("nobody", key, "pledgectl-seal", when)
    assert err.value.code == "not-allowed"


def test_bad_armor_is_an_error_not_a_crash() -> None:
    for text in (
        "",
        "hello",
        "-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----",
        sshsig.armor(b"SSHSIG\x00\x00\x00\x02"),
        sshsig.armor(b"SSHSIG\x00\x00\x00\x01\x00"),
    ):
        with pytest.raises(sshsig.SshsigError):
            sshsig.parse_armored(text)


# -- properties: any covered change breaks a seal, no uncovered change does -------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def sign_in_process(message: bytes) -> tuple[str, bytes]:
    """An SSHSIG made with an ed25519 key from ``cryptography``: (armor, public key blob)."""
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = _KEY
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    public = sshsig.string(b"ssh-ed25519") + sshsig.string(raw)
    data = sshsig.signed_data("pledgectl-seal", "sha512", message)
    signature = sshsig.string(b"ssh-ed25519") + sshsig.string(key.sign(data))
    blob = (
        b"SSHSIG"
        + (1).to_bytes(4, "big")
        + sshsig.string(public)
        + sshsig.string(b"pledgectl-seal")
        + sshsig.string(b"")
        + sshsig.string(b"sha512")
        + sshsig.string(signature)
    )
    assert isinstance(key, ed25519.Ed25519PrivateKey)
    return sshsig.armor(blob), public


def _make_key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import ed25519

    return ed25519.Ed25519PrivateKey.generate()


_KEY = _make_key()
WHEN = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

words = st.text(alphabet='abcXYZ "\\\n\té-', max_size=6)
scalars = st.one_of(
    words, st.integers(-5, 5), st.booleans(), st.dates(), st.floats(allow_nan=False)
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["a", "b c", "d"]), scalars, max_size=2),
)
records = st.dictionaries(
    st.sampled_from(["nip", "name", "status", "x-note", "signed"]), values, min_size=1, max_size=4
)
declarations = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["d-1", "d-2"]),
        "date": st.dates(),
        "witnesses": st.lists(records, max_size=3),
        "signatories": st.lists(records, max_size=5),
    },
    optional={"title": words, "elections": st.lists(words, max_size=2), "extra": values},
)


def sealed_copy(
    decl: dict[str, Any], covers: seal_mod.Covers, text: str = ""
) -> tuple[dict[str, Any], Any]:
    """``decl`` with a format 2 seal (``text``: its text digest, "" for none)."""
    lines = seal_mod.covered_lines("dinas-x", decl, covers)
    digest = seal_mod.digest_of(lines)
    body = seal_mod.content("KPU", "kpu", WHEN, covers, digest, text)
    armored, public = sign_in_process(body)
    record = {
        "institution": "KPU",
        "principal": "kpu",
        "sealed_at": WHEN,
        "covers": {"witnesses": covers.witnesses, "signatories": covers.signatories},
        "digest": digest,
        "text": text,
        "signature": armored,
        "tags": seal_mod.tags(lines),
    }
    import base64

    signers = sshsig.AllowedSigners(f"kpu ssh-ed25519 {base64.b64encode(public).decode()}\n")
    return {**decl, "seals": [record]}, signers


def judge(decl: dict[str, Any], signers: Any) -> seal_mod.SealStatus:
    return seal_mod.judge("dinas-x", decl, decl["seals"][0], signers, {"KPU": ("kpu",)})


def change_one(draw: Any, value: Any) -> Any:
    """A value of the same shape that differs (in value or in type)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + draw(st.integers(1, 3))
    if isinstance(value, float):
        if value in (float("inf"), float("-inf")):
            return 0.0  # inf / 2 is inf: no change at all
        return value + 1.0 if abs(value) < 1e15 else value / 2
    if isinstance(value, str):
        return value + draw(st.sampled_from(["x", " ", "\n", "é"]))
    if isinstance(value, dt.date):
        return (
            value + dt.timedelta(days=1)
            if value < dt.date(9999, 1, 1)
            else value - dt.timedelta(days=1)
        )
    if isinstance(value, list):
        return [*value, "x"]
    if isinstance(value, dict):
        return {**value, "zz": 1}
    raise AssertionError(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decl=declarations, data=st.data())
def test_any_covered_change_breaks_the_seal(decl: dict[str, Any], data: Any) -> None:
    covers = seal_mod.Covers(
        data.draw(st.integers(0, len(decl["witnesses"]))),
        data.draw(st.integers(0, len(decl["signatories"]))),
    )
    sealed, signers = sealed_copy(decl, covers)
    assert judge(sealed, signers).holds
    # every covered spot: an own field, or a field of a covered record
    spots: list[tuple[Any, ...]] = [(k,) for k in seal_mod.own_fields(decl)]
    for name, n in (("witnesses", covers.witnesses), ("signatories", covers.signatories)):
        for i in range(n):
            spots.extend((name, i, k) for k in decl[name][i])
            spots.append((name, i, None))  # the record removed
    spot = data.draw(st.sampled_from(spots)) if spots else None
    if spot is None:
        return
    tampered = copy.deepcopy(sealed)
    target = tampered
    for step in spot[:-1]:
        target = target[step]
    if spot[-1] is None:
        name = spot[0]
        n = covers.witnesses if name == "witnesses" else covers.signatories
        del tampered[name][spot[1]]
        if tampered[name][:n] == sealed[name][:n]:  # identical neighbours: nothing changed
            return
    else:
        target[spot[-1]] = change_one(data.draw, target[spot[-1]])
    assert judge(tampered, signers).state == "broken", spot


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decl=declarations, data=st.data())
def test_no_uncovered_change_breaks_the_seal(decl: dict[str, Any], data: Any) -> None:
    covers = seal_mod.Covers(
        data.draw(st.integers(0, len(decl["witnesses"]))),
        data.draw(st.integers(0, len(decl["signatories"]))),
    )
    sealed, signers = sealed_copy(decl, covers)
    changed = copy.deepcopy(sealed)
    for name, n in (("witnesses", covers.witnesses), ("signatories", covers.signatories)):
        uncovered = changed[name][n:]
        for record in uncovered:
            for key in list(record):
                record[key] = change_one(data.draw, record[key])
        if uncovered and data.draw(st.booleans()):
            del uncovered[-1]
        changed[name] = changed[name][:n] + uncovered + data.draw(st.lists(records, max_size=2))
    status = judge(changed, signers)
    assert status.holds, status


@settings(max_examples=100, deadline=None)
@given(decl=declarations)
def test_fast_record_lines_match_the_definition(decl: dict[str, Any]) -> None:
    for name in ("witnesses", "signatories"):
        records_ = decl[name]
        slow = [f"x = {seal_mod.value(r)}\n" for r in records_]
        assert seal_mod.record_lines("x", records_) == slow
        same_shape = [
            {"a": f"v{i}", "b": dt.date(2024, 1, 1 + i % 28)} for i in range(len(records_) + 1)
        ]
        assert seal_mod.record_lines("x", same_shape) == [
            f"x = {seal_mod.value(r)}\n" for r in same_shape
        ]


def test_content_does_not_depend_on_spelling() -> None:
    """The same values written two ways give the same content: fmt can never break a seal."""
    a = loads('id = "d"\ndate = 2024-01-02\ntitle = "A\\u00e9"\nbasis = ["x",  "y"]\n')
    b = loads("basis = [ 'x', 'y' ]\ntitle = 'Aé'\ndate = 2024-01-02\nid = 'd'\n")
    covers = seal_mod.Covers(0, 0)
    assert seal_mod.covered_lines("z", a, covers) == seal_mod.covered_lines("z", b, covers)


def test_pledge_error_on_unknown_agency(registry: Registry) -> None:
    with pytest.raises(PledgeError):
        sealing.print_content(registry, "nope", DECL)


# -- keys held elsewhere: ssh-agent (a passphrase key) and FIDO security keys -------------------


@needs_ssh
def test_passphrase_key_through_ssh_agent(
    setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    agent, add = shutil.which("ssh-agent"), shutil.which("ssh-add")
    if agent is None or add is None:
        pytest.skip("ssh-agent / ssh-add are not installed")
    key = keygen(setup.keys, "kpu-card", passphrase="rahasia-kpu")
    allow(setup.root, "kpu", key)
    askpass = tmp_path / "askpass.sh"
    askpass.write_text("#!/bin/sh\necho rahasia-kpu\n")
    askpass.chmod(0o700)
    sock = tmp_path / "agent.sock"
    started = subprocess.run([agent, "-a", str(sock)], capture_output=True, text=True, timeout=30)
    pid = re.search(r"SSH_AGENT_PID=(\d+)", started.stdout)
    assert started.returncode == 0 and pid, started.stderr
    try:
        env = dict(os.environ, SSH_AUTH_SOCK=str(sock), SSH_ASKPASS=str(askpass))
        env.update(SSH_ASKPASS_REQUIRE="force", DISPLAY=":0")
        added = subprocess.run(
            [add, str(key)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=30,
            start_new_session=True,
        )
        if added.returncode != 0:
            pytest.skip(f"ssh-add could not load a key here: {added.stderr!r}")
        monkeypatch.setenv("SSH_AUTH_SOCK", str(sock))
        monkeypatch.delenv("SSH_ASKPASS", raising=False)
        # the .pub names the key; the private half is used through the agent, no prompt
        sealing.seal(
            setup.registry, AGENCY, DECL, institution="KPU", key=key.with_name("kpu-card.pub")
        )
    finally:
        os.kill(int(pid.group(1)), 15)
    assert setup.findings() == []
    seal = setup.data()["declarations"][0]["seals"][0]
    assert sshsig.parse_armored(seal["signature"]).fingerprint == sshsig.fingerprint(
        __import__("base64").b64decode(key.with_name("kpu-card.pub").read_text().split()[1])
    )


def _sk_signature(kind: str, flags: int, message: bytes) -> tuple[str, bytes]:
    """An SSHSIG as a FIDO authenticator makes it (PROTOCOL.u2f), made in process."""
    import hashlib

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    app = b"ssh:"
    data = sshsig.signed_data("pledgectl-seal", "sha512", message)
    counter = 7
    to_sign = (
        hashlib.sha256(app).digest()
        + bytes([flags])
        + counter.to_bytes(4, "big")
        + hashlib.sha256(data).digest()
    )
    name = kind.encode()
    if kind == sshsig.SK_ED25519:
        key = ed25519.Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        public = sshsig.string(name) + sshsig.string(raw) + sshsig.string(app)
        inner = key.sign(to_sign)
    else:
        eckey = ec.generate_private_key(ec.SECP256R1())
        point = eckey.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        public = (
            sshsig.string(name)
            + sshsig.string(b"nistp256")
            + sshsig.string(point)
            + sshsig.string(app)
        )
        r, s = decode_dss_signature(eckey.sign(to_sign, ec.ECDSA(hashes.SHA256())))

        def mpint(n: int) -> bytes:
            raw_n = n.to_bytes((n.bit_length() + 8) // 8, "big")
            return sshsig.string(raw_n)

        inner = mpint(r) + mpint(s)
    signature = (
        sshsig.string(name) + sshsig.string(inner) + bytes([flags]) + counter.to_bytes(4, "big")
    )
    blob = (
        b"SSHSIG"
        + (1).to_bytes(4, "big")
        + sshsig.string(public)
        + sshsig.string(b"pledgectl-seal")
        + sshsig.string(b"")
        + sshsig.string(b"sha512")
        + sshsig.string(signature)
    )
    return sshsig.armor(blob), public


@pytest.mark.parametrize("kind", [sshsig.SK_ED25519, sshsig.SK_ECDSA])
def test_security_key_signatures(kind: str) -> None:
    import base64

    message = b"the seal content\n"
    armored, public = _sk_signature(kind, sshsig.FLAG_USER_PRESENCE, message)
    sig = sshsig.parse_armored(armored)
    checked = sshsig.verify(sig, message, "pledgectl-seal")
    assert checked.sk_flags == sshsig.FLAG_USER_PRESENCE
    line = f"kpu {kind} {base64.b64encode(public).decode()}\n"
    signers = sshsig.AllowedSigners(line)
    entry = signers.check("kpu", public, "pledgectl-seal")
    signers.check_sk_flags(entry, checked.sk_flags)
    with pytest.raises(sshsig.SshsigError):
        sshsig.verify(sig, message + b"!", "pledgectl-seal")
    # not touched: refused unless allowed_signers says no-touch-required
    armored, public = _sk_signature(kind, 0, message)
    untouched = sshsig.verify(sshsig.parse_armored(armored), message, "pledgectl-seal")
    signers = sshsig.AllowedSigners(f"kpu {kind} {base64.b64encode(public).decode()}\n")
    with pytest.raises(sshsig.SshsigError):
        signers.check_sk_flags(signers.entries[0], untouched.sk_flags)
    relaxed = sshsig.AllowedSigners(
        f"kpu no-touch-required {kind} {base64.b64encode(public).decode()}\n"
    )
    relaxed.check_sk_flags(relaxed.entries[0], untouched.sk_flags)
    strict = sshsig.AllowedSigners(
        f"kpu verify-required {kind} {base64.b64encode(public).decode()}\n"
    )
    with pytest.raises(sshsig.SshsigError):
        strict.check_sk_flags(strict.entries[0], sshsig.FLAG_USER_PRESENCE)


# -- end to end: the installed command, as the "done means" runs it ---------------------


@needs_ssh
@pytest.mark.e2e
def test_done_means_end_to_end(tmp_path: Path, cli_env: dict[str, str]) -> None:
    from tests.conftest import pledgectl_command

    exe = pledgectl_command()

    def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [exe, *args], cwd=tmp_path, env=cli_env, capture_output=True, text=True, timeout=120
        )
        assert "Traceback" not in result.stderr, result.stderr
        if ok:
            assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result

    run("init", "reg", "--example")
    root = tmp_path / "reg"
    set_sealers(root, KPU=["kpu-pekanbaru"], Bawaslu=["bawaslu-pekanbaru"])
    keys = tmp_path / "keys"
    keys.mkdir()
    allow(root, "kpu-pekanbaru", keygen(keys, "kpu", "ed25519"))
    allow(root, "bawaslu-pekanbaru", keygen(keys, "bawaslu", "ecdsa"))
    agency, decl = "pekanbaru-bkpsdm", "ikrar-hut-korpri-2023"
    reg = ["--registry", str(root)]
    for institution, key in (("KPU", "kpu"), ("Bawaslu", "bawaslu")):
        sealed = run(
            *reg, "seal", agency, decl, "--institution", institution, "--key", str(keys / key)
        )
        assert f"for {institution} as" in sealed.stderr
    checked = run(*reg, "check", agency, "--format", "json")
    doc = json.loads(checked.stdout)
    assert not [
        f
        for f in doc["findings"]
        if f["check"] in ("seals", "coverage") and f["severity"] == "error"
    ]
    shown = run(*reg, "agency", "show", agency).stdout
    assert shown.count(": verified") == 2
    # a hand edit of a covered signatory's name: seals-broken at that line, for both seals
    path = root / "agencies" / f"{agency}.toml"
    original = path.read_text("utf-8")
    text = original
    at = [m.start() for m in re.finditer(r"(?m)^\[\[declarations\.signatories\]\]$", text)][2]
    name = re.search(r'(?m)^name = "(.*)"$', text[at:])
    assert name
    edited = text[:at] + text[at:].replace(name.group(0), f'name = "{name.group(1)} (edited)"', 1)
    path.write_text(edited, "utf-8")
    broken = run(*reg, "check", agency, "--only", "seals", "--format", "json", ok=False)
    assert broken.returncode == 1
    found = json.loads(broken.stdout)["findings"]
    name_line = read_agency(path).line(("declarations", 0, "signatories", 2), "name")
    assert name_line == edited[: edited.index("(edited)")].count("\n") + 1
    assert [(f["code"], f["line"]) for f in found] == [("seals-broken", name_line)] * 2
    # back as sealed, then a late signature with `sign`: uncovered, and the seals still hold
    path.write_text(original, "utf-8")
    run(
        *reg,
        "sign",
        agency,
        decl,
        "--nip",
        "199202292020031004",
        "--name",
        "Fadli Ramadhan, S.H.",
        "--status",
        "PNS",
    )
    late = json.loads(run(*reg, "check", agency, "--only", "seals", "--format", "json").stdout)
    assert [f["code"] for f in late["findings"]] == ["seals-uncovered"]
    # the auditor, with plain OpenSSH
    content = run(*reg, "seal", agency, decl, "--print-content", "--seal", "1").stdout
    signature = run(*reg, "seal", agency, decl, "--print-signature", "--seal", "1").stdout
    (tmp_path / "content.sig").write_text(signature)
    assert SSH_KEYGEN is not None
    verified = subprocess.run(
        [
            SSH_KEYGEN,
            "-Y",
            "verify",
            "-f",
            str(root / "allowed_signers"),
            "-I",
            "kpu-pekanbaru",
            "-n",
            "pledgectl-seal",
            "-s",
            str(tmp_path / "content.sig"),
        ],
        input=content.encode("utf-8"),
        capture_output=True,
        timeout=60,
    )
    assert verified.returncode == 0, verified.stderr
