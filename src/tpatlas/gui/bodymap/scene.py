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
    DrawingItem,
    MarkerItem,
    ZoneItem,
    polygons_path,
)
from tpatlas.gui.theme import Theme

VIEW_HEIGHT = 1000.0
Polygon = tuple[tuple[float, float], ...]
MARGIN = 24.0


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
        self._selected: str | None = None
        self._highlighted: set[str] = set()
        self._labels = False
        self._radius = MARKER_RADIUS

    # -- geometry --------------------------------------------------------------------

    @property
    def view(self) -> View | None:
        return self._view

    @property
    def drawing_width(self) -> float:
        return VIEW_HEIGHT * (self._view.aspect if self._view else 1.0)

    def to_fraction(self, pos: QPointF) -> tuple[float, float]:
        return pos.x() / self.drawing_width, pos.y() / VIEW_HEIGHT

    def drawing_rect(self) -> QRectF:
        return QRectF(0, 0, self.drawing_width, VIEW_HEIGHT)

    # -- building ------------------------------------------------------------------------

    def show_view(self, view: View) -> None:
        self.clear()
        self.markers = {}
        self._zones = []
        self._view = view
        self._drawing = DrawingItem(
            self._renderers.get(view.drawing, self._theme), self.drawing_width, VIEW_HEIGHT
        )
        self.addItem(self._drawing)
        for point, placement in self._atlas.points_on_view(view.id):
            marker = MarkerItem(point, self._theme, self._radius)
            marker.setPos(placement.x * self.drawing_width, placement.y * VIEW_HEIGHT)
            marker.set_label_visible(self._labels)
            self.addItem(marker)
            self.markers[point.id] = marker
        self.setSceneRect(self.drawing_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self._apply_marks()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._view and self._drawing:
            self._drawing.set_renderer(self._renderers.get(self._view.drawing, theme))
        for marker in self.markers.values():
            marker.set_theme(theme)
        for zone in self._zones:
            zone.set_theme(theme)

    # -- marks ---------------------------------------------------------------------------

    def set_selected(self, point_id: str | None) -> None:
        self._selected = point_id
        self._apply_marks()

    def set_highlighted(self, point_ids: Iterable[str]) -> None:
        self._highlighted = set(point_ids)
        self._apply_marks()

    def _apply_marks(self) -> None:
        dim_others = bool(self._highlighted)
        for point_id, marker in self.markers.items():
            marker.set_state(
                selected=point_id == self._selected,
                highlighted=point_id in self._highlighted,
                dimmed=dim_others and point_id not in self._highlighted,
            )

    def set_labels_visible(self, visible: bool) -> None:
        self._labels = visible
        for marker in self.markers.values():
            marker.set_label_visible(visible)

    def set_large_markers(self, large: bool) -> None:
        self._radius = LARGE_MARKER_RADIUS if large else MARKER_RADIUS
        for marker in self.markers.values():
            marker.set_radius(self._radius)

    # -- zones -----------------------------------------------------------------------------

    def clear_zones(self) -> None:
        for zone in self._zones:
            self.removeItem(zone)
        self._zones = []

    def _figure_right_x(self) -> float:
        """Where the figure's right side is, as a fraction: points are placed on it, so
        their mean shows it (the viewer's left on front views, right on back views)."""
        xs = [m.x() / self.drawing_width for m in self.markers.values()]
        return 0.25 if not xs or sum(xs) / len(xs) < 0.5 else 0.75

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
