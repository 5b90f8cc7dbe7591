"""The checks, one module per check, each with a ``CHECK`` instance; this file only names them.

The check API (:class:`~pledgectl.checks.base.Check`, ``Context``) is in
:mod:`pledgectl.checks.base`; completeness, as pure functions over an agency's
data and the ids of its faulted declarations, in
:mod:`pledgectl.checks.completeness`. Running checks over a registry is the
engine's work (:mod:`pledgectl.engine`).

May import: :mod:`pledgectl.core` only.
"""

# The order checks run in and findings are grouped in; each name is also a module here.
CHECK_NAMES = (
    "parse",
    "schema",
    "ids",
    "nip",
    "commitments",
    "witnesses",
    "signatories",
    "dates",
    "seals",
    "coverage",
    "duplicates",
)
