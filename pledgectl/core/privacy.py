"""Masking NIPs in output a user asked to redact.

A NIP holds a birth date and gender, so every command that prints NIPs takes
``--redact``. Commands that build rows mask the NIP field itself; commands that
print free text (check findings with source excerpts, diffs, agency details)
pass their finished output through :func:`redact_text`, which masks every run
of exactly 18 digits: nothing can slip through a renderer that forgot.
"""

from __future__ import annotations

import re

from pledgectl.core.nip import redact

_NIP_RUN = re.compile(r"(?<!\d)\d{18}(?!\d)")


def redact_text(text: str) -> str:
    return _NIP_RUN.sub(lambda match: redact(match.group(0)), text)
