"""The countdown of one hold (30, 60, 90 s...), independent of any widget.

The clock is injectable so tests can move time instead of waiting for it;
the ticks only look at the clock, so a late tick never makes the hold longer.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

Clock = Callable[[], float]
TICK_MS = 100
IDLE, RUNNING, PAUSED, FINISHED = "idle", "running", "paused", "finished"


class HoldTimer(QObject):
    remaining_did_change = Signal(int)  # whole seconds left, rounded up
    state_did_change = Signal(str)
    finished = Signal()

    def __init__(
        self, clock: Clock = time.monotonic, tick_ms: int = TICK_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._duration = 60.0
        self._left = self._duration  # seconds left when not running
        self._deadline: float | None = None
        self._state = IDLE
        self._shown = math.ceil(self._left)
        self._ticker = QTimer(self)
        self._ticker.setInterval(tick_ms)
        self._ticker.timeout.connect(self._tick)

    @property
    def state(self) -> str:
        return self._state

    @property
    def duration(self) -> int:
        return int(self._duration)

    def remaining(self) -> float:
        if self._deadline is not None:
            return max(self._deadline - self._clock(), 0.0)
        return self._left

    def set_duration(self, seconds: int) -> None:
        """Choose the hold; a running or finished countdown is reset to it."""
        self._duration = float(max(seconds, 1))
        self.reset()

    def start(self, seconds: int | None = None) -> None:
        if seconds is not None:
            self._duration = float(max(seconds, 1))
            self._left = self._duration
        elif self._state in (IDLE, FINISHED):
            self._left = self._duration
        self._deadline = self._clock() + self._left
        self._ticker.start()
        self._set_state(RUNNING)
        self._publish()

    def pause(self) -> None:
        if self._state != RUNNING:
            return
        self._left = self.remaining()
        self._deadline = None
        self._ticker.stop()
        self._set_state(PAUSED)

    def toggle(self) -> None:
        """The one key a therapist needs: start, pause, resume, start again."""
        if self._state == RUNNING:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._ticker.stop()
        self._deadline = None
        self._left = self._duration
        self._set_state(IDLE)
        self._publish()

    def _tick(self) -> None:
        self._publish()
        if self._deadline is not None and self._clock() >= self._deadline:
            self._ticker.stop()
            self._deadline = None
            self._left = 0.0
            self._set_state(FINISHED)
            self.finished.emit()

    def _publish(self) -> None:
        shown = math.ceil(self.remaining() - 1e-9)
        if shown != self._shown:
            self._shown = shown
            self.remaining_did_change.emit(shown)

    def shown_seconds(self) -> int:
        return self._shown

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_did_change.emit(state)


def format_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
