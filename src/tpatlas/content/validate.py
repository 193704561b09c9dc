"""The rules that need all content at once, and the assembly of the atlas.

:func:`build_atlas` checks links between files (every technique, condition,
area, source, safety topic and point that is named exists), uniqueness of ids
and codes, and the clinical rules of the atlas, then turns the validated
entries into the plain :class:`~tpatlas.core.model.Atlas`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tpatlas.content import schema
from tpatlas.content.drawing import DrawingError, read_drawing
from tpatlas.content.errors import ContentError, ContentProblem
from tpatlas.content.loader import ENTRY_LABELS, ContentFiles, Located, read_content
from tpatlas.core import model
from tpatlas.core.search_text import normalise_code


def load_atlas(content_dir: Path, drawings_dir: Path | None = None) -> model.Atlas:
    """Read, validate and assemble the content under ``content_dir``."""
    files = read_content(content_dir)
    return build_atlas(files, drawings_dir or content_dir.parent / "drawings")


class _Checker:
    def __init__(self) -> None:
        self.problems: list[ContentProblem] = []

    def add(self, file: Path, entry: str | None, message: str) -> None:
        self.problems.append(ContentProblem(file, entry, message))


def _unique_ids(
    kind: str, located: Iterable[Located[schema.Strict]], check: _Checker
) -> dict[str, Located[schema.Strict]]:
    seen: dict[str, Located[schema.Strict]] = {}
    for item in located:
        entry_id = getattr(item.entry, "id")  # noqa: B009  # every entry model has an id
        if entry_id in seen:
            first = seen[entry_id].file
            check.add(item.file, f"{ENTRY_LABELS[kind]} {entry_id}", f"duplicate id (also in {first.name})")
        else:
            seen[entry_id] = item
    return seen


def build_atlas(files: ContentFiles, drawings_dir: Path) -> model.Atlas:
    check = _Checker()
    ids = {
        kind: set(_unique_ids(kind, getattr(files, kind), check))
        for kind in ("sources", "areas", "safety", "techniques", "conditions", "points", "views")
    }

    def need(kind: str, ref: str, file: Path, entry: str, what: str) -> None:
        if ref not in ids[kind]:
            check.add(file, entry, f"unknown {what} {ref!r}")

    def need_sources(refs: Iterable[schema.SourceRef], file: Path, entry: str) -> None:
        for ref in refs:
            need("sources", ref.id, file, entry, "source")

    def need_safety(cautions: Iterable[schema.Caution], file: Path, entry: str) -> None:
        for caution in cautions:
            need("safety", caution.topic, file, entry, "safety topic")

    for topic in files.safety:
        need_sources(topic.entry.sources, topic.file, f"safety topic {topic.entry.id}")

    for technique in files.techniques:
        t, label = technique.entry, f"technique {technique.entry.id}"
        need_sources(t.sources, technique.file, label)
        need_safety([*t.cautions, *t.contraindications], technique.file, label)

    for condition in files.conditions:
        c, label = condition.entry, f"condition {condition.entry.id}"
        need_sources(c.sources, condition.file, label)
        if c.parent is not None:
            need("conditions", c.parent, condition.file, label, "parent condition")

    codes: dict[str, str] = {}
    for point in files.points:
        _check_point(point, need, need_sources, need_safety, codes, check)

    views, placements = _views(files, drawings_dir, ids, check)
    if check.problems:
        raise ContentError(check.problems)
    return _assemble(files, views, placements)


def _check_point(item, need, need_sources, need_safety, codes, check) -> None:  # type: ignore[no-untyped-def]  # local helpers passed in
    p: schema.PointEntry = item.entry
    label = f"point {p.id}"
    if p.kind == "acupoint":
        if p.code is None:
            check.add(item.file, label, "an acupoint needs its WHO code in 'code'")
        if p.referral is not None:
            check.add(item.file, label, "field 'referral' is for trigger points only")
    else:
        if p.code is not None:
            check.add(item.file, label, "field 'code' is for acupoints only")
        if p.referral is None:
            check.add(item.file, label, "a trigger point needs a referral with at least one primary area")
        if p.muscle is None:
            check.add(item.file, label, "a trigger point needs its muscle")
    for code in [p.code, *(alt.code for alt in p.alternative_codes)]:
        if code is None:
            continue
        key = normalise_code(code) or code
        if key in codes and codes[key] != p.id:
            check.add(item.file, label, f"code {code!r} is already used by point {codes[key]}")
        codes[key] = p.id
    if p.referral is not None:
        for area in [*p.referral.primary, *p.referral.spillover]:
            need("areas", area, item.file, label, "area")
        both = set(p.referral.primary) & set(p.referral.spillover)
        if both:
            check.add(item.file, label, f"area {sorted(both)[0]!r} is both primary and spillover")
    seen_techniques: set[str] = set()
    for use in p.techniques:
        need("techniques", use.id, item.file, label, "technique")
        if use.id in seen_techniques:
            check.add(item.file, label, f"technique {use.id!r} is linked twice")
        seen_techniques.add(use.id)
    for link in p.conditions:
        need("conditions", link.id, item.file, label, "condition")
        need_sources(link.sources, item.file, label)
    for alt in p.alternative_codes:
        need_sources([alt.source], item.file, label)
    need_sources(p.sources, item.file, label)
    need_safety([*p.cautions, *p.contraindications], item.file, label)


def _views(
    files: ContentFiles, drawings_dir: Path, ids: dict[str, set[str]], check: _Checker
) -> tuple[list[model.View], dict[str, list[model.Placement]]]:
    views: list[model.View] = []
    placements: dict[str, list[model.Placement]] = {}
    for item in files.views:
        v, label = item.entry, f"view {item.entry.id}"
        if item.file.stem != v.id:
            check.add(item.file, label, f"the file should be named {v.id}.yaml")
        for point_id, (x, y) in v.placements.items():
            if point_id not in ids["points"]:
                check.add(item.file, label, f"placement of unknown point {point_id!r}")
            placements.setdefault(point_id, []).append(model.Placement(v.id, x, y))
        drawing_path = drawings_dir / v.drawing
        try:
            drawing = read_drawing(drawing_path)
        except DrawingError as exc:
            check.add(drawing_path, label, str(exc))
            continue
        for area_id, _poly in drawing.areas:
            if area_id not in ids["areas"]:
                check.add(drawing_path, label, f"unknown area {area_id!r}")
        shapes = tuple(model.AreaShape(a, poly) for a, poly in drawing.areas)
        views.append(model.View(v.id, v.title, v.drawing, tuple(v.regions), v.order, drawing.aspect, shapes))
    return views, placements


def _citations(refs: Iterable[schema.SourceRef]) -> tuple[model.Citation, ...]:
    return tuple(model.Citation(r.id, r.locator) for r in refs)


def _cautions(items: Iterable[schema.Caution]) -> tuple[model.Caution, ...]:
    return tuple(model.Caution(c.topic, c.text) for c in items)


def _assemble(
    files: ContentFiles, views: list[model.View], placements: dict[str, list[model.Placement]]
) -> model.Atlas:
    atlas = model.Atlas()
    for s in (i.entry for i in files.sources):
        atlas.sources[s.id] = model.Source(s.id, s.kind, s.citation, s.year, s.doi, s.isbn, s.note)
    for a in (i.entry for i in files.areas):
        atlas.areas[a.id] = model.Area(a.id, a.name, a.region, a.description)
    for topic in (i.entry for i in files.safety):
        atlas.safety[topic.id] = model.SafetyTopic(
            topic.id, topic.title, topic.severity, topic.text, _citations(topic.sources)
        )
    for t in (i.entry for i in files.techniques):
        atlas.techniques[t.id] = model.Technique(
            id=t.id,
            name=t.name,
            category=t.category,
            purpose=t.purpose,
            steps=tuple(t.steps),
            pressure=t.pressure,
            dosage=model.Dosage(t.dosage.text, tuple(t.dosage.hold_seconds), t.dosage.repetitions),
            positioning=t.positioning,
            client_feel=t.client_feel,
            cautions=_cautions(t.cautions),
            contraindications=_cautions(t.contraindications),
            citations=_citations(t.sources),
            aliases=tuple(t.aliases),
            self_care=t.self_care,
        )
    for c in (i.entry for i in files.conditions):
        atlas.conditions[c.id] = model.Condition(
            id=c.id,
            name=c.name,
            description=c.description,
            evidence=c.evidence,
            citations=_citations(c.sources),
            aliases=tuple(c.aliases),
            parent=c.parent,
            classification=c.classification,
            red_flags=tuple(c.red_flags),
        )
    for p in (i.entry for i in files.points):
        referral = (
            model.Referral(tuple(p.referral.primary), tuple(p.referral.spillover), p.referral.description)
            if p.referral
            else None
        )
        atlas.points[p.id] = model.Point(
            id=p.id,
            kind=p.kind,
            name=p.name,
            region=p.region,
            location=p.location,
            palpation=p.palpation,
            english_name=p.english_name,
            hanzi=p.hanzi,
            code=p.code,
            alternative_codes=tuple(
                model.AlternativeCode(a.code, a.standard, model.Citation(a.source.id, a.source.locator))
                for a in p.alternative_codes
            ),
            aliases=tuple(p.aliases),
            muscle=p.muscle,
            division=p.division,
            referral=referral,
            symptoms=tuple(p.symptoms),
            conditions=tuple(
                model.ConditionUse(c.id, c.strength, c.note, _citations(c.sources)) for c in p.conditions
            ),
            techniques=tuple(model.TechniqueUse(t.id, t.note) for t in p.techniques),
            cautions=_cautions(p.cautions),
            contraindications=_cautions(p.contraindications),
            citations=_citations(p.sources),
            placements=tuple(placements.get(p.id, ())),
        )
    for v in views:
        atlas.views[v.id] = v
    return atlas
