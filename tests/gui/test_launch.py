"""Starting the window: a check before Qt starts, and atlas problems told in one sentence."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tpatlas.atlas_files import ContentSource
from tpatlas.content.synthetic import write_content
from tpatlas.gui import launch
from tpatlas.gui.crash_guard import CrashGuard
from tpatlas.paths import DataPaths


def test_no_window_possible_prints_the_fix_and_returns_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(launch, "window_problem", lambda: "No display was found (DISPLAY is not set).")
    code = launch.run_gui(DataPaths(tmp_path), ContentSource.shipped())
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.strip() == "tpatlas: No display was found (DISPLAY is not set)."
    assert "Traceback" not in captured.err + captured.out


def test_broken_content_without_an_earlier_atlas_is_told_not_raised(tmp_path: Path) -> None:
    content = write_content(tmp_path / "pack", 5)
    (content / "techniques" / "techniques.yaml").write_text("techniques: [{id: broken}]\n")
    told: list[str] = []
    store = launch.open_atlas(
        DataPaths(tmp_path / "data"), ContentSource.from_content_dir(content), told.append
    )
    assert store is None
    assert told and "no earlier atlas" in told[0]


def test_broken_content_falls_back_to_the_previous_atlas(tmp_path: Path) -> None:
    content = write_content(tmp_path / "pack", 5)
    paths = DataPaths(tmp_path / "data")
    source = ContentSource.from_content_dir(content)
    first = launch.open_atlas(paths, source, print)
    assert first is not None
    first.close()
    (content / "techniques" / "techniques.yaml").write_text("techniques: [{id: broken}]\n")
    told: list[str] = []
    store = launch.open_atlas(paths, source, told.append)
    assert store is not None
    store.close()
    assert told and "previous atlas is shown" in told[0]


def test_an_unexpected_error_is_logged_and_told_in_one_line(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    log = tmp_path / "tpatlas.log"
    handler = logging.FileHandler(log)
    logging.getLogger("tpatlas").addHandler(handler)
    try:
        try:
            raise ValueError("a bug of ours")
        except ValueError as exc:
            CrashGuard(log).handle(type(exc), exc, exc.__traceback__)
    finally:
        logging.getLogger("tpatlas").removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a bug of ours" in err and "Traceback" not in err
    assert told and "notes are saved" in told[0]
    assert "Traceback" in log.read_text(), "the details are kept for a bug report"
