"""Renderers: the same data as text, JSON, CI annotations, HTML or a workbook.

May import: :mod:`pledgectl.views`, :mod:`pledgectl.engine`, :mod:`pledgectl.checks`,
:mod:`pledgectl.core`.
"""
