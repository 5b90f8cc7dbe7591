"""Renderers of a check run, one module per output format, registered by name in :data:`FORMATS`.

Each module has ``render(run, options) -> str``: a pure function of the
:class:`~pledgectl.engine.run.CheckRun` and the :class:`Options` (and of the
agency files, re-read only for the lines a finding points at). Adding a format
is adding its module here and its line in :data:`FORMATS`; ``pledgectl check
--format`` takes its choices from this dict. A module is imported only when
its format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pledgectl.engine.run import CheckRun

# format name -> module of this package; the first is the default
FORMATS = {
    "text": "text",
    "json": "json",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
}


class Options(NamedTuple):
    """What a renderer may need besides the run."""

    assessed: bool | None = None  # completeness judged (coverage ran, not off); None: from the run
    agencies: Sequence[str] = ()  # every agency the run covered, as reports label them (JUnit)
    fail_on: str = "error"  # the severity that fails the run (JUnit failures)
    quiet: bool = False  # text: the summary and verdict only


DEFAULT = Options()


def render(fmt: str, run: CheckRun, options: Options = DEFAULT) -> str:
    """The run in format ``fmt`` (a key of :data:`FORMATS`)."""
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    text: str = module.render(run, options)
    return text
