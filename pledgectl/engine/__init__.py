"""The check engine: runs the checks over one or more registries.

Lives here: the runner (:mod:`.runner`), the per-file plan and step
(:mod:`.plan`: which checks run, the policy's ``off`` applied once, the
declarations the findings fault handed to ``coverage``), worker processes and
the findings as data (:mod:`.workers`), the per-file result cache
(:mod:`.cache`) and the result every renderer reads (:mod:`.run`).

May import: :mod:`pledgectl.checks`, :mod:`pledgectl.core`.
"""
