"""One error base for every foreseeable failure.

The CLI boundary (:mod:`pledgectl.cli.framework`) turns a :class:`PledgeError`
into one line in the user's language, a hint, and its exit code. Messages and
hints are English msgids marked with ``N_``, so the text is translated when it
is shown, not when it is raised.
"""

from __future__ import annotations

from pledgectl.core import i18n


class PledgeError(Exception):
    """A foreseeable failure: bad input, missing file, refused write, git missing."""

    exit_code = 1

    def __init__(
        self, msgid: str | tuple[str, str], /, hint: str | None = None, **params: object
    ) -> None:
        """``msgid`` is ``N_("...")``, or ``N_plural("1 row", "{count} rows")`` chosen by ``count``."""
        singular, plural = (msgid, None) if isinstance(msgid, str) else msgid
        super().__init__(singular)
        self.key = singular  # the English msgid, e.g. N_("agency id {value!r} is not valid")
        self.plural = plural  # its plural msgid, or None
        self.hint_key = hint  # a msgid too, or None
        self.params = params

    @property
    def message(self) -> str:
        if self.plural is not None:
            count = self.params.get("count", 1)
            n = count if isinstance(count, int) else 1
            return i18n.ngettext(self.key, self.plural, n).format(**self.params)
        return i18n.t(self.key, **self.params)

    @property
    def hint(self) -> str | None:
        return i18n.t(self.hint_key, **self.params) if self.hint_key else None

    def __str__(self) -> str:
        return self.message


class UsageFailure(PledgeError):
    """Wrong use of a command (exit 2, as for a usage error)."""

    exit_code = 2


class RegistryNotFound(UsageFailure):
    """No registry could be found (exit 2)."""


class InvalidValue(PledgeError):
    """A value given by the user fails validation; names the field and the value."""


class RefusedWrite(PledgeError):
    """A write the tool will not make; the file stays byte-for-byte unchanged."""


class ToolMissing(PledgeError):
    """An external tool (git) is missing or failed."""
