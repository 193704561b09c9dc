"""Plane geometry for the body map, in view fractions (0..1)."""

from __future__ import annotations

Polygon = tuple[tuple[float, float], ...]


def polygon_contains(polygon: Polygon, x: float, y: float) -> bool:
    """Even-odd point-in-polygon test."""
    inside = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def bounding_box(polygon: Polygon) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a polygon."""
    xs = [x for x, _ in polygon]
    ys = [y for _, y in polygon]
    return min(xs), min(ys), max(xs), max(ys)
