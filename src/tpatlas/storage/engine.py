"""One way to open SQLite through SQLAlchemy: WAL, foreign keys, busy timeout.

Every connection, to the atlas or the user database, goes through
:func:`open_engine`, so no connection ever runs without these settings.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def open_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path`` with the project's pragmas."""
    engine = create_engine(f"sqlite:///{path.as_posix()}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    return engine
