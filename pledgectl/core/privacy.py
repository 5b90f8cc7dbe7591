"""Masking NIPs and NIKs in output a user asked to redact.

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
_NIK_RUN = re.compile(r"(?<!\d)\d{16}(?!\d)")


def redact_text(text: str) -> str:
    """Mask every NIP (18 digits) and NIK (16 digits) in ``text``."""
    from pledgectl.core.nik import redact as redact_nik

    text = _NIP_RUN.sub(lambda match: redact(match.group(0)), text)
    return _NIK_RUN.sub(lambda match: redact_nik(match.group(0)), text)
