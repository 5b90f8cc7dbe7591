"""``sign`` with a roster: filled from it by NIP or NIK, asks only what is missing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.registry import Registry
from pledgectl.edit.scaffold import init_registry

AGENCY = "pekanbaru-bkpsdm"
DECL = "ikrar-hut-korpri-2023"
UNSIGNED = "199202292020031004"  # Fadli Ramadhan, S.H., on the example roster, not signed
runner = CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Registry:
    root = tmp_path / "reg"
    init_registry(root, example=True)
    return Registry(root)


def run(reg: Registry, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--registry", str(reg.root), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def last_signatory(reg: Registry) -> dict[str, Any]:
    data = tomllib.loads(reg.agency_path(AGENCY).read_text("utf-8"))
    decl = next(d for d in data["declarations"] if d["id"] == DECL)
    return dict(decl["signatories"][-1])


def snapshot(reg: Registry) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in reg.root.rglob("*") if p.is_file()}


def test_a_nip_on_the_roster_fills_the_rest(example: Registry) -> None:
    code, _, err = run(example, "sign", AGENCY, DECL, "--nip", UNSIGNED, "--no-prompt")
    assert code == 0, err
    person = last_signatory(example)
    assert person["name"] == "Fadli Ramadhan, S.H." and person["status"] == "PNS"
    assert person["position"] == "Analis Hukum Ahli Pertama"


def test_options_on_the_line_win_over_the_roster(example: Registry) -> None:
    code, _, err = run(
        example, "sign", AGENCY, DECL, "--nip", UNSIGNED, "--position", "Plt. Kasubbag",
        "--grade", "Penata Muda, III/a", "--no-prompt",
    )  # fmt: skip
    assert code == 0, err
    person = last_signatory(example)
    assert person["position"] == "Plt. Kasubbag" and person["grade"] == "Penata Muda, III/a"
    assert person["name"] == "Fadli Ramadhan, S.H."


def test_already_signed_is_said_before_any_question(example: Registry) -> None:
    before = snapshot(example)
    # on a "terminal" (--prompt) with no answers given: the refusal comes first
    code, out, err = run(example, "sign", AGENCY, DECL, "--nip", "197203111997031002", "--prompt")
    assert code == 1 and "already signed" in err and "Status" not in out
    assert snapshot(example) == before


def test_unknown_declaration_is_said_before_any_question(example: Registry) -> None:
    code, out, err = run(example, "sign", AGENCY, "nope", "--prompt", input="Budi\n")
    assert code == 1 and "has no declaration 'nope'" in err and "NIP, or a name" not in out


def test_a_missing_name_off_a_terminal_is_a_usage_error(example: Registry) -> None:
    for lang, word in (("en", "--name is required"), ("id", "--name wajib")):
        code, _, err = run(example, "--lang", lang, "sign", AGENCY, DECL, "--status", "NON-ASN")
        assert code == 2 and word in err, err


def test_non_asn_confirmation_names_the_status(example: Registry) -> None:
    code, _, err = run(
        example, "sign", AGENCY, DECL, "--status", "NON-ASN", "--name", "Joko Susilo"
    )
    assert code == 0
    assert "Joko Susilo (NON-ASN, without NIP)" in err and "(Joko Susilo)" not in err
    code, _, err = run(
        example, "--lang", "id", "sign", AGENCY, DECL, "--status", "thl", "--name", "Ani"
    )
    assert code == 0 and "Ani (NON-ASN, tanpa NIP)" in err


def test_nik_and_titles_identify_non_asn_staff(example: Registry) -> None:
    args = ["sign", AGENCY, DECL, "--status", "NON-ASN", "--no-prompt"]
    assert run(example, *args, "--name", "Hj. Sití Rahma, S.E.")[0] == 0
    code, _, err = run(example, *args, "--name", "SITI  RAHMA")
    assert code == 1 and "already signed" in err
    code, _, err = run(example, *args, "--name", "Siti", "--nik", "1471025705890003")
    assert code == 0 and last_signatory(example)["nik"] == "1471025705890003"
    code, _, err = run(example, *args, "--name", "Other", "--nik", "1471025705890003")
    assert code == 1 and "1471025705890003 has already signed" in err
    code, _, err = run(example, *args, "--name", "X", "--nik", "1471029905890003")
    assert code == 1 and "NIK" in err and "birth date" in err


def test_prompt_asks_the_optional_values_too(example: Registry) -> None:
    # --prompt asks for position and date although the required values are given
    # (the terminal without --prompt asks nothing then: tests/e2e/test_staff_e2e.py)
    code, out, err = run(
        example, "sign", AGENCY, DECL, "--nip", "198503122010011002", "--name", "Budi",
        "--status", "PNS", "--prompt", input="Staf\n2023-11-30\n",
    )  # fmt: skip
    assert code == 0, err
    assert "Position" in out and "Date signed" in out
    assert last_signatory(example)["position"] == "Staf"


def test_prompt_offers_roster_names(example: Registry) -> None:
    # nothing given: NIP or a roster name first; "budi" matches one unsigned member
    code, _, err = run(example, "sign", AGENCY, DECL, "--prompt", input="wan siti\n1\n\n\n")
    assert code == 0, err
    assert "on the roster and not yet signed" in err and "Wan Siti Khadijah" in err
    person = last_signatory(example)
    assert person["nip"] == "199607072023212011" and person["status"] == "PPPK"


def test_cpns_with_tmt_next_month_can_sign(example: Registry) -> None:
    code, _, err = run(
        example, "sign", AGENCY, DECL, "--nip", "199807212027011002", "--name", "Fajar",
        "--status", "CPNS", "--no-prompt",
    )  # fmt: skip
    assert code == 0, err
    assert last_signatory(example)["status"] == "PNS"
