"""The keyboard shortcuts, listed from the window's own actions so the list never drifts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from tpatlas.gui.detail_panel import DISCLAIMER
from tpatlas.gui.html_parts import esc, section
from tpatlas.gui.safe_browser import SafeTextBrowser

#: Keys that belong to a widget rather than to a menu action.
WIDGET_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Search", "↓ / ↑", "move between the search box and the results"),
    ("Search", "Enter", "open the selected result (the best hit right after typing)"),
    ("Search", "Esc", "clear the search"),
    ("Body map", "Tab / arrow keys", "move from point to point"),
    ("Body map", "Enter or Space", "open the focused point"),
    ("Body map", "Ctrl++ / Ctrl+- / Ctrl+0", "zoom in, zoom out, fit"),
    ("Body map", "+ / - / 0", "zoom in, zoom out, fit (map focused)"),
    ("Body map", "Ctrl+L", "show or hide point labels"),
    ("Body map", "Ctrl+H", "where does it hurt (map focused)"),
    ("Pages", "Tab, then Enter", "follow a link in the page"),
    ("Anywhere", "Mouse back / forward buttons", "back and forward through the pages"),
)


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            rows.append((" or ".join(keys), action.text().replace("&", "")))
    return rows


def shortcuts_html(actions: Iterable[QAction]) -> str:
    def table(rows: list[tuple[str, str]]) -> str:
        body = "".join(
            f'<tr><td style="padding: 3px 18px 3px 0px;"><b>{esc(keys)}</b></td><td>{esc(text)}</td></tr>'
            for keys, text in rows
        )
        return f'<table cellspacing="0" cellpadding="0">{body}</table>'

    parts = ['<p class="title">Keyboard shortcuts</p>', section("Window", table(action_rows(actions)))]
    groups: dict[str, list[tuple[str, str]]] = {}
    for group, keys, text in WIDGET_KEYS:
        groups.setdefault(group, []).append((keys, text))
    for group, rows in groups.items():
        parts.append(section(group, table(rows)))
    parts.append(f'<p class="muted" style="margin-top: 16px;">{esc(DISCLAIMER)}</p>')
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], style_sheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts – tpatlas")
        self.setAccessibleName("Keyboard shortcuts")
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Keyboard shortcuts")
        self.browser.document().setDefaultStyleSheet(style_sheet)
        self.browser.document().setDocumentMargin(16)
        self.browser.setHtml(shortcuts_html(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)
