"""The valid-TOML stamp: a file pledgectl wrote is not parsed again before the next append,
anything else is (issue 17.2: the validity check within ``sign``'s time budget)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pledgectl.core import reader, storage
from pledgectl.core.registry import Registry
from pledgectl.edit import recording

NIPS = ["198503122010011002", "199001012015031003", "197812312005012004", "199203042019031005"]


def _xattrs_work(folder: Path) -> bool:
    probe = folder / "probe"
    probe.write_bytes(b"x")
    try:
        os.setxattr(probe, "user.pledgectl.probe", b"1")
        return True
    except (OSError, AttributeError):
        return False
    finally:
        probe.unlink()


@pytest.fixture
def declared(registry: Registry) -> Registry:
    if not _xattrs_work(registry.root):
        pytest.skip("this file system keeps no user extended attributes")
    recording.add_agency(registry, "dinas-x", "Dinas X", "14.71")
    recording.declare(
        registry,
        "dinas-x",
        kind="ikrar",
        date="2023-11-29",
        elections=["pemilu-2024"],
        decl_id="d1",
    )
    return registry


def sign(registry: Registry, i: int) -> None:
    person = recording.make_person(registry, name=f"P {i}", status="PNS", nip=NIPS[i])
    recording.sign(registry, "dinas-x", "d1", person)


def test_parse_only_what_pledgectl_did_not_write(
    declared: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses: list[int] = []
    real = reader.loads

    def counting(text: str) -> dict[str, object]:
        parses.append(len(text))
        return real(text)

    monkeypatch.setattr(reader, "loads", counting)
    path = declared.agency_path("dinas-x")
    sign(declared, 0)
    assert parses == []  # written by pledgectl since: stamped valid
    assert storage.known_valid(path, path.read_bytes())
    # edited in place by hand: the stamp stays on the file but no longer matches
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("# a note\n")
    assert not storage.known_valid(path, path.read_bytes())
    sign(declared, 1)
    assert len(parses) == 1
    sign(declared, 2)
    assert len(parses) == 1
    # replaced by another writer (git checkout, an editor's save-as): no stamp at all
    text = path.read_text("utf-8")
    path.unlink()
    path.write_text(text, "utf-8")
    sign(declared, 3)
    assert len(parses) == 2


def test_a_stamp_never_covers_different_bytes(declared: Registry) -> None:
    path = declared.agency_path("dinas-x")
    raw = path.read_bytes()
    assert storage.known_valid(path, raw)
    assert not storage.known_valid(path, raw + b"\n")
    assert not storage.known_valid(path, raw.replace(b"Dinas X", b"Dinas Y"))
