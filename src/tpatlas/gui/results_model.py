"""Every point, technique and condition as list rows, and the proxy that filters them.

The source model is built once per atlas; searching and filtering only change
what :class:`ResultsProxy` lets through and in which order.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from tpatlas.core.model import KIND_LABELS, Atlas
from tpatlas.gui.entry_ref import EntryRef

ModelIndex = QModelIndex | QPersistentModelIndex

REF_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
GLYPH_ROLE = Qt.ItemDataRole.UserRole + 3  # "trigger_point", "acupoint", "technique", "condition"
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 4
BADGE_ROLE = Qt.ItemDataRole.UserRole + 5  # a short tag drawn at the right (e.g. the zone)

KIND_ORDER = {"point": 0, "condition": 1, "technique": 2}


@dataclass(frozen=True, slots=True)
class ResultRow:
    ref: EntryRef
    title: str
    subtitle: str
    glyph: str


def rows_for(atlas: Atlas) -> list[ResultRow]:
    rows = []
    for p in atlas.points.values():
        detail = [KIND_LABELS.get(p.kind, p.kind), p.region.capitalize()]
        if p.english_name:
            detail.insert(0, p.english_name)
        elif p.muscle:
            detail.append(p.muscle)
        rows.append(ResultRow(EntryRef("point", p.id), p.label, " · ".join(detail), p.kind))
    for t in atlas.techniques.values():
        rows.append(ResultRow(EntryRef("technique", t.id), t.name, f"Technique · {t.category}", "technique"))
    for c in atlas.conditions.values():
        rows.append(ResultRow(EntryRef("condition", c.id), c.name, "Condition", "condition"))
    return rows


class EntriesModel(QAbstractListModel):
    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rows_for(atlas)
        self._favourites: set[EntryRef] = set()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, SUBTITLE_ROLE):
            return row.subtitle
        if role == Qt.ItemDataRole.AccessibleTextRole:
            star = ", favourite" if row.ref in self._favourites else ""
            return f"{row.title}, {row.subtitle}{star}"
        if role == REF_ROLE:
            return row.ref
        if role == GLYPH_ROLE:
            return row.glyph
        if role == FAVOURITE_ROLE:
            return row.ref in self._favourites
        return None

    def ref_at(self, row: int) -> EntryRef:
        return self._rows[row].ref

    def set_favourites(self, favourites: set[EntryRef]) -> None:
        if favourites == self._favourites:
            return
        self._favourites = set(favourites)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [FAVOURITE_ROLE])

    def is_favourite(self, ref: EntryRef) -> bool:
        return ref in self._favourites


class ResultsProxy(QSortFilterProxyModel):
    """What the search and the filters let through: ranked by the search, else by kind and name."""

    def __init__(self, source: EntriesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = source
        self._ranking: dict[EntryRef, int] | None = None
        self._points: frozenset[str] | None = None
        self._favourites_only = False
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self.sort(0)

    def set_criteria(
        self, ranking: dict[EntryRef, int] | None, points: frozenset[str] | None, favourites_only: bool
    ) -> None:
        """``ranking``: search hits and their rank (None: no query); ``points``: the point ids
        the filters allow (None: no point filter; then techniques and conditions show too)."""
        self._ranking = ranking
        self._points = points
        self._favourites_only = favourites_only
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        ref = self._entries.ref_at(source_row)
        if self._ranking is not None and ref not in self._ranking:
            return False
        if self._points is not None and (ref.kind != "point" or ref.id not in self._points):
            return False
        return not (self._favourites_only and not self._entries.is_favourite(ref))

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        a, b = self._entries.ref_at(left.row()), self._entries.ref_at(right.row())
        if self._ranking is not None:
            return self._ranking.get(a, 0) < self._ranking.get(b, 0)
        key_a = (KIND_ORDER[a.kind], str(left.data()).casefold())
        key_b = (KIND_ORDER[b.kind], str(right.data()).casefold())
        return key_a < key_b

    def refs(self) -> list[EntryRef]:
        return [self.data(self.index(r, 0), REF_ROLE) for r in range(self.rowCount())]

    def row_of(self, ref: EntryRef) -> int:
        for row in range(self.rowCount()):
            if self.data(self.index(row, 0), REF_ROLE) == ref:
                return row
        return -1
