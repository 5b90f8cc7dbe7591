"""``nip``: NIPs that break the PNS/PPPK rules, or missing where the status needs one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from pledgectl import nip as nip_rules
from pledgectl.checks import Check, Context, declarations, records
from pledgectl.checks._util import text
from pledgectl.completeness import remember
from pledgectl.findings import Finding
from pledgectl.reader import AgencyFile


def people(af: AgencyFile) -> Iterator[tuple[tuple[str | int, ...], str | None, dict[str, Any]]]:
    """Every roster entry and signatory with its record path and declaration id."""
    if af.data is None:
        return
    for index, person in records(af.data, "roster"):
        yield ("roster", index), None, person
    for d, decl in declarations(af):
        for s, person in records(decl, "signatories"):
            yield ("declarations", d, "signatories", s), text(decl.get("id")), person


class NipCheck(Check):
    name = "nip"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding | None]:
        return remember(af, self.name, self._findings(af, ctx))

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding | None]:
        optional = ctx.settings.policy.nip_optional_for
        for path, decl, person in people(af):
            value = person.get("nip")
            status = text(person.get("status"))
            if value is None:
                if status is not None and status not in optional:
                    yield ctx.finding(
                        self.name,
                        "nip-missing",
                        af,
                        path=path,
                        declaration=decl,
                        status=status,
                        name=text(person.get("name")) or "?",
                    )
                continue
            if not isinstance(value, str):
                continue
            problems = nip_rules.problems(value, ctx.today)
            for problem in problems:
                code = "nip-" + problem.key.removeprefix("nip.")
                yield ctx.finding(
                    self.name,
                    code,
                    af,
                    path=path,
                    key="nip",
                    declaration=decl,
                    nip=value,
                    # PPPK numbers vary between sources: oddities beyond the shape only warn
                    severity="warning" if code == "nip-pppk-count" else "error",
                    nip_=value,
                    **cast(dict[str, Any], {k: v for k, v in problem.params.items() if k != "nip"}),
                )
            if problems:
                continue
            if status in ("PNS", "PPPK") and nip_rules.kind_of(value) != status:
                yield ctx.finding(
                    self.name,
                    "nip-status-mismatch",
                    af,
                    path=path,
                    key="status",
                    declaration=decl,
                    nip=value,
                    severity="warning",
                    status=status,
                    kind=nip_rules.kind_of(value),
                )


CHECK = NipCheck()
