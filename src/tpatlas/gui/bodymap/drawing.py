"""The body-map drawings, rendered in the theme's colours.

The SVG files carry placeholder colours only; here they are swapped for the
theme's tokens before QtSvg parses them. :class:`RendererCache` keeps one
renderer per drawing and theme for the life of its owner (a scene), so
switching views or themes back and forth parses each file once, and no Qt
object outlives the application in a module-level cache.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer

from tpatlas import resources
from tpatlas.gui.theme import Theme


def themed_svg(svg: str, theme: Theme) -> str:
    for placeholder, colour in theme.drawing_colours().items():
        svg = svg.replace(placeholder, colour).replace(placeholder.lower(), colour)
    return svg


@lru_cache(maxsize=64)
def _svg_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def renderer_for(drawing: str, theme: Theme, folder: Path | None = None) -> QSvgRenderer:
    """A new QSvgRenderer of ``drawing`` (a file name under the drawings folder) in ``theme``."""
    path = (folder or resources.drawings_dir()) / drawing
    return QSvgRenderer(QByteArray(themed_svg(_svg_text(path), theme).encode("utf-8")))


class RendererCache:
    """Renderers by drawing and theme, owned by whoever paints them."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._renderers: dict[tuple[str, str], QSvgRenderer] = {}

    def get(self, drawing: str, theme: Theme) -> QSvgRenderer:
        key = (drawing, theme.name)
        if key not in self._renderers:
            self._renderers[key] = renderer_for(drawing, theme, self._folder)
        return self._renderers[key]
