"""All the markers of a view, painted by one item from a few pre-rendered sprites.

A marker item per point stays in the scene for hit testing, tooltips, focus
and labels, but paints nothing itself: thousands of Python ``paint()`` calls
per frame were the body map's whole cost. The layer paints every marker in
one call, each a blit of the sprite for its look (kind, state, size, theme);
the few markers set apart (highlighted, selected) are painted over it, and on
a crowded view Qt keeps its picture, so highlighting and selecting repaint only
those (see :class:`MarkerLayer`).
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
DIM_OPACITY = 0.4  # the markers not highlighted while some are
CACHED_FROM = 4000  # markers on a view from which their picture is kept (see MarkerLayer)


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


@dataclass(frozen=True, slots=True)
class _DeviceMapping:
    """Scene to device pixels for one paint: the world transform, the sprites' offset and
    the exposed area widened by a sprite's half side."""

    m11: float
    m12: float
    m21: float
    m22: float
    dx: float
    dy: float
    offset_x: float
    offset_y: float
    left: float
    top: float
    right: float
    bottom: float
    ratio: float

    @classmethod
    def of(cls, painter: QPainter, option: QStyleOptionGraphicsItem, radius: float) -> _DeviceMapping:
        t = painter.worldTransform()
        m11, m12, m21, m22, dx, dy = t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()
        half = sprite_half_size(radius)
        margin = half / max(math.hypot(m11, m12), 1e-9)  # a sprite's half side in scene units
        exposed = option.exposedRect
        device = painter.device()
        return cls(
            m11,
            m12,
            m21,
            m22,
            dx,
            dy,
            dx - half + 0.5,  # + 0.5: int() then rounds
            dy - half + 0.5,
            exposed.left() - margin,
            exposed.top() - margin,
            exposed.right() + margin,
            exposed.bottom() + margin,
            device.devicePixelRatioF() if device is not None else 1.0,
        )


class MarkerLayer(QGraphicsItem):
    """Paints the markers handed to it; knows nothing of what they mean.

    This item paints every shown marker in the plain look; while some markers
    are highlighted it is drawn at :data:`DIM_OPACITY`, and the highlighted and
    selected markers and the focus ring are painted over it by a small child
    item, :class:`_MarksLayer`, in time proportional to their number.

    From :data:`CACHED_FROM` markers on, Qt keeps this item's picture in device
    pixels, so a change of highlight or selection (the search, a click) only
    blits it: painting 10,000 markers costs a frame by itself. Fewer are painted
    directly, as keeping the picture costs about a millisecond on every zoom
    step, more than repainting a couple of thousand markers when marks change.
    """

    def __init__(self, rect: QRectF, marks: Marks, theme: Theme, radius: float) -> None:
        super().__init__()
        self._rect = rect
        self._marks = marks
        self._theme = theme
        self._radius = radius
        self._markers: list[tuple[str, str, float, float]] = []  # point id, kind, scene x, y
        self._order: dict[str, int] = {}  # point id: its place in _markers
        self._marker_ids: set[int] = set()
        self._hidden: set[str] = set()
        self.setZValue(Z_MARKER_LAYER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # for exposedRect
        self._marks_layer = _MarksLayer(self)

    def set_markers(self, markers: Sequence[MarkerItem]) -> None:
        self._markers = [(m.point.id, m.point.kind, m.x(), m.y()) for m in markers]
        self._order = {entry[0]: number for number, entry in enumerate(self._markers)}
        self._marker_ids = {id(m) for m in markers}
        self._hidden = {m.point.id for m in markers if not m.isVisible()}
        cached = len(self._markers) >= CACHED_FROM
        self.setCacheMode(
            QGraphicsItem.CacheMode.DeviceCoordinateCache if cached else QGraphicsItem.CacheMode.NoCache
        )
        self._repaint_all()

    def set_marker_visible(self, point_id: str, visible: bool) -> None:
        if visible:
            self._hidden.discard(point_id)
        else:
            self._hidden.add(point_id)
        self._repaint_all()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._repaint_all()

    def set_radius(self, radius: float) -> None:
        self._radius = radius
        self._repaint_all()

    def marks_changed(self) -> None:
        """The selection, the highlights or the focus changed: repaint the marks; dim the
        others (the cached picture of them all, drawn fainter) while some are highlighted."""
        opacity = DIM_OPACITY if self._marks.highlighted else 1.0
        if self.opacity() != opacity:
            self.setOpacity(opacity)
        self._marks_layer.update()

    def _repaint_all(self) -> None:
        self.update()
        self._marks_layer.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        # The hot loop of the body map: one sprite blit per marker in the exposed
        # area, with the transformation worked out once per paint.
        d = _DeviceMapping.of(painter, option, self._radius)
        bulk = {
            kind: sprite(kind, PLAIN, self._radius, self._theme, d.ratio)
            for kind in ("trigger_point", "acupoint")
        }
        m11, m12, m21, m22, offset_x, offset_y = d.m11, d.m12, d.m21, d.m22, d.offset_x, d.offset_y
        left, top, right, bottom = d.left, d.top, d.right, d.bottom
        hidden = self._hidden
        painter.save()
        painter.resetTransform()
        draw = painter.drawPixmap
        for point_id, kind, x, y in self._markers:
            if x < left or x > right or y < top or y > bottom or point_id in hidden:
                continue
            draw(int(m11 * x + m21 * y + offset_x), int(m12 * x + m22 * y + offset_y), bulk[kind])
        painter.restore()

    def paint_marks(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """The highlighted markers, the selected one above them, and the focus ring."""
        d = _DeviceMapping.of(painter, option, self._radius)
        marks, theme, radius = self._marks, self._theme, self._radius
        order = self._order
        marked = [order[pid] for pid in marks.highlighted if pid in order and pid not in self._hidden]
        marked.sort()  # as the markers stack
        chosen = marks.selected
        selected = order.get(chosen) if chosen is not None and chosen not in self._hidden else None
        painter.save()
        painter.resetTransform()
        for number in marked:
            if number != selected:
                self._draw_marker(painter, d, number, HIGHLIGHTED, theme, radius)
        if selected is not None:
            self._draw_marker(painter, d, selected, SELECTED, theme, radius)
        self._paint_focus(painter, d)
        painter.restore()

    def _draw_marker(
        self, painter: QPainter, d: _DeviceMapping, number: int, look: str, theme: Theme, radius: float
    ) -> None:
        _point_id, kind, x, y = self._markers[number]
        if x < d.left or x > d.right or y < d.top or y > d.bottom:
            return
        painter.drawPixmap(
            int(d.m11 * x + d.m21 * y + d.offset_x),
            int(d.m12 * x + d.m22 * y + d.offset_y),
            sprite(kind, look, radius, theme, d.ratio),
        )

    def _paint_focus(self, painter: QPainter, d: _DeviceMapping) -> None:
        scene = self.scene()
        focused = scene.focusItem() if scene is not None else None
        if focused is None or id(focused) not in self._marker_ids:
            return
        x, y = focused.x(), focused.y()
        r = self._radius + FOCUS_GAP
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self._theme.accent), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(d.m11 * x + d.m21 * y + d.dx, d.m12 * x + d.m22 * y + d.dy), r, r)


class _MarksLayer(QGraphicsItem):
    """Paints what sets some markers apart, above the cached layer of them all."""

    def __init__(self, layer: MarkerLayer) -> None:
        super().__init__(layer)
        self._layer = layer
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)  # the marks stay bright

    def boundingRect(self) -> QRectF:
        return self._layer.boundingRect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        self._layer.paint_marks(painter, option)
