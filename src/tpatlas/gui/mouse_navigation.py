"""The mouse's back and forward buttons, anywhere in one window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class MouseNavigation(QObject):
    """An application event filter: back/forward presses inside ``window`` become signals."""

    back_requested = Signal()
    forward_requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonPress or not isinstance(event, QMouseEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
            return True
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
            return True
        return False
