"""One way to open SQLite through SQLAlchemy: WAL, foreign keys, busy timeout.

Every SQLAlchemy connection, to the atlas or the user database, goes through
:func:`open_engine`, so no connection ever runs without these settings (the
same ones :func:`tpatlas.storage.sqlite.connect` gives a plain connection).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from tpatlas.storage.sqlite import BUSY_TIMEOUT_MS, apply_pragmas


def open_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path`` with the project's pragmas."""
    engine = create_engine(f"sqlite:///{path.as_posix()}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        apply_pragmas(dbapi_connection)

    return engine
