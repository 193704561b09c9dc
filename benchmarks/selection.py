"""A click on a marker: on the body map alone, to ``point_activated``.

The baseline is the same click on an empty spot of the map, which opens
nothing: the cost of delivering a click and repainting at all.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from benchmarks.map_render import open_map
from benchmarks.qt_env import application
from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.gui.bodymap.widget import BodyMapWidget
from tpatlas.library import Library

SECTION = "selection"


def clickable_points(widget: BodyMapWidget, count: int, seed: int = 5) -> list[str]:
    """Markers that a click at their centre reaches (not covered by a neighbour)."""
    view = widget.map_view()
    rect = view.viewport().rect()
    found = []
    for point_id in widget.scene().markers:
        pos = widget.marker_screen_pos(point_id)
        if pos is None or not rect.contains(pos):
            continue
        nearest = view.marker_at(pos)
        if nearest is not None and nearest.point.id == point_id:
            found.append(point_id)
    random.Random(seed).shuffle(found)
    return found[:count]


def empty_spot(widget: BodyMapWidget) -> QPoint:
    view = widget.map_view()
    rect = view.viewport().rect()
    for y in range(rect.top() + 5, rect.bottom(), 7):
        for x in range(rect.left() + 5, rect.right(), 7):
            if view.marker_at(QPoint(x, y)) is None:
                return QPoint(x, y)
    return QPoint(2, 2)


def click(widget: BodyMapWidget, pos: QPoint) -> None:
    """A click and the frame it causes."""
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    application().processEvents()


def measure_map_click(library: Library, label: str, clicks: int) -> Figure:
    widget = open_map(library)
    markers = len(widget.scene().markers)
    activated: list[str] = []
    widget.point_activated.connect(activated.append)
    try:
        targets = clickable_points(widget, clicks)
        spot = empty_spot(widget)
        samples, baseline = [], []
        for point_id in targets:
            pos = widget.marker_screen_pos(point_id)  # a click may have scrolled the map
            samples.append(elapsed_ms(lambda pos=pos: click(widget, pos)))
            if activated[-1:] != [point_id]:
                raise RuntimeError(f"a click on {point_id} activated {activated[-1:]}")
            baseline.append(elapsed_ms(lambda: click(widget, spot)))
    finally:
        widget.close()
        widget.deleteLater()
    return Figure(
        SECTION,
        f"click to point_activated, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(baseline),
        "click on an empty spot",
        on="p95",
        extra={"markers": markers},
    )
