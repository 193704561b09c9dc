"""One running copy per data folder; a second start asks the first to come forward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSysInfo
from pytestqt.qtbot import QtBot

from tpatlas.gui.single_instance import SingleInstance


def test_second_copy_is_refused_and_wakes_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    lock = tmp_path / "data" / "tpatlas.lock"
    first = SingleInstance(lock)
    assert first.acquire()
    second = SingleInstance(lock)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.notify_running()
    finally:
        first.release()
    third = SingleInstance(lock)
    assert third.acquire(), "released: the next start runs"
    third.release()


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    lock = tmp_path / "tpatlas.lock"
    # what a crashed copy leaves behind: the lock of a process id that no longer runs, on this machine
    lock.write_text(f"{2**22 - 3}\ntpatlas\n{QSysInfo.machineHostName()}\n")
    instance = SingleInstance(lock)
    try:
        assert instance.acquire()
    finally:
        instance.release()


def test_nobody_answers_when_nothing_runs(tmp_path: Path) -> None:
    assert not SingleInstance(tmp_path / "tpatlas.lock").notify_running()
