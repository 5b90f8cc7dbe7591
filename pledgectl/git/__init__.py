"""The registry in git: safe plumbing, the semantic diff model, textconv and the merge driver.

May import: :mod:`pledgectl.core`.
"""
