"""The hold timer as a bar under the map: presets, a large countdown, a silent signal.

The end of a hold is shown, never heard: the bar flashes in the theme's
highlight colour a few times and then stays coloured until the next hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tpatlas.gui.hold_timer import FINISHED, IDLE, PAUSED, RUNNING, HoldTimer, format_seconds
from tpatlas.gui.theme import Theme

DEFAULT_PRESETS = (30, 60, 90)
FLASH_MS = 350
FLASHES = 8


class HoldTimerBar(QFrame):
    def __init__(
        self, timer: HoldTimer, theme: Theme, parent: QWidget | None = None, flash_ms: int = FLASH_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("holdTimerBar")
        self.timer = timer
        self._theme = theme
        self._large = False
        self._flash_step = 0
        self._flasher = QTimer(self)
        self._flasher.setInterval(flash_ms)
        self._flasher.timeout.connect(self._flash)
        self.title = QLabel("Hold timer", self)
        self.title.setObjectName("panelCaption")
        self.source = QLabel(self)
        self.source.setObjectName("muted")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._preset_row = QHBoxLayout()
        self._preset_row.setSpacing(4)
        self.countdown = QLabel(self)
        self.countdown.setAccessibleName("Hold time remaining")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setMinimumWidth(96)
        self.start_button = QPushButton("Start", self)
        self.start_button.setAccessibleName("Start or pause the hold timer")
        self.start_button.setToolTip("Start or pause the hold (Ctrl+T)")
        self.start_button.clicked.connect(timer.toggle)
        self.reset_button = QPushButton("Reset", self)
        self.reset_button.setAccessibleName("Reset the hold timer")
        self.reset_button.setToolTip("Reset the hold (Ctrl+Shift+T)")
        self.reset_button.clicked.connect(timer.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(self._preset_row)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        timer.remaining_did_change.connect(self._show_remaining)
        timer.state_did_change.connect(self._on_state)
        timer.finished.connect(self._start_flashing)
        self.set_presets(DEFAULT_PRESETS, "")
        self._show_remaining(timer.shown_seconds())
        self._on_state(timer.state)

    # -- presets ---------------------------------------------------------------------

    def set_presets(self, seconds: Sequence[int], source: str) -> None:
        """The holds a technique's dosage suggests; ``source`` names the technique."""
        seconds = tuple(seconds) or DEFAULT_PRESETS
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.deleteLater()
        for value in seconds:
            button = QPushButton(f"{value} s", self)
            button.setObjectName("preset")
            button.setCheckable(True)
            button.setAccessibleName(f"Hold {value} seconds")
            button.clicked.connect(lambda _checked=False, v=value: self.choose(v, start=False))
            self._group.addButton(button, value)
            self._preset_row.addWidget(button)
        self.source.setText(source)
        self.source.setToolTip(f"Holds suggested by {source}" if source else "")
        if self.timer.state == IDLE:  # never cut short a hold in progress or its end signal
            self.choose(
                seconds[0] if self.timer.duration not in seconds else self.timer.duration, start=False
            )
        self._check_preset()

    def presets(self) -> list[int]:
        return [self._group.id(b) for b in self._group.buttons()]

    def preset_buttons(self) -> list[QAbstractButton]:
        return self._group.buttons()

    def choose(self, seconds: int, start: bool) -> None:
        """Set the hold; start it at once when asked (e.g. from a technique's page)."""
        self._stop_flashing()
        if start:
            self.timer.start(seconds)
        else:
            self.timer.set_duration(seconds)
        self._check_preset()

    def _check_preset(self) -> None:
        button = self._group.button(self.timer.duration)
        if button is not None:
            button.setChecked(True)

    # -- showing the countdown -----------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._paint()

    def set_large(self, large: bool) -> None:
        self._large = large
        self._paint()

    def flashing(self) -> bool:
        return self._flasher.isActive()

    def _show_remaining(self, seconds: int) -> None:
        self.countdown.setText(format_seconds(seconds))

    def _on_state(self, state: str) -> None:
        self.start_button.setText({RUNNING: "Pause", PAUSED: "Resume"}.get(state, "Start"))
        if state == RUNNING:
            self._stop_flashing()
        description = {
            RUNNING: "running",
            PAUSED: "paused",
            FINISHED: "Hold finished",
        }.get(state, "ready")
        self.countdown.setAccessibleDescription(description)
        self._paint()

    def _start_flashing(self) -> None:
        self._flash_step = 0
        self._flasher.start()
        self.countdown.setText("Done")
        self._paint()

    def _stop_flashing(self) -> None:
        self._flasher.stop()
        self._flash_step = 0

    def _flash(self) -> None:
        self._flash_step += 1
        if self._flash_step >= FLASHES:
            self._flasher.stop()
        self._paint()

    def _alert_colours(self) -> tuple[str, str]:
        t = self._theme
        background = QColor(t.highlight)
        text = max((t.text, t.panel), key=lambda c: abs(QColor(c).lightness() - background.lightness()))
        return t.highlight, text

    def _paint(self) -> None:
        t = self._theme
        finished = self.timer.state == FINISHED
        lit = finished and (not self._flasher.isActive() or self._flash_step % 2 == 0)
        digits = 34 if self._large else 22
        if lit:
            background, text = self._alert_colours()
        else:
            background, text = t.panel, (t.accent if self.timer.state == RUNNING else t.text)
        self.setStyleSheet(
            f"#holdTimerBar {{ background-color: {background}; border-top: 1px solid {t.border}; }}"
        )
        self.countdown.setStyleSheet(
            f"color: {text}; font-size: {digits}pt; font-weight: 600; padding: 0px 8px;"
        )
        self.title.setStyleSheet(f"color: {text if lit else t.muted};")
        self.source.setStyleSheet(f"color: {text if lit else t.muted};")
