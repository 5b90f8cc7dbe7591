"""The JSON Schema accepts every shipped file and rejects what ``check`` rejects as schema errors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from pledgectl.checks.schema import walk
from pledgectl.cli.app import app
from pledgectl.core.model import AGENCY_FILE
from pledgectl.views.jsonschema import agency_schema, settings_schema

ROOT = Path(__file__).resolve().parents[2]


def as_json(value: Any) -> Any:
    """TOML dates become strings, as an editor's TOML-to-JSON bridge does."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(
    "path", sorted((ROOT / "registry" / "agencies").glob("*.toml")), ids=lambda p: p.name
)
def test_shipped_agency_files_validate(path: Path) -> None:
    jsonschema.validate(as_json(tomllib.loads(path.read_text("utf-8"))), agency_schema())


def test_shipped_settings_validate() -> None:
    data = tomllib.loads((ROOT / "registry" / "pledgectl.toml").read_text("utf-8"))
    jsonschema.validate(as_json(data), settings_schema())


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["agency"].pop("name"),
        lambda d: d["agency"].update(region=14),
        lambda d: d["agency"].update(id="Bad Id"),
        lambda d: d["declarations"][0].update(elections="pemilu-2024"),
        lambda d: d["declarations"][0]["signatories"][0].update(nip="123"),
        lambda d: d["declarations"][0]["signatories"][0].update(status="BOSS"),
        lambda d: d["declarations"][0]["witnesses"][0].pop("institution"),
        lambda d: d.pop("schema"),
    ],
)
def test_schema_rejects_what_check_rejects(mutate: Any) -> None:
    data = tomllib.loads(
        (ROOT / "registry" / "agencies" / "pekanbaru-bkpsdm.toml").read_text("utf-8")
    )
    mutate(data)
    assert [c for c, *_ in walk(data, AGENCY_FILE) if c != "schema-extra"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(as_json(data), agency_schema())


def test_schema_command() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "pledgectl agency file"
    result = CliRunner().invoke(app, ["schema", "--settings"])
    assert "checklist" in json.loads(result.stdout)["properties"]
