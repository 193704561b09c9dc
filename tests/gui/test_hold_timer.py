"""The hold timer: a countdown on an injectable clock, a silent visual end, keyboard control."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.window_harness import Data, click_link, make_window, shipped_data
from tpatlas.gui.entry_ref import EntryRef, timer_link
from tpatlas.gui.hold_timer import FINISHED, IDLE, PAUSED, RUNNING, HoldTimer, format_seconds
from tpatlas.gui.hold_timer_bar import HoldTimerBar
from tpatlas.gui.theme import LIGHT


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_counts_down_and_signals_the_end(qtbot: QtBot, clock: FakeClock) -> None:
    timer = HoldTimer(clock, tick_ms=10)
    seen: list[int] = []
    timer.remaining_did_change.connect(seen.append)
    timer.start(30)
    assert timer.state == RUNNING and seen == [30]
    clock.advance(10.2)
    qtbot.waitUntil(lambda: timer.shown_seconds() == 20)
    with qtbot.waitSignal(timer.finished, timeout=1000):
        clock.advance(20)
    assert timer.state == FINISHED
    assert seen == [30, 20, 0]


def test_pause_holds_the_time_and_resume_continues(qtbot: QtBot, clock: FakeClock) -> None:
    timer = HoldTimer(clock, tick_ms=10)
    timer.start(60)
    clock.advance(15)
    timer.toggle()
    assert timer.state == PAUSED
    clock.advance(500)  # the therapist answers the phone
    assert timer.remaining() == pytest.approx(45)
    timer.toggle()
    assert timer.state == RUNNING
    with qtbot.waitSignal(timer.finished, timeout=1000):
        clock.advance(45)


def test_reset_and_a_new_hold(clock: FakeClock) -> None:
    timer = HoldTimer(clock)
    timer.start(90)
    clock.advance(30)
    timer.reset()
    assert timer.state == IDLE and timer.remaining() == 90
    timer.set_duration(30)
    assert timer.duration == 30 and timer.shown_seconds() == 30
    assert format_seconds(90) == "1:30" and format_seconds(5) == "0:05"


def test_the_bar_flashes_silently_at_the_end(qtbot: QtBot, clock: FakeClock) -> None:
    timer = HoldTimer(clock, tick_ms=10)
    bar = HoldTimerBar(timer, LIGHT, flash_ms=20)
    qtbot.addWidget(bar)
    bar.show()
    bar.set_presets((30, 60, 90), "Trigger point pressure release")
    assert bar.presets() == [30, 60, 90]
    qtbot.mouseClick(bar.preset_buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.start_button, Qt.MouseButton.LeftButton)
    assert bar.start_button.text() == "Pause"
    assert bar.countdown.text() == "0:30"
    with qtbot.waitSignal(timer.finished, timeout=1000):
        clock.advance(30)
    assert bar.flashing()
    assert bar.countdown.text() == "Done"
    assert bar.countdown.accessibleDescription() == "Hold finished"
    qtbot.waitUntil(lambda: not bar.flashing(), timeout=2000)
    assert LIGHT.highlight.lower() in bar.styleSheet().lower(), "stays coloured until the next hold"
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert LIGHT.highlight.lower() not in bar.styleSheet().lower()


def test_a_technique_page_starts_its_hold_and_the_keyboard_runs_it(
    qtbot: QtBot, clock: FakeClock, tmp_path: Path, shipped_db: Path
) -> None:
    data: Data = shipped_data(tmp_path, shipped_db)
    timer = HoldTimer(clock, tick_ms=10)
    window = make_window(qtbot, data, timer=timer)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.navigator.open(EntryRef("technique", "tp-pressure-release"))
    assert window.timer_bar.presets() == [30, 60, 90]
    assert timer_link(60) in window.detail.browser.toHtml()
    click_link(qtbot, window.detail.browser, timer_link(60))
    assert timer.state == RUNNING and timer.duration == 60
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert timer.state == PAUSED
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(timer.finished, timeout=1000):
        clock.advance(60)
    assert window.timer_bar.flashing()
    qtbot.keyClick(
        window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert timer.state == IDLE
