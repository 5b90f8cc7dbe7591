"""Rules about dates and witnesses, shared by entry warnings and ``check``.

These are findings, not refusals: the registry records what happened, the
recording command warns, and ``check`` reports. Each returns (key, params).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pledgectl.core.settings import Settings

Rule = tuple[str, dict[str, str]]


def declaration_date(
    when: dt.date, elections: Iterable[str], settings: Settings, today: dt.date | None = None
) -> list[Rule]:
    today = today or dt.date.today()
    found: list[Rule] = []
    if when > today:
        found.append(("rule.future-date", {"date": when.isoformat()}))
    for election_id in elections:
        election = settings.elections.get(election_id)
        if election is not None and when > election.voting_day:
            found.append(
                (
                    "rule.late-declaration",
                    {
                        "date": when.isoformat(),
                        "election": election_id,
                        "voting_day": election.voting_day.isoformat(),
                    },
                )
            )
    return found


def witness_validity(institution_id: str, when: dt.date, settings: Settings) -> list[Rule]:
    institution = settings.institutions.get(institution_id)
    if institution is not None and institution.until is not None and when > institution.until:
        return [
            (
                "rule.witness-expired",
                {
                    "institution": institution_id,
                    "until": institution.until.isoformat(),
                    "date": when.isoformat(),
                },
            )
        ]
    return []


def signature_date(
    signed: dt.date, declared: dt.date | None, today: dt.date | None = None
) -> list[Rule]:
    today = today or dt.date.today()
    found: list[Rule] = []
    if declared is not None and signed < declared:
        found.append(
            ("rule.signed-before", {"signed": signed.isoformat(), "date": declared.isoformat()})
        )
    if signed > today:
        found.append(("rule.future-date", {"date": signed.isoformat()}))
    return found
