"""Read-only queries over a registry: report data, agency listings, people, the signing sheet.

Nothing here writes to a registry; each view returns data that a renderer or
the command line turns into text.

May import: :mod:`pledgectl.engine`, :mod:`pledgectl.checks`, :mod:`pledgectl.core`.
"""
