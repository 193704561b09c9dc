"""What the window remembers across restarts, in an INI file in the data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.theme import ThemeChoice

THEME_CHOICES: tuple[ThemeChoice, ...] = ("system", "light", "dark")


class WindowSettings:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- layout ----------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"layout/{name}")

    def save_layout(self, geometry: QByteArray, state: QByteArray, splitters: dict[str, QByteArray]) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        for name, value in splitters.items():
            self._settings.setValue(f"layout/{name}", value)

    # -- what was shown -------------------------------------------------------------------

    def theme_choice(self) -> ThemeChoice:
        value = str(self._settings.value("appearance/theme", "system"))
        return next((c for c in THEME_CHOICES if c == value), "system")

    def set_theme_choice(self, choice: ThemeChoice) -> None:
        self._settings.setValue("appearance/theme", choice)

    def large_type(self) -> bool:
        return self._bool("appearance/large_type")

    def set_large_type(self, on: bool) -> None:
        self._settings.setValue("appearance/large_type", on)

    def map_view(self) -> str:
        return str(self._settings.value("map/view", "") or "")

    def set_map_view(self, view_id: str) -> None:
        self._settings.setValue("map/view", view_id)

    def last_entry(self) -> EntryRef | None:
        return EntryRef.from_setting(str(self._settings.value("session/last", "") or ""))

    def set_last_entry(self, ref: EntryRef | None) -> None:
        self._settings.setValue("session/last", ref.as_setting() if ref else "")

    def _bool(self, key: str) -> bool:
        return str(self._settings.value(key, "false")).lower() in ("true", "1")
