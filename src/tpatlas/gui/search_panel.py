"""The side panel for finding things: a search box, filters, results, and
the answers of "where does it hurt". Keyboard first: type, arrow down, Enter.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.filters import FilterBar, FilterState, points_matching
from tpatlas.gui.pain_results import PainResultsModel, describe_areas
from tpatlas.gui.result_delegate import ResultDelegate
from tpatlas.gui.results_model import REF_ROLE, EntriesModel, ResultsProxy
from tpatlas.gui.theme import Theme
from tpatlas.library import Library, PainLookup

SEARCH_LIMIT = 200


def _results_view(parent: QWidget, name: str, delegate: ResultDelegate) -> QListView:
    view = QListView(parent)
    view.setAccessibleName(name)
    view.setItemDelegate(delegate)
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    view.setFrameShape(QListView.Shape.NoFrame)
    return view


class SearchPanel(QWidget):
    entry_requested = Signal(object)  # the EntryRef the user chose
    results_did_change = Signal()  # query, filters or the pain lookup changed what is listed

    def __init__(self, library: Library, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        atlas = library.atlas
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText("Search points, symptoms, notes…")
        self.search_box.setToolTip("Search as you type (Ctrl+K or Ctrl+F); ↓ to the results, Enter to open")
        self.search_box.setAccessibleName("Search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._update)
        self.search_box.installEventFilter(self)
        self.filters = FilterBar(atlas, self)
        self.filters.filters_did_change.connect(self._update)
        self.entries = EntriesModel(atlas, self)
        self.entries.set_favourites({EntryRef(k, i) for k, i in library.favourites()})
        self.proxy = ResultsProxy(self.entries, self)
        self._allowed: tuple[FilterState, frozenset[str] | None] | None = None
        self._current_ref: EntryRef | None = None  # the open page, to select in the list
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._scroll_to_current)
        self._delegate = ResultDelegate(theme, self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("panelCaption")
        self.count_label.setAccessibleName("Number of results")
        self.results = _results_view(self, "Search results", self._delegate)
        # Between the list view and the Python model, a Qt proxy that passes every row
        # through as it is: laying out the list asks for the row count once per row, and
        # a C++ model answers that without calling Python (listing all 10,000 entries
        # again took 15 ms through the Python model, 1.5 ms through this one).
        self._listed_rows = QSortFilterProxyModel(self)
        self._listed_rows.setSourceModel(self.proxy)
        self.results.setModel(self._listed_rows)
        self.results.installEventFilter(self)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        self.pain_model = PainResultsModel(atlas, self)
        self._theme = theme
        self.pain_caption = QLabel(self)
        self.pain_caption.setWordWrap(True)
        self.pain_caption.setTextFormat(Qt.TextFormat.RichText)
        self.pain_caption.setAccessibleName("Where does it hurt")
        self.pain_results = _results_view(self, "Points referring pain to the chosen area", self._delegate)
        self.pain_results.setModel(self.pain_model)
        self.pain_results.activated.connect(self._open_index)
        self.pain_results.clicked.connect(self._open_index)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._page(self.count_label, self.results))
        self._stack.addWidget(self._page(self.pain_caption, self.pain_results))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 0)
        layout.setSpacing(8)
        layout.addWidget(self.search_box)
        layout.addWidget(self.filters)
        layout.addWidget(self._stack, 1)
        self._update()

    def _page(self, caption: QLabel, view: QListView) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(4)
        box.addWidget(caption)
        box.addWidget(view, 1)
        return page

    # -- what is listed ----------------------------------------------------------------

    def query(self) -> str:
        return self.search_box.text().strip()

    def filter_state(self) -> FilterState:
        return self.filters.state()

    def is_narrowed(self) -> bool:
        """True when a query or a filter decides what is listed."""
        return bool(self.query()) or self.filter_state().active

    def listed(self) -> list[EntryRef]:
        return self.proxy.refs()

    def listed_point_ids(self) -> list[str]:
        return self.proxy.point_ids()

    def listed_counts(self) -> tuple[int, int]:
        """(entries listed, points among them), without walking the list."""
        return self.proxy.rowCount(), self.proxy.point_count()

    def _allowed_points(self, state: FilterState) -> frozenset[str] | None:
        """The points the filters let through, worked out once per change of the filters."""
        if self._allowed is None or self._allowed[0] != state:
            self._allowed = (state, points_matching(state, self._library.atlas))
        return self._allowed[1]

    def _rows_to_list(self, query: str, state: FilterState) -> Sequence[int]:
        """The rows of the entries model to list, in order: the search's hits by rank (a few
        hundred at most), else every entry the filters let through, in the model's order."""
        entries = self.entries
        allowed = self._allowed_points(state)
        favourites = entries.favourites() if state.favourites_only else None
        if query:
            rows: list[int] = []
            for hit in self._library.search(query, limit=SEARCH_LIMIT):  # best first, each once
                ref = EntryRef(hit.kind, hit.id)
                if allowed is not None and (ref.kind != "point" or ref.id not in allowed):
                    continue
                if favourites is not None and ref not in favourites:
                    continue
                row = entries.row_of(ref)
                if row >= 0:
                    rows.append(row)
            return rows
        if allowed is None and favourites is None:
            return range(entries.rowCount())
        if allowed is None:
            return entries.rows_of(favourites or ())
        wanted = (EntryRef("point", pid) for pid in allowed)
        if favourites is not None:
            wanted = (ref for ref in wanted if ref in favourites)
        return entries.rows_of(wanted)

    def _update(self) -> None:
        query = self.query()
        state = self.filter_state()
        self.proxy.set_rows(self._rows_to_list(query, state))
        count = self.proxy.rowCount()
        if query or state.active:
            self.count_label.setText(f"{count} result{'s' if count != 1 else ''}" if count else "No matches")
        else:
            self.count_label.setText(f"All {count} entries")
        if count:  # Enter in the search box opens the best hit
            self.results.setCurrentIndex(self._listed_rows.index(0, 0))
        self.results_did_change.emit()

    def set_favourites(self, favourites: set[EntryRef]) -> None:
        self.entries.set_favourites(favourites)
        if self.filter_state().favourites_only:
            self._update()

    def refresh(self) -> None:
        """Search again (a note changed what matches)."""
        self._update()

    # -- "where does it hurt" ------------------------------------------------------------

    def show_pain_lookup(self, lookup: PainLookup) -> None:
        self.pain_model.set_lookup(lookup)
        where = describe_areas(self._library.atlas, lookup.areas) or "no body area there"
        count = self.pain_model.rowCount()
        if lookup.areas:
            self._caption(
                f"Pain in {where}",
                f"{count} point{'s' if count != 1 else ''} refer pain here, "
                f"{self.pain_model.primary_count()} in their primary zone. Referral patterns vary "
                "between people.",
            )
        else:
            self._caption("Nothing found there", "Click on the body, where it hurts.")
        self._stack.setCurrentIndex(1)
        if count:
            self.pain_results.setCurrentIndex(self.pain_model.index(0))
        self.results_did_change.emit()

    def set_pain_mode(self, on: bool) -> None:
        if on:
            self.pain_model.set_lookup(None)
            self._caption(
                "Where does it hurt?",
                "Click the painful area on the map: the points that refer pain there are listed "
                "here, primary zone first.",
            )
            self._stack.setCurrentIndex(1)
        else:
            self.pain_model.set_lookup(None)
            self._stack.setCurrentIndex(0)
        self.results_did_change.emit()

    def _caption(self, title: str, text: str) -> None:
        t = self._theme
        self.pain_caption.setText(
            f'<span style="font-weight:700; color:{t.text};">{html.escape(title)}</span><br>'
            f'<span style="color:{t.muted};">{html.escape(text)}</span>'
        )

    def pain_lookup(self) -> PainLookup | None:
        return self.pain_model.lookup if self._stack.currentIndex() == 1 else None

    def in_pain_mode(self) -> bool:
        return self._stack.currentIndex() == 1

    # -- keyboard and selection -----------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._delegate.set_theme(theme)
        self.results.viewport().update()
        self.pain_results.viewport().update()

    def show_current(self, ref: EntryRef | None) -> None:
        """Select the open page's row if it is listed, without opening anything.

        A row in sight is selected at once. One out of sight is selected and scrolled to
        the middle just after: scrolling repaints the whole list, and the page the user
        opened is shown first."""
        self._current_ref = ref
        view, row = self._row_showing(ref)
        if row < 0:
            return
        index = view.model().index(row, 0)
        if view.currentIndex() == index or view.viewport().rect().contains(view.visualRect(index)):
            self._scroll_timer.stop()
            view.setCurrentIndex(index)
        else:
            self._scroll_timer.start()

    def _row_showing(self, ref: EntryRef | None) -> tuple[QListView, int]:
        if self.in_pain_mode():
            return self.pain_results, self.pain_model.row_of(ref) if ref is not None else -1
        return self.results, self.proxy.row_of(ref) if ref is not None else -1

    def _scroll_to_current(self) -> None:
        view, row = self._row_showing(self._current_ref)
        if row < 0:
            return
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _open_index(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, EntryRef):
            self.entry_requested.emit(ref)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search_box:
                return self._search_key(event)
            at_top = self.results.currentIndex().row() <= 0
            if watched is self.results and event.key() == Qt.Key.Key_Up and at_top:
                self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        view = self.pain_results if self.in_pain_mode() else self.results
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if view.model().rowCount():
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not view.currentIndex().isValid() or key == Qt.Key.Key_Down:
                    view.setCurrentIndex(view.model().index(0, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = view.currentIndex()
            if not index.isValid() and view.model().rowCount():
                index = view.model().index(0, 0)
            if index.isValid():
                self._open_index(index)
            return True
        if key == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.clear()
            return True
        return False
