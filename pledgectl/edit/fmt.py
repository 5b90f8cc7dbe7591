"""``fmt``: rewrite agency files to canonical form, only where they differ.

Hand-written comments are kept beside the records they describe
(:mod:`pledgectl.core.comments`). A file that cannot be rewritten without loss --
unparseable, or a newer schema -- is refused and left byte-for-byte as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pledgectl.core import canonical
from pledgectl.core.comments import extract
from pledgectl.core.i18n import N_
from pledgectl.core.model import SCHEMA_VERSION
from pledgectl.core.reader import conflict_marker_line, parse_text
from pledgectl.core.registry import Registry
from pledgectl.core.storage import locked, write_atomic


@dataclass(frozen=True)
class FmtResult:
    path: Path
    status: str  # same | changed | refused
    reason_key: str = ""
    params: tuple[tuple[str, str], ...] = ()


def canonical_bytes(path: Path, raw: bytes) -> FmtResult | bytes:
    """The canonical bytes of a file, or why there are none."""
    parsed = parse_text(path, raw)
    if parsed.data is None:
        problem = parsed.problem
        line = str(problem.line) if problem else "1"
        marker = conflict_marker_line(parsed.text) if problem else None
        if marker is not None:
            return FmtResult(
                path,
                "refused",
                N_(
                    "{file}: unresolved merge conflict markers from line {line}; left as it is "
                    "(resolve the merge first)"
                ),
                (("line", str(marker)),),
            )
        return FmtResult(
            path,
            "refused",
            N_("{file}: not valid TOML (line {line}); left as it is"),
            (("line", line),),
        )
    version = parsed.data.get("schema")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        return FmtResult(
            path,
            "refused",
            N_("{file}: schema {found} is newer than this pledgectl; left as it is"),
            (("found", str(version)),),
        )
    comments = extract(parsed.text, parsed.outline)
    out = canonical.dumps_agency(parsed.data, comments).encode("utf-8")
    if "seals" in parsed.text and out != raw and _breaks_a_seal(parsed.data, out):
        return FmtResult(
            path, "refused", N_("{file}: formatting would break a seal; left as it is")
        )
    return out


def _breaks_a_seal(data: dict[str, Any], out: bytes) -> bool:
    """Whether a seal holding on ``data`` would not hold on the formatted bytes.

    The seal content depends on values only, which formatting keeps, so this is
    a guard, not a path: a seal is never changed by ``fmt``."""
    from pledgectl.core import seal as seal_mod
    from pledgectl.core.reader import loads

    def holding(tree: dict[str, Any]) -> list[bool]:
        agency = (
            tree.get("agency", {}).get("id", "") if isinstance(tree.get("agency"), dict) else ""
        )
        found = []
        for decl in (
            tree.get("declarations", []) if isinstance(tree.get("declarations"), list) else []
        ):
            for raw in (
                decl.get("seals", [])
                if isinstance(decl, dict) and isinstance(decl.get("seals"), list)
                else []
            ):
                rec = seal_mod.read_seal(raw)
                if isinstance(rec, str):
                    found.append(False)
                    continue
                lines = seal_mod.covered_lines(str(agency), decl, rec.covers)
                found.append(seal_mod.digest_of(lines) == rec.digest)
        return found

    return holding(data) != holding(loads(out.decode("utf-8")))


def _compare(path: Path, write: bool) -> FmtResult:
    raw = path.read_bytes()
    result = canonical_bytes(path, raw)
    if isinstance(result, FmtResult):
        return result
    if result == raw:
        return FmtResult(path, "same")
    if write:
        write_atomic(path, result, valid_toml=True)
    return FmtResult(path, "changed")


def format_file(path: Path, check_only: bool = False) -> FmtResult:
    """Compare (``check_only``: no lock, works on a read-only checkout) or rewrite under lock."""
    if check_only:
        return _compare(path, write=False)
    with locked(path):
        return _compare(path, write=True)


def format_registry(registry: Registry, check_only: bool = False) -> list[FmtResult]:
    if not check_only:
        registry.ensure_writable_here()
    return [format_file(path, check_only) for path in registry.agency_paths()]
