"""The body map's frames while panning and zooming, and switching views.

A frame is one pan or zoom step followed by rendering the map's viewport
(``viewport().grab()``, which paints every visible item). The baseline runs
the same steps over the same view with only the drawing on it.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.qt_env import application
from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.gui.bodymap.widget import BodyMapWidget
from tpatlas.gui.theme import LIGHT
from tpatlas.library import Library

SECTION = "map"
MAP_SIZE = (1100, 850)
PAN_PIXELS = 60


def open_map(library: Library) -> BodyMapWidget:
    widget = BodyMapWidget(library, LIGHT)
    widget.resize(*MAP_SIZE)
    widget.show()
    application().processEvents()
    return widget


def select_with_referral(widget: BodyMapWidget, library: Library) -> str | None:
    """Select a trigger point whose referral zone is drawn on the current view."""
    for point_id in widget.scene().markers:
        point = library.atlas.points[point_id]
        if point.referral is not None:
            widget.select_point(point_id)
            if widget.scene().zone_styles():
                return point_id
    return None


def _pan(widget: BodyMapWidget, dx: int, dy: int) -> Callable[[], None]:
    view = widget.map_view()

    def pan() -> None:
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)

    return pan


def pan_zoom_script(widget: BodyMapWidget) -> list[Callable[[], None]]:
    """Zoom in, pan around in a square, zoom out: one round trip back to the fitted view."""
    p = PAN_PIXELS
    zoom_in, zoom_out = widget.zoom_in, widget.zoom_out
    pans = [
        _pan(widget, dx, dy)
        for dx, dy in ((p, 0), (p, 0), (0, p), (0, p), (-p, 0), (-p, 0), (0, -p), (0, -p))
    ]
    return [zoom_in, zoom_in, *pans, zoom_out, zoom_in, *pans[:4], zoom_out, zoom_out, widget.zoom_to_fit]


def _frames(widget: BodyMapWidget, rounds: int) -> list[float]:
    viewport = widget.map_view().viewport()
    widget.zoom_to_fit()
    viewport.grab()
    samples: list[float] = []
    for _ in range(rounds):
        for step in pan_zoom_script(widget):
            samples.append(elapsed_ms(lambda step=step: (step(), viewport.grab())))
    return samples


def _markers_in_viewport(widget: BodyMapWidget) -> int:
    rect = widget.viewport().rect()
    return sum(1 for pid in widget.scene().markers if rect.contains(widget.marker_screen_pos(pid)))


def measure_pan_zoom(library: Library, label: str, rounds: int) -> Figure:
    widget = open_map(library)
    try:
        selected = select_with_referral(widget, library)
        widget.zoom_to_fit()
        visible = _markers_in_viewport(widget)
        samples = _frames(widget, rounds)
        scene = widget.scene()
        if scene.view is not None:
            scene.show_view(scene.view, only=())  # the drawing alone
        baseline = _frames(widget, rounds)
    finally:
        widget.close()
        widget.deleteLater()
    return Figure(
        SECTION,
        f"pan/zoom frame, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(baseline),
        "same frames, drawing only",
        on="p95",
        extra={"markers_at_fit": visible, "referral_of": selected},
    )


def measure_view_switch(library: Library, rounds: int) -> Figure:
    """Turn to each view in turn and render it, against re-rendering the current one."""
    widget = open_map(library)
    viewport = widget.map_view().viewport()
    views = [v.id for v in widget.views()]
    try:
        switches: list[float] = []
        renders: list[float] = []
        for _ in range(rounds):
            for view_id in views:
                switches.append(elapsed_ms(lambda v=view_id: (widget.set_view(v), viewport.grab())))
                renders.append(elapsed_ms(viewport.grab))
    finally:
        widget.close()
        widget.deleteLater()
    return Figure(
        SECTION,
        "switch view (shipped atlas)",
        "ms",
        Summary.of(switches),
        Summary.of(renders),
        "re-render the current view",
        on="p95",
        extra={"views": len(views)},
    )
