"""Opening, upgrading, backing up and using the user database.

The user's notes and favourites are the one thing tpatlas cannot rebuild, so:
every write is its own committed transaction; the file is copied to the
backup folder before every schema upgrade and once a day; a database from a
newer tpatlas is refused untouched; a damaged one is reported, never patched.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from tpatlas.core.search_text import fold
from tpatlas.storage.engine import open_engine
from tpatlas.storage.user_schema import MIGRATIONS, USER_SCHEMA_VERSION, FavouriteRow, NoteRow

KEEP_BACKUPS = 20
DAILY = timedelta(days=1)
SQLITE_HEADER = b"SQLite format 3\x00"


class UserDatabaseError(Exception):
    """The user database cannot be used as it is; the message says why and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


class UserDatabaseDamaged(UserDatabaseError):
    """Unreadable or failing its integrity check: restore a backup or start afresh."""


class UserDatabaseTooNew(UserDatabaseError):
    """Written by a newer tpatlas; left untouched."""


@dataclass(frozen=True, slots=True)
class Note:
    target_kind: str
    target_id: str
    body: str
    updated_at: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def schema_version_of(path: Path) -> int:
    """The ``user_version`` of a SQLite file; raises UserDatabaseDamaged if unreadable."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserDatabaseDamaged(path, f"cannot be read ({exc.strerror})") from exc
    if header and header != SQLITE_HEADER:
        raise UserDatabaseDamaged(path, "is not a SQLite database (the file is damaged)")
    try:
        connection = sqlite3.connect(path)
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise UserDatabaseDamaged(path, f"cannot be read ({exc})") from exc
    if check != "ok":
        raise UserDatabaseDamaged(path, f"fails its integrity check ({check})")
    return version


def backup(path: Path, folder: Path, reason: str) -> Path:
    """A consistent copy of the database (SQLite's online backup), named by time and reason."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"user-{stamp}-{reason}.sqlite"
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    _prune(folder)
    return target


def backups_newest_first(folder: Path) -> list[Path]:
    return sorted(folder.glob("user-*.sqlite"), reverse=True) if folder.is_dir() else []


def _prune(folder: Path) -> None:
    for old in backups_newest_first(folder)[KEEP_BACKUPS:]:
        old.unlink(missing_ok=True)


def set_aside_damaged(path: Path) -> Path:
    """Move a damaged database out of the way, keeping it, so a fresh one can start."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    path.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{kept}{suffix}"))
    return kept


def restore_latest_backup(path: Path, folder: Path) -> Path:
    """Replace a damaged database with the newest backup that opens; the damaged file is kept."""
    for candidate in backups_newest_first(folder):
        try:
            schema_version_of(candidate)
        except UserDatabaseDamaged:
            continue
        if path.exists():
            set_aside_damaged(path)
        tmp = path.with_name(f".{path.name}.restoring")
        tmp.write_bytes(candidate.read_bytes())
        tmp.replace(path)
        return candidate
    raise UserDatabaseDamaged(path, "no usable backup was found")


class UserStore:
    """The open user database."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.backups = backups
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        version = schema_version_of(path) if existed else 0
        if version > USER_SCHEMA_VERSION:
            raise UserDatabaseTooNew(
                path,
                f"was written by a newer tpatlas (schema {version}; this version understands up to "
                f"{USER_SCHEMA_VERSION}). It has not been changed: update tpatlas to open it.",
            )
        if existed and version < USER_SCHEMA_VERSION:
            backup(path, backups, f"before-upgrade-v{version}")
        elif existed and self._backup_due():
            backup(path, backups, "daily")
        self._engine = open_engine(path)
        try:
            self._migrate(version)
        except DatabaseError as exc:
            self._engine.dispose()
            raise UserDatabaseDamaged(path, f"could not be upgraded ({exc.orig})") from exc

    def _backup_due(self) -> bool:
        newest = backups_newest_first(self.backups)
        if not newest:
            return True
        age = datetime.now().timestamp() - newest[0].stat().st_mtime
        return age > DAILY.total_seconds()

    def _migrate(self, version: int) -> None:
        for target in range(version + 1, USER_SCHEMA_VERSION + 1):
            with self._engine.begin() as connection:
                for statement in MIGRATIONS[target - 1]:
                    connection.exec_driver_sql(statement)
                connection.exec_driver_sql(f"PRAGMA user_version = {target:d}")

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- notes ---------------------------------------------------------------

    def note(self, kind: str, target_id: str) -> str:
        with Session(self._engine) as session:
            row = session.get(NoteRow, (kind, target_id))
            return row.body if row else ""

    def set_note(self, kind: str, target_id: str, body: str) -> None:
        """Save a note at once (its own transaction); an empty note is removed."""
        with Session(self._engine) as session, session.begin():
            if not body.strip():
                session.execute(
                    delete(NoteRow).where(NoteRow.target_kind == kind, NoteRow.target_id == target_id)
                )
                return
            statement = insert(NoteRow).values(
                target_kind=kind, target_id=target_id, body=body, updated_at=_now()
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[NoteRow.target_kind, NoteRow.target_id],
                    set_={"body": statement.excluded.body, "updated_at": statement.excluded.updated_at},
                )
            )

    def notes(self) -> list[Note]:
        with Session(self._engine) as session:
            rows = session.scalars(select(NoteRow).order_by(NoteRow.updated_at.desc()))
            return [Note(r.target_kind, r.target_id, r.body, r.updated_at) for r in rows]

    def notes_matching(self, query: str) -> list[Note]:
        """Notes containing every word of ``query`` (diacritics and case ignored)."""
        wanted = fold(query).split()
        if not wanted:
            return []
        return [n for n in self.notes() if all(w in fold(n.body) for w in wanted)]

    # -- favourites ------------------------------------------------------------

    def is_favourite(self, kind: str, target_id: str) -> bool:
        with Session(self._engine) as session:
            return session.get(FavouriteRow, (kind, target_id)) is not None

    def set_favourite(self, kind: str, target_id: str, favourite: bool) -> None:
        with Session(self._engine) as session, session.begin():
            if favourite:
                session.execute(
                    insert(FavouriteRow)
                    .values(target_kind=kind, target_id=target_id, created_at=_now())
                    .on_conflict_do_nothing()
                )
            else:
                session.execute(
                    delete(FavouriteRow).where(
                        FavouriteRow.target_kind == kind, FavouriteRow.target_id == target_id
                    )
                )

    def favourites(self) -> list[tuple[str, str]]:
        with Session(self._engine) as session:
            rows = session.scalars(select(FavouriteRow).order_by(FavouriteRow.created_at))
            return [(r.target_kind, r.target_id) for r in rows]

    def integrity_problems(self) -> list[str]:
        with contextlib.closing(sqlite3.connect(self.path)) as connection:
            return [str(r[0]) for r in connection.execute("PRAGMA integrity_check") if r[0] != "ok"]
