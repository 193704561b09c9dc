"""Light and dark colour tokens, and applying them to the application.

Everything that paints asks a :class:`Theme` for a token; no widget or drawing
carries a colour of its own. The drawings' placeholder colours are replaced by
:meth:`Theme.drawing_colours`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

ThemeName = Literal["light", "dark"]
ThemeChoice = Literal["system", "light", "dark"]

#: The colours the SVG drawings use as placeholders, by token name.
DRAWING_PLACEHOLDERS = {
    "skin": "#F0F0F1",
    "outline": "#101011",
    "contour": "#202021",
    "landmark": "#303031",
}


@dataclass(frozen=True, slots=True)
class Theme:
    name: ThemeName
    window: str
    panel: str
    text: str
    muted: str
    accent: str
    border: str
    skin: str
    outline: str
    contour: str
    landmark: str
    trigger_point: str
    acupoint: str
    marker_edge: str
    selected: str
    highlight: str
    primary_zone: str
    spillover_zone: str
    pain_area: str
    caution_bg: str
    caution_text: str
    danger: str

    def colour(self, token: str) -> QColor:
        return QColor(getattr(self, token))

    def drawing_colours(self) -> dict[str, str]:
        """Placeholder colour -> this theme's colour, for the SVG text."""
        return {placeholder: getattr(self, token) for token, placeholder in DRAWING_PLACEHOLDERS.items()}


LIGHT = Theme(
    name="light",
    window="#F6F4F1",
    panel="#FFFFFF",
    text="#1F2328",
    muted="#5E6670",
    accent="#1F6FB2",
    border="#D6D2CC",
    skin="#FBF7F2",
    outline="#3B3B3B",
    contour="#9A938B",
    landmark="#6F7F96",
    trigger_point="#C2412D",
    acupoint="#1F6FB2",
    marker_edge="#FFFFFF",
    selected="#111111",
    highlight="#E8A317",
    primary_zone="#D9482B",
    spillover_zone="#E58B3A",
    pain_area="#2E8B57",
    caution_bg="#FDECEA",
    caution_text="#8A1C12",
    danger="#B3261E",
)
DARK = Theme(
    name="dark",
    window="#1B1D21",
    panel="#23262B",
    text="#E6E6E6",
    muted="#A2A9B1",
    accent="#6FB1F0",
    border="#3A3F46",
    skin="#2C2F35",
    outline="#D5D5D5",
    contour="#7C7F86",
    landmark="#8FA3BF",
    trigger_point="#FF7A62",
    acupoint="#6FB1F0",
    marker_edge="#1B1D21",
    selected="#FFFFFF",
    highlight="#F2C14E",
    primary_zone="#FF6A4D",
    spillover_zone="#FFA45C",
    pain_area="#5CC98A",
    caution_bg="#3D2320",
    caution_text="#FFB4A8",
    danger="#FF8A80",
)
THEMES: dict[ThemeName, Theme] = {"light": LIGHT, "dark": DARK}


def system_theme_name() -> ThemeName:
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(choice: ThemeChoice) -> Theme:
    return THEMES[system_theme_name() if choice == "system" else choice]


def palette_for(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.panel,
        QPalette.ColorRole.AlternateBase: theme.window,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.panel,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.panel,
        QPalette.ColorRole.ToolTipBase: theme.panel,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.Mid: theme.border,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette
