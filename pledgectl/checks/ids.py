"""``ids``: duplicate declaration ids, unknown election or kind, duplicate agency ids, dangling parents.

Declaration ids, kinds and elections are judged file by file. Agency ids and
parents are compared across files through compact keys (the agency id and its
parent, per file): ``file_keys`` gives them to the engine, ``finish_from``
compares them, and only the files with a finding are read again for its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from pledgectl.checks._util import strings, text
from pledgectl.checks.base import Context, KeyedCheck
from pledgectl.core.findings import Finding
from pledgectl.core.lines import FileLines
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations

Keys = list[Any]  # [agency id or None, parent or None]


def file_keys(af: AgencyFile) -> Keys:
    table = af.data.get("agency") if af.data is not None else None
    if not isinstance(table, dict):
        return [None, None]
    return [text(table.get("id")) or None, text(table.get("parent")) or None]


class IdsCheck(KeyedCheck):
    name = "ids"

    def file_keys(self, af: AgencyFile) -> Keys:
        return file_keys(af)

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return _declaration_findings(self.name, af, ctx)

    def finish_from(self, keys: list[tuple[str, Keys]], ctx: Context) -> Iterator[Finding]:
        """Duplicate agency ids and dangling parents, from every file's keys in file order."""
        first: dict[str, str] = {}  # agency id -> file that has it first
        known: set[str] = set()
        for _, (ident, _parent) in keys:
            if ident:
                known.add(ident)
        wanted: list[tuple[str, str, str, dict[str, str]]] = []  # (file, code, key, params)
        for file, (ident, parent) in keys:
            if ident:
                if ident in first:
                    other = ctx.display_path(Path(first[ident]))
                    wanted.append(
                        (file, "ids-duplicate-agency", "id", {"id": ident, "other": other})
                    )
                else:
                    first[ident] = file
            if parent and parent not in known and not ctx.registry.agency_path_exists(parent):
                wanted.append((file, "ids-dangling-parent", "parent", {"parent": parent}))
        yield from _at_lines(self.name, wanted, ctx)


def _at_lines(
    check: str, wanted: list[tuple[str, str, str, dict[str, str]]], ctx: Context
) -> Iterator[Finding]:
    """Findings on the ``[agency]`` table's keys, each file read again once for the lines."""
    by_file: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
    for file, code, key, params in wanted:
        by_file.setdefault(file, []).append((code, key, params))
    lines = FileLines()
    for file, items in by_file.items():
        af = lines.agency_file(file)
        if af is None:
            continue
        for code, key, params in items:
            yield ctx.finding(check, code, af, path=("agency",), key=key, **cast(Any, params))


def _declaration_findings(check: str, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    settings = ctx.settings
    for index, decl in declarations(af):
        path = ("declarations", index)
        ident = text(decl.get("id"))
        if ident:
            if ident in seen:
                yield ctx.finding(
                    check,
                    "ids-duplicate-declaration",
                    af,
                    path=path,
                    key="id",
                    declaration=ident,
                    id=ident,
                )
            seen.add(ident)
        kind = text(decl.get("kind"))
        if kind is not None and kind not in settings.policy.kinds:
            yield ctx.finding(
                check,
                "ids-unknown-kind",
                af,
                path=path,
                key="kind",
                declaration=ident,
                kind=kind,
                choices=", ".join(settings.policy.kinds),
            )
        for election in strings(decl.get("elections")):
            if election not in settings.elections:
                yield ctx.finding(
                    check,
                    "ids-unknown-election",
                    af,
                    path=path,
                    key="elections",
                    declaration=ident,
                    election=election,
                )


CHECK = IdsCheck()
