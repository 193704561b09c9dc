"""The user's own note on the open page, saved as they type.

No save button: every pause of :data:`SAVE_DELAY_MS` writes the note (its own
committed transaction), and leaving the editor, switching pages or closing the
window writes at once. So a crash loses at most the last half second of typing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from tpatlas.gui.entry_ref import EntryRef

SAVE_DELAY_MS = 400


class NoteStore(Protocol):
    @property
    def has_user_data(self) -> bool: ...

    def note(self, kind: str, target_id: str) -> str: ...

    def set_note(self, kind: str, target_id: str, body: str) -> None: ...


class NoteEditor(QWidget):
    note_did_change = Signal(object)  # the EntryRef whose note was saved

    def __init__(self, notes: NoteStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self._ref: EntryRef | None = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.title = QLabel("My note", self)
        self.title.setObjectName("panelCaption")
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setAccessibleName("Note status")
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName("My note on this page")
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_text_changed)
        head = QWidget(self)
        row = QHBoxLayout(head)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(head)
        layout.addWidget(self.edit, 1)
        self.show_note_for(None)

    def current(self) -> EntryRef | None:
        return self._ref

    def show_note_for(self, ref: EntryRef | None) -> None:
        """Save the note being edited, then show the note of ``ref``."""
        self.flush()
        self._ref = ref
        self.edit.blockSignals(True)
        self.edit.setPlainText(self._notes.note(ref.kind, ref.id) if ref else "")
        self.edit.blockSignals(False)
        usable = ref is not None and self._notes.has_user_data
        self.edit.setReadOnly(not usable)
        self.edit.setEnabled(ref is not None)
        if not self._notes.has_user_data:
            self.edit.setPlaceholderText("Your notes are not available (see the message at start-up).")
        else:
            self.edit.setPlaceholderText(
                "Write your own note: it is saved as you type and found by the search."
            )
        self.status.setText("")

    def _on_text_changed(self) -> None:
        if self._ref is None or self.edit.isReadOnly():
            return
        self._dirty = True
        self.status.setText("Editing…")
        self._timer.start()

    def flush(self) -> None:
        """Write the note now if it has unsaved changes."""
        self._timer.stop()
        if not self._dirty or self._ref is None:
            return
        try:
            self._notes.set_note(self._ref.kind, self._ref.id, self.edit.toPlainText())
        except (SQLAlchemyError, OSError) as exc:
            self.status.setText("Not saved: the user database cannot be written")
            self.status.setToolTip(str(exc))
            return
        self._dirty = False
        self.status.setText("Saved")
        self.note_did_change.emit(self._ref)

    def is_dirty(self) -> bool:
        return self._dirty

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
