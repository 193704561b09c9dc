"""The user database opens just after the window is shown: nothing typed meanwhile is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window_harness import Data, close_window, make_window, shipped_data
from tpatlas.gui import deferred_user_data, recovery_dialog
from tpatlas.gui.deferred_user_data import UserDataOpener
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.main_window import MainWindow
from tpatlas.gui.user_data import DAMAGED_NOTICE, Recovery
from tpatlas.storage.user_store import UserDatabaseDamaged, UserStore


@pytest.fixture
def data(tmp_path: Path, shipped_db: Path) -> Data:
    data = shipped_data(tmp_path, shipped_db)
    data.root.mkdir(parents=True)
    return data


def user_store(data: Data) -> UserStore:
    return UserStore(data.user_db, data.root / "backups")


def saved_note(data: Data, kind: str, target_id: str) -> str:
    with user_store(data) as other:  # another connection: what is on disk
        return other.note(kind, target_id)


def opener_of(window: MainWindow) -> UserDataOpener:
    opener = window.findChild(UserDataOpener)
    assert isinstance(opener, UserDataOpener)
    return opener


def test_the_notes_and_favourites_open_once_the_window_is_shown(qtbot: QtBot, data: Data) -> None:
    with user_store(data) as store:
        store.set_note("point", "li4", "Client prefers zebrawood oil")
        store.set_favourite("point", "gb21", True)
    window = make_window(qtbot, data, user_data="after first paint")
    qtbot.waitUntil(lambda: opener_of(window).is_open(), timeout=3000)
    assert window.library.has_user_data
    assert window.search.entries.is_favourite(EntryRef("point", "gb21"))
    window.navigator.open(EntryRef("point", "gb21"))
    assert window.detail.favourite.isEnabled() and window.detail.favourite.isChecked()
    window.navigator.open(EntryRef("point", "li4"))
    assert window.detail.notes.edit.toPlainText() == "Client prefers zebrawood oil"
    window.search.search_box.setText("zebrawood")
    assert window.search.listed() == [EntryRef("point", "li4")]
    assert "notes unavailable" not in window.windowTitle()


def test_a_note_typed_before_the_user_data_opens_is_saved(qtbot: QtBot, data: Data) -> None:
    with user_store(data) as store:
        store.set_note("point", "li4", "Earlier note")
    window = make_window(qtbot, data, user_data="pending")
    notes = window.detail.notes
    window.navigator.open(EntryRef("point", "sp6"))
    assert not notes.edit.isReadOnly(), "the note can be typed at once"
    qtbot.keyClicks(notes.edit, "typed in the first instant")
    window.navigator.open(EntryRef("point", "li4"))  # leaving the page keeps the note
    assert notes.edit.toPlainText() == ""  # the earlier note is not open yet
    qtbot.keyClicks(notes.edit, "and one more")
    assert notes.has_notes_to_save()

    saved: list[EntryRef] = []
    notes.note_did_change.connect(saved.append)
    window.attach_user_data(user_store(data))
    assert set(saved) == {EntryRef("point", "sp6"), EntryRef("point", "li4")}
    assert saved_note(data, "point", "sp6") == "typed in the first instant"
    # typed over an empty-looking editor: added to the note saved before, not over it
    assert saved_note(data, "point", "li4") == "Earlier note\n\nand one more"
    assert notes.edit.toPlainText() == "Earlier note\n\nand one more"
    assert notes.status.text() == "Saved after your earlier note"
    assert not notes.has_notes_to_save()
    qtbot.keyClicks(notes.edit, "!")  # typing on saves as usual
    notes.flush()
    assert saved_note(data, "point", "li4") == "Earlier note\n\nand one more!"


def test_a_note_wiped_before_the_user_data_opens_leaves_the_saved_one(qtbot: QtBot, data: Data) -> None:
    with user_store(data) as store:
        store.set_note("point", "li4", "Earlier note")
    window = make_window(qtbot, data, user_data="pending")
    notes = window.detail.notes
    window.navigator.open(EntryRef("point", "li4"))
    qtbot.keyClicks(notes.edit, "x")
    qtbot.keyClick(notes.edit, Qt.Key.Key_Backspace)
    window.attach_user_data(user_store(data))
    assert saved_note(data, "point", "li4") == "Earlier note"
    assert notes.edit.toPlainText() == "Earlier note"


def test_closing_before_the_user_data_opens_still_saves_the_note(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data, user_data="pending")
    opener = UserDataOpener(window, deferred_user_data.DataPaths(data.root))  # the window is painted already
    window.navigator.open(EntryRef("technique", "acupressure"))
    qtbot.keyClicks(window.detail.notes.edit, "closed at once")
    assert not opener.is_open()
    close_window(window)
    assert opener.is_open()
    assert saved_note(data, "technique", "acupressure") == "closed at once"


def test_a_damaged_user_database_is_asked_about_over_the_window(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    data.user_db.write_bytes(b"this is not a database at all" * 100)
    asked: list[QWidget | None] = []

    def ask(_problem: UserDatabaseDamaged, _has_backup: bool, parent: QWidget | None = None) -> Recovery:
        asked.append(parent)
        return Recovery.WITHOUT_NOTES

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    window = make_window(qtbot, data, user_data="after first paint")
    qtbot.waitUntil(lambda: opener_of(window).is_open(), timeout=3000)
    assert asked == [window]
    assert "notes unavailable" in window.windowTitle()
    assert window.notice.text() == DAMAGED_NOTICE and window.notice.isVisible()
    window.navigator.open(EntryRef("point", "li4"))
    assert window.detail.notes.edit.isReadOnly()
    assert not window.detail.favourite.isEnabled()


def test_choosing_quit_over_a_damaged_database_ends_the_program(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    data.user_db.write_bytes(b"this is not a database at all" * 100)
    before = data.user_db.read_bytes()
    monkeypatch.setattr(recovery_dialog, "ask_recovery", lambda *_args: Recovery.QUIT)
    quits: list[bool] = []
    monkeypatch.setattr(deferred_user_data.QApplication, "quit", lambda: quits.append(True))
    window = make_window(qtbot, data, user_data="after first paint")
    qtbot.waitUntil(lambda: opener_of(window).is_open(), timeout=3000)
    assert quits == [True]
    assert data.user_db.read_bytes() == before, "the damaged file is left as it is"
