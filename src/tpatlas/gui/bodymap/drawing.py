"""The body-map drawings, rendered in the theme's colours.

The SVG files carry placeholder colours only; here they are swapped for the
theme's tokens before QtSvg parses them. Renderers are cached per drawing and
theme, so switching views or themes back and forth parses each file once.
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


@lru_cache(maxsize=64)
def _renderer(path: Path, theme: Theme) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(themed_svg(_svg_text(path), theme).encode("utf-8")))
    return renderer


def renderer_for(drawing: str, theme: Theme, folder: Path | None = None) -> QSvgRenderer:
    """A QSvgRenderer of ``drawing`` (a file name under the drawings folder) in ``theme``."""
    return _renderer((folder or resources.drawings_dir()) / drawing, theme)
