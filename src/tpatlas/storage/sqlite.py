"""The project's SQLite connection settings, without SQLAlchemy.

Every connection, opened here or through :func:`tpatlas.storage.engine.open_engine`,
gets the same pragmas. The atlas is read through a plain connection: reading
it is the first thing the window does, and importing SQLAlchemy alone costs
more than showing a bare window.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """WAL, foreign keys and a busy timeout, on a freshly opened connection."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the SQLite file at ``path`` with the project's pragmas.

    SQLite serialises use of one connection, so it may be shared between threads.
    """
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        apply_pragmas(connection)
    except sqlite3.Error:
        connection.close()
        raise
    return connection
