"""Findings are data: checks return them, reporters render them.

A finding's text is a catalog key plus parameters, rendered in the user's
language at output time (JSON carries both languages).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from pledgectl.core import i18n

SEVERITY_RANK = {"error": 2, "warning": 1, "off": 0}


class Finding(NamedTuple):
    code: str  # stable code, e.g. "nip-birth"; message key is "finding.<code>"
    check: str  # check name, e.g. "nip"
    severity: str  # error | warning
    agency: str | None
    file: str | None
    line: int | None = None
    col: int | None = None
    declaration: str | None = None
    nip: str | None = None
    params: Mapping[str, str] = MappingProxyType({})

    @property
    def key(self) -> str:
        return f"finding.{self.code}"

    def message(self, lang: str | None = None) -> str:
        return i18n.t_in(lang, self.key, self.params)

    def hint(self, lang: str | None = None) -> str | None:
        if "hint" in self.params:  # a hint the check chose for the case: an English msgid
            return i18n.t_in(lang, self.params["hint"], self.params)
        hint_key = f"{self.key}.hint"
        return i18n.t_in(lang, hint_key, self.params) if i18n.has(hint_key) else None

    def location(self) -> str:
        parts = [self.file or self.agency or "?"]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.agency or "", self.file or "", self.line or 0, self.col or 0, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "check": self.check,
            "severity": self.severity,
            "agency": self.agency,
            "declaration": self.declaration,
            "nip": self.nip,
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "message": self.message(),
            "messages": i18n.both(self.key, **self.params),
            "hint": self.hint(),
        }
