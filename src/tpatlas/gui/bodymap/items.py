"""The items of the body-map scene. They paint and report; they decide nothing.

Scene units are the drawing's viewBox units (height 1000). Markers ignore the
view's transformation, so they keep their size on screen at every zoom.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from tpatlas.core.model import Point
from tpatlas.gui.bodymap.marker_layer import DIMMED, MarkerLayer, Marks, sprite_half_size, symbol_path
from tpatlas.gui.theme import Theme

MARKER_RADIUS = 7.0
LARGE_MARKER_RADIUS = 11.0
Z_DRAWING, Z_ZONES, Z_MARKERS, Z_SELECTED = 0.0, 1.0, 2.0, 3.0


class DrawingItem(QGraphicsItem):
    """The line drawing of one view, painted by QtSvg at the current zoom."""

    def __init__(self, renderer: QSvgRenderer, width: float, height: float) -> None:
        super().__init__()
        self._renderer = renderer
        self._rect = QRectF(0, 0, width, height)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(Z_DRAWING)

    def set_renderer(self, renderer: QSvgRenderer) -> None:
        self._renderer = renderer
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        self._renderer.render(painter, self._rect)


def short_label(point: Point) -> str:
    """What a marker's label says: the code, or the trigger point's name without its detail."""
    if point.code:
        return point.code
    name = point.name.split("(")[0].strip().rstrip(",")
    return name if len(name) <= 28 else name[:27] + "…"


class LabelItem(QGraphicsItem):
    """A marker's name on a soft panel, so it stays readable over the line art."""

    def __init__(self, text: str, theme: Theme, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self._text = text
        self._theme = theme
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        metrics = QFontMetricsF(self._font)
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        panel = QColor(self._theme.panel)
        panel.setAlphaF(0.82)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(QColor(self._theme.text))
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


class MarkerItem(QGraphicsRectItem):
    """One point on the map, for hit testing, tooltip, focus and label.

    It paints nothing itself (the view's :class:`MarkerLayer` paints every
    marker at once), and its geometry is C++'s, so that hovering and painting
    a view of thousands of markers calls no Python per marker.
    """

    def __init__(
        self, point: Point, theme: Theme, radius: float = MARKER_RADIUS, marks: Marks | None = None
    ) -> None:
        super().__init__()
        self.point = point
        self._theme = theme
        self._radius = radius
        self._marks = marks if marks is not None else Marks()
        self._layer: MarkerLayer | None = None
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self._set_rect()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view decides what a click means
        self.setZValue(Z_MARKERS)
        kind = "trigger point" if point.kind == "trigger_point" else "acupoint"
        title = f"{point.code} {point.name}" if point.code else point.name
        self.setToolTip(f"{title}\n{kind}" + (f" · {point.muscle}" if point.muscle else ""))
        # made when labels are first shown: a marker with no child is skipped at once
        # when the view paints, one with a hidden label is not
        self._label: LabelItem | None = None

    @property
    def accessible_name(self) -> str:
        kind = "trigger point" if self.point.kind == "trigger_point" else "acupoint"
        return f"{self.point.label}, {kind}"

    @property
    def selected(self) -> bool:
        return self._marks.selected == self.point.id

    @property
    def highlighted(self) -> bool:
        return self.point.id in self._marks.highlighted

    @property
    def dimmed(self) -> bool:
        return self._marks.look(self.point.id) == DIMMED

    @property
    def radius(self) -> float:
        return self._radius

    def paint_with(self, layer: MarkerLayer | None) -> None:
        """The layer that paints this marker, told when the marker is shown or hidden."""
        self._layer = layer

    def setVisible(self, visible: bool) -> None:
        # told here rather than in itemChange: a Python itemChange is called for every
        # change of every marker, and doubled the time to build a view of thousands
        super().setVisible(visible)
        if self._layer is not None:
            self._layer.set_marker_visible(self.point.id, visible)

    def show(self) -> None:
        self.setVisible(True)

    def hide(self) -> None:
        self.setVisible(False)

    def _set_rect(self) -> None:
        half = sprite_half_size(self._radius)
        self.setRect(QRectF(-half, -half, 2 * half, 2 * half))

    def _place_label(self) -> None:
        if self._label is not None:
            self._label.setPos(self._radius + 4, -self._label.boundingRect().height() / 2)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._label is not None:
            self._label.set_theme(theme)

    def set_radius(self, radius: float) -> None:
        self._radius = radius
        self._set_rect()
        self._place_label()

    def set_label_visible(self, visible: bool) -> None:
        if self._label is None:
            if not visible:
                return
            self._label = LabelItem(short_label(self.point), self._theme, self)
            self._place_label()
        self._label.setVisible(visible)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self._radius + 3  # a little larger than drawn: easier to hit
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def _symbol(self, r: float) -> QPainterPath:
        return symbol_path(self.point.kind, r)


def polygons_path(
    polygons: Iterable[tuple[tuple[float, float], ...]], width: float, height: float
) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for polygon in polygons:
        path.addPolygon(QPolygonF([QPointF(x * width, y * height) for x, y in polygon]))
        path.closeSubpath()
    return path


class ZoneItem(QGraphicsPathItem):
    """A referral zone or a picked area: primary solid, spillover hatched (as the manuals draw them)."""

    def __init__(self, path: QPainterPath, style: str, theme: Theme) -> None:
        super().__init__(path)
        self.style = style
        self.setZValue(Z_ZONES)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        if self.style == "primary":
            colour = QColor(theme.primary_zone)
            fill = QColor(colour)
            fill.setAlphaF(0.55)
            brush = QBrush(fill)
        elif self.style == "spillover":
            colour = QColor(theme.spillover_zone)
            brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        else:  # the area picked in "where does it hurt" mode
            colour = QColor(theme.pain_area)
            fill = QColor(colour)
            fill.setAlphaF(0.35)
            brush = QBrush(fill)
        pen = QPen(colour, 1.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(brush)
