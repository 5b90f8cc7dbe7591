"""``pledgectl ceremony``: the roster on screen, ticked as people sign.

A Textual app over a :class:`pledgectl.tui.session.Ceremony`. The list is a
line-API widget that draws only the rows on screen, so a keystroke in the search
box costs one pass over the names and the redraw of ~20 lines, whatever the
roster's size. Focus stays in the search box: typing filters, the arrows move the
highlight, Enter records the highlighted person. Keys and texts follow ``--lang``;
the bindings are built when the app is, in the language of the moment.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Input, Label, Static

from pledgectl.core import rules
from pledgectl.core.errors import PledgeError
from pledgectl.core.i18n import N_, t
from pledgectl.core.identity import person_key
from pledgectl.core.nip import redact as redact_nip
from pledgectl.tui.session import FORM_FIELDS, FORM_LABELS, Ceremony, FieldError
from pledgectl.views.ceremony import Entry, count_line

SEPARATOR = -1  # a row index standing for the line that heads the signatories off the roster
REFRESH_SECONDS = 1.0

_HEADER = Style(bold=True, underline=True)
_SIGNED = Style(color="green")
_HERE = Style(color="green", bold=True)
_CURSOR = Style(reverse=True)
_DIM = Style(dim=True)


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def columns(width: int) -> tuple[int, int, int, int]:
    """Widths of the mark, name, NIP and position columns (one space between).

    The mark column: the highlight (``▸``, seen without colours too), ``✓`` signed,
    ``*`` marked in this view.
    """
    mark, nip = 3, 18
    rest = width - mark - nip - 3
    if rest < 24:  # too narrow for a position: the name takes what there is
        return mark, max(rest + 1, 4), nip, 0
    name = rest * 5 // 9
    return mark, name, nip, rest - name


REQUIRED = N_("{field} is required")  # its hint speaks of the command line: not shown here


def describe(error: PledgeError) -> str:
    """An error as ``sign`` says it: the message, then the hint."""
    hint = error.hint
    return f"{error.message} ({hint})" if hint else error.message


class RosterList(ScrollView, can_focus=False):
    """The rows of the sheet, drawn a line at a time; a highlight that the arrows move."""

    DEFAULT_CSS = """
    RosterList { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; }
    """

    def __init__(self, session: Ceremony, redact: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.redact = redact
        self.rows: list[int] = []
        self.cursor = -1
        self.empty_note = ""  # what the first line says when no row matches

    # -- content -----------------------------------------------------------

    def show(self, indexes: list[int], keep: str | None = None) -> None:
        """Show these entries (indexes into the sheet), highlighting ``keep`` if among them."""
        entries = self.session.sheet.entries
        rows = [i for i in indexes if entries[i].on_roster]
        off = [i for i in indexes if not entries[i].on_roster]
        if off:
            rows += [SEPARATOR, *off]
        self.rows = rows
        target = -1
        if keep is not None:
            target = next((n for n, i in enumerate(rows) if i >= 0 and entries[i].key == keep), -1)
        if target < 0:
            target = next((n for n, i in enumerate(rows) if i >= 0), -1)
        self.cursor = target
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        self._follow()
        self.refresh()

    def highlighted(self) -> Entry | None:
        if 0 <= self.cursor < len(self.rows) and self.rows[self.cursor] >= 0:
            return self.session.sheet.entries[self.rows[self.cursor]]
        return None

    def move(self, delta: int) -> None:
        if not self.rows:
            return
        n = max(0, min(len(self.rows) - 1, self.cursor + delta))
        if self.rows[n] == SEPARATOR:  # step over the separator, in the direction of travel
            step = 1 if delta > 0 else -1
            n = n + step if 0 <= n + step < len(self.rows) else n - step
        self.cursor = n
        self._follow()
        self.refresh()

    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def _follow(self) -> None:
        """Scroll so that the highlighted row is on screen."""
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=max(0, self.cursor), animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)
        self._follow()

    # -- drawing -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        mark_w, name_w, nip_w, pos_w = columns(width)
        if y == 0:
            cells = [
                fit("", mark_w),
                fit(t("Name"), name_w),
                fit(t("NIP"), nip_w),
            ]
            if pos_w:
                cells.append(fit(t("Position"), pos_w))
            return Strip([Segment(fit(" ".join(cells), width), _HEADER)], width)
        n = round(self.scroll_y) + y - 1
        if not self.rows and y == 1:
            return Strip([Segment(fit("    " + self.empty_note, width), _DIM)], width)
        if n >= len(self.rows):
            return Strip.blank(width)
        index = self.rows[n]
        if index == SEPARATOR:
            label = "── " + t("not on the roster") + " "
            rule = label + "─" * max(0, width - cell_len(label))
            return Strip([Segment(fit(rule, width), _DIM)], width)
        entry = self.session.sheet.entries[index]
        here = self.session.marked_here(entry)
        pointer = "▸" if n == self.cursor else " "
        mark = pointer + ("✓" if entry.signed is not None else " ") + ("*" if here else " ")
        nip = entry.nip
        if nip and self.redact:
            nip = redact_nip(nip)
        cells = [fit(entry.name, name_w), fit(nip or "—", nip_w)]
        if pos_w:
            cells.append(fit(entry.position, pos_w))
        text = " " + " ".join(cells)
        base = (_HERE if here else _SIGNED) if entry.signed is not None else Style()
        segments = [Segment(fit(mark, mark_w), base), Segment(fit(text, width - mark_w), Style())]
        if n == self.cursor:
            segments = [Segment(s.text, (s.style or Style()) + _CURSOR) for s in segments]
        return Strip(segments, width)


Warnings = list[tuple[str, dict[str, str]]]
Added = tuple[str, str, Warnings]  # name, identity, rule warnings


class PersonForm(ModalScreen[Added | None]):
    """Someone who is not on the roster: ``sign``'s prompts, as a form."""

    def __init__(self, session: Ceremony, keys: Keys) -> None:
        super().__init__()
        self.session = session
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("Someone who is not on the roster"), id="form-title")
            for field in FORM_FIELDS:
                yield Label(t(FORM_LABELS[field]))
                value = ""
                if field == "date" and self.session.date is not None:
                    value = self.session.date.isoformat()
                yield self.keys.field(value=value, id=f"field-{field}", select_on_focus=False)
            yield Static("", id="form-error")
        yield Footer(compact=True)

    def values(self) -> dict[str, str]:
        return {f: self.query_one(f"#field-{f}", Input).value for f in FORM_FIELDS}

    def _show(self, error: FieldError | PledgeError | None) -> None:
        for field in FORM_FIELDS:
            self.query_one(f"#field-{field}", Input).remove_class("-invalid")
        box = self.query_one("#form-error", Static)
        if error is None:
            box.update("")
            return
        if isinstance(error, FieldError):
            widget = self.query_one(f"#field-{error.field}", Input)
            widget.add_class("-invalid")
            widget.focus()
            error = error.error
        text = t("error") + ": " + error.message
        if error.hint and error.key != REQUIRED:
            text += "\n" + t("hint") + ": " + error.hint
        box.update(text)

    def action_field(self, step: int) -> None:
        """Tab and Shift+Tab: to the next or previous field, without checking."""
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_field_done(self) -> None:
        """Enter checks the field as ``sign``'s prompt would, then moves on; on the last, saves."""
        focused = self.focused
        if not isinstance(focused, Input):
            return
        field = (focused.id or "").removeprefix("field-")
        try:
            self.session.check_field(field, self.values())
        except FieldError as exc:
            self._show(exc)
            return
        self._show(None)
        if field == FORM_FIELDS[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        try:
            person, warnings = self.session.add(self.values())
        except (FieldError, PledgeError) as exc:
            self._show(exc)
            return
        self.dismiss((person.name, person_key(person.nip, person.name), warnings))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SheetScreen(Screen[None]):
    """The roster, the search box, the count and the last thing that happened."""

    def __init__(self, session: Ceremony, redact: bool, keys: Keys) -> None:
        super().__init__()
        self.session = session
        self.redact = redact
        self.keys = keys
        self.shown_query = ""

    def compose(self) -> ComposeResult:
        sheet = self.session.sheet
        when = self.session.date.isoformat() if self.session.date else "—"
        yield Static(f"{sheet.agency} · {sheet.declaration} · {when}", id="title")
        with Horizontal(id="search-row"):
            yield Label(t("Search:"), id="search-label")
            yield self.keys.search(placeholder=t("name or NIP"), id="search")
        yield RosterList(self.session, self.redact, id="roster")
        yield Static("", id="count")
        yield Static("", id="message")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#search", Input).focus()
        self.update_rows()
        if not self.session.sheet.has_roster:
            self.say(
                t(
                    "No roster for {agency}: import one with `pledgectl roster import {agency} FILE`; ^N records someone by hand",
                    agency=self.session.agency,
                ),
                error=True,
            )
        self.set_interval(REFRESH_SECONDS, self.poll)

    # -- showing -----------------------------------------------------------

    @property
    def roster(self) -> RosterList:
        return self.query_one("#roster", RosterList)

    @property
    def search(self) -> Input:
        return self.query_one("#search", Input)

    def say(self, text: str, error: bool = False) -> None:
        box = self.query_one("#message", Static)
        box.update(text)
        box.set_class(error, "-error")

    def update_rows(self, keep: str | None = None) -> None:
        """Filter by the search box and redraw the list and the count."""
        if keep is None:
            current = self.roster.highlighted()
            keep = current.key if current else None
        self.shown_query = self.search.value
        roster = self.roster
        if self.shown_query.strip():
            roster.empty_note = t("No one matches {query!r}.", query=self.shown_query.strip())
        else:
            roster.empty_note = t("No one on the roster and no signatory yet.")
        roster.show(self.session.sheet.search(self.shown_query), keep)
        counts = self.session.counts()
        line = count_line(counts)
        if self.session.marks:
            line += " · " + t("{n} marked here", n=len(self.session.marks))
        self.query_one("#count", Static).update(line)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.update_rows()

    def poll(self) -> None:
        """Another clerk may be recording into the same file: show their marks."""
        try:
            changed = self.session.refresh()
        except PledgeError as exc:
            self.say(describe(exc), error=True)
            return
        if changed:
            self.update_rows()
            self.say(t("The file changed on disk; the list shows it as it is now."))

    # -- actions -----------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.roster.move(delta)

    def action_page(self, direction: int) -> None:
        self.roster.move(direction * self.roster.page())

    def action_clear(self) -> None:
        self.search.value = ""

    def action_refresh(self) -> None:
        try:
            self.session.refresh(force=True)
        except PledgeError as exc:
            self.say(describe(exc), error=True)
            return
        self.update_rows()
        self.say(t("Read the file again."))

    def highlighted(self) -> Entry | None:
        """The highlighted row for the search as typed so far (its Changed may be queued)."""
        if self.search.value != self.shown_query:
            self.update_rows()
        return self.roster.highlighted()

    def action_mark(self) -> None:
        entry = self.highlighted()
        if entry is None:
            self.say(t("No one is highlighted: type part of a name or a NIP."), error=True)
            return
        if entry.signed is not None:
            self.say(t("{name} has signed already.", name=entry.name), error=True)
            return
        try:
            person, warnings = self.session.mark(entry)
        except PledgeError as exc:
            self.update_rows()
            self.say(describe(exc), error=True)
            return
        self._recorded(person.name, entry.key, warnings)

    def _recorded(self, name: str, key: str | None, warnings: Warnings) -> None:
        self.search.value = ""
        self.update_rows(keep=key)
        if warnings:
            code, params = warnings[0]
            rule = t(rules.message(code), **params)
            self.say(t("Recorded: {name}", name=name) + "; " + rule, error=True)
        else:
            self.say(t("Recorded: {name} (^U takes it off again)", name=name))

    def action_unmark(self) -> None:
        entry = self.highlighted()
        if entry is None:
            return
        try:
            self.session.unmark(entry)
        except PledgeError as exc:
            self.update_rows()
            self.say(describe(exc), error=True)
            return
        self.update_rows(keep=entry.key)
        self.say(t("Mark taken off: {name}", name=entry.name))

    def action_form(self) -> None:
        def done(result: Added | None) -> None:
            if result is None:
                self.say(t("Nothing recorded."))
                return
            self._recorded(*result)

        self.app.push_screen(self.keys.form(self.session, self.keys), done)


class KeyedInput(Input):
    """An input that runs its own keys (:attr:`OWN`: key -> action) in order with its typing.

    Textual checks a widget's bindings only once a key has come back up to the app,
    and by then the app may have handed the next keys to the widget already: Enter
    right after a name could act on half a name, and letters typed right after Enter
    in the form could land in the field just left. So the keys that act are run here,
    as they come, and a key that reaches an input after the focus moved on (typed
    ahead) goes to the input that has the focus now. Their bindings only name them
    in the footer.
    """

    OWN: ClassVar[dict[str, str]] = {}

    def _target(self) -> KeyedInput:
        focused = self.app.focused  # set at once when focus moves (``has_focus`` waits for Blur)
        if focused is not self and isinstance(focused, KeyedInput):
            return focused
        return self

    async def _on_key(self, event: events.Key) -> None:
        target = self._target()
        action = target.OWN.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await target.run_action(action)
        elif target is not self and event.is_printable:
            await target._on_key(event)
        else:
            await super()._on_key(event)


class SearchBox(KeyedInput):
    """The search box, which also carries the sheet's keys."""

    OWN: ClassVar[dict[str, str]] = {
        "enter": "screen.mark",
        "ctrl+u": "screen.unmark",
        "ctrl+n": "screen.form",
        "f2": "screen.form",
        "escape": "screen.clear",
        "up": "screen.cursor(-1)",
        "down": "screen.cursor(1)",
        "pageup": "screen.page(-1)",
        "pagedown": "screen.page(1)",
    }


class FieldBox(KeyedInput):
    """A field of the form: Enter checks it as ``sign``'s prompt would and moves on."""

    OWN: ClassVar[dict[str, str]] = {
        "enter": "screen.field_done",
        "tab": "screen.field(1)",
        "shift+tab": "screen.field(-1)",
        "ctrl+s": "screen.save",
        "f2": "screen.save",
    }


def _search_bindings() -> list[BindingType]:
    return [
        Binding("enter", "screen.mark", t("Sign"), key_display="⏎"),
        Binding("ctrl+u", "screen.unmark", t("Unmark")),
        Binding("ctrl+n", "screen.form", t("Not on roster")),
        Binding("f2", "screen.form", show=False),
        Binding("escape", "screen.clear", t("Clear")),
        Binding("up", "screen.cursor(-1)", show=False),
        Binding("down", "screen.cursor(1)", show=False),
        Binding("pageup", "screen.page(-1)", show=False),
        Binding("pagedown", "screen.page(1)", show=False),
    ]


def _sheet_bindings() -> list[BindingType]:
    return [
        Binding("ctrl+r", "refresh", t("Reread"), show=False, priority=True),
        Binding("f5", "refresh", show=False, priority=True),
        Binding("ctrl+q", "app.quit", t("Quit"), priority=True),
        Binding("f10", "app.quit", show=False, priority=True),
    ]


def _field_bindings() -> list[BindingType]:
    return [
        Binding("enter", "screen.field_done", t("Next"), key_display="⏎"),
        Binding("ctrl+s", "screen.save", t("Save")),
        Binding("f2", "screen.save", show=False),
    ]


def _form_bindings() -> list[BindingType]:
    return [Binding("escape", "cancel", t("Cancel"), priority=True)]


class Keys:
    """The widget and screen classes with their keys named in the language of the moment."""

    def __init__(self) -> None:
        self.search: type[SearchBox] = type(
            "SearchBox", (SearchBox,), {"BINDINGS": _search_bindings()}
        )
        self.field: type[FieldBox] = type("FieldBox", (FieldBox,), {"BINDINGS": _field_bindings()})
        self.sheet: type[SheetScreen] = type(
            "SheetScreen", (SheetScreen,), {"BINDINGS": _sheet_bindings()}
        )
        self.form: type[PersonForm] = type(
            "PersonForm", (PersonForm,), {"BINDINGS": _form_bindings()}
        )


class CeremonyApp(App[None]):
    """The whole view: one screen with the sheet, and the form on top when asked for."""

    ENABLE_COMMAND_PALETTE = False
    CSS = """
    SheetScreen #title { height: 1; text-style: bold; }
    SheetScreen #search-row { height: 1; }
    SheetScreen #search-label { width: auto; padding: 0 1 0 0; }
    SheetScreen #search, SheetScreen #search:focus { border: none; height: 1; padding: 0 1; width: 1fr; }
    SheetScreen #count { height: auto; max-height: 2; text-style: bold; }
    SheetScreen #message { height: auto; max-height: 3; }
    SheetScreen #message.-error { color: $error; }
    PersonForm { align: center middle; background: $background; }
    PersonForm > Vertical {
        width: 76; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PersonForm Label { width: 100%; }
    PersonForm Input, PersonForm Input:focus {
        border: none; height: 1; width: 100%; padding: 0 1; margin: 0 0 1 0;
    }
    PersonForm Input.-invalid { background: $error 30%; }
    PersonForm #form-error { color: $error; height: auto; }
    PersonForm #form-title { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, session: Ceremony, redact: bool = False) -> None:
        super().__init__()
        self.session = session
        self.redact = redact
        self.keys = Keys()

    def get_default_screen(self) -> Screen[Any]:
        return self.keys.sheet(self.session, self.redact, self.keys)
