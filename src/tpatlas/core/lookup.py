"""The reverse lookup: from where it hurts to the points that refer pain there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tpatlas.core.geometry import bounding_box, polygon_contains
from tpatlas.core.model import Atlas, Point, View, Zone
from tpatlas.core.search_text import fold


@dataclass(frozen=True, slots=True)
class ReferralHit:
    point: Point
    zone: Zone
    areas: tuple[str, ...]


class ReferralIndex:
    """Area id -> the points referring to it, built once per atlas.

    The ranked answer for each single area is built here too, so a click on
    one area (the usual case) costs the same with ten points or ten thousand.
    """

    def __init__(self, atlas: Atlas) -> None:
        self._atlas = atlas
        self._by_area: dict[str, list[tuple[Point, Zone]]] = {}
        for point in atlas.points.values():
            if point.referral is None:
                continue
            for area in point.referral.primary:
                self._by_area.setdefault(area, []).append((point, "primary"))
            for area in point.referral.spillover:
                self._by_area.setdefault(area, []).append((point, "spillover"))
        self._ranked = {area: tuple(self._collect([area])) for area in self._by_area}

    def resolve_area(self, text: str) -> str | None:
        """An area id from its id or its name, as a user may type either."""
        if text in self._atlas.areas:
            return text
        wanted = fold(text).strip().replace(" ", "-")
        for area in self._atlas.areas.values():
            if wanted in (area.id, fold(area.name).replace(" ", "-")):
                return area.id
        return None

    def referrers(self, area_ids: Iterable[str]) -> list[ReferralHit]:
        """Points whose referral reaches any of ``area_ids``: primary before spillover,
        then those reaching more of the areas, then trigger points by name."""
        areas = list(dict.fromkeys(area_ids))
        if len(areas) == 1:
            return list(self._ranked.get(areas[0], ()))
        return self._collect(areas)

    def _collect(self, areas: list[str]) -> list[ReferralHit]:
        zones: dict[str, Zone] = {}
        reached: dict[str, list[str]] = {}
        for area in areas:
            for point, zone in self._by_area.get(area, ()):
                if zones.get(point.id) != "primary":
                    zones[point.id] = zone
                reached.setdefault(point.id, []).append(area)
        points = self._atlas.points
        hits = [ReferralHit(points[pid], zones[pid], tuple(reached[pid])) for pid in zones]
        hits.sort(key=lambda h: (h.zone != "primary", -len(h.areas), h.point.name))
        return hits


class AreaLocator:
    """Which body areas lie under a position on a view (fractions 0..1)."""

    def __init__(self, views: Iterable[View]) -> None:
        self._shapes = {
            view.id: [(s.area_id, bounding_box(s.polygon), s.polygon) for s in view.shapes] for view in views
        }

    def areas_at(self, view_id: str, x: float, y: float) -> list[str]:
        found: list[str] = []
        for area_id, (left, top, right, bottom), polygon in self._shapes.get(view_id, ()):
            inside = left <= x <= right and top <= y <= bottom and polygon_contains(polygon, x, y)
            if inside and area_id not in found:
                found.append(area_id)
        return found
