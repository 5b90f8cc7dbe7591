"""Malformed files: each is a finding with its file and line; the rest is still checked.

``pledgectl check`` runs as a real process over a registry holding one valid
agency and every kind of broken file; it must exit 1 (findings), never 3 (a
crash), print no traceback, finish in bounded time and bounded memory.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import pledgectl_command
from tests.reliability.conftest import (
    AGENCY,
    DECL,
    agency_file,
    make_registry,
    nip,
    run,
    sign_args,
)

# No clocks: durations are printed, never asserted; a hang fails at the timeout (minutes).
pytestmark = pytest.mark.timeout(900)

HEADER = 'schema = 1\n\n[agency]\nid = "{id}"\nname = "Dinas {id}"\nregion = "14.71"\n'
DECLARATION = (
    '\n[[declarations]]\nid = "d1"\nkind = "ikrar"\nelections = ["pemilu-2024"]\n'
    "date = 2023-11-29\ncommitments = []\n"
)
MAX_RSS_MB = 400


def malformed() -> dict[str, bytes]:
    """File name -> content; every one is broken in a different way."""
    rng = random.Random(7)
    files = {
        "garbage": bytes(rng.randrange(256) for _ in range(4096)),
        "latin1": (HEADER.format(id="latin1") + 'place = "Caf\xe9"\n').encode("cp1252"),
        "empty": b"",
        "deep-array": b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "deep-inline": b"x = " + b"{a=" * 5000 + b"1" + b"}" * 5000 + b"\n",
        "deep-keys": b"x" + b".a" * 20000 + b" = 1\n",
        "unterminated": (HEADER.format(id="unterminated") + 'basis = "' + "a" * 3_000_000).encode(),
        "syntax": b'schema = 1\n\n[agency\nid = "syntax"\n',
        "nul": HEADER.format(id="nul").encode() + b'place = "a\x00b"\n',
        "dup-key": (HEADER.format(id="dup-key") + 'region = "14.72"\n').encode(),
        "wrong-declarations": (HEADER.format(id="wrong-declarations"))
        .replace("\n\n[agency]", '\ndeclarations = "x"\n\n[agency]')
        .encode(),
        "signatories-table": (
            HEADER.format(id="signatories-table")
            + DECLARATION
            + '\n[declarations.signatories]\nnip = "x"\nname = "Budi"\n'
        ).encode(),
        "future": HEADER.format(id="future").replace("schema = 1", "schema = 99").encode(),
        "misnamed": HEADER.format(id="another-agency").encode(),
    }
    return files


# Files that are valid TOML and readable, but not broken: checked like any agency.
READABLE = {
    "big-string": (
        HEADER.format(id="big-string").replace(
            'name = "Dinas big-string"', 'name = "' + "n" * 4_000_000 + '"'
        )
    ).encode(),
    "bom": b"\xef\xbb\xbf" + HEADER.format(id="bom").encode(),
}


# A small parent for the check: a child's peak RSS includes the address space it was
# forked from, so forked straight from a test process that has grown to hundreds of
# MB it would report that, not what the check itself used.
_MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[2:], timeout=600).returncode
with open(sys.argv[1], "w") as handle:
    handle.write(f"{code} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
"""


def _check_json(root: Path, env: dict[str, str]) -> tuple[int, dict[str, Any], str, float, int]:
    """Run ``check --format json``; return code, report, stderr, seconds and peak RSS (MB).

    The seconds are printed for the curious, never asserted on (speed is for
    ``benchmarks/``); a hang is bounded by the subprocess timeout.
    """
    out_path, err_path = root.parent / "check.out", root.parent / "check.err"
    usage_path = root.parent / "check.usage"
    start = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        subprocess.run(
            [sys.executable, "-c", _MEASURE, str(usage_path),
             pledgectl_command(), "check", "--format", "json"],
            cwd=root, env=env, stdout=out, stderr=err, check=True, timeout=660,
        )  # fmt: skip
    code, peak_kib = (int(x) for x in usage_path.read_text().split())
    return (
        code,
        json.loads(out_path.read_bytes()),
        err_path.read_text("utf-8", "replace"),
        time.monotonic() - start,
        peak_kib // 1024,
    )


