"""The body map as one widget: view switcher, tools, the map and a plain list in step.

Wiring only: the scene paints, the view handles the pointer, the library
answers questions. This class connects them and keeps the list and the map
showing the same points and the same selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tpatlas.core.model import Point, View
from tpatlas.gui.bodymap.scene import BodyMapScene
from tpatlas.gui.bodymap.view import BodyMapView
from tpatlas.gui.theme import Theme
from tpatlas.library import Library, PainLookup

ModelIndex = QModelIndex | QPersistentModelIndex


class ViewPointsModel(QAbstractListModel):
    """The points placed on the current view, in the order the map's keyboard walks them."""

    def __init__(self) -> None:
        super().__init__()
        self._points: list[Point] = []

    def set_points(self, points: list[Point]) -> None:
        self.beginResetModel()
        self._points = points
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's default argument
        return 0 if parent.isValid() else len(self._points)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._points):
            return None
        point = self._points[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return point.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{point.label} ({'trigger point' if point.kind == 'trigger_point' else 'acupoint'})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = "trigger point" if point.kind == "trigger_point" else "acupoint"
            return f"{point.label}, {kind}"
        if role == Qt.ItemDataRole.UserRole:
            return point.id
        return None

    def row_of(self, point_id: str) -> int:
        for row, point in enumerate(self._points):
            if point.id == point_id:
                return row
        return -1


class BodyMapWidget(QWidget):
    point_activated = Signal(str)
    pain_looked_up = Signal(object)
    view_changed = Signal(str)
    pain_mode_toggled = Signal(bool)

    def __init__(self, library: Library, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._theme = theme
        self._selected: str | None = None
        self._referral_of: str | None = None  # whose referral the scene draws
        self._pain_mode = False
        self._views = library.atlas.ordered_views()
        self._scene = BodyMapScene(library.atlas, theme, library.drawings_dir)
        self._view = BodyMapView(self._scene, self)
        self._model = ViewPointsModel()
        self._list = QListView(self)
        self._list.setModel(self._model)
        self._list.setAccessibleName("Points on this view")
        self._list.setUniformItemSizes(True)
        self._build_tools()
        self._build_layout()
        self._view.marker_clicked.connect(self._on_marker_clicked)
        self._view.position_clicked.connect(self._on_position_clicked)
        self._view.focus_marker_changed.connect(self._sync_list_to)
        self._list.activated.connect(self._on_list_activated)
        self._list.clicked.connect(self._on_list_activated)
        if self._views:
            self.set_view(self._views[0].id)

    # -- construction -------------------------------------------------------------------

    def _tool(self, text: str, tip: str, shortcut: str | None = None, checkable: bool = False) -> QToolButton:
        action = QAction(text, self)
        action.setToolTip(tip + (f" ({shortcut})" if shortcut else ""))
        action.setCheckable(checkable)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _build_tools(self) -> None:
        self._switcher = QComboBox(self)
        self._switcher.setAccessibleName("Body map view")
        for view in self._views:
            self._switcher.addItem(view.title, view.id)
        self._switcher.currentIndexChanged.connect(
            lambda i: self.set_view(self._switcher.itemData(i)) if i >= 0 else None
        )
        self._zoom_in = self._tool("+", "Zoom in", "Ctrl++")
        self._zoom_out = self._tool("−", "Zoom out", "Ctrl+-")
        self._fit = self._tool("Fit", "Zoom to fit", "Ctrl+0")
        self._labels = self._tool("Labels", "Show point labels", "Ctrl+L", checkable=True)
        self._pain = self._tool(
            "Where does it hurt?", "Where does it hurt: click the painful area", "Ctrl+H", checkable=True
        )
        self._list_toggle = self._tool("List", "Show the points of this view as a list", checkable=True)
        self._zoom_in.defaultAction().triggered.connect(self.zoom_in)
        self._zoom_out.defaultAction().triggered.connect(self.zoom_out)
        self._fit.defaultAction().triggered.connect(self.zoom_to_fit)
        self._labels.defaultAction().toggled.connect(self.set_labels_visible)
        self._pain.defaultAction().toggled.connect(self.set_pain_mode)
        self._list_toggle.defaultAction().toggled.connect(self._list.setVisible)
        self._legend = QLabel(self)
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._update_legend()

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        tools.setContentsMargins(6, 4, 6, 4)
        tools.addWidget(self._switcher, 1)
        for button in (self._zoom_out, self._zoom_in, self._fit, self._labels, self._list_toggle, self._pain):
            tools.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._list)
        splitter.addWidget(self._view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 800])
        self._list.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._legend)

    def _update_legend(self) -> None:
        t = self._theme
        self._legend.setText(
            f"<span style='color:{t.trigger_point}'>●</span> trigger point &nbsp; "
            f"<span style='color:{t.acupoint}'>◆</span> acupoint &nbsp; "
            f"<span style='color:{t.primary_zone}'>■</span> primary zone &nbsp; "
            f"<span style='color:{t.spillover_zone}'>▨</span> spillover &nbsp; "
            f"<span style='color:{t.muted}'>Referral patterns vary between people.</span>"
        )
        self._legend.setContentsMargins(8, 3, 8, 4)

    # -- the contract the window uses ----------------------------------------------------------

    def views(self) -> list[View]:
        return list(self._views)

    def current_view(self) -> str:
        view = self._scene.view
        return view.id if view else ""

    def set_view(self, view_id: str) -> None:
        view = self._library.atlas.views.get(view_id)
        if view is None or view_id == self.current_view():
            return
        self._scene.show_view(view)
        self._referral_of = None  # the new view has no zones yet
        self._view.zoom_to_fit()
        self._model.set_points([m.point for m in self._view.ordered_markers()])
        index = self._switcher.findData(view_id)
        if index != self._switcher.currentIndex():
            self._switcher.setCurrentIndex(index)
        self._scene.set_selected(self._selected)
        self._show_selected_referral()
        self.view_changed.emit(view_id)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._scene.set_theme(theme)
        self._update_legend()

    def select_point(self, point_id: str | None) -> None:
        """Mark the point, draw its referral, and show a view on which it is placed."""
        if point_id is not None and point_id == self._selected and self._showing_selected():
            self._sync_list_to(point_id)  # asked again (the page opened from a click here)
            return
        self._selected = point_id
        point = self._library.atlas.points.get(point_id or "")
        if point is not None and point_id not in self._scene.markers and point.placements:
            best = self._best_view_for(point)
            if best:
                self.set_view(best)
        self._scene.set_selected(point_id)
        self._show_selected_referral()
        if point_id in self._scene.markers:
            self._sync_list_to(point_id)

    def _best_view_for(self, point: Point) -> str | None:
        placed = {p.view_id for p in point.placements}
        ordered = [v.id for v in self._views if v.id in placed]
        return ordered[0] if ordered else None

    def _showing_selected(self) -> bool:
        """True if the selected point is marked on this view and its referral drawn."""
        return (
            self._selected in self._scene.markers
            and self._scene.selected == self._selected
            and self._referral_of == self._selected
            and not self._pain_mode
        )

    def _show_selected_referral(self) -> None:
        if self._pain_mode:
            return
        self._scene.show_referral(self._library.atlas.points.get(self._selected or ""))
        self._referral_of = self._selected

    def highlight(self, point_ids: Iterable[str]) -> None:
        self._scene.set_highlighted(point_ids)

    def set_pain_mode(self, on: bool) -> None:
        if on == self._pain_mode:
            return
        self._pain_mode = on
        action = self._pain.defaultAction()
        if action.isChecked() != on:
            action.setChecked(on)
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)
        if on:
            self._scene.clear_zones()
            self._referral_of = None
        else:
            self._scene.set_highlighted(())
            self._show_selected_referral()
        self.pain_mode_toggled.emit(on)

    def pain_mode(self) -> bool:
        return self._pain_mode

    def set_labels_visible(self, on: bool) -> None:
        action = self._labels.defaultAction()
        if action.isChecked() != on:
            action.setChecked(on)
        self._scene.set_labels_visible(on)

    def set_large_markers(self, on: bool) -> None:
        self._scene.set_large_markers(on)

    def zoom_in(self) -> None:
        self._view.zoom_by(1.25)

    def zoom_out(self) -> None:
        self._view.zoom_by(0.8)

    def zoom_to_fit(self) -> None:
        self._view.zoom_to_fit()

    def zoom_factor(self) -> float:
        return self._view.zoom_factor()

    def marker_screen_pos(self, point_id: str) -> QPoint | None:
        return self._view.marker_viewport_pos(point_id)

    def viewport(self) -> QWidget:
        return self._view.viewport()

    def map_view(self) -> BodyMapView:
        return self._view

    def scene(self) -> BodyMapScene:
        return self._scene

    def points_list(self) -> QListView:
        return self._list

    # -- reactions ------------------------------------------------------------------------------

    def _on_marker_clicked(self, point_id: str) -> None:
        if self._pain_mode:
            self.set_pain_mode(False)
        self.select_point(point_id)
        self.point_activated.emit(point_id)

    def _on_position_clicked(self, x: float, y: float) -> None:
        if not self._pain_mode:
            return
        lookup = self._library.pain_at(self.current_view(), x, y)
        self.show_pain_lookup(lookup)
        self.pain_looked_up.emit(lookup)

    def show_pain_lookup(self, lookup: PainLookup) -> None:
        self._referral_of = None
        self._scene.show_pain_areas(lookup.areas)
        self._scene.set_highlighted(h.point.id for h in lookup.hits)

    def _on_list_activated(self, index: QModelIndex) -> None:
        point_id = index.data(Qt.ItemDataRole.UserRole)
        if point_id:
            self._view.set_focus_marker(point_id)
            self._on_marker_clicked(point_id)

    def _sync_list_to(self, point_id: str) -> None:
        row = self._model.row_of(point_id)
        if row >= 0:
            index = self._model.index(row)
            if self._list.currentIndex() != index:
                self._list.setCurrentIndex(index)
