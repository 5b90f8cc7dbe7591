"""Rules about dates and witnesses, shared by entry warnings and ``check``.

These are findings, not refusals: the registry records what happened, the
recording command warns, and ``check`` reports. Each returns (code, params); the
text of a code is ``MESSAGES[code]``, a msgid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pledgectl.core.i18n import N_
from pledgectl.core.settings import Settings

Rule = tuple[str, dict[str, str]]

MESSAGES = {
    "rule.future-date": N_("date {date} is in the future"),
    "rule.late-declaration": N_("declared on {date}, after {election}'s voting day {voting_day}"),
    "rule.witness-expired": N_(
        "{institution} could not witness after {until} (declaration dated {date})"
    ),
    "rule.signed-before": N_("signed on {signed}, before the declaration's date {date}"),
}


def message(code: str) -> str:
    """The msgid of a rule's ``code`` (a msgid given instead is returned as it is)."""
    return MESSAGES.get(code, code)


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