@pytest.mark.e2e
def test_every_malformed_file_is_a_located_finding(
    tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry(tmp_path / "reg", env)
    run(sign_args(1), root, env)
    broken = malformed()
    for name, content in {**broken, **READABLE}.items():
        (root / "agencies" / f"{name}.toml").write_bytes(content)

    code, report, err, seconds, peak = _check_json(root, env)
    with capsys.disabled():
        print(
            f"\n[reliability] malformed inputs: {len(broken) + len(READABLE)}, "
            f"check took {seconds:.1f}s, peak RSS {peak} MB"
        )
    assert code == 1, err
    assert "Traceback" not in err and "unexpected" not in err, err
    assert peak < MAX_RSS_MB, f"check used {peak} MB"
    findings = report["findings"]
    assert report["summary"]["files"] == len(broken) + len(READABLE) + 1

    by_file: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_file.setdefault(finding["file"], []).append(finding)
    for name in broken:
        mine = by_file.get(f"agencies/{name}.toml", [])
        located = [f for f in mine if f["check"] in ("parse", "schema")]
        assert located, f"{name}: no parse/schema finding in {mine}"
        if name != "empty":
            assert any(isinstance(f["line"], int) and f["line"] >= 1 for f in located), (
                name,
                located,
            )
    expected_codes = {
        "garbage": "parse-encoding",
        "latin1": "parse-encoding",
        "deep-array": "parse-too-deep",
        "deep-inline": "parse-too-deep",
        "deep-keys": "parse-too-deep",
        "unterminated": "parse-syntax",
        "syntax": "parse-syntax",
        "future": "schema-version",
        "misnamed": "schema-file-name",
        "wrong-declarations": "schema-type",
        "signatories-table": "schema-type",
    }
    for name, code_ in expected_codes.items():
        codes = {f["code"] for f in by_file[f"agencies/{name}.toml"]}
        assert code_ in codes, (name, codes)
    assert by_file["agencies/latin1.toml"][0]["line"] == 7
    assert by_file["agencies/syntax.toml"][0]["line"] == 3

    # The valid agency is still checked all the way (rule checks ran for it).
    checks_on_valid = {f["check"] for f in by_file.get(f"agencies/{AGENCY}.toml", [])}
    assert checks_on_valid - {"parse", "schema"}, checks_on_valid
    # Readable odd files are checked like any other, and fmt --check names the BOM.
    assert not any(f["check"] == "parse" for f in by_file.get("agencies/big-string.toml", []))
    fmt = run(["fmt", "--check"], root, env)
    assert fmt.returncode != 0 and "bom.toml" in fmt.stdout + fmt.stderr


SETTINGS_BREAKAGE = {
    "syntax": ("[policy\nscope = 1\n", 1),
    "scope-type": ('[policy]\nscope = "x"\n', 2),
    "deep-keys": ("x" + ".a" * 20000 + " = 1\n", 0),
}


@pytest.mark.e2e
@pytest.mark.parametrize("kind", [*SETTINGS_BREAKAGE, "unknown-election", "binary"])
def test_broken_settings_is_one_clear_error(kind: str, tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env)
    settings = root / "pledgectl.toml"
    text = settings.read_text("utf-8")
    if kind == "unknown-election":
        assert 'scope = ["pemilu-2024"' in text
        text = text.replace('scope = ["pemilu-2024"', 'scope = ["pemilu-2099"', 1)
        line = text[: text.index("pemilu-2099")].count("\n") + 1
        settings.write_text(text, "utf-8")
    elif kind == "binary":
        settings.write_bytes(b"schema = 1\n\xff\xfe\x00garbage")
        line = 0
    else:
        added, line = SETTINGS_BREAKAGE[kind]
        settings.write_text("schema = 1\n" + added, "utf-8")
        line += 1 if line else 0
    for args in (["check"], ["agency", "list"], sign_args(2)):
        result = run(args, root, env, timeout=300)  # only a true hang fails here
        assert result.returncode == 2, (args, result.stderr)
        lines = [x for x in result.stderr.splitlines() if x.strip()]
        assert lines[0].startswith("error: ") and "pledgectl.toml" in lines[0], result.stderr
        assert len(lines) <= 2, result.stderr
        if line:
            assert f"pledgectl.toml:{line}" in lines[0], (line, lines[0])


@pytest.mark.e2e
def test_recording_refuses_a_future_schema_file(tmp_path: Path, env: dict[str, str]) -> None:
    root = make_registry(tmp_path / "reg", env)
    future = root / "agencies" / "future.toml"
    future.write_bytes(
        (HEADER.format(id="future") + DECLARATION).replace("schema = 1", "schema = 99").encode()
    )
    before = future.read_bytes()
    stat_before = os.stat(future)
    attempts = [
        sign_args(5, agency="future", decl=DECL),
        [
            "declare",
            "future",
            "--kind",
            "ikrar",
            "--date",
            "2023-11-29",
            "--election",
            "pemilu-2024",
        ],
        ["witness", "future", DECL, "--institution", "KPU", "--name", "W"],
        ["fmt"],
    ]
    for args in attempts:
        result = run(args, root, env)
        assert result.returncode != 0, (args, result.stderr)
        assert "99" in result.stderr, result.stderr
        assert future.read_bytes() == before
        assert os.stat(future).st_ino == stat_before.st_ino, "the file must not even be replaced"
    assert nip(5) not in agency_file(root, "future").read_text("utf-8")
