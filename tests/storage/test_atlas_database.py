"""The atlas database: a faithful, atomically replaced copy of the content, searchable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml

from tpatlas.atlas_files import ContentSource, build_database, open_current_atlas
from tpatlas.content.errors import ContentError
from tpatlas.content.validate import load_atlas
from tpatlas.storage.atlas_store import AtlasStore, AtlasUnavailable


def test_round_trip_keeps_every_fact(synthetic_content: Path, synthetic_store: AtlasStore) -> None:
    assert synthetic_store.read_atlas() == load_atlas(synthetic_content)


def test_connections_use_wal_and_foreign_keys(synthetic_store: AtlasStore) -> None:
    with synthetic_store._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_integrity_check_passes(synthetic_store: AtlasStore) -> None:
    assert synthetic_store.integrity_problems() == []


def test_failed_build_leaves_the_previous_atlas_intact(synthetic_content: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "atlas.sqlite"
    source = ContentSource.from_content_dir(synthetic_content)
    build_database(source, out)
    before = out.read_bytes()
    path = synthetic_content / "points" / "neck.yaml"
    data = yaml.safe_load(path.read_text())
    data["points"][0]["techniques"][0]["id"] = "acupresure"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError):
        build_database(source, out)
    assert out.read_bytes() == before
    with AtlasStore(out) as store:
        assert len(store.read_atlas().points) == 30
    assert [p.name for p in out.parent.iterdir()] == ["atlas.sqlite"]  # no temporary file left


def test_content_change_triggers_a_rebuild(synthetic_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "atlas.sqlite"
    source = ContentSource.from_content_dir(synthetic_content)
    open_current_atlas(source, out).close()
    path = synthetic_content / "points" / "neck.yaml"
    data = yaml.safe_load(path.read_text())
    data["points"][0]["name"] = "Renamed point"
    path.write_text(yaml.safe_dump(data))
    with open_current_atlas(source, out) as store:
        assert store.read_atlas().points["point-1"].name == "Renamed point"


def test_damaged_atlas_file_is_reported_not_crashed_on(tmp_path: Path) -> None:
    bad = tmp_path / "atlas.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AtlasUnavailable, match="not a readable atlas database"):
        AtlasStore(bad)


def test_damaged_atlas_is_rebuilt_from_content(synthetic_content: Path, tmp_path: Path) -> None:
    bad = tmp_path / "atlas.sqlite"
    bad.write_bytes(b"garbage" * 100)
    with open_current_atlas(ContentSource.from_content_dir(synthetic_content), bad) as store:
        assert len(store.read_atlas().points) == 30


def test_foreign_keys_are_enforced_in_the_built_file(synthetic_store: AtlasStore) -> None:
    connection = sqlite3.connect(synthetic_store.path)
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO point_techniques (point_id, technique_id, note, position) "
            "VALUES ('point-0', 'no-such-technique', 'x', 9)"
        )
    connection.close()


class TestSearch:
    def test_code_in_any_spelling_comes_first(self, synthetic_store: AtlasStore) -> None:
        for typed in ("LU1", "lu 1", "LU-1", "lu1"):
            assert synthetic_store.search(typed)[0].id == "point-0"

    def test_prefix_matches_as_the_user_types(self, synthetic_store: AtlasStore) -> None:
        full = {h.id for h in synthetic_store.search("burning")}
        assert full
        assert full <= {h.id for h in synthetic_store.search("burn")}

    def test_exact_name_beats_text_match(self, synthetic_store: AtlasStore) -> None:
        atlas = synthetic_store.read_atlas()
        name = atlas.points["point-7"].name
        assert synthetic_store.search(name)[0].id == "point-7"

    def test_techniques_and_conditions_are_found(self, synthetic_store: AtlasStore) -> None:
        kinds = {(h.kind, h.id) for h in synthetic_store.search("tension")}
        assert ("condition", "headache-tension") in kinds
        assert ("technique", "stretch") in {(h.kind, h.id) for h in synthetic_store.search("passive")}

    def test_nonsense_and_punctuation_find_nothing_and_do_not_fail(self, synthetic_store: AtlasStore) -> None:
        assert synthetic_store.search("zzzqqq") == []
        assert synthetic_store.search('" * ( ) AND OR NEAR') == []
        assert synthetic_store.search("") == []
