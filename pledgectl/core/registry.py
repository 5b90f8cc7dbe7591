"""Find a registry and name its files.

Discovery, first match wins: ``--registry``, ``PLEDGECTL_REGISTRY``, the
nearest ``pledgectl.toml`` walking up from the current directory (as git finds
``.git``), then ``./registry/pledgectl.toml``. Agency ids are checked before
they become paths, so nothing is ever read or written outside ``agencies/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from pledgectl.core.errors import InvalidValue, PledgeError, RefusedWrite, RegistryNotFound
from pledgectl.core.i18n import N_
from pledgectl.core.model import ID_PATTERN
from pledgectl.core.reader import AgencyFile, read_agency
from pledgectl.core.settings import Settings, load_settings

SETTINGS_FILE = "pledgectl.toml"
AGENCIES_DIR = "agencies"
_ID = re.compile(ID_PATTERN)
_ID_TEXT = {
    "agency": (
        N_("agency id {value!r} is not valid"),
        N_(
            "use lowercase letters, digits and dashes, starting with a letter or digit, at most 64 characters (e.g. pekanbaru-bkpsdm)"
        ),
    ),
    "record": (
        N_("declaration id {value!r} is not valid"),
        N_(
            "use lowercase letters, digits and dashes, at most 64 characters (e.g. ikrar-2023-11-29)"
        ),
    ),
}


def check_id(value: str, what: str = "agency") -> str:
    """Refuse ids that are not lowercase slugs (and so cannot escape a directory)."""
    if not _ID.fullmatch(value):
        message, hint = _ID_TEXT[what]
        raise InvalidValue(message, hint=hint, value=value)
    return value


def unknown_agency(agency_id: str) -> InvalidValue:
    """The error for an agency id this registry has no file for."""
    return InvalidValue(
        N_("no agency {agency!r} in this registry"),
        hint=N_("see `pledgectl agency list`, or add it with `pledgectl agency add`"),
        agency=agency_id,
    )


def unknown_declaration(agency_id: str, decl_id: str, known: Iterable[object]) -> InvalidValue:
    """The error for a declaration id the agency does not have; ``known``: the ids it has."""
    return InvalidValue(
        N_("agency {agency!r} has no declaration {declaration!r} (it has: {choices})"),
        hint=N_("see `pledgectl agency show {agency}`, or record it with `pledgectl declare`"),
        agency=agency_id,
        declaration=decl_id,
        choices=", ".join(map(str, known)) or "-",
    )


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


class Registry:
    """A registry folder: its settings, read once, and its agency files.

    A plain class rather than a frozen dataclass, whose generated methods cost
    start-up time on every command; equal when the roots are.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Registry) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    def __repr__(self) -> str:
        return f"Registry({str(self.root)!r})"

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def agencies_dir(self) -> Path:
        return self.root / AGENCIES_DIR

    @cached_property
    def settings(self) -> Settings:
        return load_settings(self.settings_path)

    def agency_path(self, agency_id: str) -> Path:
        return self.agencies_dir / f"{check_id(agency_id)}.toml"

    def ensure_writable_here(self) -> None:
        """Refuse writes when ``agencies/`` leads outside the registry (a symlinked folder)."""
        from pledgectl.core.errors import RefusedWrite

        folder = self.agencies_dir
        try:
            inside = folder.resolve().is_relative_to(self.root.resolve())
        except OSError:
            inside = False
        if folder.is_symlink() or not inside:
            raise RefusedWrite(
                N_(
                    "{folder} leads outside the registry (a symbolic link); pledgectl writes only inside it"
                ),
                hint=N_("replace the link with a real agencies/ folder inside the registry"),
                folder=str(folder),
            )

    def agency_paths(self) -> list[Path]:
        """Agency files in id order; hidden, temporary and lock files are not agencies.

        Nor is anything that is not a regular file: reading a FIFO named ``x.toml``
        would block ``check`` forever, and a folder would stop it.
        """
        try:
            entries = list(os.scandir(self.agencies_dir))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise PledgeError(
                N_("cannot read {file}: {reason}"),
                hint=N_("check the file's permissions"),
                file=str(self.agencies_dir),
                reason=exc.strerror,
            ) from None
        names = sorted(  # names, not paths: comparing Path objects costs ~10x as much
            e.name
            for e in entries
            if e.name.endswith(".toml") and not e.name.startswith(".") and _regular(e)
        )
        folder = self.agencies_dir
        return [folder / name for name in names]

    def agency_ids(self) -> list[str]:
        return [p.name.removesuffix(".toml") for p in self.agency_paths()]

    def agency_path_exists(self, agency_id: str) -> bool:
        """Whether an agency file exists, without raising on a malformed id."""
        return (
            bool(_ID.fullmatch(agency_id)) and (self.agencies_dir / f"{agency_id}.toml").is_file()
        )

    def has_agency(self, agency_id: str) -> bool:
        return self.agency_path(agency_id).is_file()

    def existing_path(self, agency_id: str) -> Path:
        """The agency's file; :func:`unknown_agency` when the registry has none."""
        path = self.agency_path(agency_id)
        if not path.exists():
            raise unknown_agency(agency_id)
        return path

    def read(self, agency_id: str) -> AgencyFile:
        return read_agency(self.existing_path(agency_id))

    def iter_files(self) -> Iterator[AgencyFile]:
        for path in self.agency_paths():
            yield read_agency(path)


