"""Choosing the registry: the same paths accepted everywhere, no nested registries (issue 17.5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgectl.cli.app import app
from pledgectl.core.registry import Registry
from tests.reliability.conftest import tree

runner = CliRunner()


def invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, args, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("how", ["option", "env"])
def test_the_settings_file_names_its_registry(registry: Registry, how: str) -> None:
    given = str(registry.root / "pledgectl.toml")
    if how == "option":
        code, _, err = invoke(["agency", "list", "--registry", given])
    else:
        code, _, err = invoke(["agency", "list"], env={"PLEDGECTL_REGISTRY": given})
    assert code == 0, err


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("how", ["option", "env"])
@pytest.mark.parametrize("inside", ["agencies", "agencies/dinas-x.toml", "docs"])
def test_a_folder_inside_a_registry_points_at_its_root(
    registry: Registry, how: str, lang: str, inside: str
) -> None:
    given = str(registry.root / inside)
    if how == "option":
        code, out, err = invoke(["--lang", lang, "agency", "list", "--registry", given])
    else:
        env = {"PLEDGECTL_REGISTRY": given}
        code, out, err = invoke(["--lang", lang, "agency", "list"], env=env)
    assert code == 2 and out == ""
    first, hint = err.splitlines()[:2]
    root = str(registry.root)
    if lang == "en":
        what = "the agencies/ folder of" if inside == "agencies" else "inside"
        assert first == f"error: {given} is {what} the registry {root}, not a registry itself"
        option = "--registry" if how == "option" else "PLEDGECTL_REGISTRY="
        assert (
            hint.startswith("hint: ") and f"{option}{' ' if how == 'option' else ''}{root}" in hint
        )
    else:
        assert first.startswith("kesalahan: ") and "bukan registri tersendiri" in first
        assert root in first
        assert hint.startswith("petunjuk: ") and root in hint
    assert "init" not in err


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("where", ["agencies", "agencies/nested", "agencies/../agencies/x"])
def test_init_inside_agencies_refuses_and_writes_nothing(
    registry: Registry, lang: str, where: str
) -> None:
    before = tree(registry.root)
    code, _, err = invoke(["--lang", lang, "init", str(registry.root / where)])
    assert code == 1
    assert tree(registry.root) == before
    if lang == "en":
        assert err.startswith("error: ") and "the agencies/ folder of the registry" in err
    else:
        assert err.startswith("kesalahan: ") and "folder agencies/" in err
    assert str(registry.root) in err
    assert Registry(registry.root).agency_ids() == []


def test_init_beside_or_below_a_registry_elsewhere_still_works(
    registry: Registry, tmp_path: Path
) -> None:
    assert invoke(["init", str(tmp_path / "second")])[0] == 0
    assert invoke(["init", str(registry.root / "archive" / "2019")])[0] == 0
