"""``nip``: NIPs that break the PNS/PPPK rules, or missing where the status needs one.

It also judges the optional NIK of signatories and roster entries (16 digits, a
province code, a real birth date; codes ``nik-*``): both are the person's
official numbers, read by the same clerk from the same staff record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from operator import itemgetter
from types import NoneType
from typing import Any, cast

from pledgectl.checks._util import Memo, column, text, text_column
from pledgectl.checks.base import Check, Context
from pledgectl.core import nip as nip_rules
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import groups


class NipCheck(Check):
    name = "nip"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        today = ctx.today
        is_valid, kind_of = nip_rules.is_valid, nip_rules.kind_of
        for prefix, decl, group in groups(af):
            niks = column(group, "nik", af._extra)
            with_nik = niks is None or niks.count(None) != len(niks)
            if not with_nik and _all_clear(group, today, af._extra):
                continue
            for index, person in enumerate(group):
                if not isinstance(person, dict):
                    continue
                if with_nik and "nik" in person:
                    yield from _nik_findings(
                        self.name, (*prefix, index), decl, person["nik"], af, ctx
                    )
                value = person.get("nip")
                status = person.get("status")
                if (
                    isinstance(value, str)
                    and is_valid(value, today)
                    and status != "NON-ASN"
                    and (status not in ("PNS", "PPPK") or kind_of(value) == status)
                ):
                    continue  # the common case: nothing to report
                yield from self._person((*prefix, index), decl, person, af, ctx)

    def _person(
        self,
        path: tuple[str | int, ...],
        decl: str | None,
        person: dict[str, Any],
        af: AgencyFile,
        ctx: Context,
    ) -> Iterator[Finding]:
        value = person.get("nip")
        status = text(person.get("status"))
        if value is None:
            if status is not None and status not in ctx.settings.policy.nip_optional_for:
                yield ctx.finding(
                    self.name,
                    "nip-missing",
                    af,
                    path=path,
                    declaration=decl,
                    status=status,
                    name=text(person.get("name")) or "?",
                )
            return
        if not isinstance(value, str):
            return
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
                nip_=value,
                **cast(dict[str, Any], {k: v for k, v in problem.params.items() if k != "nip"}),
            )
        if problems:
            return
        # NON-ASN staff have no NIP: a valid one of either shape disagrees with the status
        if status in ("PNS", "PPPK", "NON-ASN") and nip_rules.kind_of(value) != status:
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


def _nik_findings(
    check: str,
    path: tuple[str | int, ...],
    decl: str | None,
    value: Any,
    af: AgencyFile,
    ctx: Context,
) -> Iterator[Finding]:
    from pledgectl.core import nik as nik_rules

    if not isinstance(value, str):
        return  # the schema check reports a NIK that is not a string
    for problem in nik_rules.problems(value, ctx.today):
        yield ctx.finding(
            check,
            problem.code,
            af,
            path=path,
            key="nik",
            declaration=decl,
            nik=value,
            **cast(dict[str, Any], problem.params),
        )


def _all_clear(group: list[Any], today: dt.date, memo: Memo) -> bool:
    """Whether a whole list of people has nothing to report, told in a few C loops."""
    nips = text_column(group, "nip", memo)
    if nips is None or not nip_rules.all_valid(nips, today):
        return False
    statuses = column(group, "status", memo)
    if statuses is None or not set(map(type, statuses)) <= {str, NoneType}:
        return False
    pairs = set(zip(statuses, map(itemgetter(slice(12, 14)), nips), strict=True))
    kind = nip_rules.kind_of_digits
    return all(
        s != "NON-ASN" and (s not in ("PNS", "PPPK") or kind(digits) == s) for s, digits in pairs
    )


CHECK = NipCheck()
