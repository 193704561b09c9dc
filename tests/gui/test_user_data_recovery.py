"""A damaged or too-new user database: a clear choice, a way out, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.window_harness import Data, make_window, shipped_data
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.recovery_dialog import ask_recovery
from tpatlas.gui.user_data import DAMAGED_NOTICE, TOO_NEW_NOTICE, Recovery, open_user_data
from tpatlas.paths import DataPaths
from tpatlas.storage.user_store import UserDatabaseDamaged, UserStore, backup


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


def with_note(paths: DataPaths, body: str) -> None:
    with UserStore(paths.user_db, paths.backups) as store:
        store.set_note("point", "li4", body)


def damage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def chooser(choice: Recovery, seen: list[tuple[str, bool]]):  # type: ignore[no-untyped-def]
    def choose(problem: UserDatabaseDamaged, has_backup: bool) -> Recovery:
        seen.append((str(problem), has_backup))
        return choice

    return choose


def test_restore_the_latest_backup(paths: DataPaths) -> None:
    with_note(paths, "from last week")
    backup(paths.user_db, paths.backups, "test")
    damage(paths.user_db)
    seen: list[tuple[str, bool]] = []
    told: list[str] = []
    data = open_user_data(paths, chooser(Recovery.RESTORE_BACKUP, seen), told.append)
    assert data is not None and data.store is not None and data.notice is None
    assert data.store.note("point", "li4") == "from last week"
    data.store.close()
    assert seen and seen[0][1] is True and "damaged" in seen[0][0]
    assert any("Restored" in t for t in told)
    assert list(paths.root.glob("user.sqlite.damaged-*")), "the damaged file is kept"


def test_start_fresh_keeps_the_damaged_file(paths: DataPaths) -> None:
    with_note(paths, "lost")
    damage(paths.user_db)
    data = open_user_data(paths, chooser(Recovery.START_FRESH, []), lambda _m: None)
    assert data is not None and data.store is not None
    assert data.store.notes() == []
    data.store.close()
    kept = list(paths.root.glob("user.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_continue_without_notes_or_quit_leave_the_file_alone(paths: DataPaths) -> None:
    paths.root.mkdir(parents=True)
    damage(paths.user_db)
    before = paths.user_db.read_bytes()
    data = open_user_data(paths, chooser(Recovery.WITHOUT_NOTES, []), lambda _m: None)
    assert data is not None and data.store is None and data.notice == DAMAGED_NOTICE
    assert open_user_data(paths, chooser(Recovery.QUIT, []), lambda _m: None) is None
    assert paths.user_db.read_bytes() == before


def test_a_database_from_a_newer_version_is_not_touched(paths: DataPaths) -> None:
    with_note(paths, "written by tpatlas 9")
    connection = sqlite3.connect(paths.user_db)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = paths.user_db.read_bytes()
    told: list[str] = []
    data = open_user_data(paths, chooser(Recovery.QUIT, []), told.append)
    assert data is not None and data.store is None and data.notice == TOO_NEW_NOTICE
    assert told and "newer tpatlas" in told[0]
    assert paths.user_db.read_bytes() == before


def test_the_dialog_offers_restore_only_with_a_backup(qtbot: QtBot, paths: DataPaths) -> None:
    problem = UserDatabaseDamaged(paths.user_db, "is not a SQLite database (the file is damaged)")
    offered: dict[str, bool] = {}

    def answer(text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        for button in box.buttons():
            offered[button.text()] = button.isEnabled()
            if button.text() == text:
                button.click()

    QTimer.singleShot(0, lambda: answer("Continue without notes"))
    assert ask_recovery(problem, has_backup=False) is Recovery.WITHOUT_NOTES
    assert offered["Restore the latest backup"] is False
    QTimer.singleShot(0, lambda: answer("Restore the latest backup"))
    assert ask_recovery(problem, has_backup=True) is Recovery.RESTORE_BACKUP


def test_window_without_user_data_says_so_and_still_works(
    qtbot: QtBot, tmp_path: Path, shipped_db: Path
) -> None:
    data: Data = shipped_data(tmp_path, shipped_db)
    window = make_window(qtbot, data, with_user=False, notice=TOO_NEW_NOTICE)
    window.navigator.open(EntryRef("point", "li4"))
    assert window.detail.notes.edit.isReadOnly()
    assert not window.detail.favourite.isEnabled()
    assert "notes unavailable" in window.windowTitle()
    window.search.search_box.setText("hegu")
    assert EntryRef("point", "li4") in window.search.listed()
