"""Create a registry: settings from a preset, and optionally the demo agencies.

The demo agencies come from the project's ``seeds/`` (shipped inside the
package as ``pledgectl/_seeds``), written through the canonical writer.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pledgectl.core import canonical
from pledgectl.core.errors import PledgeError, RefusedWrite
from pledgectl.core.i18n import N_
from pledgectl.core.presets import settings_text
from pledgectl.core.reader import read_agency
from pledgectl.core.registry import AGENCIES_DIR, SETTINGS_FILE, refuse_inside_agencies
from pledgectl.core.storage import locked, write_atomic

GITIGNORE = "# pledgectl's lock and temporary files\n.*.lock\n.*.tmp\n"


def seed_files() -> list[Path]:
    """The demo agency files: packaged copy first, then the source checkout's ``seeds/``."""
    packaged = resources.files("pledgectl") / "_seeds"
    candidates = [Path(str(packaged)), Path(__file__).resolve().parents[2] / "seeds"]
    for folder in candidates:
        if folder.is_dir():
            files = sorted(folder.glob("*.toml"))
            if files:
                return files
    return []


def init_registry(root: Path, checklist: str = "behaviours", example: bool = False) -> int:
    """Create ``root`` as a registry; returns how many agencies were written."""
    settings = root / SETTINGS_FILE
    if settings.exists():
        raise RefusedWrite(
            N_("{file} already exists; nothing was changed"),
            hint=N_("choose another folder"),
            file=str(settings),
        )
    refuse_inside_agencies(root)
    try:
        (root / AGENCIES_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PledgeError(
            N_("cannot create {path}: {reason}"),
            hint=N_("check that the parent folder exists and is writable"),
            path=str(root),
            reason=exc.strerror,
        ) from None
    with locked(settings):
        write_atomic(settings, settings_text(checklist).encode("utf-8"), must_not_exist=True)
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        write_atomic(gitignore, GITIGNORE.encode("utf-8"))
    if not example:
        return 0
    written = 0
    mapping = _commitments_for(checklist)
    for seed in seed_files():
        parsed = read_agency(seed)
        if parsed.data is None:
            raise PledgeError(
                N_("demo file {file} is broken"), hint=N_("reinstall pledgectl"), file=str(seed)
            )
        if mapping:
            _map_commitments(parsed.data, mapping)
        target = root / AGENCIES_DIR / seed.name
        with locked(target):
            data = canonical.dumps_agency(parsed.data).encode("utf-8")
            write_atomic(target, data, valid_toml=True)
        written += 1
    return written


def _commitments_for(checklist: str) -> dict[str, str]:
    """The demo's commitments (written for the default checklist) item for item onto the
    ``checklist`` preset's, so a demo made with another preset checks as the default one
    does, deliberate gaps included; empty for the default preset."""
    from pledgectl.core.settings import parse_settings

    def ids(name: str) -> list[str]:
        text = settings_text(name).encode("utf-8")
        return list(parse_settings(Path(SETTINGS_FILE), text).checklist_ids)

    default, chosen = ids("behaviours"), ids(checklist)
    return {} if default == chosen else dict(zip(default, chosen, strict=False))


def _map_commitments(data: dict[str, object], mapping: dict[str, str]) -> None:
    declarations = data.get("declarations")
    for decl in declarations if isinstance(declarations, list) else []:
        found = decl.get("commitments") if isinstance(decl, dict) else None
        if isinstance(found, list):
            decl["commitments"] = [mapping.get(c, c) if isinstance(c, str) else c for c in found]
