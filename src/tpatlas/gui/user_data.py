"""Opening the user's notes and favourites, with a way out when that fails.

A damaged database is never patched in place: the user chooses to restore the
newest backup, to start afresh (the damaged file is kept beside it), or to go on
without notes. A database from a newer tpatlas is left untouched and the atlas
opens without user data. No choice ever ends in a traceback.

The window opens the user database once it is on screen, so this module imports
the storage layer (and with it SQLAlchemy) only when it is asked to open it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from tpatlas.paths import DataPaths

if TYPE_CHECKING:
    from tpatlas.storage.user_store import UserDatabaseDamaged, UserStore

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 4


class Recovery(Enum):
    RESTORE_BACKUP = "restore"
    START_FRESH = "fresh"
    WITHOUT_NOTES = "without"
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class UserData:
    store: UserStore | None
    notice: str | None = None  # shown in the window while notes are unavailable


Chooser = Callable[["UserDatabaseDamaged", bool], Recovery]  # the problem, whether a backup exists
Informer = Callable[[str], None]

TOO_NEW_NOTICE = "Notes unavailable: saved by a newer tpatlas (left untouched)"
DAMAGED_NOTICE = "Notes unavailable: the user database is damaged"
UNWRITABLE_NOTICE = "Notes unavailable: the user database cannot be opened"


def user_data_errors() -> tuple[type[Exception], ...]:
    """What a write to the user database raises when the database, not our code, fails.

    For ``except user_data_errors():``, which calls it only once something was raised:
    SQLAlchemy is imported with the user database, after the window is on screen,
    and is loaded by the time anything can fail in it.
    """
    from sqlalchemy.exc import SQLAlchemyError

    return (SQLAlchemyError, OSError)


def open_user_data(paths: DataPaths, choose: Chooser, inform: Informer) -> UserData | None:
    """The user store, or None if the user chose to quit."""
    from tpatlas.storage.user_store import (
        UserDatabaseDamaged,
        UserDatabaseTooNew,
        UserStore,
        backups_newest_first,
    )

    for _attempt in range(MAX_ATTEMPTS):
        try:
            return UserData(UserStore(paths.user_db, paths.backups))
        except UserDatabaseTooNew as exc:
            inform(f"{exc}\n\nThe atlas opens without your notes and favourites; the file is not touched.")
            return UserData(None, TOO_NEW_NOTICE)
        except UserDatabaseDamaged as exc:
            choice = choose(exc, bool(backups_newest_first(paths.backups)))
            if choice is Recovery.QUIT:
                return None
            if choice is Recovery.WITHOUT_NOTES:
                return UserData(None, DAMAGED_NOTICE)
            _recover(paths, choice, inform)
        except user_data_errors() as exc:
            log.exception("the user database cannot be opened")
            inform(f"Your notes and favourites cannot be opened ({exc}). The atlas opens without them.")
            return UserData(None, UNWRITABLE_NOTICE)
    return UserData(None, DAMAGED_NOTICE)


def _recover(paths: DataPaths, choice: Recovery, inform: Informer) -> None:
    from tpatlas.storage.user_store import UserDatabaseDamaged, restore_latest_backup, set_aside_damaged

    try:
        if choice is Recovery.RESTORE_BACKUP:
            used = restore_latest_backup(paths.user_db, paths.backups)
            inform(f"Restored your notes from the backup {used.name}. The damaged file was kept beside it.")
        elif choice is Recovery.START_FRESH and paths.user_db.exists():
            kept = set_aside_damaged(paths.user_db)
            inform(f"Started a fresh user database. The damaged file was kept as {kept}.")
    except (UserDatabaseDamaged, OSError) as exc:
        inform(f"That did not work: {exc}")
