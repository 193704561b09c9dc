"""The one line at the bottom that says what is shown, e.g. "Migraine: 21 points"."""

from __future__ import annotations

from dataclasses import dataclass, field

from tpatlas.core.model import Atlas, Condition, View
from tpatlas.gui.filters import FilterState
from tpatlas.gui.pain_results import describe_areas
from tpatlas.library import PainLookup


@dataclass(frozen=True, slots=True)
class Shown:
    """Everything the status line describes."""

    query: str = ""
    filters: FilterState = field(default_factory=FilterState)
    listed: int = 0  # how many entries the search and the filters list
    listed_points: int = 0  # how many of them are points
    pain_mode: bool = False
    pain: PainLookup | None = None
    condition: Condition | None = None  # a condition page whose points the map highlights
    condition_points: int | None = None  # how many points it has, if known
    view: View | None = None
    on_view: int = 0  # how many of the described points the current view shows


def _points(n: int) -> str:
    return f"{n} point{'s' if n != 1 else ''}"


def status_text(shown: Shown, atlas: Atlas) -> str:
    view_note = (
        f" ({shown.on_view} on {shown.view.title})" if shown.view is not None and shown.on_view >= 0 else ""
    )
    if shown.pain_mode:
        if shown.pain is None or not shown.pain.areas:
            return "Where does it hurt? Click the painful area on the map"
        primary = sum(1 for h in shown.pain.hits if h.zone == "primary")
        where = describe_areas(atlas, shown.pain.areas)
        return f"Pain in {where}: {_points(len(shown.pain.hits))} ({primary} primary)"
    if shown.condition is not None:
        count = shown.condition_points
        if count is None:
            count = len(atlas.points_for_condition(shown.condition.id))
        return f"{shown.condition.name}: {_points(count)}{view_note}"
    if shown.query or shown.filters.active:
        words = ([f"“{shown.query}”"] if shown.query else []) + shown.filters.describe(atlas)
        points = shown.listed_points
        if shown.filters.restricts_points or shown.listed == points:
            return f"{' · '.join(words)}: {_points(points)}{view_note}"
        total = shown.listed
        return f"{' · '.join(words)}: {total} result{'s' if total != 1 else ''}, {_points(points)}{view_note}"
    if shown.view is not None:
        return f"{shown.view.title}: {_points(shown.on_view)} · {len(atlas.points)} in the atlas"
    return f"{len(atlas.points)} points in the atlas"
