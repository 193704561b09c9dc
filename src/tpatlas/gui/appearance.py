"""The look of the whole application: light or dark (or the system's), and the type size.

One object decides and applies it (palette, style sheet, font); widgets that
paint for themselves listen to :attr:`Appearance.appearance_did_change`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from tpatlas.gui.style_sheet import style_sheet
from tpatlas.gui.theme import Theme, ThemeChoice, palette_for, resolve

MIN_BASE_PT = 10.0
LARGE_SCALE = 1.4


class Appearance(QObject):
    appearance_did_change = Signal(object)  # the Theme now in use

    def __init__(
        self,
        app: QApplication,
        choice: ThemeChoice = "system",
        large: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._choice: ThemeChoice = choice
        self._large = large
        system_pt = app.font().pointSizeF()
        self._normal_pt = max(system_pt if system_pt > 0 else MIN_BASE_PT, MIN_BASE_PT)
        self._theme = resolve(choice)
        self._hanzi: bool | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self._apply()

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def can_show_hanzi(self) -> bool:
        """Whether an installed font draws Chinese characters (else they would show as boxes)."""
        if self._hanzi is None:
            self._hanzi = bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
        return self._hanzi

    @property
    def large(self) -> bool:
        return self._large

    @property
    def base_pt(self) -> float:
        return self._normal_pt * (LARGE_SCALE if self._large else 1.0)

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self._refresh()

    def set_large(self, large: bool) -> None:
        if large != self._large:
            self._large = large
            self._apply()
            self.appearance_did_change.emit(self._theme)

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._refresh()

    def _refresh(self) -> None:
        theme = resolve(self._choice)
        if theme != self._theme:
            self._theme = theme
            self._apply()
            self.appearance_did_change.emit(theme)

    def _apply(self) -> None:
        font = QFont(self._app.font())
        font.setPointSizeF(self.base_pt)
        self._app.setFont(font)
        self._app.setPalette(palette_for(self._theme))
        self._app.setStyleSheet(style_sheet(self._theme, self.base_pt))
