"""Writing an atlas into a fresh SQLite file, replacing the old one atomically.

The database is written to a temporary file beside the target and moved over
it only once complete, so a failed build leaves the previous atlas intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from tpatlas import __version__
from tpatlas.core import model
from tpatlas.core.export import alternative_codes_to_dicts, citations_to_dicts
from tpatlas.core.search_text import code_token, fold
from tpatlas.storage import atlas_schema as s
from tpatlas.storage.atlas_format import content_fingerprint as content_fingerprint
from tpatlas.storage.engine import open_engine


def write_atlas(atlas: model.Atlas, target: Path, fingerprint: str) -> None:
    """Write ``atlas`` to ``target``; the old file is replaced only on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".atlas-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        engine = open_engine(temp)
        try:
            s.AtlasBase.metadata.create_all(engine)
            with Session(engine) as session, session.begin():
                session.execute(text(s.FTS_DDL))
                _insert(session, atlas, fingerprint)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        os.replace(temp, target)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _cautions(
    cautions: tuple[model.Caution, ...],
    contraindications: tuple[model.Caution, ...],
    *,
    point_id: str | None = None,
    technique_id: str | None = None,
) -> Iterator[dict[str, Any]]:
    for severity, items in (("caution", cautions), ("contraindication", contraindications)):
        for position, c in enumerate(items):
            yield {
                "point_id": point_id,
                "technique_id": technique_id,
                "severity": severity,
                "topic_id": c.topic,
                "text": c.text,
                "position": position,
            }


class _Rows:
    """Rows collected per table, inserted table by table in foreign-key order."""

    def __init__(self) -> None:
        self.by_table: dict[type[s.AtlasBase], list[dict[str, Any]]] = {}

    def add(self, table: type[s.AtlasBase], rows: Iterable[dict[str, Any]]) -> None:
        self.by_table.setdefault(table, []).extend(rows)

    def insert_all(self, session: Session, order: list[type[s.AtlasBase]]) -> None:
        for table in order:
            rows = self.by_table.get(table)
            if rows:
                session.execute(insert(table), rows)


def _insert(session: Session, atlas: model.Atlas, fingerprint: str) -> None:
    built = datetime.now(UTC).isoformat(timespec="seconds")
    rows = _Rows()
    rows.add(
        s.MetaRow,
        (
            {"key": k, "value": v}
            for k, v in {
                "schema_version": str(s.ATLAS_SCHEMA_VERSION),
                "content_fingerprint": fingerprint,
                "built_at": built,
                "tpatlas_version": __version__,
            }.items()
        ),
    )
    rows.add(
        s.SourceRow,
        (
            {
                "id": x.id,
                "kind": x.kind,
                "citation": x.citation,
                "year": x.year,
                "doi": x.doi,
                "isbn": x.isbn,
                "note": x.note,
            }
            for x in atlas.sources.values()
        ),
    )
    rows.add(
        s.AreaRow,
        (
            {"id": a.id, "name": a.name, "region": a.region, "description": a.description}
            for a in atlas.areas.values()
        ),
    )
    rows.add(
        s.SafetyTopicRow,
        (
            {
                "id": t.id,
                "title": t.title,
                "severity": t.severity,
                "text": t.text,
                "citations": citations_to_dicts(t.citations),
            }
            for t in atlas.safety.values()
        ),
    )
    for t in atlas.techniques.values():
        rows.add(
            s.TechniqueRow,
            [
                {
                    "id": t.id,
                    "name": t.name,
                    "category": t.category,
                    "purpose": t.purpose,
                    "steps": list(t.steps),
                    "pressure": t.pressure,
                    "dosage_text": t.dosage.text,
                    "hold_seconds": list(t.dosage.hold_seconds),
                    "repetitions": t.dosage.repetitions,
                    "positioning": t.positioning,
                    "client_feel": t.client_feel,
                    "self_care": t.self_care,
                    "aliases": list(t.aliases),
                    "citations": citations_to_dicts(t.citations),
                }
            ],
        )
        rows.add(s.CautionRow, _cautions(t.cautions, t.contraindications, technique_id=t.id))
    rows.add(
        s.ViewRow,
        (
            {
                "id": v.id,
                "title": v.title,
                "drawing": v.drawing,
                "regions": list(v.regions),
                "sort_order": v.order,
                "aspect": v.aspect,
            }
            for v in atlas.views.values()
        ),
    )
    rows.add(
        s.AreaShapeRow,
        (
            {"view_id": v.id, "area_id": shape.area_id, "polygon": [list(xy) for xy in shape.polygon]}
            for v in atlas.views.values()
            for shape in v.shapes
        ),
    )
    for p in atlas.points.values():
        _point_rows(rows, p)
    # conditions go in one by one, parents first, for the self-referencing key
    for c in sorted(atlas.conditions.values(), key=lambda c: c.parent is not None):
        session.execute(
            insert(s.ConditionRow),
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "description": c.description,
                    "evidence": c.evidence,
                    "parent_id": c.parent,
                    "classification": c.classification,
                    "aliases": list(c.aliases),
                    "red_flags": list(c.red_flags),
                    "citations": citations_to_dicts(c.citations),
                }
            ],
        )
    rows.insert_all(
        session,
        [
            s.MetaRow,
            s.SourceRow,
            s.AreaRow,
            s.SafetyTopicRow,
            s.TechniqueRow,
            s.ViewRow,
            s.AreaShapeRow,
            s.PointRow,
            s.ReferralRow,
            s.PointTechniqueRow,
            s.PointConditionRow,
            s.PointSourceRow,
            s.CautionRow,
            s.PlacementRow,
        ],
    )
    _index(session, atlas)


def _point_rows(rows: _Rows, p: model.Point) -> None:
    rows.add(
        s.PointRow,
        [
            {
                "id": p.id,
                "kind": p.kind,
                "name": p.name,
                "english_name": p.english_name,
                "hanzi": p.hanzi,
                "code": p.code,
                "alternative_codes": alternative_codes_to_dicts(p.alternative_codes),
                "aliases": list(p.aliases),
                "muscle": p.muscle,
                "division": p.division,
                "region": p.region,
                "location": p.location,
                "palpation": p.palpation,
                "referral_description": p.referral.description if p.referral else None,
                "symptoms": list(p.symptoms),
            }
        ],
    )
    if p.referral:
        for zone, areas in (("primary", p.referral.primary), ("spillover", p.referral.spillover)):
            rows.add(
                s.ReferralRow,
                ({"point_id": p.id, "area_id": a, "zone": zone, "position": i} for i, a in enumerate(areas)),
            )
    rows.add(
        s.PointTechniqueRow,
        (
            {"point_id": p.id, "technique_id": u.technique_id, "note": u.note, "position": i}
            for i, u in enumerate(p.techniques)
        ),
    )
    rows.add(
        s.PointConditionRow,
        (
            {
                "point_id": p.id,
                "condition_id": u.condition_id,
                "strength": u.strength,
                "note": u.note,
                "citations": citations_to_dicts(u.citations),
                "position": i,
            }
            for i, u in enumerate(p.conditions)
        ),
    )
    rows.add(
        s.PointSourceRow,
        (
            {"point_id": p.id, "position": i, "source_id": c.source_id, "locator": c.locator}
            for i, c in enumerate(p.citations)
        ),
    )
    rows.add(s.CautionRow, _cautions(p.cautions, p.contraindications, point_id=p.id))
    rows.add(
        s.PlacementRow,
        ({"point_id": p.id, "view_id": pl.view_id, "x": pl.x, "y": pl.y} for pl in p.placements),
    )


def _index(session: Session, atlas: model.Atlas) -> None:
    """Fill the exact-key table and the full-text index."""
    keys: dict[tuple[str, str, str], int] = {}

    def key(value: str | None, kind: str, target: str, tier: int) -> None:
        if value:
            k = (fold(value).strip(), kind, target)
            keys[k] = min(tier, keys.get(k, tier))

    fts_rows: list[dict[str, str]] = []
    technique_names = {t.id: t.name for t in atlas.techniques.values()}
    condition_names = {c.id: c.name for c in atlas.conditions.values()}
    for p in atlas.points.values():
        codes = [c for c in [p.code, *(a.code for a in p.alternative_codes)] if c]
        for code in codes:
            key(code_token(code), "point", p.id, 0)
        for name in [p.name, p.english_name, p.hanzi, *p.aliases]:
            key(name, "point", p.id, 1)
        fts_rows.append(
            {
                "kind": "point",
                "id": p.id,
                "codes": " ".join(code_token(c) for c in codes),
                "names": " ".join(x for x in [p.name, p.english_name, p.hanzi, *p.aliases, p.muscle] if x),
                "body": " ".join(
                    [
                        p.division or "",
                        p.region,
                        *p.symptoms,
                        *(condition_names[u.condition_id] for u in p.conditions),
                        *(technique_names[u.technique_id] for u in p.techniques),
                        *(
                            atlas.areas[a].name
                            for a in (p.referral.primary + p.referral.spillover if p.referral else ())
                        ),
                    ]
                ),
            }
        )
    named: list[tuple[str, str, str, list[str], str]] = [
        ("technique", t.id, t.name, list(t.aliases), t.purpose) for t in atlas.techniques.values()
    ] + [("condition", c.id, c.name, list(c.aliases), c.description) for c in atlas.conditions.values()]
    for kind, target, name, aliases, body in named:
        for each in [name, *aliases]:
            key(each, kind, target, 1)
        fts_rows.append(
            {"kind": kind, "id": target, "codes": "", "names": " ".join([name, *aliases]), "body": body}
        )
    if keys:
        session.execute(
            insert(s.SearchKeyRow),
            [
                {"key": k, "target_kind": kind, "target_id": target, "tier": tier}
                for (k, kind, target), tier in keys.items()
            ],
        )
    session.execute(
        text(
            "INSERT INTO search_fts (target_kind, target_id, codes, names, body) "
            "VALUES (:kind, :id, :codes, :names, :body)"
        ),
        fts_rows,
    )
