"""``witnesses``: a required institution missing, an unknown one, or one past its ``until`` date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from pledgectl.checks._util import date, text
from pledgectl.checks.base import Check, Context
from pledgectl.core import rules
from pledgectl.core.findings import Finding
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import declarations, records


class WitnessesCheck(Check):
    name = "witnesses"

    def check_file(self, af: AgencyFile, ctx: Context) -> Iterable[Finding]:
        return self._findings(af, ctx)

    def _findings(self, af: AgencyFile, ctx: Context) -> Iterator[Finding]:
        settings = ctx.settings
        for index, decl in declarations(af):
            path = ("declarations", index)
            ident = text(decl.get("id"))
            when = date(decl.get("date"))
            valid: set[str] = set()
            for w_index, witness in records(decl, "witnesses"):
                w_path = (*path, "witnesses", w_index)
                institution = text(witness.get("institution"))
                if institution is None:
                    continue
                if institution not in settings.institutions:
                    yield ctx.finding(
                        self.name,
                        "witnesses-unknown",
                        af,
                        path=w_path,
                        key="institution",
                        declaration=ident,
                        institution=institution,
                    )
                    continue
                expired = rules.witness_validity(institution, when, settings) if when else []
                for _, params in expired:
                    yield ctx.finding(
                        self.name,
                        "witnesses-expired",
                        af,
                        path=w_path,
                        key="institution",
                        declaration=ident,
                        **cast(dict[str, Any], params),
                    )
                if not expired:
                    valid.add(institution)
            for required in settings.policy.required_witnesses:
                if required not in valid:
                    yield ctx.finding(
                        self.name,
                        "witnesses-missing",
                        af,
                        path=path,
                        declaration=ident,
                        institution=required,
                    )


CHECK = WitnessesCheck()
