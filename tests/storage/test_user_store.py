"""User data is sacred: migrated with a backup, never mixed with the atlas, never lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tpatlas.storage.user_schema import USER_SCHEMA_VERSION
from tpatlas.storage.user_store import (
    UserDatabaseDamaged,
    UserDatabaseTooNew,
    UserStore,
    backups_newest_first,
    restore_latest_backup,
    set_aside_damaged,
)

FIXTURES = Path(__file__).parent / "fixtures"


def version_of(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_new_database_starts_at_the_latest_schema(tmp_path: Path) -> None:
    with UserStore(tmp_path / "user.sqlite", tmp_path / "backups") as store:
        store.set_note("point", "gb20", "Tender on the left.")
    assert version_of(tmp_path / "user.sqlite") == USER_SCHEMA_VERSION


def test_empty_file_is_treated_as_new(tmp_path: Path) -> None:
    (tmp_path / "user.sqlite").touch()
    with UserStore(tmp_path / "user.sqlite", tmp_path / "backups") as store:
        assert store.notes() == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("user-v*.sqlite")), ids=lambda p: p.stem)
def test_every_earlier_schema_upgrades_keeping_notes(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    shutil.copy(fixture, path)
    old_version = version_of(path)
    with UserStore(path, tmp_path / "backups") as store:
        assert store.note("point", "gb20") == "Client prefers 60 s holds; left side more tender."
        store.set_favourite("point", "gb20", True)
        assert store.is_favourite("point", "gb20")
    assert version_of(path) == USER_SCHEMA_VERSION
    (kept,) = backups_newest_first(tmp_path / "backups")
    assert f"before-upgrade-v{old_version}" in kept.name
    assert version_of(kept) == old_version


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(UserDatabaseTooNew, match="newer tpatlas"):
        UserStore(path, tmp_path / "backups")
    assert path.read_bytes() == before


def test_damaged_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(UserDatabaseDamaged, match="is not a SQLite database") as caught:
        UserStore(path, tmp_path / "backups")
    assert str(path) in str(caught.value)


def test_restore_latest_backup_keeps_the_damaged_file(tmp_path: Path) -> None:
    path, backups = tmp_path / "user.sqlite", tmp_path / "backups"
    with UserStore(path, backups) as store:
        store.set_note("point", "li4", "Avoid: client is pregnant.")
    UserStore(path, backups).close()  # a start-up makes the daily backup
    path.write_bytes(b"\x00garbage" * 500)
    restore_latest_backup(path, backups)
    with UserStore(path, backups) as store:
        assert store.note("point", "li4") == "Avoid: client is pregnant."
    assert list(tmp_path.glob("user.sqlite.damaged-*"))


def test_fresh_start_sets_the_damaged_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    kept = set_aside_damaged(path)
    assert kept.exists() and not path.exists()
    with UserStore(path, tmp_path / "backups") as store:
        assert store.notes() == []


def test_notes_are_saved_at_once_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    store = UserStore(path, tmp_path / "backups")
    store.set_note("technique", "tp-pressure-release", "Hold 90 s for SCM.")
    # no close: a crash right after typing must not lose the note
    with UserStore(path, tmp_path / "backups") as other:
        assert other.note("technique", "tp-pressure-release") == "Hold 90 s for SCM."
    store.close()


def test_empty_note_is_removed_and_notes_are_searchable(tmp_path: Path) -> None:
    with UserStore(tmp_path / "user.sqlite", tmp_path / "backups") as store:
        store.set_note("point", "a", "Tender after the MARATHON")
        store.set_note("point", "b", "nothing special")
        assert [n.target_id for n in store.notes_matching("marathon tender")] == ["a"]
        store.set_note("point", "a", "   ")
        assert store.notes_matching("marathon") == []
