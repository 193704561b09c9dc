"""The questions asked when the user database cannot be opened as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from tpatlas.gui.user_data import Recovery

if TYPE_CHECKING:  # this module is imported before the window; the user database after it
    from tpatlas.storage.user_store import UserDatabaseDamaged


def ask_recovery(problem: UserDatabaseDamaged, has_backup: bool, parent: QWidget | None = None) -> Recovery:
    """Restore a backup, start fresh (keeping the damaged file), go on without notes, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("tpatlas: your notes could not be opened")
    box.setText("Your notes and favourites could not be opened: the file is damaged.")
    box.setInformativeText(
        f"{problem}\n\nNothing has been changed yet. Choose how to go on; the damaged file is always kept."
    )
    choices: dict[object, Recovery] = {}

    def add(text: str, role: QMessageBox.ButtonRole, recovery: Recovery, enabled: bool = True) -> None:
        button = box.addButton(text, role)
        button.setAccessibleName(text)
        button.setEnabled(enabled)
        choices[button] = recovery

    add("Restore the latest backup", QMessageBox.ButtonRole.AcceptRole, Recovery.RESTORE_BACKUP, has_backup)
    add("Start a fresh database", QMessageBox.ButtonRole.DestructiveRole, Recovery.START_FRESH)
    add("Continue without notes", QMessageBox.ButtonRole.ActionRole, Recovery.WITHOUT_NOTES)
    add("Quit", QMessageBox.ButtonRole.RejectRole, Recovery.QUIT)
    box.exec()
    return choices.get(box.clickedButton(), Recovery.QUIT)


def inform(message: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("tpatlas")
    box.setText(message)
    box.exec()
