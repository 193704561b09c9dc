"""All the markers of a view, painted by one item from a few pre-rendered sprites.

A marker item per point stays in the scene for hit testing, tooltips, focus
and labels, but paints nothing itself: thousands of Python ``paint()`` calls
per frame were the body map's whole cost. The layer paints every marker in
one call, each a blit of the sprite for its look (kind, state, size, theme),
and the view caches the result, so panning only blits the cached layer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from tpatlas.gui.theme import Theme

if TYPE_CHECKING:
    from tpatlas.gui.bodymap.items import MarkerItem

Z_MARKER_LAYER = 1.5  # above the zones, below the marker items' labels
FOCUS_GAP = 6.0  # the focus ring's distance outside the symbol
PLAIN, DIMMED, HIGHLIGHTED, SELECTED = "plain", "dimmed", "highlighted", "selected"


@dataclass
class Marks:
    """Which point is selected and which are highlighted: one object the scene, its
    markers and the layer share, so a change of marks touches no marker."""

    selected: str | None = None
    highlighted: frozenset[str] = field(default_factory=frozenset)

    def look(self, point_id: str) -> str:
        if point_id == self.selected:
            return SELECTED
        if point_id in self.highlighted:
            return HIGHLIGHTED
        return DIMMED if self.highlighted else PLAIN


def symbol_path(kind: str, r: float) -> QPainterPath:
    """A circle for a trigger point, a diamond for an acupoint, of radius ``r``."""
    path = QPainterPath()
    if kind == "acupoint":
        d = r * 1.2
        path.addPolygon(QPolygonF([QPointF(0, -d), QPointF(d, 0), QPointF(0, d), QPointF(-d, 0)]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


def paint_marker(painter: QPainter, kind: str, look: str, r: float, theme: Theme) -> None:
    """One marker centred on the painter's origin."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(theme.trigger_point if kind == "trigger_point" else theme.acupoint)
    edge = QColor(theme.marker_edge)
    if look == DIMMED:
        fill.setAlphaF(0.35)
        edge.setAlphaF(0.5)
    if look in (HIGHLIGHTED, SELECTED):
        halo = QColor(theme.selected if look == SELECTED else theme.highlight)
        halo.setAlphaF(0.9 if look == SELECTED else 0.75)
        painter.setPen(QPen(halo, 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(symbol_path(kind, r + 3.5))
    painter.setPen(QPen(edge, 1.6))
    painter.setBrush(QBrush(fill))
    painter.drawPath(symbol_path(kind, r))


def sprite_half_size(radius: float) -> float:
    """Half the side of a sprite: the symbol, its halo and the focus ring fit."""
    return radius + FOCUS_GAP + 2


@lru_cache(maxsize=128)
def sprite(kind: str, look: str, radius: float, theme: Theme, pixel_ratio: float) -> QPixmap:
    half = sprite_half_size(radius)
    side = math.ceil(2 * half * pixel_ratio)
    pixmap = QPixmap(side, side)
    pixmap.setDevicePixelRatio(pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.translate(half, half)
    paint_marker(painter, kind, look, radius, theme)
    painter.end()
    return pixmap


class MarkerLayer(QGraphicsItem):
    """Paints the markers handed to it; knows nothing of what they mean."""

    def __init__(self, rect: QRectF, marks: Marks, theme: Theme, radius: float) -> None:
        super().__init__()
        self._rect = rect
        self._marks = marks
        self._theme = theme
        self._radius = radius
        self._markers: list[tuple[str, str, float, float]] = []  # point id, kind, scene x, y
        self._marker_ids: set[int] = set()
        self._hidden: set[str] = set()
        self.setZValue(Z_MARKER_LAYER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for exposedRect

    def set_markers(self, markers: Sequence[MarkerItem]) -> None:
        self._markers = [(m.point.id, m.point.kind, m.x(), m.y()) for m in markers]
        self._marker_ids = {id(m) for m in markers}
        self._hidden = {m.point.id for m in markers if not m.isVisible()}
        self.update()

    def set_marker_visible(self, point_id: str, visible: bool) -> None:
        if visible:
            self._hidden.discard(point_id)
        else:
            self._hidden.add(point_id)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_radius(self, radius: float) -> None:
        self._radius = radius
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        # The hot loop of the body map: one sprite blit per marker in the exposed
        # area, with the looks and the transformation worked out once per paint.
        t = painter.worldTransform()
        m11, m12, m21, m22, dx, dy = t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()
        half = sprite_half_size(self._radius)
        margin = half / max(math.hypot(m11, m12), 1e-9)  # a sprite's half side in scene units
        exposed = option.exposedRect
        left, top = exposed.left() - margin, exposed.top() - margin
        right, bottom = exposed.right() + margin, exposed.bottom() + margin
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        marks, theme, radius = self._marks, self._theme, self._radius
        highlighted = marks.highlighted
        set_apart = self._hidden | highlighted | {marks.selected}
        look = DIMMED if highlighted else PLAIN
        bulk = {kind: sprite(kind, look, radius, theme, ratio) for kind in ("trigger_point", "acupoint")}
        on_top: list[tuple[bool, str, str, float, float]] = []
        offset_x, offset_y = dx - half + 0.5, dy - half + 0.5  # + 0.5: int() then rounds
        painter.save()
        painter.resetTransform()
        draw = painter.drawPixmap
        for point_id, kind, x, y in self._markers:
            if x < left or x > right or y < top or y > bottom:
                continue
            if point_id in set_apart:
                if point_id not in self._hidden:
                    on_top.append((point_id == marks.selected, point_id, kind, x, y))
                continue
            draw(int(m11 * x + m21 * y + offset_x), int(m12 * x + m22 * y + offset_y), bulk[kind])
        on_top.sort(key=lambda entry: entry[0])  # the selected marker above the highlighted ones
        for is_selected, _point_id, kind, x, y in on_top:
            pixmap = sprite(kind, SELECTED if is_selected else HIGHLIGHTED, radius, theme, ratio)
            draw(int(m11 * x + m21 * y + offset_x), int(m12 * x + m22 * y + offset_y), pixmap)
        self._paint_focus(painter, m11, m12, m21, m22, dx, dy)
        painter.restore()

    def _paint_focus(self, painter: QPainter, *t: float) -> None:
        scene = self.scene()
        focused = scene.focusItem() if scene is not None else None
        if focused is None or id(focused) not in self._marker_ids:
            return
        m11, m12, m21, m22, dx, dy = t
        x, y = focused.x(), focused.y()
        r = self._radius + FOCUS_GAP
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self._theme.accent), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(m11 * x + m21 * y + dx, m12 * x + m22 * y + dy), r, r)
