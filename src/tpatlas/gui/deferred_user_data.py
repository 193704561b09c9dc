"""Opening the user's notes and favourites just after the window is first painted.

The user database is read through SQLAlchemy, whose import alone costs about as
much as starting a bare Qt window; done before the window, it delayed the first
picture by a third. So the window comes first and the notes a moment later. A
note typed meanwhile is kept by the note editor and written then; the questions
about a damaged database, and the way out ("quit"), work as before, over the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tpatlas.gui.main_window import MainWindow
from tpatlas.paths import DataPaths

log = logging.getLogger(__name__)

#: if the window is never painted (started minimised), the notes open after this long anyway
FALLBACK_MS = 1500


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # from the event loop: after this paint pass has finished and gone to the screen
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` just after ``widget`` is painted for the first time."""
    _FirstPaint(widget, callback)


class UserDataOpener(QObject):
    """Opens the user database for a window shown with ``user_data_pending``; owned by it."""

    def __init__(self, window: MainWindow, paths: DataPaths) -> None:
        super().__init__(window)
        self._window = window
        self._paths = paths
        self._state = "waiting"  # then "opening", then "open"
        after_first_paint(window.body_map.viewport(), self.open)
        QTimer.singleShot(FALLBACK_MS, self, self.open)
        window.user_data_wanted.connect(self.open)  # closed before that: open now, to save notes

    def is_open(self) -> bool:
        return self._state == "open"

    def open(self) -> None:
        """Open the user database now, once (later calls do nothing)."""
        if self._state != "waiting":
            return
        self._state = "opening"
        from tpatlas.gui.recovery_dialog import ask_recovery, inform
        from tpatlas.gui.user_data import open_user_data

        window = self._window
        data = open_user_data(
            self._paths,
            lambda problem, has_backup: ask_recovery(problem, has_backup, window),
            lambda message: inform(message, window),
        )
        self._state = "open"
        if data is None:  # the user chose to quit rather than go on without their notes
            log.info("the user database could not be opened; the user chose to quit")
            window.attach_user_data(None)
            QApplication.quit()
            return
        window.attach_user_data(data.store, data.notice)
        log.info("user data %s", "opened" if data.store else f"unavailable: {data.notice}")
