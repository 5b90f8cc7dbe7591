"""The demo registry, and the declaration the ceremony tests record into."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgectl.core.registry import Registry
from pledgectl.edit.scaffold import init_registry

AGENCY = "pekanbaru-bkpsdm"
DECL = "ikrar-hut-korpri-2023"
# The demo's three people of the roster who have not signed, in roster order.
UNSIGNED = ("Fadli Ramadhan, S.H.", "Wan Siti Khadijah, A.Md.Kom.", "Budi Santoso Siregar, S.Sos.")


@pytest.fixture
def demo(tmp_path: Path) -> Registry:
    root = tmp_path / "demo"
    init_registry(root, example=True)
    return Registry(root)


def agency_bytes(registry: Registry, agency: str = AGENCY) -> bytes:
    return registry.agency_path(agency).read_bytes()
