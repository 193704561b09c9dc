"""Every point, technique and condition as list rows, and the model of what is listed.

The source model is built once per atlas, already in the order the panel lists
it when nothing is searched (points, conditions, techniques; each by name).
Searching and filtering only choose which of its rows :class:`ResultsProxy`
shows and in which order. Those rows are worked out from the search's hits and
from sets of ids (a few hundred rows at most while typing), never by asking
each entry of the atlas: a ``QSortFilterProxyModel`` would call a Python
``filterAcceptsRow`` for every entry and a Python ``lessThan`` for every
comparison on each keystroke, which at 10,000 points took longer than a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

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
    """Every entry of the atlas as a row, in the order listed when nothing is searched."""
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
    rows.sort(key=lambda r: (KIND_ORDER[r.ref.kind], r.title.casefold()))  # once, not per keystroke
    return rows


class EntriesModel(QAbstractListModel):
    """Every entry once, in the listing order of :func:`rows_for`."""

    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rows_for(atlas)
        self._row_of = {row.ref: number for number, row in enumerate(self._rows)}
        #: the points come first: rows below this are points
        self.point_rows = sum(1 for row in self._rows if row.ref.kind == "point")
        self._favourites: set[EntryRef] = set()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.data_at(index.row(), role)

    def data_at(self, row: int, role: int) -> object:
        """The data of a row (known to exist) for ``role``."""
        entry = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role in (Qt.ItemDataRole.ToolTipRole, SUBTITLE_ROLE):
            return entry.subtitle
        if role == Qt.ItemDataRole.AccessibleTextRole:
            star = ", favourite" if entry.ref in self._favourites else ""
            return f"{entry.title}, {entry.subtitle}{star}"
        if role == REF_ROLE:
            return entry.ref
        if role == GLYPH_ROLE:
            return entry.glyph
        if role == FAVOURITE_ROLE:
            return entry.ref in self._favourites
        return None

    def ref_at(self, row: int) -> EntryRef:
        return self._rows[row].ref

    def row_of(self, ref: EntryRef) -> int:
        """The row of an entry; -1 if the atlas has no such entry."""
        return self._row_of.get(ref, -1)

    def rows_of(self, refs: Iterable[EntryRef]) -> list[int]:
        """The rows of those entries the atlas has, in listing order."""
        found = (self._row_of.get(ref, -1) for ref in refs)
        return sorted(row for row in found if row >= 0)

    def set_favourites(self, favourites: set[EntryRef]) -> None:
        if favourites == self._favourites:
            return
        self._favourites = set(favourites)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [FAVOURITE_ROLE])

    def favourites(self) -> set[EntryRef]:
        return self._favourites

    def is_favourite(self, ref: EntryRef) -> bool:
        return ref in self._favourites


class ResultsProxy(QAbstractListModel):
    """The rows of :class:`EntriesModel` the search and the filters let through, in the
    order given: a proxy over the entries, told its rows rather than asking each one."""

    def __init__(self, source: EntriesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = source
        self._rows: Sequence[int] = range(source.rowCount())
        self._points = source.point_rows
        source.dataChanged.connect(self._source_data_changed)

    def set_rows(self, rows: Sequence[int]) -> None:
        """List these rows of the source model, in this order."""
        self.beginResetModel()
        self._rows = rows
        points = self._entries.point_rows
        if isinstance(rows, range) and rows.step == 1:  # a run of rows: no loop
            self._points = max(0, min(rows.stop, points) - max(rows.start, 0))
        else:
            self._points = sum(1 for r in rows if r < points)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._entries.data_at(self._rows[index.row()], role)

    def _source_data_changed(self, _top: QModelIndex, _bottom: QModelIndex, roles: list[int]) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    def refs(self) -> list[EntryRef]:
        ref_at = self._entries.ref_at
        return [ref_at(r) for r in self._rows]

    def point_ids(self) -> list[str]:
        points, ref_at = self._entries.point_rows, self._entries.ref_at
        return [ref_at(r).id for r in self._rows if r < points]

    def point_count(self) -> int:
        """How many of the listed entries are points (worked out when the rows change)."""
        return self._points

    def row_of(self, ref: EntryRef) -> int:
        source_row = self._entries.row_of(ref)
        if source_row < 0:
            return -1
        if isinstance(self._rows, range):
            return source_row if source_row in self._rows else -1
        try:
            return self._rows.index(source_row)
        except ValueError:
            return -1
