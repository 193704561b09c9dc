"""Tables of the atlas database: a build product of the content, never edited.

Links a person would query (point to technique, condition, source, caution,
referral area and placement) are tables with foreign keys; lists of text that
only travel with their entry (aliases, steps, symptoms) are JSON columns.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# bumped whenever these tables change; it lives where opening an atlas needs no ORM
from tpatlas.storage.atlas_format import ATLAS_SCHEMA_VERSION as ATLAS_SCHEMA_VERSION


class AtlasBase(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class MetaRow(AtlasBase):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SourceRow(AtlasBase):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str]
    citation: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None]
    doi: Mapped[str | None]
    isbn: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)


class AreaRow(AtlasBase):
    __tablename__ = "areas"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str]
    region: Mapped[str]
    description: Mapped[str] = mapped_column(Text)


class SafetyTopicRow(AtlasBase):
    __tablename__ = "safety_topics"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str]
    severity: Mapped[str] = mapped_column(
        CheckConstraint("severity IN ('caution', 'contraindication')", name="ck_safety_severity")
    )
    text: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[Any]]


class TechniqueRow(AtlasBase):
    __tablename__ = "techniques"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str]
    category: Mapped[str]
    purpose: Mapped[str] = mapped_column(Text)
    steps: Mapped[list[Any]]
    pressure: Mapped[str] = mapped_column(Text)
    dosage_text: Mapped[str] = mapped_column(Text)
    hold_seconds: Mapped[list[Any]]
    repetitions: Mapped[str | None]
    positioning: Mapped[str] = mapped_column(Text)
    client_feel: Mapped[str] = mapped_column(Text)
    self_care: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[Any]]
    citations: Mapped[list[Any]]


class ConditionRow(AtlasBase):
    __tablename__ = "conditions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("conditions.id", name="fk_condition_parent"))
    classification: Mapped[str | None]
    aliases: Mapped[list[Any]]
    red_flags: Mapped[list[Any]]
    citations: Mapped[list[Any]]


class PointRow(AtlasBase):
    __tablename__ = "points"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(
        CheckConstraint("kind IN ('trigger_point', 'acupoint')", name="ck_point_kind")
    )
    name: Mapped[str]
    english_name: Mapped[str | None]
    hanzi: Mapped[str | None]
    code: Mapped[str | None] = mapped_column(unique=True)
    alternative_codes: Mapped[list[Any]]
    aliases: Mapped[list[Any]]
    muscle: Mapped[str | None]
    division: Mapped[str | None]
    region: Mapped[str] = mapped_column(
        CheckConstraint("region IN ('head', 'neck', 'shoulder', 'hand', 'foot')", name="ck_point_region")
    )
    location: Mapped[str] = mapped_column(Text)
    palpation: Mapped[str] = mapped_column(Text)
    referral_description: Mapped[str | None] = mapped_column(Text)
    symptoms: Mapped[list[Any]]


class ReferralRow(AtlasBase):
    __tablename__ = "referrals"
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", name="fk_referral_point"), primary_key=True)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id", name="fk_referral_area"), primary_key=True)
    zone: Mapped[str] = mapped_column(
        CheckConstraint("zone IN ('primary', 'spillover')", name="ck_referral_zone")
    )
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_referrals_area", "area_id", "zone"),)


class PointTechniqueRow(AtlasBase):
    __tablename__ = "point_techniques"
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", name="fk_pt_point"), primary_key=True)
    technique_id: Mapped[str] = mapped_column(
        ForeignKey("techniques.id", name="fk_pt_technique"), primary_key=True
    )
    note: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    __table_args__ = (Index("ix_point_techniques_technique", "technique_id"),)


class PointConditionRow(AtlasBase):
    __tablename__ = "point_conditions"
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", name="fk_pc_point"), primary_key=True)
    condition_id: Mapped[str] = mapped_column(
        ForeignKey("conditions.id", name="fk_pc_condition"), primary_key=True
    )
    strength: Mapped[str] = mapped_column(
        CheckConstraint("strength IN ('strong', 'moderate', 'limited', 'traditional')", name="ck_pc_strength")
    )
    note: Mapped[str | None] = mapped_column(Text)
    citations: Mapped[list[Any]]
    position: Mapped[int]
    __table_args__ = (Index("ix_point_conditions_condition", "condition_id"),)


class PointSourceRow(AtlasBase):
    __tablename__ = "point_sources"
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", name="fk_ps_point"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", name="fk_ps_source"))
    locator: Mapped[str | None]


class CautionRow(AtlasBase):
    """A caution or contraindication of a point or a technique."""

    __tablename__ = "cautions"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    point_id: Mapped[str | None] = mapped_column(ForeignKey("points.id", name="fk_caution_point"))
    technique_id: Mapped[str | None] = mapped_column(ForeignKey("techniques.id", name="fk_caution_technique"))
    severity: Mapped[str] = mapped_column(
        CheckConstraint("severity IN ('caution', 'contraindication')", name="ck_caution_severity")
    )
    topic_id: Mapped[str] = mapped_column(ForeignKey("safety_topics.id", name="fk_caution_topic"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    __table_args__ = (
        CheckConstraint("(point_id IS NULL) != (technique_id IS NULL)", name="ck_caution_one_owner"),
        Index("ix_cautions_topic", "topic_id"),
    )


class ViewRow(AtlasBase):
    __tablename__ = "views"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str]
    drawing: Mapped[str]
    regions: Mapped[list[Any]]
    sort_order: Mapped[int]
    aspect: Mapped[float] = mapped_column(Float)


class PlacementRow(AtlasBase):
    __tablename__ = "placements"
    point_id: Mapped[str] = mapped_column(
        ForeignKey("points.id", name="fk_placement_point"), primary_key=True
    )
    view_id: Mapped[str] = mapped_column(ForeignKey("views.id", name="fk_placement_view"), primary_key=True)
    x: Mapped[float] = mapped_column(Float, CheckConstraint("x BETWEEN 0 AND 1", name="ck_placement_x"))
    y: Mapped[float] = mapped_column(Float, CheckConstraint("y BETWEEN 0 AND 1", name="ck_placement_y"))


class AreaShapeRow(AtlasBase):
    __tablename__ = "area_shapes"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    view_id: Mapped[str] = mapped_column(ForeignKey("views.id", name="fk_shape_view"))
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id", name="fk_shape_area"))
    polygon: Mapped[list[Any]]


class SearchKeyRow(AtlasBase):
    """Exact keys (codes, names, aliases), folded, that rank a hit first."""

    __tablename__ = "search_keys"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    target_kind: Mapped[str] = mapped_column(String, primary_key=True)
    target_id: Mapped[str] = mapped_column(String, primary_key=True)
    tier: Mapped[int]


#: The full-text index. Columns: what a hit is, then the weighted text.
FTS_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "target_kind UNINDEXED, target_id UNINDEXED, codes, names, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
