"""The main window: a click on a marker to its page shown, and typing into the search box.

Each timing is the event and the frame it causes (``processEvents`` paints
what changed into the offscreen backing store), as a user would see it.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow

from benchmarks.qt_env import application
from benchmarks.search import QUERIES
from benchmarks.selection import click, clickable_points, empty_spot
from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.library import Library

if TYPE_CHECKING:
    from tpatlas.gui.main_window import MainWindow

WINDOW_SIZE = (1400, 900)


def available() -> bool:
    return all(importlib.util.find_spec(f"tpatlas.gui.{name}") for name in ("main_window", "launch"))


def open_window(library: Library) -> MainWindow:
    from tpatlas.gui.appearance import Appearance
    from tpatlas.gui.main_window import MainWindow

    app = application()
    window = MainWindow(library, Appearance(app, "light", False))
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    return window


def measure_click_to_detail(library: Library, label: str, clicks: int) -> Figure:
    from tpatlas.gui.entry_ref import EntryRef

    window = open_window(library)
    body_map = window.body_map
    try:
        spot = empty_spot(body_map)
        samples, baseline = [], []
        for point_id in clickable_points(body_map, clicks):
            pos = body_map.marker_screen_pos(point_id)
            samples.append(elapsed_ms(lambda pos=pos: click(body_map, pos)))
            if window.detail.current() != EntryRef("point", point_id):
                raise RuntimeError(f"a click on {point_id} opened {window.detail.current()}")
            baseline.append(elapsed_ms(lambda: click(body_map, spot)))
    finally:
        window.close()
        window.deleteLater()
    return Figure(
        "selection",
        f"click to detail page shown, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(baseline),
        "click on an empty spot",
        on="p95",
    )


def _type(box: QLineEdit, text: str) -> list[float]:
    app = application()
    box.clear()
    app.processEvents()
    return [elapsed_ms(lambda ch=ch: (QTest.keyClick(box, ch), app.processEvents())) for ch in text]


def measure_typing(library: Library, label: str, repeat: int) -> Figure:
    """Keystroke to result list repainted, against a keystroke into a bare line edit."""
    window = open_window(library)
    bare = QMainWindow()
    bare_box = QLineEdit(bare)
    bare.setCentralWidget(bare_box)
    bare.show()
    try:
        box = window.search.search_box
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        samples = [ms for _ in range(repeat) for query in QUERIES for ms in _type(box, query)]
        baseline = [ms for _ in range(repeat) for query in QUERIES for ms in _type(bare_box, query)]
    finally:
        window.close()
        window.deleteLater()
        bare.close()
        bare.deleteLater()
    return Figure(
        "search",
        f"keystroke to result list painted, window, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(baseline),
        "keystroke into a bare line edit",
        on="p95",
        extra={"points": len(library.atlas.points)},
    )
