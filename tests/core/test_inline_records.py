"""Records written as inline arrays: one rule for ``check`` and ``sign``; ``fmt`` keeps
their comments beside them (issue 17.6)."""

from __future__ import annotations

import tomllib

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.outline import inline_records_line, preflight
from pledgectl.core.registry import Registry
from pledgectl.edit.fmt import format_file

HEAD = """schema = 1

[agency]
id = "dinas-x"
name = "Dinas X"
region = "14.71"

[[declarations]]
id = "ikrar-2023"
kind = "ikrar"
elections = ["pemilu-2024"]
date = 2023-11-29
commitments = []
"""
INLINE = """signatories = [
  # read out first
  { nip = "198503122010011002", name = "Andi Pratama", status = "PNS" }, # signed late, memo 12
  { nip = "199001012015031003", name = "Budi \\"Bud\\" Santoso", status = "PNS" },  # {not} [a] record
  { nip = "197812312005012004", name = "Citra Lestari", status = "PNS" }
]
"""


@pytest.fixture
def inline_registry(registry: Registry) -> Registry:
    (registry.agencies_dir / "dinas-x.toml").write_text(HEAD + INLINE, "utf-8")
    return registry


def test_one_rule_finds_inline_records_and_their_line() -> None:
    text = HEAD + INLINE
    assert inline_records_line(text) == (14, "signatories")
    assert preflight(text)[1] is True
    assert inline_records_line(HEAD) is None
    hidden = HEAD + 'title = """\nsignatories = [\n"""\n'
    assert inline_records_line(hidden) is None and preflight(hidden)[1] is False
    roster = HEAD.replace(
        "[[declarations]]", 'roster = [{ name = "X", status = "NON-ASN" }]\n\n[[d]]'
    )
    assert inline_records_line(roster) == (8, "roster")


@pytest.mark.parametrize(("lang", "says"), [("en", "pledgectl fmt"), ("id", "pledgectl fmt")])
def test_check_warns_where_sign_refuses(inline_registry: Registry, lang: str, says: str) -> None:
    runner = CliRunner()
    base = ["--lang", lang, "--registry", str(inline_registry.root)]
    checked = runner.invoke(app, [*base, "check", "--format", "json"])
    import json

    findings = json.loads(checked.stdout)["findings"]
    inline = [f for f in findings if f["code"] == "schema-inline-records"]
    assert len(inline) == 1
    assert inline[0]["severity"] == "warning" and inline[0]["line"] == 14
    assert says in inline[0]["hint"]
    text = runner.invoke(app, [*base, "check"]).stdout
    assert "[schema-inline-records]" in text and says in text
    signed = runner.invoke(
        app,
        [
            *base,
            "sign",
            "dinas-x",
            "ikrar-2023",
            "--nip",
            "199203042019031005",
            "--name",
            "X",
            "--status",
            "PNS",
        ],
    )
    assert signed.exit_code == 1 and says in signed.stderr


def test_fmt_keeps_comments_of_inline_records_with_their_record(
    inline_registry: Registry,
) -> None:
    path = inline_registry.agencies_dir / "dinas-x.toml"
    before = tomllib.loads(path.read_text("utf-8"))
    assert format_file(path).status == "changed"
    text = path.read_text("utf-8")
    assert tomllib.loads(text) == before
    blocks = text.split("\n\n")
    andi = next(b for b in blocks if "Andi Pratama" in b)
    budi = next(b for b in blocks if "Budi" in b)
    assert "# read out first" in andi and "# signed late, memo 12" in andi
    assert "# {not} [a] record" in budi
    assert not text.rstrip().endswith("record") and not text.rstrip().endswith("memo 12")
    assert format_file(path).status == "same"
