"""The scene of one body-map view: it mirrors the atlas (an item per placed point)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from tpatlas.core.model import Atlas, Point, View
from tpatlas.gui.bodymap.drawing import RendererCache
from tpatlas.gui.bodymap.items import (
    LARGE_MARKER_RADIUS,
    MARKER_RADIUS,
    Z_MARKERS,
    Z_SELECTED,
    DrawingItem,
    MarkerItem,
    ZoneItem,
    polygons_path,
)
from tpatlas.gui.bodymap.marker_layer import MarkerLayer, Marks
from tpatlas.gui.theme import Theme

VIEW_HEIGHT = 1000.0
Polygon = tuple[tuple[float, float], ...]
MARGIN = 24.0
LAYER_MARGIN = 60.0  # room for markers at the drawing's edge, at any zoom down to fitting the window
GRID_CELL = 50.0  # scene units per cell of the markers' spatial index


class BodyMapScene(QGraphicsScene):
    def __init__(self, atlas: Atlas, theme: Theme, drawings: Path) -> None:
        super().__init__()
        self._atlas = atlas
        self._theme = theme
        self._renderers = RendererCache(drawings)
        self._view: View | None = None
        self._drawing: DrawingItem | None = None
        self.markers: dict[str, MarkerItem] = {}
        self._zones: list[ZoneItem] = []
        self._marks = Marks()
        self._layer: MarkerLayer | None = None
        self._grid: dict[tuple[int, int], list[MarkerItem]] = {}
        self._labels = False
        self._radius = MARKER_RADIUS
        self._figure_sides: dict[str, float] = {}  # by view: see _figure_right_x

    # -- geometry --------------------------------------------------------------------

    @property
    def view(self) -> View | None:
        return self._view

    @property
    def drawing_width(self) -> float:
        return VIEW_HEIGHT * (self._view.aspect if self._view else 1.0)

    @property
    def marker_radius(self) -> float:
        return self._radius

    def to_fraction(self, pos: QPointF) -> tuple[float, float]:
        return pos.x() / self.drawing_width, pos.y() / VIEW_HEIGHT

    def drawing_rect(self) -> QRectF:
        return QRectF(0, 0, self.drawing_width, VIEW_HEIGHT)

    # -- building ------------------------------------------------------------------------

    def show_view(self, view: View, only: Iterable[str] | None = None) -> None:
        """The view's drawing and a marker per point placed on it (per point of ``only``, if given)."""
        self.clear()
        self.markers = {}
        self._zones = []
        self._grid = {}
        self._view = view
        self._drawing = DrawingItem(
            self._renderers.get(view.drawing, self._theme), self.drawing_width, VIEW_HEIGHT
        )
        self.addItem(self._drawing)
        wanted = set(only) if only is not None else None
        for point, placement in self._atlas.points_on_view(view.id):
            if wanted is not None and point.id not in wanted:
                continue
            marker = MarkerItem(point, self._theme, self._radius, self._marks)
            marker.setPos(placement.x * self.drawing_width, placement.y * VIEW_HEIGHT)
            marker.set_label_visible(self._labels)
            self.addItem(marker)
            self.markers[point.id] = marker
            self._grid.setdefault(_cell(marker.x(), marker.y()), []).append(marker)
        rect = self.drawing_rect()
        self._layer = self._marker_layer(rect) if self.markers else None
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self._apply_selection(None)

    def set_drawing_visible(self, visible: bool) -> None:
        """Show or hide the line drawing (a picture may have it already as its background)."""
        if self._drawing is not None:
            self._drawing.setVisible(visible)

    def _marker_layer(self, rect: QRectF) -> MarkerLayer:
        layer = MarkerLayer(
            rect.adjusted(-LAYER_MARGIN, -LAYER_MARGIN, LAYER_MARGIN, LAYER_MARGIN),
            self._marks,
            self._theme,
            self._radius,
        )
        layer.set_markers(list(self.markers.values()))
        for marker in self.markers.values():
            marker.paint_with(layer)
        self.addItem(layer)
        return layer

    def markers_near(self, x: float, y: float, reach: float) -> list[MarkerItem]:
        """The markers within ``reach`` scene units of (x, y) in each direction, from the
        spatial index: a click or a hover tests a few markers, not every one."""
        found: list[MarkerItem] = []
        left, top = _cell(x - reach, y - reach)
        right, bottom = _cell(x + reach, y + reach)
        for col in range(left, right + 1):
            for row in range(top, bottom + 1):
                for marker in self._grid.get((col, row), ()):
                    if abs(marker.x() - x) <= reach and abs(marker.y() - y) <= reach:
                        found.append(marker)
        return found

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._view and self._drawing:
            self._drawing.set_renderer(self._renderers.get(self._view.drawing, theme))
        for marker in self.markers.values():
            marker.set_theme(theme)
        if self._layer is not None:
            self._layer.set_theme(theme)
        for zone in self._zones:
            zone.set_theme(theme)

    # -- marks ---------------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        """The id of the selected point, whether or not it is on this view."""
        return self._marks.selected

    def set_selected(self, point_id: str | None) -> None:
        previous = self._marks.selected
        self._marks.selected = point_id
        self._apply_selection(previous)

    def set_highlighted(self, point_ids: Iterable[str]) -> None:
        highlighted = frozenset(point_ids)
        if highlighted != self._marks.highlighted:
            self._marks.highlighted = highlighted
            self.refresh_markers()

    def _apply_selection(self, previous: str | None) -> None:
        # the marks live in one object the markers share: only the two markers
        # whose stacking changes are touched, whatever the number of markers
        if previous is not None and previous in self.markers:
            self.markers[previous].setZValue(Z_MARKERS)
        selected = self._marks.selected
        if selected is not None and selected in self.markers:
            self.markers[selected].setZValue(Z_SELECTED)
        self.refresh_markers()

    def refresh_markers(self) -> None:
        """Repaint the markers: their marks, or which one has the focus, changed."""
        if self._layer is not None:
            self._layer.marks_changed()

    def set_labels_visible(self, visible: bool) -> None:
        self._labels = visible
        for marker in self.markers.values():
            marker.set_label_visible(visible)

    def set_large_markers(self, large: bool) -> None:
        self._radius = LARGE_MARKER_RADIUS if large else MARKER_RADIUS
        for marker in self.markers.values():
            marker.set_radius(self._radius)
        if self._layer is not None:
            self._layer.set_radius(self._radius)

    # -- zones -----------------------------------------------------------------------------

    def clear_zones(self) -> None:
        for zone in self._zones:
            self.removeItem(zone)
        self._zones = []

    def _figure_right_x(self) -> float:
        """Where the figure's right side is, as a fraction: points are placed on it, so
        their mean shows it (the viewer's left on front views, right on back views).
        All the view's points count, also those without a marker here (``only``)."""
        if self._view is None:
            return 0.25
        side = self._figure_sides.get(self._view.id)
        if side is None:
            xs = [placement.x for _point, placement in self._atlas.points_on_view(self._view.id)]
            side = 0.25 if not xs or sum(xs) / len(xs) < 0.5 else 0.75
            self._figure_sides[self._view.id] = side
        return side

    def _shapes_on_side(self, area_ids: Iterable[str], side_x: float | None) -> list[Polygon]:
        """The shapes of the areas; of an area drawn twice (left and right), the copy
        on the side of ``side_x``, as referral is drawn on the side of the point."""
        assert self._view is not None
        by_area: dict[str, list[Polygon]] = {}
        wanted = set(area_ids)
        for shape in self._view.shapes:
            if shape.area_id in wanted:
                by_area.setdefault(shape.area_id, []).append(shape.polygon)
        chosen: list[Polygon] = []
        for polygons in by_area.values():
            if side_x is None or len(polygons) < 2:
                chosen.extend(polygons)
                continue
            chosen.append(min(polygons, key=lambda poly: abs(_centre_x(poly) - side_x)))
        return chosen

    def _add_zone(self, area_ids: Iterable[str], style: str, side_x: float | None = None) -> bool:
        if self._view is None:
            return False
        polygons = self._shapes_on_side(area_ids, side_x)
        if not polygons:
            return False
        zone = ZoneItem(polygons_path(polygons, self.drawing_width, VIEW_HEIGHT), style, self._theme)
        self.addItem(zone)
        self._zones.append(zone)
        return True

    def show_referral(self, point: Point | None) -> bool:
        """Draw the point's referral zones; True if any of them is visible on this view."""
        self.clear_zones()
        if point is None or point.referral is None:
            return False
        marker = self.markers.get(point.id)
        side_x = marker.x() / self.drawing_width if marker else self._figure_right_x()
        spill = self._add_zone(point.referral.spillover, "spillover", side_x)
        primary = self._add_zone(point.referral.primary, "primary", side_x)
        return primary or spill

    def show_pain_areas(self, area_ids: Iterable[str]) -> None:
        self.clear_zones()
        self._add_zone(area_ids, "pain")

    def zone_styles(self) -> list[str]:
        return [z.style for z in self._zones]


def _centre_x(polygon: Polygon) -> float:
    return sum(x for x, _ in polygon) / len(polygon)


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x // GRID_CELL), int(y // GRID_CELL)
