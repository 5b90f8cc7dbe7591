"""The ceremony view in Textual's headless pilot, at 80x24, in both languages.

Each test is a plain function running its coroutine with ``asyncio.run``: no
async plugin for pytest is needed.
"""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

pytest.importorskip("textual")

from textual.pilot import Pilot
from textual.widgets import Input, Static

from pledgectl.core import i18n
from pledgectl.core.registry import Registry
from pledgectl.edit.recording import make_person, sign
from pledgectl.tui.ceremony import CeremonyApp, PersonForm, RosterList, SheetScreen
from pledgectl.tui.session import Ceremony
from tests.tui.conftest import AGENCY, DECL, UNSIGNED, agency_bytes

Script = Callable[[Pilot[None], CeremonyApp], Awaitable[None]]


def drive(session: Ceremony, script: Script, redact: bool = False) -> None:
    async def main() -> None:
        app = CeremonyApp(session, redact=redact)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await script(pilot, app)

    asyncio.run(main())


def text_of(app: CeremonyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def rows(app: CeremonyApp) -> list[str]:
    """The list's lines as drawn (header first), without trailing blanks."""
    roster = app.screen.query_one(RosterList)
    lines = [roster.render_line(y).text.rstrip() for y in range(roster.size.height)]
    return [line for line in lines if line]


def footer(app: CeremonyApp) -> str:
    return " ".join(
        f"{app.get_key_display(b.binding)} {b.binding.description}"
        for b in app.screen.active_bindings.values()
        if b.binding.show
    )


def names_listed(app: CeremonyApp) -> list[str]:
    roster = app.screen.query_one(RosterList)
    entries = roster.session.sheet.entries
    return [entries[i].name for i in roster.rows if i >= 0]


async def until(pilot: Pilot[Any], condition: Callable[[], bool], bound: float = 10.0) -> None:
    """Let the app run until ``condition`` holds; fail after a generous bound."""
    waited = 0.0
    while not condition():
        assert waited < bound, "condition not reached"
        await pilot.pause(0.05)
        waited += 0.05


def test_opens_with_the_roster_count_and_keys(demo: Registry) -> None:
    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        assert isinstance(app.screen, SheetScreen)
        assert text_of(app, "#count") == "12 / 15 signed (80.0%) · 3 missing"
        lines = rows(app)
        assert lines[0].split() == ["Name", "NIP", "Position"]
        assert lines[1].startswith("▸✓") and "Zulkarnain" in lines[1]
        assert len(lines) == 16  # header and the 15 of the roster: all fit at 80x24
        assert all(len(line) <= 80 for line in lines)
        keys = footer(app)
        for word in ("Sign", "Unmark", "Not on roster", "Quit"):
            assert word in keys
        assert app.screen.focused is app.screen.query_one("#search", Input)

    drive(Ceremony(demo, AGENCY, DECL), script)


def test_search_filters_as_you_type(demo: Registry) -> None:
    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press(*"fad")
        assert names_listed(app) == ["Tengku Said Fadhillah, S.H.", "Fadli Ramadhan, S.H."]
        await pilot.press("l")
        assert names_listed(app) == ["Fadli Ramadhan, S.H."]
        await pilot.press(*["backspace"] * 4, *"SIREGAR")
        assert names_listed(app) == ["Budi Santoso Siregar, S.Sos."]
        await pilot.press("escape")
        assert len(names_listed(app)) == 15
        await pilot.press(*"19920229")
        assert names_listed(app) == ["Fadli Ramadhan, S.H."]
        await pilot.press("escape", *"zzzz")
        assert names_listed(app) == []
        assert "No one matches 'zzzz'." in rows(app)[1]

    drive(Ceremony(demo, AGENCY, DECL), script)


def test_mark_writes_at_once_and_unmark_restores(demo: Registry) -> None:
    before = agency_bytes(demo)

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press(*"fadli", "enter")
        written = tomllib.loads(demo.agency_path(AGENCY).read_text("utf-8"))
        last = written["declarations"][0]["signatories"][-1]
        assert last["name"] == "Fadli Ramadhan, S.H." and str(last["signed"]) == "2023-11-29"
        assert text_of(app, "#count").startswith("13 / 15 signed (86.7%) · 2 missing")
        assert "1 marked here" in text_of(app, "#count")
        assert app.screen.query_one("#search", Input).value == ""  # ready for the next name
        fadli = next(line for line in rows(app) if "Fadli" in line)
        assert fadli.startswith("▸✓*")
        await pilot.press("ctrl+u")
        assert agency_bytes(demo) == before
        assert text_of(app, "#count") == "12 / 15 signed (80.0%) · 3 missing"
        await pilot.press("up", "up", "ctrl+u")  # someone who signed before: refused
        assert "only marks made here" in text_of(app, "#message")
        assert agency_bytes(demo) == before

    drive(Ceremony(demo, AGENCY, DECL), script)


def test_marking_someone_signed_already_says_so(demo: Registry) -> None:
    before = agency_bytes(demo)

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press(*"zulkarnain", "enter")
        assert "has signed already" in text_of(app, "#message")

    drive(Ceremony(demo, AGENCY, DECL), script)
    assert agency_bytes(demo) == before


def test_quitting_without_a_mark_leaves_the_file_unchanged(demo: Registry) -> None:
    before = agency_bytes(demo)

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press(*"budi", "down", "up", "escape", "ctrl+n", *"x", "escape", "ctrl+q")

    drive(Ceremony(demo, AGENCY, DECL), script)
    assert agency_bytes(demo) == before


def test_the_form_reasks_with_signs_messages_then_records(demo: Registry) -> None:
    before = agency_bytes(demo)

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, PersonForm)
        error = lambda: str(app.screen.query_one("#form-error", Static).content)  # noqa: E731
        focused = lambda: app.screen.focused.id  # type: ignore[union-attr]  # noqa: E731
        await pilot.press(*"guest", "enter")
        assert "status" in error() and "NON-ASN" in error() and focused() == "field-status"
        await pilot.press(*["backspace"] * 5, *"PNS", "enter")
        assert focused() == "field-nip"
        await pilot.press("enter")  # a PNS needs a NIP
        assert "NIP" in error() and focused() == "field-nip"
        await pilot.press(*"1992", "enter")
        assert "not valid" in error() or "18" in error()
        await pilot.press("ctrl+a", "ctrl+k", "shift+tab", "ctrl+a", "ctrl+k", *"THL", "enter")
        await pilot.press("enter")  # NON-ASN: no NIP needed
        assert focused() == "field-name"
        await pilot.press("enter")
        assert "name is required" in error()
        await pilot.press(*"Andi Pratama", "enter", *"THL Pengemudi", "enter")
        assert focused() == "field-date"
        assert agency_bytes(demo) == before  # nothing written before the form is complete
        await pilot.press("ctrl+a", "ctrl+k", *"29/11/2023", "enter")
        assert "YYYY-MM-DD" in error() and focused() == "field-date"
        await pilot.press("ctrl+a", "ctrl+k", *"2023-11-29", "enter")
        await until(pilot, lambda: isinstance(app.screen, SheetScreen))
        assert "not on the roster" in "".join(rows(app))
        assert text_of(app, "#count").startswith("12 / 15 signed (80.0%) · 3 missing")
        assert "1 not on the roster" in text_of(app, "#count")
        assert names_listed(app)[-1] == "Andi Pratama"

    drive(Ceremony(demo, AGENCY, DECL), script)
    data = tomllib.loads(demo.agency_path(AGENCY).read_text("utf-8"))
    assert data["declarations"][0]["signatories"][-1] == {
        "name": "Andi Pratama",
        "status": "NON-ASN",
        "position": "THL Pengemudi",
        "signed": data["declarations"][0]["date"],
    }


