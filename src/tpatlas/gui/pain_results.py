"""The points a "where does it hurt" click found, as a list: primary zone first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tpatlas.core.lookup import ReferralHit
from tpatlas.core.model import Atlas
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.results_model import BADGE_ROLE, GLYPH_ROLE, REF_ROLE, SUBTITLE_ROLE
from tpatlas.library import PainLookup

ModelIndex = QModelIndex | QPersistentModelIndex


def describe_areas(atlas: Atlas, area_ids: tuple[str, ...]) -> str:
    return ", ".join(atlas.areas[a].name if a in atlas.areas else a for a in area_ids)


class PainResultsModel(QAbstractListModel):
    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas
        self._hits: list[ReferralHit] = []
        self.lookup: PainLookup | None = None

    def set_lookup(self, lookup: PainLookup | None) -> None:
        self.beginResetModel()
        self.lookup = lookup
        self._hits = list(lookup.hits) if lookup else []
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's default argument
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.point.label
        if role in (SUBTITLE_ROLE, Qt.ItemDataRole.ToolTipRole):
            return f"{hit.zone} zone · {describe_areas(self._atlas, hit.areas)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.point.label}, {hit.zone} zone"
        if role == REF_ROLE:
            return EntryRef("point", hit.point.id)
        if role == GLYPH_ROLE:
            return hit.point.kind
        if role == BADGE_ROLE:
            return hit.zone
        return None

    def row_of(self, ref: EntryRef) -> int:
        if ref.kind != "point":
            return -1
        return next((row for row, hit in enumerate(self._hits) if hit.point.id == ref.id), -1)

    def primary_count(self) -> int:
        return sum(1 for h in self._hits if h.zone == "primary")
