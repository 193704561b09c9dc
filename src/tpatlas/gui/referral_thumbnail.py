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
    """Picture URLs for pages, and the pictures behind them, cached per theme.

    One scene draws them all (each drawing is parsed once) and each view's drawing is
    rendered once per theme as a background; a picture is that background with the
    point's zones and its marker drawn over it, so opening a page costs about a
    millisecond, not a new scene and a full rendering of the drawing.
    """

    def __init__(self, atlas: Atlas, drawings: Path, theme: Theme) -> None:
        self._atlas = atlas
        self._drawings = drawings
        self._theme = theme
        self._cache: dict[tuple[str, str], QImage] = {}
        self._backgrounds: dict[tuple[str, str], QImage] = {}
        self._scene: BodyMapScene | None = None

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._scene is not None:
            self._scene.set_theme(theme)

    def url_for(self, point: Point) -> str | None:
        """The picture's URL. It names the theme too: a page keeps the pictures it was given
        by URL, and one URL must always stand for the same picture."""
        return f"{PREFIX}{self._theme.name}/{point.id}" if best_view(point, self._atlas) else None

    def _point_of(self, url: str) -> Point | None:
        """The point a URL of the current theme stands for."""
        theme, _, point_id = url.removeprefix(PREFIX).partition("/")
        if not url.startswith(PREFIX) or theme != self._theme.name:
            return None
        return self._atlas.points.get(point_id)

    def caption_for(self, point: Point) -> str:
        view = best_view(point, self._atlas)
        return view.title if view else ""

    def cached(self, url: str) -> QImage | None:
        """The picture behind ``url`` if it has been drawn already in this theme."""
        point = self._point_of(url)
        return self._cache.get((point.id, self._theme.name)) if point is not None else None

    def placeholder(self, url: str) -> QImage | None:
        """A blank of the picture's size (the panel's colour), to show until it is drawn."""
        point = self._point_of(url)
        if point is None or best_view(point, self._atlas) is None:
            return None
        width, height = self.logical_size(point)
        image = QImage(
            round(width * DENSITY), round(height * DENSITY), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(DENSITY)
        image.fill(QColor(self._theme.panel))
        return image

    def image(self, url: str) -> QImage | None:
        point = self._point_of(url)
        if point is None:
            return None
        key = (point.id, self._theme.name)
        if key not in self._cache:
            view = best_view(point, self._atlas)
            if view is None:
                return None
            self._cache[key] = self._render(point, view)
        return self._cache[key]

    def _scene_in_theme(self) -> BodyMapScene:
        if self._scene is None:
            self._scene = BodyMapScene(self._atlas, self._theme, self._drawings)
        return self._scene

    def _render(self, point: Point, view: View) -> QImage:
        scene = self._scene_in_theme()
        image = QImage(self._background(scene, view))  # a copy to draw on
        scene.show_view(view, only=[point.id])
        scene.show_referral(point)
        scene.set_selected(point.id)
        scene.set_drawing_visible(False)  # already in the background
        try:
            self._paint(scene, image)
        finally:
            scene.set_drawing_visible(True)
        return image

    def _background(self, scene: BodyMapScene, view: View) -> QImage:
        """The view's drawing alone, in the theme, at the thumbnails' size."""
        key = (view.id, self._theme.name)
        background = self._backgrounds.get(key)
        if background is None:
            scene.show_view(view, only=())
            width, height = self._pixel_size(scene)
            background = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            background.setDevicePixelRatio(DENSITY)
            background.fill(QColor(self._theme.panel))
            self._paint(scene, background)
            self._backgrounds[key] = background
        return background

    @staticmethod
    def _pixel_size(scene: BodyMapScene) -> tuple[int, int]:
        source = scene.drawing_rect()
        width = round(HEIGHT * source.width() / source.height())
        return round(width * DENSITY), round(HEIGHT * DENSITY)

    @staticmethod
    def _paint(scene: BodyMapScene, image: QImage) -> None:
        source = scene.drawing_rect()
        width = round(HEIGHT * source.width() / source.height())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, width, HEIGHT), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()

    def logical_size(self, point: Point) -> tuple[int, int]:
        view = best_view(point, self._atlas)
        aspect = view.aspect if view else 1.0
        return round(HEIGHT * aspect), HEIGHT
