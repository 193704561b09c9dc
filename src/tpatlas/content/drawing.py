"""Reading the body-map SVG drawings as geometry, without Qt.

The build needs the body areas of each drawing as polygons (for the spatial
"where does it hurt" lookup) and the tests need the silhouette (to check that
every placement lies on the body). Only the path commands the drawings use are
understood: moves, lines, cubic and quadratic Béziers and close-path; an arc
is reported as an error rather than guessed at.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SVG_NS = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_CURVE_STEPS = 10

Polygon = tuple[tuple[float, float], ...]


class DrawingError(ValueError):
    """A drawing that cannot be read; the message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Drawing:
    width: float
    height: float
    areas: tuple[tuple[str, Polygon], ...]
    silhouette: tuple[Polygon, ...]

    @property
    def aspect(self) -> float:
        return self.width / self.height


def area_id_of(element_id: str) -> str:
    """``temple--2`` is the second copy of ``temple`` on the same view."""
    return element_id.split("--", 1)[0]


def read_drawing(path: Path) -> Drawing:
    """Parse one body-map SVG into normalised (0..1) polygons."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DrawingError(f"cannot read the drawing: {exc}") from exc
    width, height = _view_box(root)
    areas: list[tuple[str, Polygon]] = []
    silhouette: list[Polygon] = []
    for group in root.iter(f"{SVG_NS}g"):
        group_id = group.get("id")
        if group_id not in ("areas", "silhouette"):
            continue
        for element in group.iter(f"{SVG_NS}path"):
            where = f"path {element.get('id') or '(no id)'} in group {group_id}"
            try:
                polygons = path_to_polygons(element.get("d", ""))
            except DrawingError as exc:
                raise DrawingError(f"{where}: {exc}") from exc
            normalised = [
                tuple((round(x / width, 5), round(y / height, 5)) for x, y in poly) for poly in polygons
            ]
            if group_id == "silhouette":
                silhouette.extend(normalised)
                continue
            element_id = element.get("id")
            if not element_id:
                raise DrawingError(f"{where}: an area path needs an id naming its area")
            areas.extend((area_id_of(element_id), poly) for poly in normalised)
    return Drawing(width, height, tuple(areas), tuple(silhouette))


def _view_box(root: ET.Element) -> tuple[float, float]:
    box = root.get("viewBox")
    if not box:
        raise DrawingError("the <svg> element has no viewBox")
    try:
        _x, _y, width, height = (float(v) for v in box.replace(",", " ").split())
    except ValueError as exc:
        raise DrawingError(f"viewBox {box!r} is not four numbers") from exc
    if width <= 0 or height <= 0:
        raise DrawingError(f"viewBox {box!r} has no area")
    return width, height


def path_to_polygons(d: str) -> list[Polygon]:
    """Flatten SVG path data into closed polygons (one per subpath)."""
    tokens = _TOKEN.findall(d)
    polygons: list[Polygon] = []
    current: list[tuple[float, float]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_control: tuple[float, float] | None = None
    command = ""
    i = 0

    def numbers(count: int) -> list[float]:
        nonlocal i
        values = tokens[i : i + count]
        if len(values) < count or any(v.isalpha() for v in values):
            raise DrawingError(f"command {command!r} is missing numbers")
        i += count
        return [float(v) for v in values]

    def finish() -> None:
        if len(current) >= 3:
            polygons.append(tuple(current))

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        elif not command:
            raise DrawingError("path data does not start with a command")
        relative = command.islower()
        op = command.upper()
        ox, oy = (x, y) if relative else (0.0, 0.0)
        if op == "M":
            finish()
            x, y = (v + o for v, o in zip(numbers(2), (ox, oy), strict=True))
            current = [(x, y)]
            start = (x, y)
            command = "l" if relative else "L"  # further pairs are line-tos
            last_control = None
        elif op == "L":
            x, y = (v + o for v, o in zip(numbers(2), (ox, oy), strict=True))
            current.append((x, y))
            last_control = None
        elif op == "H":
            x = numbers(1)[0] + ox
            current.append((x, y))
            last_control = None
        elif op == "V":
            y = numbers(1)[0] + oy
            current.append((x, y))
            last_control = None
        elif op in ("C", "S"):
            if op == "C":
                x1, y1, x2, y2, ex, ey = numbers(6)
                c1 = (x1 + ox, y1 + oy)
            else:
                x2, y2, ex, ey = numbers(4)
                c1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
            c2 = (x2 + ox, y2 + oy)
            end = (ex + ox, ey + oy)
            current.extend(_cubic((x, y), c1, c2, end))
            x, y = end
            last_control = c2
        elif op in ("Q", "T"):
            if op == "Q":
                qx, qy, ex, ey = numbers(4)
                control = (qx + ox, qy + oy)
            else:
                ex, ey = numbers(2)
                control = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
            end = (ex + ox, ey + oy)
            c1 = (x + 2 / 3 * (control[0] - x), y + 2 / 3 * (control[1] - y))
            c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
            current.extend(_cubic((x, y), c1, c2, end))
            x, y = end
            last_control = control
        elif op == "Z":
            finish()
            current = []
            x, y = start
            last_control = None
        else:
            raise DrawingError(f"path command {command!r} is not supported (use lines and Béziers)")
    finish()
    return polygons


def _cubic(
    p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]
) -> list[tuple[float, float]]:
    points = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        u = 1 - t
        points.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return points
