"""The check engine: runs the checks over a registry and decides completeness.

Lives here: the runner and its worker processes, the per-file result cache,
and completeness as pure functions over findings.

May import: :mod:`pledgectl.checks`, :mod:`pledgectl.core`.
"""
