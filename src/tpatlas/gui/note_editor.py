"""The user's own note on the open page, saved as they type.

No save button: every pause of :data:`SAVE_DELAY_MS` writes the note (its own
committed transaction), and leaving the editor, switching pages or closing the
window writes at once. So a crash loses at most the last half second of typing.

The window opens the user database just after it is first shown. A note typed
before that is kept here and written as soon as the database is open, added to
the note saved before if there is one (the user could not see that one yet).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.user_data import user_data_errors

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
        self._waiting = False  # for the user database to open
        self._unsaved: dict[EntryRef, str] = {}  # typed while waiting, or not written since
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
        self._load_note()
        self.status.setText("")

    def _load_note(self, while_typing: bool = False) -> None:
        """Show the open page's note. ``while_typing``: the user may be typing in it, so the
        text is only replaced if it changed, and then with the cursor at its end."""
        ref = self._ref
        text = self._unsaved.get(ref) if ref is not None else ""
        if text is None:
            text = "" if self._waiting or ref is None else self._notes.note(ref.kind, ref.id)
        if not while_typing or text != self.edit.toPlainText():
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)  # a new text, and a new undo history
            if while_typing:
                self.edit.moveCursor(QTextCursor.MoveOperation.End)
            self.edit.blockSignals(False)
        writable = self._waiting or self._notes.has_user_data
        self.edit.setReadOnly(ref is None or not writable)
        self.edit.setEnabled(ref is not None)
        if not writable:
            self.edit.setPlaceholderText("Your notes are not available (see the message at start-up).")
        else:
            self.edit.setPlaceholderText(
                "Write your own note: it is saved as you type and found by the search."
            )

    def wait_for_user_data(self) -> None:
        """The user database is not open yet: keep what is typed until it is."""
        self._waiting = True
        self._load_note(while_typing=True)

    def has_notes_to_save(self) -> bool:
        """True while notes typed before the user database opened wait to be written."""
        return self._waiting and (self._dirty or bool(self._unsaved))

    def user_data_did_open(self) -> None:
        """The user database is open (or, if the store still has no user data, will not
        be): write what was typed meanwhile, then show the saved notes."""
        if not self._waiting:
            return
        self.flush()  # what is being typed joins the rest
        self._waiting = False
        typed, self._unsaved = self._unsaved, {}
        status = ""
        for ref, text in typed.items():
            outcome = self._save_typed(ref, text)
            if ref == self._ref:
                status = outcome
        self._load_note(while_typing=True)
        if self._ref in self._unsaved and self._notes.has_user_data:
            self._dirty = True  # not written: tried again with the next pause or on leaving
        self.status.setText(status)

    def _save_typed(self, ref: EntryRef, text: str) -> str:
        """Write a note typed while waiting; what to say if it is the open page's."""
        if not text.strip():  # typed and wiped again: the saved note, unseen, stays as it is
            return ""
        if not self._notes.has_user_data:
            self._unsaved[ref] = text  # still shown, to copy elsewhere
            return "Not saved: your notes are not available"
        before = self._notes.note(ref.kind, ref.id)
        body = text if not before.strip() or before == text else f"{before.rstrip()}\n\n{text}"
        try:
            self._notes.set_note(ref.kind, ref.id, body)
        except user_data_errors() as exc:
            self._unsaved[ref] = body  # written with the next change, like any unsaved note
            self.status.setToolTip(str(exc))
            return "Not saved: the user database cannot be written"
        self.note_did_change.emit(ref)
        return "Saved" if body == text else "Saved after your earlier note"

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
        if self._waiting:  # kept until the user database is open
            self._unsaved[self._ref] = self.edit.toPlainText()
            self._dirty = False
            self.status.setText("Saved once your notes are open")
            return
        try:
            self._notes.set_note(self._ref.kind, self._ref.id, self.edit.toPlainText())
        except user_data_errors() as exc:
            self.status.setText("Not saved: the user database cannot be written")
            self.status.setToolTip(str(exc))
            return
        self._dirty = False
        self._unsaved.pop(self._ref, None)
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
