"""The application style sheet, built from the theme's tokens and the type size."""

from __future__ import annotations

from tpatlas.gui.theme import Theme


def _alpha(hex_colour: str, alpha: float) -> str:
    """``#RRGGBB`` as an ``rgba()`` with ``alpha`` (0..1)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {round(alpha * 255)})"


def style_sheet(t: Theme, base_pt: float) -> str:
    small = f"{base_pt * 0.86:.1f}pt"
    body = f"{base_pt:.1f}pt"
    search = f"{base_pt * 1.12:.1f}pt"
    return f"""
QWidget {{ font-size: {body}; }}
QMainWindow, QWidget#centre {{ background-color: {t.window}; }}
QWidget#sidePanel, QWidget#detailPanel {{ background-color: {t.panel}; }}
QSplitter::handle {{ background-color: {t.border}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QSplitter::handle:vertical {{ height: 1px; }}
QLineEdit, QPlainTextEdit {{
    background-color: {t.panel}; color: {t.text};
    border: 1px solid {t.border}; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {t.accent}; selection-color: {t.panel};
}}
QLineEdit#search {{ font-size: {search}; padding: 7px 10px; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {t.accent}; }}
QPlainTextEdit:read-only {{ color: {t.muted}; }}
QPushButton {{
    background-color: {t.panel}; color: {t.text};
    border: 1px solid {t.border}; border-radius: 5px; padding: 4px 12px; min-height: 1.3em;
}}
QPushButton:hover {{ border-color: {t.accent}; }}
QPushButton:focus {{ border: 1px solid {t.accent}; }}
QPushButton:checked {{
    background-color: {_alpha(t.accent, 0.16)}; border-color: {t.accent}; color: {t.text};
}}
QPushButton:disabled {{ color: {t.muted}; border-color: {_alpha(t.border, 0.6)}; }}
QPushButton#preset {{ padding: 3px 8px; }}
QToolBar {{
    background-color: {t.panel}; border: none; border-bottom: 1px solid {t.border};
    spacing: 2px; padding: 3px 6px;
}}
QToolBar::separator {{ background-color: {t.border}; width: 1px; margin: 4px 6px; }}
QToolButton {{ color: {t.text}; border: 1px solid transparent; border-radius: 5px; padding: 4px 8px; }}
QToolButton:hover {{ background-color: {_alpha(t.border, 0.45)}; }}
QToolButton:focus {{ border: 1px solid {t.accent}; }}
QToolButton:checked {{
    background-color: {_alpha(t.accent, 0.18)}; border: 1px solid {_alpha(t.accent, 0.6)};
}}
QToolButton::menu-indicator {{ image: none; width: 0px; }}
QToolButton:disabled {{ color: {_alpha(t.muted, 0.55)}; }}
QListView {{ background-color: {t.panel}; border: none; outline: none; }}
QTextBrowser {{ background-color: {t.panel}; border: none; }}
QLabel#panelCaption {{ color: {t.muted}; font-weight: 700; font-size: {small}; }}
QLabel#muted {{ color: {t.muted}; font-size: {small}; }}
QLabel#disclaimer {{ color: {t.muted}; font-size: {small}; }}
QStatusBar {{ background-color: {t.panel}; border-top: 1px solid {t.border}; color: {t.text}; }}
QStatusBar::item {{ border: none; }}
QStatusBar QLabel {{ padding: 2px 6px; }}
QMenuBar {{ background-color: {t.panel}; color: {t.text}; border-bottom: 1px solid {t.border}; }}
QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
QMenuBar::item:selected {{ background-color: {_alpha(t.accent, 0.18)}; }}
QMenu {{ background-color: {t.panel}; color: {t.text}; border: 1px solid {t.border}; padding: 4px; }}
QMenu::item {{ padding: 5px 28px 5px 22px; border-radius: 4px; }}
QMenu::item:selected {{ background-color: {_alpha(t.accent, 0.18)}; }}
QMenu::separator {{ height: 1px; background-color: {t.border}; margin: 4px 8px; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0px; }}
QScrollBar::handle:vertical {{
    background-color: {_alpha(t.muted, 0.35)}; border-radius: 4px; min-height: 30px; margin: 2px;
}}
QScrollBar::handle:vertical:hover {{ background-color: {_alpha(t.muted, 0.6)}; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 0px; }}
QScrollBar::handle:horizontal {{
    background-color: {_alpha(t.muted, 0.35)}; border-radius: 4px; min-width: 30px; margin: 2px;
}}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QToolTip {{ background-color: {t.panel}; color: {t.text}; border: 1px solid {t.border}; padding: 4px; }}
QDialog {{ background-color: {t.window}; }}
"""
