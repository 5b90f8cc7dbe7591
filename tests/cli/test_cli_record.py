"""The recording commands through Typer's CliRunner (in-process)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.registry import Registry

runner = CliRunner()
NIP = "198503122010011002"


def run(reg: Registry, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--registry", str(reg.root), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def declared(registry: Registry) -> Registry:
    assert run(registry, "agency", "add", "bkpsdm", "--name", "BKPSDM", "--region", "14.71")[0] == 0
    code, out, _ = run(
        registry,
        "declare",
        "bkpsdm",
        "--kind",
        "ikrar",
        "--date",
        "2023-11-29",
        "--election",
        "pemilu-2024",
        "--all-commitments",
    )
    assert code == 0 and out == "ikrar-2023-11-29\n"
    return registry


def test_declare_prints_id_on_stdout_and_confirms_on_stderr(declared: Registry) -> None:
    code, out, err = run(
        declared,
        "declare",
        "bkpsdm",
        "--kind",
        "deklarasi",
        "--date",
        "2022-12-08",
        "--election",
        "pemilu-2024",
        "--election",
        "pilkada-2024",
        "--id",
        "deklarasi-kaltara",
        "--commitment",
        "no-campaign",
        "--basis",
        "SKB Netralitas ASN 2022",
    )
    assert code == 0 and out == "deklarasi-kaltara\n" and "recorded declaration" in err


def test_sign_witness_and_show(declared: Registry) -> None:
    assert (
        run(
            declared, "witness", "bkpsdm", "ikrar-2023-11-29", "--institution", "KPU", "--name", "A"
        )[0]
        == 0
    )
    code, _, err = run(
        declared,
        "sign",
        "bkpsdm",
        "ikrar-2023-11-29",
        "--nip",
        NIP,
        "--name",
        "Rina",
        "--status",
        "PNS",
    )
    assert code == 0 and "recorded signature of Rina" in err
    code, out, _ = run(declared, "agency", "show", "bkpsdm", "--format", "json")
    data = json.loads(out)
    assert data["declarations"][0]["signatories"][0]["nip"] == NIP
    code, out, _ = run(declared, "agency", "list", "--format", "json")
    assert json.loads(out)[0]["signatories"] == 1
    code, out, _ = run(declared, "agency", "list")
    assert "bkpsdm" in out and "BKPSDM" in out


@pytest.mark.parametrize(
    "args",
    [
        ["sign", "bkpsdm", "ikrar-2023-11-29", "--nip", "123", "--name", "X", "--status", "PNS"],
        ["sign", "bkpsdm", "ikrar-2023-11-29", "--nip", NIP, "--name", "X", "--status", "CEO"],
        ["sign", "bkpsdm", "nope", "--nip", NIP, "--name", "X", "--status", "PNS"],
        ["sign", "ghost", "ikrar-2023-11-29", "--nip", NIP, "--name", "X", "--status", "PNS"],
        ["sign", "../etc", "x", "--nip", NIP, "--name", "X", "--status", "PNS"],
        ["sign", "bkpsdm", "ikrar-2023-11-29", "--name", "X", "--status", "PNS", "--no-prompt"],
        ["witness", "bkpsdm", "ikrar-2023-11-29", "--institution", "KPK", "--name", "X"],
        [
            "declare",
            "bkpsdm",
            "--kind",
            "ikrar",
            "--date",
            "2023-02-30",
            "--election",
            "pemilu-2024",
        ],
        [
            "declare",
            "bkpsdm",
            "--kind",
            "ikrar",
            "--date",
            "2023-11-29",
            "--election",
            "pemilu-2029",
        ],
        [
            "declare",
            "bkpsdm",
            "--kind",
            "ikrar",
            "--date",
            "2023-11-29",
            "--election",
            "pemilu-2024",
            "--commitment",
            "x",
        ],
        ["agency", "add", "Bad_Id", "--name", "X", "--region", "14.71"],
        ["agency", "add", "ok", "--name", "X", "--region", "999"],
        ["agency", "show", "ghost"],
    ],
)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_bad_input_one_line_error_and_nothing_changes(
    declared: Registry, args: list[str], lang: str
) -> None:
    snapshot = {p: p.read_bytes() for p in declared.root.rglob("*") if p.is_file()}
    code, out, err = run(declared, "--lang", lang, *args)
    assert code == 1, err
    lines = err.strip().splitlines()
    assert lines[0].startswith("error: " if lang == "en" else "kesalahan: ")
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith(("hint:", "petunjuk:")))
    assert "Traceback" not in err and out == ""
    assert {p: p.read_bytes() for p in declared.root.rglob("*") if p.is_file()} == snapshot


def test_sign_prompts_and_reasks_on_invalid_input(declared: Registry) -> None:
    code, _, err = run(
        declared,
        "sign",
        "bkpsdm",
        "ikrar-2023-11-29",
        "--prompt",
        # the NIP (or a roster name) first, then status, name, position and date
        input="123\n" + NIP + "\nboss\nPNS\nRina Wulandari\nStaf\n2023-11-32\n2023-11-29\n",
    )
    assert code == 0, err
    assert "status 'boss' is not one of" in err and "NIP '123' is not valid" in err
    data = tomllib.loads(declared.agency_path("bkpsdm").read_text("utf-8"))
    signer = data["declarations"][0]["signatories"][0]
    assert signer["name"] == "Rina Wulandari" and str(signer["signed"]) == "2023-11-29"


def test_no_registry_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2 and "no registry found" in result.stderr


def test_registry_discovery_walks_up(declared: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(declared.agencies_dir)
    result = runner.invoke(app, ["agency", "list", "--format", "json"])
    assert result.exit_code == 0 and "bkpsdm" in result.stdout
    monkeypatch.chdir(declared.root.parent)
    monkeypatch.setenv("PLEDGECTL_REGISTRY", str(declared.root))
    assert runner.invoke(app, ["agency", "list"]).exit_code == 0


def test_fmt_check_and_fix(declared: Registry) -> None:
    path = declared.agency_path("bkpsdm")
    assert run(declared, "fmt", "--check")[0] == 0
    path.write_text(path.read_text("utf-8").replace('name = "BKPSDM"', "name='BKPSDM'"), "utf-8")
    code, _, err = run(declared, "fmt", "--check")
    assert code == 1 and "bkpsdm.toml" in err
    assert run(declared, "fmt")[0] == 0
    assert run(declared, "fmt", "--check")[0] == 0
    path.write_text(
        "# hand note\n"
        + path.read_text("utf-8").replace('name = "BKPSDM"', "name='BKPSDM'  # short"),
        "utf-8",
    )
    assert run(declared, "fmt")[0] == 0
    text = path.read_text("utf-8")
    assert text.startswith("# hand note\n") and 'name = "BKPSDM"  # short' in text
    assert run(declared, "fmt", "--check")[0] == 0


def test_check_reports_parse_and_schema(declared: Registry) -> None:
    (declared.agencies_dir / "broken.toml").write_text("schema = 1\n[agency\n", "utf-8")
    (declared.agencies_dir / "wrong.toml").write_text(
        'schema = 1\n[agency]\nid = "other"\nname = 3\nregion = "14"\n', "utf-8"
    )
    result = runner.invoke(
        app,
        [
            "--registry",
            str(declared.root),
            "check",
            "--format",
            "json",
            "--only",
            "parse",
            "--only",
            "schema",
        ],
    )
    assert result.exit_code == 1
    found = {(f["agency"], f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]}
    assert ("broken", "parse-syntax", 2) in found
    assert ("other", "schema-type", 4) in found
    assert ("other", "schema-file-name", 3) in found


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("pledgectl ")
