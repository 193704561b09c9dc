"""A machine that cannot show the window is told how to fix it, in one sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tpatlas import doctor
from tpatlas.paths import DataPaths


def test_missing_xcb_library_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(doctor, "_loadable", lambda library: library != "libxcb-cursor.so.0")
    problem = doctor.window_problem()
    assert problem is not None
    assert "sudo apt-get install libxcb-cursor0" in problem
    assert "\n" not in problem


def test_no_display_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor.sys, "platform", "linux")
    monkeypatch.setattr(doctor, "_loadable", lambda library: True)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    problem = doctor.window_problem()
    assert problem is not None and "No display was found" in problem


def test_offscreen_needs_no_window_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(doctor, "_loadable", lambda library: library not in doctor.XCB_LIBRARIES)
    assert doctor.window_problem() is None


def test_doctor_lists_every_check(tmp_path: Path, run_cli: Callable[..., CliResult]) -> None:
    names = [check.name for check in doctor.run_checks(DataPaths(tmp_path))]
    assert names[:2] == ["python", "PySide6"] and "data folder" in names
    result = run_cli("doctor")
    assert "python:" in result.out and "data folder:" in result.out
