"""A hidden self-test of the real program: click a point with a pointer event, save a screenshot.

Set ``TPATLAS_SELF_TEST=/path/shot.png`` and start ``tpatlas``: once the window is
on screen, a left click is sent through the window system interface at a
marker's position; when its page has opened, the screen is saved to the PNG, a
JSON report beside it, and the program exits (status 0 if the click opened the
point). The end-to-end tests use it in place of a desktop automation tool.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.main_window import MainWindow

ENV = "TPATLAS_SELF_TEST"
POLL_MS = 100
GIVE_UP_MS = 30_000
ALONE_PX = 18  # no other marker this close, so the click cannot hit a neighbour

log = logging.getLogger(__name__)


def lone_marker(window: MainWindow) -> tuple[str, QPoint] | None:
    """A point on the current view, inside the map, with no other marker near it."""
    body_map = window.body_map
    area = body_map.viewport().rect()
    placed = [
        (pid, pos)
        for pid in window.library.atlas.points
        if (pos := body_map.marker_screen_pos(pid)) is not None
        and area.adjusted(20, 20, -20, -20).contains(pos)
    ]
    for pid, pos in placed:
        if all((pos - other).manhattanLength() > ALONE_PX for oid, other in placed if oid != pid):
            return pid, pos
    return None


class SelfTest(QObject):
    """Owned by the window, so it lives as long as the window does."""

    def __init__(self, window: MainWindow, out: Path) -> None:
        super().__init__(window)
        self._window = window
        self._out = out
        self._clicked: str | None = None
        self._waited = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        self._waited += POLL_MS
        if self._waited > GIVE_UP_MS:
            self._finish(False, "timed out")
            return
        handle = self._window.windowHandle()
        if handle is None or not handle.isExposed():
            return
        if self._clicked is None:
            self._click()
        elif self._window.detail.current() == EntryRef("point", self._clicked):
            self._finish(True, "the clicked point's page is open")

    def _click(self) -> None:
        found = lone_marker(self._window)
        if found is None:
            self._finish(False, "no point is on the map")
            return
        point_id, pos = found
        self._clicked = point_id
        viewport = self._window.body_map.viewport()
        in_window = viewport.mapTo(self._window, pos)
        handle = self._window.windowHandle()
        QTest.mouseMove(handle, in_window)
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, in_window)

    def _finish(self, ok: bool, reason: str) -> None:
        self._timer.stop()
        screen = self._window.screen()
        shot = screen.grabWindow(0) if screen is not None else None
        if shot is None or shot.isNull():
            shot = self._window.grab()
        self._out.parent.mkdir(parents=True, exist_ok=True)
        shot.save(str(self._out))
        opened = self._window.detail.current()
        report = {
            "ok": ok,
            "reason": reason,
            "clicked": self._clicked,
            "opened": opened.as_setting() if opened else None,
            "platform": QApplication.platformName(),
            "status": self._window.status.text(),
        }
        self._out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        log.info("self-test: %s", report)
        QApplication.exit(0 if ok else 1)