def registry_around(path: Path) -> Path | None:
    """The registry whose folder holds ``path`` (``path`` itself not counted), or None."""
    try:
        here = Path(path).resolve()
    except (OSError, RuntimeError):
        return None
    for candidate in here.parents:
        if (candidate / SETTINGS_FILE).is_file():
            return candidate
    return None


def refuse_inside_agencies(target: Path) -> None:
    """Refuse to create a registry inside another registry's ``agencies/`` folder.

    Its ``pledgectl.toml`` would be read there as an agency file named "pledgectl".
    """
    outer = registry_around(target)
    if outer is None:
        return
    try:
        resolved = Path(target).resolve()
    except (OSError, RuntimeError):
        return
    folder = outer / AGENCIES_DIR
    if not resolved.is_relative_to(folder):
        return
    raise RefusedWrite(
        N_(
            "{path} is the agencies/ folder of the registry {root}; "
            "a registry there would be read as an agency file"
        )
        if resolved == folder
        else N_(
            "{path} is inside the agencies/ folder of the registry {root}; "
            "a registry there would be read as an agency file"
        ),
        hint=N_("work in that registry (--registry {root}), or create the new one outside it"),
        path=str(target),
        root=str(outer),
    )


def _given_root(given: str, option: str) -> Path:
    """The registry folder a ``--registry`` or ``PLEDGECTL_REGISTRY`` value names.

    Its ``pledgectl.toml`` names it as well as its folder. A folder inside a
    registry (``agencies/``, say) is refused with the registry's root, never
    with a suggestion to create a registry there.
    """
    root = Path(given)
    if root.name == SETTINGS_FILE:
        root = root.parent
    if (root / SETTINGS_FILE).is_file():
        return root
    outer = registry_around(root)
    if outer is not None:
        in_agencies = root.resolve() == outer / AGENCIES_DIR
        raise RegistryNotFound(
            N_("{path} is the agencies/ folder of the registry {root}, not a registry itself")
            if in_agencies
            else N_("{path} is inside the registry {root}, not a registry itself"),
            hint=N_("use {option}{root}"),
            path=str(root),
            root=str(outer),
            option=option,
        )
    return root


def discover(explicit: str | None = None, cwd: Path | None = None) -> Registry:
    """The registry to use, or :class:`RegistryNotFound` (exit 2) with a hint."""
    if explicit:
        root = _given_root(explicit, "--registry ")
        if not (root / SETTINGS_FILE).is_file():
            raise RegistryNotFound(
                N_("no registry at {path} (no pledgectl.toml there)"),
                hint=N_("check --registry, or create one with `pledgectl init {path}`"),
                path=str(root),
            )
        return Registry(root)
    env = os.environ.get("PLEDGECTL_REGISTRY")
    if env:
        root = _given_root(env, "PLEDGECTL_REGISTRY=")
        if not (root / SETTINGS_FILE).is_file():
            raise RegistryNotFound(
                N_("PLEDGECTL_REGISTRY points to {path}, which has no pledgectl.toml"),
                hint=N_("fix or unset PLEDGECTL_REGISTRY"),
                path=str(root),
            )
        return Registry(root)
    here = (cwd or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / SETTINGS_FILE).is_file():
            return Registry(candidate)
    fallback = here / "registry"
    if (fallback / SETTINGS_FILE).is_file():
        return Registry(fallback)
    raise RegistryNotFound(
        N_("no registry found"),
        hint=N_(
            "run inside a registry, pass --registry PATH, set PLEDGECTL_REGISTRY, or create one with `pledgectl init`"
        ),
    )
