"""Two-line result rows: a kind glyph, the name, a muted detail line, a star or a zone tag."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tpatlas.gui.results_model import BADGE_ROLE, FAVOURITE_ROLE, GLYPH_ROLE, SUBTITLE_ROLE
from tpatlas.gui.theme import Theme

ModelIndex = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y, GLYPH_W = 10, 6, 22


class _RowLook:
    """The fonts, metrics and colours of a row, made once per font and theme rather than
    on every paint of every row (the list repaints a screenful on each keystroke)."""

    def __init__(self, font: QFont, t: Theme) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetrics(font)
        self.title_font = QFont(font)
        self.title_font.setWeight(QFont.Weight.DemiBold)
        self.title_metrics = QFontMetrics(self.title_font)
        self.small_font = _small(font)
        self.small_metrics = QFontMetrics(self.small_font)
        self.star_width = self.metrics.horizontalAdvance("★")
        self.text = QColor(t.text)
        self.muted = QColor(t.muted)
        self.highlight = QColor(t.highlight)
        self.accent = QColor(t.accent)
        self.selected_fill = QColor(t.accent)
        self.selected_fill.setAlphaF(0.18)
        self.hover_fill = QColor(t.border)
        self.hover_fill.setAlphaF(0.35)
        self.focus_pen = QPen(self.accent, 1, Qt.PenStyle.DotLine)


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._looks: dict[str, _RowLook] = {}

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._looks.clear()

    def _look(self, font: QFont) -> _RowLook:
        key = font.key()
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = _RowLook(font, self._theme)
        return look

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        look = self._look(option.font)
        return QSize(200, look.metrics.lineSpacing() + look.small_metrics.lineSpacing() + 2 * PAD_Y + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        t = self._theme
        look = self._look(option.font)
        rect = QRectF(option.rect)
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, look.selected_fill)
            painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), look.accent)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, look.hover_fill)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(look.focus_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        top = rect.top()
        glyph_centre = QPointF(
            rect.left() + PAD_X + GLYPH_W / 2 - 4, top + PAD_Y + look.metrics.ascent() * 0.62
        )
        _draw_glyph(painter, str(index.data(GLYPH_ROLE) or ""), glyph_centre, t)
        right = rect.right() - PAD_X
        badge = index.data(BADGE_ROLE)
        if badge:
            right = _draw_badge(painter, str(badge), right, rect, look.font, t)
        if index.data(FAVOURITE_ROLE):
            painter.setPen(look.highlight)
            painter.setFont(look.font)
            painter.drawText(QPointF(right - look.star_width, top + PAD_Y + look.metrics.ascent()), "★")
            right -= look.star_width + 6
        left = rect.left() + PAD_X + GLYPH_W
        title_metrics = look.title_metrics
        painter.setFont(look.title_font)
        painter.setPen(look.text)
        title = title_metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, int(right - left)
        )
        painter.drawText(QPointF(left, top + PAD_Y + title_metrics.ascent()), title)
        small_metrics = look.small_metrics
        painter.setFont(look.small_font)
        painter.setPen(look.muted)
        subtitle = small_metrics.elidedText(
            str(index.data(SUBTITLE_ROLE) or ""),
            Qt.TextElideMode.ElideRight,
            int(rect.right() - PAD_X - left),
        )
        baseline = top + PAD_Y + title_metrics.lineSpacing() + small_metrics.ascent() + 1
        painter.drawText(QPointF(left, baseline), subtitle)
        painter.restore()


def _small(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(size * 0.88)
    else:
        small.setPixelSize(max(int(font.pixelSize() * 0.88), 8))
    return small


def _draw_glyph(painter: QPainter, glyph: str, centre: QPointF, t: Theme) -> None:
    r = 5.0
    if glyph == "trigger_point":
        painter.setPen(QPen(QColor(t.marker_edge), 1.2))
        painter.setBrush(QColor(t.trigger_point))
        painter.drawEllipse(centre, r, r)
    elif glyph == "acupoint":
        d = r * 1.25
        painter.setPen(QPen(QColor(t.marker_edge), 1.2))
        painter.setBrush(QColor(t.acupoint))
        painter.drawPolygon(
            QPolygonF(
                [
                    centre + QPointF(0, -d),
                    centre + QPointF(d, 0),
                    centre + QPointF(0, d),
                    centre + QPointF(-d, 0),
                ]
            )
        )
    elif glyph == "technique":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.muted))
        painter.drawRoundedRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), 2, 2)
    elif glyph == "condition":
        painter.setPen(QPen(QColor(t.muted), 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        path.addEllipse(centre, r, r)
        painter.drawPath(path)


def _draw_badge(painter: QPainter, text: str, right: float, rect: QRectF, font: QFont, t: Theme) -> float:
    small = _small(font)
    small.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(small)
    width = metrics.horizontalAdvance(text) + 12
    height = metrics.height() + 2
    box = QRectF(right - width, rect.top() + PAD_Y, width, height)
    colour = QColor(t.primary_zone if text == "primary" else t.spillover_zone)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setFont(small)
    painter.setPen(QColor(t.panel))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return box.left() - 6
