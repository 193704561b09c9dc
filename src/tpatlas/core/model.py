"""The atlas as plain, immutable Python values.

Everything above the storage layer (search, lookup, the command line and the
GUI) speaks in these dataclasses; none of them knows about YAML, SQL or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PointKind = Literal["trigger_point", "acupoint"]
Zone = Literal["primary", "spillover"]
REGIONS: tuple[str, ...] = ("head", "neck", "shoulder", "hand", "foot")
KIND_LABELS: dict[str, str] = {"trigger_point": "Trigger point", "acupoint": "Acupoint"}


@dataclass(frozen=True, slots=True)
class Citation:
    source_id: str
    locator: str | None = None


@dataclass(frozen=True, slots=True)
class Caution:
    topic: str
    text: str


@dataclass(frozen=True, slots=True)
class TechniqueUse:
    technique_id: str
    note: str


@dataclass(frozen=True, slots=True)
class ConditionUse:
    condition_id: str
    strength: str
    note: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    primary: tuple[str, ...]
    spillover: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class AlternativeCode:
    code: str
    standard: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Placement:
    view_id: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Point:
    id: str
    kind: PointKind
    name: str
    region: str
    location: str
    palpation: str
    english_name: str | None = None
    hanzi: str | None = None
    code: str | None = None
    alternative_codes: tuple[AlternativeCode, ...] = ()
    aliases: tuple[str, ...] = ()
    muscle: str | None = None
    division: str | None = None
    referral: Referral | None = None
    symptoms: tuple[str, ...] = ()
    conditions: tuple[ConditionUse, ...] = ()
    techniques: tuple[TechniqueUse, ...] = ()
    cautions: tuple[Caution, ...] = ()
    contraindications: tuple[Caution, ...] = ()
    citations: tuple[Citation, ...] = ()
    placements: tuple[Placement, ...] = ()

    @property
    def label(self) -> str:
        """How the point is named in lists: 'LI4 Hegu' or the trigger point's name."""
        return f"{self.code} {self.name}" if self.code else self.name

    def refers_to(self, area_id: str) -> Zone | None:
        """The zone in which this point refers pain to ``area_id``, if any."""
        if self.referral is None:
            return None
        if area_id in self.referral.primary:
            return "primary"
        if area_id in self.referral.spillover:
            return "spillover"
        return None


@dataclass(frozen=True, slots=True)
class Dosage:
    text: str
    hold_seconds: tuple[int, ...] = ()
    repetitions: str | None = None


@dataclass(frozen=True, slots=True)
class Technique:
    id: str
    name: str
    category: str
    purpose: str
    steps: tuple[str, ...]
    pressure: str
    dosage: Dosage
    positioning: str
    client_feel: str
    cautions: tuple[Caution, ...]
    contraindications: tuple[Caution, ...]
    citations: tuple[Citation, ...]
    aliases: tuple[str, ...] = ()
    self_care: str | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    id: str
    name: str
    description: str
    evidence: str
    citations: tuple[Citation, ...]
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    classification: str | None = None
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    name: str
    region: str
    description: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str
    citation: str
    year: int | None = None
    doi: str | None = None
    isbn: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SafetyTopic:
    id: str
    title: str
    severity: str
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class AreaShape:
    """One body area drawn on one view, as a polygon in view fractions (0..1)."""

    area_id: str
    polygon: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class View:
    id: str
    title: str
    drawing: str
    regions: tuple[str, ...]
    order: int = 0
    aspect: float = 1.0
    shapes: tuple[AreaShape, ...] = ()


@dataclass(frozen=True, slots=True)
class Atlas:
    """The whole reference, indexed by id. Built from content, stored, read back."""

    points: dict[str, Point] = field(default_factory=dict)
    techniques: dict[str, Technique] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    safety: dict[str, SafetyTopic] = field(default_factory=dict)
    views: dict[str, View] = field(default_factory=dict)

    def points_using_technique(self, technique_id: str) -> list[Point]:
        return [
            p for p in self.points.values() if any(use.technique_id == technique_id for use in p.techniques)
        ]

    def related_conditions(self, condition_id: str) -> set[str]:
        """The condition, its sub-conditions and its parent: a point linked to 'migraine'
        belongs to 'migraine with aura' too, and one linked to a subtype to 'migraine'."""
        related = {condition_id} | {c.id for c in self.conditions.values() if c.parent == condition_id}
        parent = self.conditions[condition_id].parent if condition_id in self.conditions else None
        if parent:
            related.add(parent)
        return related

    def points_for_condition(self, condition_id: str) -> list[Point]:
        """Points linked to the condition, to its sub-conditions or to its parent."""
        wanted = self.related_conditions(condition_id)
        return [p for p in self.points.values() if any(use.condition_id in wanted for use in p.conditions)]

    def points_on_view(self, view_id: str) -> list[tuple[Point, Placement]]:
        return [(p, pl) for p in self.points.values() for pl in p.placements if pl.view_id == view_id]

    def ordered_views(self) -> list[View]:
        return sorted(self.views.values(), key=lambda v: (v.order, v.id))
