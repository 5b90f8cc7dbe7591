"""``dates``: a declaration after its election's voting day or in the future; a signature before its declaration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from types import NoneType
from typing import Any, cast

from pledgectl.checks._util import Memo, column, date, strings, text
from pledgectl.checks.base import Check, Context
from pledgectl.core import rules
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations, records


class DatesCheck(Check):
    name = "dates"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        for index, decl in declarations(af):
            path = ("declarations", index)
            ident = text(decl.get("id"))
            when = date(decl.get("date"))
            if when is not None:
                for key, params in rules.declaration_date(
                    when, strings(decl.get("elections")), ctx.settings, ctx.today
                ):
                    yield ctx.finding(
                        self.name,
                        key.replace("rule.", "dates-"),
                        af,
                        path=path,
                        key="date",
                        declaration=ident,
                        **cast(dict[str, Any], params),
                    )
            if _all_signed_well(decl.get("signatories"), when, ctx.today, af._extra):
                continue
            for s_index, person in records(decl, "signatories"):
                signed = date(person.get("signed"))
                if signed is None:
                    continue
                for key, params in rules.signature_date(signed, when, ctx.today):
                    yield ctx.finding(
                        self.name,
                        key.replace("rule.", "dates-"),
                        af,
                        path=(*path, "signatories", s_index),
                        key="signed",
                        declaration=ident,
                        nip=text(person.get("nip")),
                        **cast(dict[str, Any], params),
                    )


def _all_signed_well(raw: Any, when: dt.date | None, today: dt.date, memo: Memo) -> bool:
    """Whether no signature date of a list breaks a rule: each distinct date judged once."""
    signed = column(raw, "signed", memo) if isinstance(raw, list) else None
    if signed is None or not set(map(type, signed)) <= {dt.date, NoneType}:
        return False
    return not any(rules.signature_date(d, when, today) for d in set(signed) - {None})


CHECK = DatesCheck()
