"""The body-map view: it zooms, pans and turns clicks into point ids or positions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from tpatlas.gui.bodymap.items import MarkerItem
from tpatlas.gui.bodymap.scene import BodyMapScene

CLICK_SLOP = 5  # pixels the pointer may move and still count as a click
HIT_RADIUS = 12  # pixels around the pointer searched for a marker
MAX_ZOOM = 10.0
STEP = 1.25


class BodyMapView(QGraphicsView):
    marker_clicked = Signal(str)
    position_clicked = Signal(float, float)  # fractions of the drawing
    focus_marker_changed = Signal(str)

    def __init__(self, scene: BodyMapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self._press: QPoint | None = None
        self._fitted = True
        self._focus_id: str | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName("Body map")
        self.setAccessibleDescription(
            "Tab or the arrow keys move between points, Enter selects, plus and minus zoom, 0 fits."
        )

    # -- zoom ------------------------------------------------------------------------

    def fit_scale(self) -> float:
        rect = self._scene.sceneRect()
        if rect.isEmpty():
            return 1.0
        view = self.viewport().rect()
        return min(view.width() / rect.width(), view.height() / rect.height())

    def zoom_factor(self) -> float:
        """The zoom relative to 'fit to window'."""
        return self.transform().m11() / max(self.fit_scale(), 1e-9)

    def zoom_to_fit(self) -> None:
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        target = min(max(self.zoom_factor() * factor, 1.0), MAX_ZOOM)
        if abs(target - 1.0) < 1e-3:
            self.zoom_to_fit()
            return
        applied = target / self.zoom_factor()
        if anchor is not None:
            before = self.mapToScene(anchor)
            self.scale(applied, applied)
            after = self.mapToScene(anchor)
            delta = after - before
            self.translate(delta.x(), delta.y())
        else:
            self.scale(applied, applied)
        self._fitted = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.zoom_to_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(STEP**steps, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor(), pinch.centerPoint().toPoint())
                event.accept()
                return True
        return super().viewportEvent(event)

    # -- clicks --------------------------------------------------------------------------

    def marker_at(self, pos: QPoint) -> MarkerItem | None:
        """The marker nearest to a viewport position, within a finger's tolerance."""
        # the scene's spatial index gives the few markers near the pointer; a marker counts
        # if its hit circle (its shape) reaches into the square of HIT_RADIUS around it
        scale = max(self.transform().m11(), 1e-9)
        reach = HIT_RADIUS + self._scene.marker_radius + 3
        where = self.mapToScene(pos)
        best: tuple[float, MarkerItem] | None = None
        for item in self._scene.markers_near(where.x(), where.y(), reach / scale):
            if not item.isVisible():
                continue
            centre = self.mapFromScene(item.scenePos())
            hit = item.radius + 3
            dx = max(abs(centre.x() - pos.x()) - HIT_RADIUS, 0)
            dy = max(abs(centre.y() - pos.y()) - HIT_RADIUS, 0)
            if dx * dx + dy * dy > hit * hit:
                continue
            distance = (centre - pos).manhattanLength()
            if best is None or distance < best[0]:
                best = (distance, item)
        return best[1] if best else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        pos = event.position().toPoint()
        moved = (pos - self._press).manhattanLength()
        self._press = None
        if moved > CLICK_SLOP:
            self._fitted = False  # the user panned: keep their framing on resize
            return
        marker = self.marker_at(pos)
        if marker is not None:
            self.set_focus_marker(marker.point.id)
            self.marker_clicked.emit(marker.point.id)
            return
        x, y = self._scene.to_fraction(self.mapToScene(pos))
        if 0 <= x <= 1 and 0 <= y <= 1:
            self.position_clicked.emit(x, y)

    # -- keyboard -----------------------------------------------------------------------------

    def ordered_markers(self) -> list[MarkerItem]:
        """Reading order: top to bottom, then left to right, in bands of 40 units."""
        return sorted(self._scene.markers.values(), key=lambda m: (round(m.y() / 40), m.x()))

    def set_focus_marker(self, point_id: str | None) -> None:
        previous = self._scene.markers.get(self._focus_id or "")
        self._focus_id = point_id
        marker = self._scene.markers.get(point_id or "")
        if previous is not None:
            previous.clearFocus()
        if marker is not None:
            marker.setFlag(MarkerItem.GraphicsItemFlag.ItemIsFocusable)
            self._scene.setFocusItem(marker)
        self._scene.refresh_markers()  # the focus ring moved
        if marker is not None:
            self.ensureVisible(marker, 40, 40)
            self.setAccessibleDescription(marker.accessible_name)
            self.focus_marker_changed.emit(marker.point.id)

    def focused_marker_id(self) -> str | None:
        return self._focus_id

    def _step_focus(self, step: int) -> bool:
        markers = self.ordered_markers()
        if not markers:
            return False
        ids = [m.point.id for m in markers]
        if self._focus_id in ids:
            index = ids.index(self._focus_id) + step
            if not 0 <= index < len(ids):
                return False
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.set_focus_marker(ids[index])
        return True

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab walks the points; past the last (or before the first) it leaves the map
        if self._step_focus(1 if next_child else -1):
            return True
        self._focus_id = None
        return super().focusNextPrevChild(next_child)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._step_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_id:
            self.marker_clicked.emit(self._focus_id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / STEP)
        elif key == Qt.Key.Key_0:
            self.zoom_to_fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def marker_viewport_pos(self, point_id: str) -> QPoint | None:
        marker = self._scene.markers.get(point_id)
        if marker is None:
            return None
        return self.mapFromScene(QPointF(marker.scenePos()))
