"""Small pieces every command uses: the registry, the language, rule warnings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pledgectl.cli.framework import global_registries, global_registry
from pledgectl.cli.output import warn

if TYPE_CHECKING:
    from pledgectl.core.registry import Registry


def open_registry() -> Registry:
    """The registry by the discovery rules, with its settings loaded (errors exit 2)."""
    from pledgectl.core.registry import discover

    registry = discover(global_registry())
    _ = registry.settings
    return registry


def open_registries() -> list[Registry]:
    """Every registry given with ``--registry`` (or the one discovered), each once, loaded."""
    from pledgectl.core.registry import discover

    given = global_registries()
    if len(given) <= 1:
        return [open_registry()]
    registries: dict[Path, Registry] = {}
    for path in given:
        registry = discover(path)
        _ = registry.settings
        registries.setdefault(registry.root.resolve(), registry)  # named twice: checked once
    return list(registries.values())


def show_warnings(warnings: Iterable[tuple[str, dict[str, str]]]) -> None:
    from pledgectl.core import rules

    for code, params in warnings:
        warn(rules.message(code), **params)
