"""Which page is open, and the way back to the ones before it.

Every panel that opens a page asks the navigator; every panel that shows
something about the open page listens to :attr:`Navigator.entry_did_change`.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.history import History
from tpatlas.library import Entry


class EntryLookup(Protocol):
    """The one question the navigator asks the library."""

    def entry(self, kind: str, target_id: str) -> Entry | None: ...


class Navigator(QObject):
    entry_did_change = Signal(object)  # the EntryRef now open
    history_did_change = Signal(bool, bool)  # can go back, can go forward

    def __init__(self, lookup: EntryLookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._history = History()

    def current(self) -> EntryRef | None:
        return self._history.current

    def open(self, ref: EntryRef) -> bool:
        """Open a page; False (and nothing happens) if the atlas has no such entry."""
        if self._lookup.entry(ref.kind, ref.id) is None:
            return False
        if ref == self._history.current:
            self.entry_did_change.emit(ref)  # asked again: show it again (e.g. on the map)
            return True
        self._history.visit(ref)
        self._announce()
        return True

    def back(self) -> None:
        if self._history.back() is not None:
            self._announce()

    def forward(self) -> None:
        if self._history.forward() is not None:
            self._announce()

    def can_go_back(self) -> bool:
        return self._history.can_go_back()

    def can_go_forward(self) -> bool:
        return self._history.can_go_forward()

    def _announce(self) -> None:
        self.entry_did_change.emit(self._history.current)
        self.history_did_change.emit(self._history.can_go_back(), self._history.can_go_forward())
