"""What the body map highlights, and the status line that says what is shown.

The map marks either the points of the condition page last opened (they stay
marked while the user looks at them one by one) or what the search and the
filters list; "where does it hurt" marks its own answers. The status line
describes the same set, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from tpatlas.core.model import Atlas, Condition
from tpatlas.gui.bodymap.widget import BodyMapWidget
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.search_panel import SearchPanel
from tpatlas.gui.status_text import Shown, status_text


class MapMarks:
    def __init__(
        self,
        atlas: Atlas,
        search: SearchPanel,
        body_map: BodyMapWidget,
        status: QLabel,
        opened: Callable[[], EntryRef | None],
    ) -> None:
        self._atlas = atlas
        self._search = search
        self._map = body_map
        self._status = status
        self._opened = opened
        self.condition: Condition | None = None
        self._condition_points: list[str] = []
        self._on_view: dict[str, frozenset[str]] = {}  # the points of each view, worked out once

    def mark_condition(self, condition: Condition) -> None:
        if condition is not self.condition:
            self._condition_points = [p.id for p in self._atlas.points_for_condition(condition.id)]
        self.condition = condition
        self.refresh()

    def follow_search(self) -> None:
        """The search or the filters changed: they decide the marks again."""
        self.condition = None
        self.refresh()

    def marked_points(self) -> list[str]:
        if self.condition is not None:
            return self._condition_points
        if self._search.is_narrowed():
            return self._search.listed_point_ids()
        return []

    def refresh(self) -> None:
        marked = None
        if not self._search.in_pain_mode():
            marked = self.marked_points()
            self._map.highlight(marked)
            self._show_a_view_with(marked)
        self.refresh_status(marked)

    def _show_a_view_with(self, point_ids: list[str]) -> None:
        """If no marked point is on the current view, turn to the view showing most of them,
        unless the open point is on the current view."""
        if not point_ids:
            return
        opened = self._opened()
        if (
            opened is not None
            and opened.kind == "point"
            and self._map.marker_screen_pos(opened.id) is not None
        ):
            return
        current = self._map.current_view()
        if not self._on_view_of(current).isdisjoint(point_ids):
            return
        counts = {v.id: 0 for v in self._map.views()}
        for pid in set(point_ids):
            for placement in self._atlas.points[pid].placements:
                if placement.view_id in counts:
                    counts[placement.view_id] += 1
        if counts and max(counts.values()) > 0:
            self._map.set_view(max(counts, key=lambda v: counts[v]))

    def _on_view_of(self, view_id: str) -> frozenset[str]:
        found = self._on_view.get(view_id)
        if found is None:
            found = frozenset(p.id for p, _ in self._atlas.points_on_view(view_id))
            self._on_view[view_id] = found
        return found

    def refresh_status(self, marked: list[str] | None = None) -> None:
        """Say what is shown. ``marked``: the marked points, if the caller has them at hand."""
        search = self._search
        view = self._atlas.views.get(self._map.current_view())
        on_view = self._on_view_of(view.id) if view else frozenset()
        narrowed = search.is_narrowed()
        if marked is None:
            marked = self.marked_points()
        if marked or narrowed:
            shown_on_view = sum(1 for pid in set(marked) if pid in on_view)
        else:
            shown_on_view = len(on_view)
        listed, listed_points = search.listed_counts() if narrowed else (0, 0)
        shown = Shown(
            query=search.query(),
            filters=search.filter_state(),
            listed=listed,
            listed_points=listed_points,
            pain_mode=search.in_pain_mode(),
            pain=search.pain_lookup(),
            condition=self.condition,
            condition_points=len(self._condition_points) if self.condition is not None else None,
            view=view,
            on_view=shown_on_view,
        )
        self._status.setText(status_text(shown, self._atlas))
