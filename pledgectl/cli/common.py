"""Small pieces every command uses: the registry, the language, rule warnings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pledgectl.cli.framework import global_registry
from pledgectl.cli.output import warn

if TYPE_CHECKING:
    from pledgectl.registry import Registry


def open_registry() -> Registry:
    """The registry by the discovery rules, with its settings loaded (errors exit 2)."""
    from pledgectl.registry import discover

    registry = discover(global_registry())
    _ = registry.settings
    return registry


def show_warnings(warnings: Iterable[tuple[str, dict[str, str]]]) -> None:
    for key, params in warnings:
        warn(key, **params)
