"""The user database: what the user makes, kept apart from the atlas.

The schema is versioned with SQLite's ``user_version``. Each migration takes
the database from one version to the next inside one transaction; the list is
append-only, and a copy of a database at every released version is kept under
``tests/storage/fixtures`` so that a test upgrades each of them.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

TARGET_KINDS = "('point', 'technique', 'condition')"


class UserBase(DeclarativeBase):
    pass


class NoteRow(UserBase):
    """The user's own note on a point, technique or condition."""

    __tablename__ = "notes"
    target_kind: Mapped[str] = mapped_column(
        String, CheckConstraint(f"target_kind IN {TARGET_KINDS}", name="ck_note_kind"), primary_key=True
    )
    target_id: Mapped[str] = mapped_column(String, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String)


class FavouriteRow(UserBase):
    __tablename__ = "favourites"
    target_kind: Mapped[str] = mapped_column(
        String, CheckConstraint(f"target_kind IN {TARGET_KINDS}", name="ck_fav_kind"), primary_key=True
    )
    target_id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[str] = mapped_column(String)


#: Each entry takes the database from version ``index`` to ``index + 1``.
#: Written as SQL, never derived from the ORM classes above, so that an old
#: migration stays exactly what it was when it shipped.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 -> 1: notes (tpatlas 0.1.0 development builds)
        "CREATE TABLE notes ("
        " target_kind VARCHAR NOT NULL,"
        " target_id VARCHAR NOT NULL,"
        " body TEXT NOT NULL,"
        " updated_at VARCHAR NOT NULL,"
        " PRIMARY KEY (target_kind, target_id),"
        " CONSTRAINT ck_note_kind CHECK (target_kind IN ('point', 'technique', 'condition')))",
    ),
    (  # 1 -> 2: favourites
        "CREATE TABLE favourites ("
        " target_kind VARCHAR NOT NULL,"
        " target_id VARCHAR NOT NULL,"
        " created_at VARCHAR NOT NULL,"
        " PRIMARY KEY (target_kind, target_id),"
        " CONSTRAINT ck_fav_kind CHECK (target_kind IN ('point', 'technique', 'condition')))",
    ),
)
USER_SCHEMA_VERSION = len(MIGRATIONS)
