"""A small, still picture of a point's referral zone for its detail page.

Drawn by the body map's own scene (same drawing, same zone colours and
hatching), on the view that shows most of the zone, at twice the pixel density
so that it stays crisp on high-DPI screens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tpatlas.core.model import Atlas, Point, View
from tpatlas.gui.bodymap.scene import BodyMapScene
from tpatlas.gui.safe_browser import IMAGE_SCHEME
from tpatlas.gui.theme import Theme

HEIGHT = 190  # logical pixels
DENSITY = 2.0
PREFIX = f"{IMAGE_SCHEME}:referral/"


def best_view(point: Point, atlas: Atlas) -> View | None:
    """The view showing most of the point's referral (primary areas count double)."""
    if point.referral is None:
        return None
    placed = {p.view_id for p in point.placements}
    best: tuple[int, int, View] | None = None
    for order, view in enumerate(atlas.ordered_views()):
        drawn = {s.area_id for s in view.shapes}
        score = 2 * len(drawn & set(point.referral.primary)) + len(drawn & set(point.referral.spillover))
        if score == 0:
            continue
        score += 1 if view.id in placed else 0
        if best is None or (score, -order) > (best[0], best[1]):
            best = (score, -order, view)
    return best[2] if best else None


class ReferralThumbnails:
    """Picture URLs for pages, and the pictures behind them, cached per theme."""

    def __init__(self, atlas: Atlas, drawings: Path, theme: Theme) -> None:
        self._atlas = atlas
        self._drawings = drawings
        self._theme = theme
        self._cache: dict[tuple[str, str], QImage] = {}

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def url_for(self, point: Point) -> str | None:
        return f"{PREFIX}{point.id}" if best_view(point, self._atlas) else None

    def caption_for(self, point: Point) -> str:
        view = best_view(point, self._atlas)
        return view.title if view else ""

    def image(self, url: str) -> QImage | None:
        if not url.startswith(PREFIX):
            return None
        point = self._atlas.points.get(url.removeprefix(PREFIX))
        if point is None:
            return None
        key = (point.id, self._theme.name)
        if key not in self._cache:
            view = best_view(point, self._atlas)
            if view is None:
                return None
            self._cache[key] = self._render(point, view)
        return self._cache[key]

    def _render(self, point: Point, view: View) -> QImage:
        scene = BodyMapScene(self._atlas, self._theme, self._drawings)
        scene.show_view(view)
        for point_id, marker in scene.markers.items():
            marker.setVisible(point_id == point.id)
        scene.show_referral(point)
        scene.set_selected(point.id)
        source = scene.drawing_rect()
        width = round(HEIGHT * source.width() / source.height())
        image = QImage(
            round(width * DENSITY), round(HEIGHT * DENSITY), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(DENSITY)
        image.fill(QColor(self._theme.panel))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, width, HEIGHT), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        return image

    def logical_size(self, point: Point) -> tuple[int, int]:
        view = best_view(point, self._atlas)
        aspect = view.aspect if view else 1.0
        return round(HEIGHT * aspect), HEIGHT
