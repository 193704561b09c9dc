"""The window's actions, its menus and its toolbar. Every action has a shortcut
or a menu entry, so everything can be done from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QStyle, QToolBar, QToolButton, QWidget

from tpatlas.core.model import View
from tpatlas.gui.theme import ThemeChoice


class WindowActions:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        style = window.style()
        self.back = self._make("&Back", ["Alt+Left"], "Back to the previous page")
        self.back.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward = self._make("&Forward", ["Alt+Right"], "Forward to the next page")
        self.forward.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.find = self._make("&Find…", ["Ctrl+K", "Ctrl+F"], "Search points, techniques, conditions, notes")
        self.reset_filters = self._make("&Reset filters", ["Ctrl+Shift+R"], "Show everything again")
        self.pain_mode = self._make(
            "&Where does it hurt?", ["Ctrl+Shift+H"], "Click the painful area on the map", checkable=True
        )
        self.focus_map = self._make("Go to the &map", ["Ctrl+M"], "Move the keyboard focus to the body map")
        self.favourite = self._make("&Favourite", ["Ctrl+D"], "Star or unstar the open page")
        self.edit_note = self._make("Edit my &note", ["Ctrl+E"], "Write your own note on the open page")
        self.timer_toggle = self._make("&Start or pause the hold", ["Ctrl+T"], "Hold timer: start or pause")
        self.timer_reset = self._make("R&eset the hold", ["Ctrl+Shift+T"], "Hold timer: reset")
        self.large_type = self._make(
            "&Large type", ["Ctrl+Shift+L"], "Larger text and markers, for arm's length", checkable=True
        )
        self.full_screen = self._make(
            "F&ull-screen map", ["F11"], "The map alone, full screen (Esc to leave)", checkable=True
        )
        self.leave_full_screen = self._make("Leave full screen", ["Esc"], "Leave the full-screen map")
        self.leave_full_screen.setEnabled(False)
        self.shortcuts = self._make("&Keyboard shortcuts", ["F1"], "All keyboard shortcuts")
        self.about = self._make("&About tpatlas", [], "What the atlas is, and what it is not")
        self.quit = self._make("&Quit", ["Ctrl+Q"], "Close the atlas")
        self.theme_group = QActionGroup(window)
        self.themes: dict[ThemeChoice, QAction] = {}
        for choice, label in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(label, window)
            action.setCheckable(True)
            action.setData(choice)
            self.theme_group.addAction(action)
            self.themes[choice] = action  # type: ignore[index]
        self.view_group = QActionGroup(window)

    def _make(self, text: str, keys: list[str], tip: str, checkable: bool = False) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = f" ({' or '.join(keys)})" if keys else ""
        action.setToolTip(tip + shown)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def with_shortcuts(self) -> list[QAction]:
        return [a for a in self._window.actions() if a.shortcuts()]


def build_menus(window: QMainWindow, actions: WindowActions, views: list[View]) -> dict[str, QAction]:
    """The menu bar; returns the actions that switch the body-map view, by view id."""
    bar = window.menuBar()
    atlas = bar.addMenu("&Atlas")
    atlas.addActions([actions.find, actions.reset_filters, actions.pain_mode, actions.focus_map])
    atlas.addSeparator()
    atlas.addAction(actions.quit)
    go = bar.addMenu("&Go")
    go.addActions([actions.back, actions.forward])
    page = bar.addMenu("&Page")
    page.addActions([actions.favourite, actions.edit_note])
    session = bar.addMenu("&Session")
    session.addActions([actions.timer_toggle, actions.timer_reset])
    session.addSeparator()
    session.addActions([actions.large_type, actions.full_screen])
    view = bar.addMenu("&View")
    theme = view.addMenu("&Theme")
    theme.addActions(list(actions.themes.values()))
    body = view.addMenu("Body map &view")
    by_view: dict[str, QAction] = {}
    for v in views:
        action = QAction(v.title, window)
        action.setCheckable(True)
        action.setData(v.id)
        actions.view_group.addAction(action)
        body.addAction(action)
        by_view[v.id] = action
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.shortcuts, actions.about])
    return by_view


def build_toolbar(window: QMainWindow, actions: WindowActions) -> QToolBar:
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addAction(actions.back)
    toolbar.addAction(actions.forward)
    toolbar.addSeparator()
    toolbar.addAction(actions.large_type)
    toolbar.addAction(actions.full_screen)
    theme_button = QToolButton(toolbar)
    theme_button.setText("Theme ▾")
    theme_button.setAccessibleName("Theme: system, light or dark")
    theme_button.setToolTip("Follow the system's light or dark scheme, or choose one")
    theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    theme_menu = QMenu(theme_button)
    theme_menu.addActions(list(actions.themes.values()))
    theme_button.setMenu(theme_menu)
    toolbar.addWidget(theme_button)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(actions.shortcuts)
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and action.text():
            button.setAccessibleName(action.text().replace("&", ""))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar
