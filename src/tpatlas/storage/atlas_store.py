"""Reading a built atlas database: the whole atlas, and search over it."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from tpatlas.core import model
from tpatlas.core.search import TIER_TEXT, SearchHit, TargetKind, plan_query, rank
from tpatlas.storage import atlas_schema as s
from tpatlas.storage.engine import open_engine


class AtlasUnavailable(Exception):
    """The atlas database is missing, damaged or from another schema version."""


def _citations(raw: list[Any]) -> tuple[model.Citation, ...]:
    return tuple(model.Citation(c["source"], c.get("locator")) for c in raw)


class AtlasStore:
    """An open atlas database."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise AtlasUnavailable(f"{path}: the atlas database does not exist (run 'tpatlas build')")
        self.path = path
        self._engine = open_engine(path)
        try:
            self.meta = self._read_meta()
        except (DatabaseError, OperationalError) as exc:
            self._engine.dispose()
            raise AtlasUnavailable(f"{path}: not a readable atlas database ({exc.orig})") from exc
        version = self.meta.get("schema_version")
        if version != str(s.ATLAS_SCHEMA_VERSION):
            self._engine.dispose()
            raise AtlasUnavailable(
                f"{path}: atlas schema {version}, this tpatlas reads {s.ATLAS_SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> AtlasStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read_meta(self) -> dict[str, str]:
        with Session(self._engine) as session:
            return {row.key: row.value for row in session.scalars(select(s.MetaRow))}

    @property
    def fingerprint(self) -> str | None:
        return self.meta.get("content_fingerprint")

    def integrity_problems(self) -> list[str]:
        """SQLite's own integrity check and a foreign-key check; empty when healthy."""
        with self._engine.connect() as connection:
            problems = [
                str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check") if row[0] != "ok"
            ]
            problems += [
                f"row {row[1]} of {row[0]} points to a missing {row[2]}"
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
            ]
        return problems

    # -- the whole atlas ---------------------------------------------------

    def read_atlas(self) -> model.Atlas:
        with Session(self._engine) as session:
            return _AtlasReader(session).read()

    # -- search ------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Points, techniques and conditions matching ``query``, best first."""
        plan = plan_query(query)
        if plan.empty:
            return []
        hits: list[SearchHit] = []
        with self._engine.connect() as connection:
            keys = [k for k in (plan.code_key, plan.name_key) if k]
            rows = connection.execute(
                select(s.SearchKeyRow.target_kind, s.SearchKeyRow.target_id, s.SearchKeyRow.tier).where(
                    s.SearchKeyRow.key.in_(keys)
                )
            )
            hits += [SearchHit(cast(TargetKind, kind), tid, tier) for kind, tid, tier in rows]
            if plan.match:
                try:
                    rows = connection.execute(
                        text(
                            "SELECT target_kind, target_id, bm25(search_fts, 0, 0, 10.0, 5.0, 1.0) "
                            "FROM search_fts WHERE search_fts MATCH :match "
                            "ORDER BY 3 LIMIT :limit"
                        ),
                        {"match": plan.match, "limit": limit},
                    )
                    hits += [
                        SearchHit(cast(TargetKind, kind), tid, TIER_TEXT, score) for kind, tid, score in rows
                    ]
                except OperationalError as exc:  # pragma: no cover - defensive: a query FTS rejects
                    if not isinstance(exc.orig, sqlite3.OperationalError):
                        raise
        return rank(hits, limit)


class _AtlasReader:
    """Reads every table once and assembles the dataclasses."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _grouped(self, row_type: Any, key: str) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = defaultdict(list)
        for row in self.session.scalars(select(row_type)):
            grouped[getattr(row, key)].append(row)
        for rows in grouped.values():
            if hasattr(rows[0], "position"):
                rows.sort(key=lambda r: r.position)
        return grouped

    def read(self) -> model.Atlas:
        sn = self.session
        atlas = model.Atlas()
        for src in sn.scalars(select(s.SourceRow)):
            atlas.sources[src.id] = model.Source(
                src.id, src.kind, src.citation, src.year, src.doi, src.isbn, src.note
            )
        for a in sn.scalars(select(s.AreaRow)):
            atlas.areas[a.id] = model.Area(a.id, a.name, a.region, a.description)
        for topic in sn.scalars(select(s.SafetyTopicRow)):
            atlas.safety[topic.id] = model.SafetyTopic(topic.id, topic.title, topic.severity, topic.text, _citations(topic.citations))
        point_cautions: dict[str, list[s.CautionRow]] = defaultdict(list)
        technique_cautions: dict[str, list[s.CautionRow]] = defaultdict(list)
        for caution in sn.scalars(select(s.CautionRow).order_by(s.CautionRow.position)):
            if caution.point_id:
                point_cautions[caution.point_id].append(caution)
            elif caution.technique_id:
                technique_cautions[caution.technique_id].append(caution)

        def cautions(rows: list[s.CautionRow], severity: str) -> tuple[model.Caution, ...]:
            return tuple(model.Caution(r.topic_id, r.text) for r in rows if r.severity == severity)

        for t in sn.scalars(select(s.TechniqueRow)):
            rows = technique_cautions[t.id]
            atlas.techniques[t.id] = model.Technique(
                id=t.id,
                name=t.name,
                category=t.category,
                purpose=t.purpose,
                steps=tuple(t.steps),
                pressure=t.pressure,
                dosage=model.Dosage(t.dosage_text, tuple(t.hold_seconds), t.repetitions),
                positioning=t.positioning,
                client_feel=t.client_feel,
                cautions=cautions(rows, "caution"),
                contraindications=cautions(rows, "contraindication"),
                citations=_citations(t.citations),
                aliases=tuple(t.aliases),
                self_care=t.self_care,
            )
        for c in sn.scalars(select(s.ConditionRow)):
            atlas.conditions[c.id] = model.Condition(
                id=c.id,
                name=c.name,
                description=c.description,
                evidence=c.evidence,
                citations=_citations(c.citations),
                aliases=tuple(c.aliases),
                parent=c.parent_id,
                classification=c.classification,
                red_flags=tuple(c.red_flags),
            )
        shapes: dict[str, list[model.AreaShape]] = defaultdict(list)
        for shape in sn.scalars(select(s.AreaShapeRow).order_by(s.AreaShapeRow.id)):
            polygon = tuple((float(x), float(y)) for x, y in shape.polygon)
            shapes[shape.view_id].append(model.AreaShape(shape.area_id, polygon))
        for v in sn.scalars(select(s.ViewRow)):
            atlas.views[v.id] = model.View(
                v.id,
                v.title,
                v.drawing,
                tuple(v.regions),
                v.sort_order,
                v.aspect,
                tuple(shapes[v.id]),
            )
        self._read_points(atlas, point_cautions, cautions)
        return atlas

    def _read_points(self, atlas: model.Atlas, point_cautions: Any, cautions: Any) -> None:
        referrals = self._grouped(s.ReferralRow, "point_id")
        techniques = self._grouped(s.PointTechniqueRow, "point_id")
        conditions = self._grouped(s.PointConditionRow, "point_id")
        sources = self._grouped(s.PointSourceRow, "point_id")
        placements = self._grouped(s.PlacementRow, "point_id")
        for p in self.session.scalars(select(s.PointRow)):
            referral = None
            if p.referral_description is not None:
                refs = referrals[p.id]
                referral = model.Referral(
                    tuple(r.area_id for r in refs if r.zone == "primary"),
                    tuple(r.area_id for r in refs if r.zone == "spillover"),
                    p.referral_description,
                )
            atlas.points[p.id] = model.Point(
                id=p.id,
                kind=cast(model.PointKind, p.kind),
                name=p.name,
                region=p.region,
                location=p.location,
                palpation=p.palpation,
                english_name=p.english_name,
                hanzi=p.hanzi,
                code=p.code,
                alternative_codes=tuple(
                    model.AlternativeCode(
                        a["code"], a["standard"], model.Citation(a["source"], a.get("locator"))
                    )
                    for a in p.alternative_codes
                ),
                aliases=tuple(p.aliases),
                muscle=p.muscle,
                division=p.division,
                referral=referral,
                symptoms=tuple(p.symptoms),
                conditions=tuple(
                    model.ConditionUse(c.condition_id, c.strength, c.note, _citations(c.citations))
                    for c in conditions[p.id]
                ),
                techniques=tuple(model.TechniqueUse(t.technique_id, t.note) for t in techniques[p.id]),
                cautions=cautions(point_cautions[p.id], "caution"),
                contraindications=cautions(point_cautions[p.id], "contraindication"),
                citations=tuple(model.Citation(c.source_id, c.locator) for c in sources[p.id]),
                placements=tuple(model.Placement(pl.view_id, pl.x, pl.y) for pl in placements[p.id]),
            )
