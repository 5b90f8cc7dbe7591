"""Everything that writes agency files or creates a registry.

Lives here: recording (agency, declare, witness, sign, roster entries), ``init``
(:mod:`.scaffold`), ``fmt``, bulk import and the spreadsheet reader it uses.
Every write goes through :mod:`pledgectl.core.canonical` and
:mod:`pledgectl.core.storage` (one writer, locked and atomic).

May import: :mod:`pledgectl.core`.
"""
