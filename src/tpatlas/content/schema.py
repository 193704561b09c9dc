"""The shape of the human-edited content files under ``assets/content/``.

Each folder holds one kind of entry; every YAML file in it has a single
top-level key naming that kind (``points:``, ``techniques:`` ...), except
``views/`` whose files each describe one drawing under ``view:``.

The models forbid unknown fields, so a misspelt key is an error rather than
silently ignored data. Cross-references (technique ids, area ids, ...) are
checked afterwards by :mod:`tpatlas.content.validate`, which knows all files.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

Region = Literal["head", "neck", "shoulder", "hand", "foot"]
PointKind = Literal["trigger_point", "acupoint"]
Strength = Literal["strong", "moderate", "limited", "traditional"]
SourceKind = Literal["book", "standard", "article", "classification"]
TechniqueCategory = Literal[
    "pressure",
    "stroke",
    "friction",
    "percussion",
    "stretch",
    "movement",
    "release",
    "acupressure",
    "self-care",
]
REGIONS: tuple[str, ...] = ("head", "neck", "shoulder", "hand", "foot")
CODE_PATTERN = re.compile(r"^(?:[A-Z]{1,3}\d{1,2}|EX-[A-Z]{2}\d{1,2})$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourceRef(Strict):
    """A citation of one source, with where in it (chapter, page, table)."""

    id: Id
    locator: Text | None = None


class Caution(Strict):
    """One caution or contraindication, filed under a safety topic."""

    topic: Id
    text: Text


class TechniqueLink(Strict):
    id: Id
    note: Text


class ConditionLink(Strict):
    id: Id
    strength: Strength
    note: Text | None = None
    sources: list[SourceRef] = Field(default_factory=list)


class Referral(Strict):
    primary: list[Id] = Field(min_length=1)
    spillover: list[Id] = Field(default_factory=list)
    description: Text


class AlternativeCode(Strict):
    """A code another standard gives the same point (Yintang: GV29 / EX-HN3)."""

    code: Text
    standard: Text
    source: SourceRef


class PointEntry(Strict):
    id: Id
    kind: PointKind
    name: Text
    english_name: Text | None = None
    hanzi: Text | None = None
    code: Text | None = None
    alternative_codes: list[AlternativeCode] = Field(default_factory=list)
    aliases: list[Text] = Field(default_factory=list)
    muscle: Text | None = None
    division: Text | None = None
    region: Region
    location: Text
    palpation: Text
    referral: Referral | None = None
    symptoms: list[Text] = Field(default_factory=list)
    conditions: list[ConditionLink] = Field(default_factory=list)
    techniques: list[TechniqueLink] = Field(min_length=2)
    cautions: list[Caution] = Field(min_length=1)
    contraindications: list[Caution] = Field(default_factory=list)
    sources: list[SourceRef] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code_is_standard_form(cls, value: str | None) -> str | None:
        if value is not None and not CODE_PATTERN.match(value):
            raise ValueError(f"code {value!r} is not of the form LI4, GB20 or EX-HN5")
        return value


class Dosage(Strict):
    text: Text
    hold_seconds: list[Annotated[int, Field(gt=0, le=600)]] = Field(default_factory=list)
    repetitions: Text | None = None


class TechniqueEntry(Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    category: TechniqueCategory
    purpose: Text
    steps: list[Text] = Field(min_length=1)
    pressure: Text
    dosage: Dosage
    positioning: Text
    client_feel: Text
    cautions: list[Caution] = Field(min_length=1)
    contraindications: list[Caution] = Field(min_length=1)
    self_care: Text | None = None
    sources: list[SourceRef] = Field(min_length=1)


class ConditionEntry(Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    parent: Id | None = None
    classification: Text | None = None
    description: Text
    evidence: Text
    red_flags: list[Text] = Field(default_factory=list)
    sources: list[SourceRef] = Field(min_length=1)


class AreaEntry(Strict):
    id: Id
    name: Text
    region: Region
    description: Text


class SourceEntry(Strict):
    id: Id
    kind: SourceKind
    citation: Text
    year: int | None = Field(default=None, ge=1000, le=2100)
    doi: Text | None = None
    isbn: Text | None = None
    note: Text | None = None


class SafetyTopicEntry(Strict):
    id: Id
    title: Text
    severity: Literal["contraindication", "caution"]
    text: Text
    sources: list[SourceRef] = Field(default_factory=list)


Fraction = Annotated[float, Field(ge=0.0, le=1.0)]


class ViewEntry(Strict):
    id: Id
    title: Text
    drawing: Text
    regions: list[Region] = Field(min_length=1)
    order: int = 0
    placements: dict[Id, tuple[Fraction, Fraction]] = Field(default_factory=dict)


class PointsFile(Strict):
    points: list[PointEntry]


class TechniquesFile(Strict):
    techniques: list[TechniqueEntry]


class ConditionsFile(Strict):
    conditions: list[ConditionEntry]


class AreasFile(Strict):
    areas: list[AreaEntry]


class SourcesFile(Strict):
    sources: list[SourceEntry]


class SafetyFile(Strict):
    safety: list[SafetyTopicEntry]


class ViewFile(Strict):
    view: ViewEntry


#: content folder -> the model of one file in it
FILE_MODELS: dict[str, type[Strict]] = {
    "sources": SourcesFile,
    "areas": AreasFile,
    "safety": SafetyFile,
    "techniques": TechniquesFile,
    "conditions": ConditionsFile,
    "points": PointsFile,
    "views": ViewFile,
}
