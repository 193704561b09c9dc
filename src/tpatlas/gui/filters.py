"""The filters of the search panel: region, kind, condition, technique, favourites.

:class:`FilterState` is the plain value the filters describe; :func:`points_matching`
answers it against the atlas. :class:`FilterBar` is the row of controls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QPushButton, QWidget

from tpatlas.core.model import KIND_LABELS, REGIONS, Atlas

ANY = ""


@dataclass(frozen=True, slots=True)
class FilterState:
    region: str = ANY
    point_kind: str = ANY
    condition: str = ANY
    technique: str = ANY
    favourites_only: bool = False

    @property
    def restricts_points(self) -> bool:
        """True when only points can match (regions, kinds and links are properties of points)."""
        return bool(self.region or self.point_kind or self.condition or self.technique)

    @property
    def active(self) -> bool:
        return self.restricts_points or self.favourites_only

    def describe(self, atlas: Atlas) -> list[str]:
        """The filters in words, for the status line."""
        words = []
        if self.condition in atlas.conditions:
            words.append(atlas.conditions[self.condition].name)
        if self.technique in atlas.techniques:
            words.append(atlas.techniques[self.technique].name)
        if self.region:
            words.append(self.region.capitalize())
        if self.point_kind:
            words.append(KIND_LABELS.get(self.point_kind, self.point_kind) + "s")
        if self.favourites_only:
            words.append("Favourites")
        return words


def points_matching(state: FilterState, atlas: Atlas) -> frozenset[str] | None:
    """The ids of the points the filters let through; None when they restrict nothing."""
    if not state.restricts_points:
        return None
    points = atlas.points_for_condition(state.condition) if state.condition else list(atlas.points.values())
    return frozenset(
        p.id
        for p in points
        if (not state.region or p.region == state.region)
        and (not state.point_kind or p.kind == state.point_kind)
        and (not state.technique or any(u.technique_id == state.technique for u in p.techniques))
    )


class FilterBar(QWidget):
    filters_did_change = Signal(object)  # the new FilterState

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = FilterState()
        self.region = self._combo("Filter by region", "All regions")
        present = {p.region for p in atlas.points.values()}
        for region in (r for r in REGIONS if r in present):
            self.region.addItem(region.capitalize(), region)
        self.kind = self._combo("Filter by kind of point", "All kinds")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label + "s", kind)
        self.condition = self._combo("Filter by condition", "All conditions")
        roots = sorted((c for c in atlas.conditions.values() if not c.parent), key=lambda c: c.name)
        for root in roots:
            self.condition.addItem(root.name, root.id)
            for child in sorted(
                (c for c in atlas.conditions.values() if c.parent == root.id), key=lambda c: c.name
            ):
                self.condition.addItem("    " + child.name, child.id)
        self.technique = self._combo("Filter by technique", "All techniques")
        for technique in sorted(atlas.techniques.values(), key=lambda t: t.name):
            self.technique.addItem(technique.name, technique.id)
        self.favourites = QPushButton("★ Favourites", self)
        self.favourites.setCheckable(True)
        self.favourites.setAccessibleName("Show only favourites")
        self.favourites.setToolTip("Show only your favourites")
        self.favourites.toggled.connect(self._changed)
        self.reset_button = QPushButton("Reset", self)
        self.reset_button.setAccessibleName("Reset all filters")
        self.reset_button.setToolTip("Reset all filters (Ctrl+Shift+R)")
        self.reset_button.clicked.connect(self.reset)
        self.reset_button.setEnabled(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(6)
        layout.addWidget(self.condition, 0, 0, 1, 2)
        layout.addWidget(self.region, 1, 0)
        layout.addWidget(self.kind, 1, 1)
        layout.addWidget(self.technique, 2, 0, 1, 2)
        layout.addWidget(self.favourites, 3, 0)
        layout.addWidget(self.reset_button, 3, 1)

    def _combo(self, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        combo.addItem(everything, ANY)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def state(self) -> FilterState:
        return self._state

    def set_state(self, state: FilterState) -> None:
        for combo, value in (
            (self.region, state.region),
            (self.kind, state.point_kind),
            (self.condition, state.condition),
            (self.technique, state.technique),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.favourites.blockSignals(True)
        self.favourites.setChecked(state.favourites_only)
        self.favourites.blockSignals(False)
        self._changed()

    def set_condition(self, condition_id: str) -> None:
        self.set_state(replace(self._state, condition=condition_id))

    def reset(self) -> None:
        self.set_state(FilterState())

    def _changed(self) -> None:
        state = FilterState(
            region=self.region.currentData() or ANY,
            point_kind=self.kind.currentData() or ANY,
            condition=self.condition.currentData() or ANY,
            technique=self.technique.currentData() or ANY,
            favourites_only=self.favourites.isChecked(),
        )
        self.reset_button.setEnabled(state.active)
        if state != self._state:
            self._state = state
            self.filters_did_change.emit(state)