def test_another_clerks_mark_shows_on_the_next_refresh(demo: Registry) -> None:
    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        budi = make_person(
            demo, name=UNSIGNED[2], status="PNS", nip="198309012008031005", signed="2023-11-29"
        )
        sign(demo, AGENCY, DECL, budi)  # as `pledgectl sign` in another terminal would
        await until(pilot, lambda: text_of(app, "#count").startswith("13 / 15"))
        line = next(line for line in rows(app) if "Budi" in line)
        assert line[1] == "✓" and line[2] != "*"  # signed, but not here: cannot be unmarked
        assert "changed on disk" in text_of(app, "#message")

    drive(Ceremony(demo, AGENCY, DECL), script)


def test_redact_masks_nips_but_search_by_nip_still_works(demo: Registry) -> None:
    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        assert "197203111997031002" not in "".join(rows(app))
        assert "********199703****" in rows(app)[1]
        await pilot.press(*"19920229")
        assert names_listed(app) == ["Fadli Ramadhan, S.H."]

    drive(Ceremony(demo, AGENCY, DECL), script, redact=True)


def test_without_a_roster_it_says_so_and_the_form_still_works(demo: Registry) -> None:
    data = tomllib.loads(demo.agency_path("kaltara-bkd").read_text("utf-8"))
    decl = data["declarations"][0]["id"]

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        message = text_of(app, "#message")
        assert "No roster for kaltara-bkd" in message
        assert "pledgectl roster import kaltara-bkd" in message
        await pilot.press("ctrl+n", *"NON-ASN", "enter", "enter", *"Siti Aminah", "enter")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, SheetScreen))
        assert "Siti Aminah" in names_listed(app)

    drive(Ceremony(demo, "kaltara-bkd", decl), script)
    assert "Siti Aminah" in demo.agency_path("kaltara-bkd").read_text("utf-8")


def test_in_indonesian(demo: Registry) -> None:
    i18n.set_lang("id")

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        assert text_of(app, "#count") == "12 / 15 sudah tanda tangan (80,0%) · 3 belum"
        assert rows(app)[0].split() == ["Nama", "NIP", "Jabatan"]
        keys = footer(app)
        for word in ("Tanda tangan", "Batalkan", "Di luar daftar", "Keluar"):
            assert word in keys
        await pilot.press(*"wan siti", "enter")
        assert text_of(app, "#count").startswith("13 / 15 sudah tanda tangan (86,7%) · 2 belum")
        assert text_of(app, "#message").startswith("Dicatat: Wan Siti Khadijah")
        await pilot.press("ctrl+n", *"tamu", "enter")
        error = str(app.screen.query_one("#form-error", Static).content)
        assert error.startswith("kesalahan: ")  # sign's own message, in Indonesian
        await pilot.press("escape")
        assert isinstance(app.screen, SheetScreen)
        assert text_of(app, "#message") == "Tidak ada yang dicatat."

    drive(Ceremony(demo, AGENCY, DECL), script)


def test_a_rule_warning_from_sign_is_shown_with_the_mark(demo: Registry) -> None:
    import datetime as dt

    async def script(pilot: Pilot[None], app: CeremonyApp) -> None:
        await pilot.press(*"budi", "enter")
        message = text_of(app, "#message")
        assert message.startswith("Recorded: Budi Santoso Siregar")
        assert "2023-11-01" in message and "2023-11-29" in message  # signed before the date

    drive(Ceremony(demo, AGENCY, DECL, date=dt.date(2023, 11, 1)), script)
    assert "signed = 2023-11-01" in demo.agency_path(AGENCY).read_text("utf-8")
