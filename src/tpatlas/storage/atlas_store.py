"""Reading a built atlas database: the whole atlas, and search over it.

The atlas is a read-only build product, read once at start and searched on
every keystroke, so it is read through one plain SQLite connection: no ORM
to import before the first window, no statement to compile per keystroke.
The tables are those of :mod:`tpatlas.storage.atlas_schema`, which writes them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tpatlas.core import model
from tpatlas.core.search import TIER_TEXT, SearchHit, TargetKind, plan_query, rank
from tpatlas.storage.atlas_format import ATLAS_SCHEMA_VERSION
from tpatlas.storage.sqlite import connect

if TYPE_CHECKING:
    from sqlalchemy import Engine

_KEYS_QUERY = "SELECT target_kind, target_id, tier FROM search_keys WHERE key = ? OR key = ?"
#: the keys (names, aliases, codes) that begin with a letter, in order
_INITIAL_QUERY = (
    "SELECT target_kind, target_id FROM search_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT ?"
)
#: bm25 weights of the full-text columns: kind and id (unindexed), codes, names, body
_FTS_QUERY = (
    "SELECT target_kind, target_id, bm25(search_fts, 0, 0, 10.0, 5.0, 1.0) "
    "FROM search_fts WHERE search_fts MATCH ? ORDER BY 3 LIMIT ?"
)


class AtlasUnavailable(Exception):
    """The atlas database is missing, damaged or from another schema version."""


def _citations(raw: str) -> tuple[model.Citation, ...]:
    return tuple(model.Citation(c["source"], c.get("locator")) for c in json.loads(raw))


def _strings(raw: str) -> tuple[str, ...]:
    return tuple(json.loads(raw))


class AtlasStore:
    """An open atlas database."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise AtlasUnavailable(f"{path}: the atlas database does not exist (run 'tpatlas build')")
        self.path = path
        self._sa_engine: Engine | None = None
        try:
            self._connection = connect(path)
        except sqlite3.DatabaseError as exc:
            raise AtlasUnavailable(f"{path}: not a readable atlas database ({exc})") from exc
        try:
            self.meta = self._read_meta()
        except sqlite3.DatabaseError as exc:
            self._connection.close()
            raise AtlasUnavailable(f"{path}: not a readable atlas database ({exc})") from exc
        version = self.meta.get("schema_version")
        if version != str(ATLAS_SCHEMA_VERSION):
            self._connection.close()
            raise AtlasUnavailable(
                f"{path}: atlas schema {version}, this tpatlas reads {ATLAS_SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self._connection.close()
        if self._sa_engine is not None:
            self._sa_engine.dispose()

    def __enter__(self) -> AtlasStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def _engine(self) -> Engine:
        """An SQLAlchemy engine on the same file with the same settings, made on first use."""
        if self._sa_engine is None:
            from tpatlas.storage.engine import open_engine  # SQLAlchemy only when asked for

            self._sa_engine = open_engine(self.path)
        return self._sa_engine

    def _rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> Iterator[sqlite3.Row]:
        cursor = self._connection.execute(sql, parameters)
        cursor.row_factory = sqlite3.Row
        yield from cursor

    def _read_meta(self) -> dict[str, str]:
        return {key: value for key, value in self._connection.execute("SELECT key, value FROM meta")}

    @property
    def fingerprint(self) -> str | None:
        return self.meta.get("content_fingerprint")

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity check and a foreign-key check; empty when healthy."""
        connection = self._connection
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"row {row[1]} of {row[0]} points to a missing {row[2]}"
            for row in connection.execute("PRAGMA foreign_key_check")
        ]
        return problems

    # -- the whole atlas ---------------------------------------------------

    def read_atlas(self) -> model.Atlas:
        return _AtlasReader(self._rows).read()

    # -- search ------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Points, techniques and conditions matching ``query``, best first.

        While the last word typed is one or two letters, only codes and names
        are searched: such a prefix matches nearly every text, and ranking
        thousands of texts on every keystroke is what made typing slow. A
        single letter lists the names and codes that begin with it.
        """
        plan = plan_query(query)
        if plan.empty:
            return []
        connection = self._connection
        hits: list[SearchHit] = []
        keys = [k for k in (plan.code_key, plan.name_key) if k]
        if keys:
            rows = connection.execute(_KEYS_QUERY, (keys[0], keys[-1]))
            hits += [SearchHit(cast(TargetKind, kind), tid, tier) for kind, tid, tier in rows]
        if plan.initial is not None:
            rows = connection.execute(_INITIAL_QUERY, (plan.initial, plan.initial + "\U0010ffff", limit))
            hits += [
                SearchHit(cast(TargetKind, kind), tid, TIER_TEXT, n) for n, (kind, tid) in enumerate(rows)
            ]
        elif plan.match:
            match = f"{{codes names}} : ({plan.match})" if plan.names_only else plan.match
            try:
                rows = connection.execute(_FTS_QUERY, (match, limit))
                hits += [
                    SearchHit(cast(TargetKind, kind), tid, TIER_TEXT, score) for kind, tid, score in rows
                ]
            except sqlite3.OperationalError:  # pragma: no cover - defensive: a query FTS rejects
                pass
        return rank(hits, limit)


class _AtlasReader:
    """Reads every table once and assembles the dataclasses."""

    def __init__(self, rows: Any) -> None:
        self._rows = rows

    def _by_point(self, sql: str) -> dict[str, list[sqlite3.Row]]:
        grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for row in self._rows(sql):
            grouped[row["point_id"]].append(row)
        return grouped

    def read(self) -> model.Atlas:
        rows = self._rows
        atlas = model.Atlas()
        for src in rows("SELECT * FROM sources ORDER BY rowid"):
            atlas.sources[src["id"]] = model.Source(
                src["id"], src["kind"], src["citation"], src["year"], src["doi"], src["isbn"], src["note"]
            )
        for a in rows("SELECT * FROM areas ORDER BY rowid"):
            atlas.areas[a["id"]] = model.Area(a["id"], a["name"], a["region"], a["description"])
        for topic in rows("SELECT * FROM safety_topics ORDER BY rowid"):
            atlas.safety[topic["id"]] = model.SafetyTopic(
                topic["id"], topic["title"], topic["severity"], topic["text"], _citations(topic["citations"])
            )
        point_cautions: dict[str, list[sqlite3.Row]] = defaultdict(list)
        technique_cautions: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for caution in rows("SELECT * FROM cautions ORDER BY position, id"):
            if caution["point_id"]:
                point_cautions[caution["point_id"]].append(caution)
            elif caution["technique_id"]:
                technique_cautions[caution["technique_id"]].append(caution)
        for t in rows("SELECT * FROM techniques ORDER BY rowid"):
            own = technique_cautions[t["id"]]
            atlas.techniques[t["id"]] = model.Technique(
                id=t["id"],
                name=t["name"],
                category=t["category"],
                purpose=t["purpose"],
                steps=_strings(t["steps"]),
                pressure=t["pressure"],
                dosage=model.Dosage(t["dosage_text"], tuple(json.loads(t["hold_seconds"])), t["repetitions"]),
                positioning=t["positioning"],
                client_feel=t["client_feel"],
                cautions=_cautions(own, "caution"),
                contraindications=_cautions(own, "contraindication"),
                citations=_citations(t["citations"]),
                aliases=_strings(t["aliases"]),
                self_care=t["self_care"],
            )
        for c in rows("SELECT * FROM conditions ORDER BY rowid"):
            atlas.conditions[c["id"]] = model.Condition(
                id=c["id"],
                name=c["name"],
                description=c["description"],
                evidence=c["evidence"],
                citations=_citations(c["citations"]),
                aliases=_strings(c["aliases"]),
                parent=c["parent_id"],
                classification=c["classification"],
                red_flags=_strings(c["red_flags"]),
            )
        shapes: dict[str, list[model.AreaShape]] = defaultdict(list)
        for shape in rows("SELECT view_id, area_id, polygon FROM area_shapes ORDER BY id"):
            polygon = tuple((float(x), float(y)) for x, y in json.loads(shape["polygon"]))
            shapes[shape["view_id"]].append(model.AreaShape(shape["area_id"], polygon))
        for v in rows("SELECT * FROM views ORDER BY rowid"):
            atlas.views[v["id"]] = model.View(
                v["id"],
                v["title"],
                v["drawing"],
                _strings(v["regions"]),
                v["sort_order"],
                v["aspect"],
                tuple(shapes[v["id"]]),
            )
        self._read_points(atlas, point_cautions)
        return atlas

    def _read_points(self, atlas: model.Atlas, point_cautions: dict[str, list[sqlite3.Row]]) -> None:
        referrals = self._by_point("SELECT * FROM referrals ORDER BY position, rowid")
        techniques = self._by_point("SELECT * FROM point_techniques ORDER BY position, rowid")
        conditions = self._by_point("SELECT * FROM point_conditions ORDER BY position, rowid")
        sources = self._by_point("SELECT * FROM point_sources ORDER BY position, rowid")
        placements = self._by_point("SELECT * FROM placements ORDER BY rowid")
        for p in self._rows("SELECT * FROM points ORDER BY rowid"):
            point_id = p["id"]
            referral = None
            if p["referral_description"] is not None:
                refs = referrals[point_id]
                referral = model.Referral(
                    tuple(r["area_id"] for r in refs if r["zone"] == "primary"),
                    tuple(r["area_id"] for r in refs if r["zone"] == "spillover"),
                    p["referral_description"],
                )
            own_cautions = point_cautions[point_id]
            atlas.points[point_id] = model.Point(
                id=point_id,
                kind=cast(model.PointKind, p["kind"]),
                name=p["name"],
                region=p["region"],
                location=p["location"],
                palpation=p["palpation"],
                english_name=p["english_name"],
                hanzi=p["hanzi"],
                code=p["code"],
                alternative_codes=tuple(
                    model.AlternativeCode(
                        a["code"], a["standard"], model.Citation(a["source"], a.get("locator"))
                    )
                    for a in json.loads(p["alternative_codes"])
                ),
                aliases=_strings(p["aliases"]),
                muscle=p["muscle"],
                division=p["division"],
                referral=referral,
                symptoms=_strings(p["symptoms"]),
                conditions=tuple(
                    model.ConditionUse(
                        c["condition_id"], c["strength"], c["note"], _citations(c["citations"])
                    )
                    for c in conditions[point_id]
                ),
                techniques=tuple(
                    model.TechniqueUse(t["technique_id"], t["note"]) for t in techniques[point_id]
                ),
                cautions=_cautions(own_cautions, "caution"),
                contraindications=_cautions(own_cautions, "contraindication"),
                citations=tuple(model.Citation(c["source_id"], c["locator"]) for c in sources[point_id]),
                placements=tuple(
                    model.Placement(pl["view_id"], pl["x"], pl["y"]) for pl in placements[point_id]
                ),
            )


def _cautions(rows: list[sqlite3.Row], severity: str) -> tuple[model.Caution, ...]:
    return tuple(model.Caution(r["topic_id"], r["text"]) for r in rows if r["severity"] == severity)
