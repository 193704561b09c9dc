"""Building the main window for tests: a real library, a real user database, real settings.

Plain functions rather than fixtures, so each test says what it builds. The
application-wide look (palette, style sheet, font) is put back when the window
is closed, so the window's tests leave nothing behind for other tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from tpatlas import resources
from tpatlas.atlas_files import ContentSource, build_database
from tpatlas.gui.appearance import Appearance
from tpatlas.gui.deferred_user_data import UserDataOpener
from tpatlas.gui.hold_timer import HoldTimer
from tpatlas.gui.main_window import MainWindow
from tpatlas.gui.settings import WindowSettings
from tpatlas.gui.theme import ThemeChoice
from tpatlas.library import Library
from tpatlas.paths import DataPaths
from tpatlas.storage.atlas_store import AtlasStore
from tpatlas.storage.user_store import UserStore


@dataclass
class Data:
    """Where one test's atlas, user database and settings live."""

    atlas_db: Path
    drawings: Path
    root: Path

    @property
    def user_db(self) -> Path:
        return self.root / "user.sqlite"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    def library(self, with_user: bool = True) -> Library:
        user = UserStore(self.user_db, self.root / "backups") if with_user else None
        return Library(AtlasStore(self.atlas_db), user, self.drawings)


def synthetic_data(tmp_path: Path, content: Path) -> Data:
    """The 30-point synthetic atlas (one grid view; conditions headache and tension headache)."""
    atlas_db = tmp_path / "atlas" / "atlas.sqlite"
    build_database(ContentSource.from_content_dir(content), atlas_db)
    return Data(atlas_db, content.parent / "drawings", tmp_path / "data")


def shipped_data(tmp_path: Path, shipped_db: Path) -> Data:
    return Data(shipped_db, resources.drawings_dir(), tmp_path / "data")


_pristine: tuple[str, QPalette, QFont] | None = None


def _look(app: QApplication) -> tuple[str, QPalette, QFont]:
    global _pristine
    if _pristine is None:
        _pristine = (app.styleSheet(), QPalette(app.palette()), QFont(app.font()))
    return _pristine


def make_window(
    qtbot: QtBot,
    data: Data,
    *,
    choice: ThemeChoice | None = "light",
    timer: HoldTimer | None = None,
    remember: bool = True,
    with_user: bool = True,
    notice: str | None = None,
    size: tuple[int, int] = (1300, 850),
    user_data: str = "at once",
) -> MainWindow:
    """``user_data``: "at once" (opened before the window, as the tests mostly want),
    "after first paint" (as the program does it), or "pending" (the window waits for
    :meth:`MainWindow.attach_user_data`, which the test calls)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = _look(app)
    data.root.mkdir(parents=True, exist_ok=True)
    pending = user_data != "at once"
    library = data.library(with_user and not pending)
    settings = WindowSettings(data.settings) if remember else None
    if choice is None:  # as the settings remember it
        choice = settings.theme_choice() if settings else "system"
    large = settings.large_type() if settings else False
    appearance = Appearance(app, choice, large)
    window = MainWindow(library, appearance, settings, timer=timer, notice=notice, user_data_pending=pending)
    appearance.setParent(window)
    if user_data == "after first paint":
        UserDataOpener(window, DataPaths(data.root))

    def put_back(_window: MainWindow) -> None:
        if window.isVisible():
            window.close()
        library.close()
        app.setStyleSheet(saved[0])
        app.setPalette(saved[1])
        app.setFont(saved[2])

    qtbot.addWidget(window, before_close_func=put_back)
    window.restore()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    """Close as the user does (notes flushed, settings saved) and free the databases."""
    window.close()
    window.library.close()


def click_link(qtbot: QtBot, browser: QTextBrowser, href: str) -> None:
    """Click the first link to ``href`` in the page, where it is drawn."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the page")
