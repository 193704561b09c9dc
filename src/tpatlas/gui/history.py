"""Back and forward through the pages the user looked at, as a browser does."""

from __future__ import annotations

from tpatlas.gui.entry_ref import EntryRef

LIMIT = 200


class History:
    def __init__(self, limit: int = LIMIT) -> None:
        self._entries: list[EntryRef] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> EntryRef | None:
        return self._entries[self._index] if self._index >= 0 else None

    def visit(self, ref: EntryRef) -> None:
        """A new page: forget what lay ahead of the current one."""
        if ref == self.current:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(ref)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> EntryRef | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> EntryRef | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
