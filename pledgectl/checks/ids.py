"""``ids``: duplicate declaration ids, unknown election or kind, duplicate agency ids, dangling parents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pledgectl.checks import Check, Context, declarations
from pledgectl.checks._util import strings, text
from pledgectl.completeness import remember
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile


class IdsCheck(Check):
    name = "ids"

    def __init__(self) -> None:
        self.agencies: dict[str, str] = {}  # agency id -> file
        self.parents: list[tuple[str, str, str, int | None]] = []  # (agency, parent, file, line)
        self.duplicate_agencies: list[Finding | None] = []

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        return remember(af, self.name, self._findings(af, ctx))

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding | None]:
        if af.data is None:
            return
        agency = af.data.get("agency")
        if isinstance(agency, dict):
            ident = text(agency.get("id"))
            if ident:
                if ident in self.agencies:
                    yield ctx.finding(
                        self.name,
                        "ids-duplicate-agency",
                        af,
                        path=("agency",),
                        key="id",
                        id=ident,
                        other=self.agencies[ident],
                    )
                else:
                    self.agencies[ident] = ctx.display_path(af.path)
            parent = text(agency.get("parent"))
            if parent:
                self.parents.append(
                    (
                        ident or af.file_id,
                        parent,
                        ctx.display_path(af.path),
                        af.line(("agency",), "parent"),
                    )
                )
        seen: set[str] = set()
        settings = ctx.settings
        for index, decl in declarations(af):
            path = ("declarations", index)
            ident = text(decl.get("id"))
            if ident:
                if ident in seen:
                    yield ctx.finding(
                        self.name,
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
                    self.name,
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
                        self.name,
                        "ids-unknown-election",
                        af,
                        path=path,
                        key="elections",
                        declaration=ident,
                        election=election,
                    )

    def finish(self, ctx: Context) -> Iterable[Finding | None]:
        from pledgectl.findings import Finding

        level = ctx.settings.policy.checks.get(self.name, "error")
        if level == "off":
            return
        for agency, parent, file, line in self.parents:
            if parent not in self.agencies and not ctx.registry.agency_path_exists(parent):
                yield Finding(
                    "ids-dangling-parent",
                    self.name,
                    level,
                    agency,
                    file,
                    line,
                    params={"parent": parent},
                )


CHECK = IdsCheck()
