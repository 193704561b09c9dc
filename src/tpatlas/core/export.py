"""The atlas as JSON-ready dictionaries: the shape ``tpatlas export`` and ``show`` print.

Other tools and tests rely on these keys; add keys freely, never rename one.
"""

from __future__ import annotations

from typing import Any

from tpatlas.core import model


def citations_to_dicts(citations: tuple[model.Citation, ...]) -> list[dict[str, Any]]:
    """Citations as ``{"source", "locator"}``: the one shape in JSON and in the atlas database."""
    return [{"source": c.source_id, "locator": c.locator} for c in citations]


def alternative_codes_to_dicts(codes: tuple[model.AlternativeCode, ...]) -> list[dict[str, Any]]:
    """Codes other standards give a point, with the source of each."""
    return [
        {
            "code": a.code,
            "standard": a.standard,
            "source": a.citation.source_id,
            "locator": a.citation.locator,
        }
        for a in codes
    ]


def _cautions(cautions: tuple[model.Caution, ...]) -> list[dict[str, str]]:
    return [{"topic": c.topic, "text": c.text} for c in cautions]


def point_to_dict(p: model.Point) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind,
        "name": p.name,
        "english_name": p.english_name,
        "hanzi": p.hanzi,
        "aliases": list(p.aliases),
        "code": p.code,
        "alternative_codes": alternative_codes_to_dicts(p.alternative_codes),
        "muscle": p.muscle,
        "division": p.division,
        "region": p.region,
        "location": p.location,
        "palpation": p.palpation,
        "referral": {
            "primary": list(p.referral.primary) if p.referral else [],
            "spillover": list(p.referral.spillover) if p.referral else [],
            "description": p.referral.description if p.referral else None,
        },
        "symptoms": list(p.symptoms),
        "conditions": [u.condition_id for u in p.conditions],
        "condition_links": [
            {
                "id": u.condition_id,
                "strength": u.strength,
                "note": u.note,
                "sources": citations_to_dicts(u.citations),
            }
            for u in p.conditions
        ],
        "techniques": [u.technique_id for u in p.techniques],
        "technique_notes": {u.technique_id: u.note for u in p.techniques},
        "cautions": _cautions(p.cautions),
        "contraindications": _cautions(p.contraindications),
        "sources": citations_to_dicts(p.citations),
        "placements": [{"view": pl.view_id, "x": pl.x, "y": pl.y} for pl in p.placements],
    }


def technique_to_dict(t: model.Technique) -> dict[str, Any]:
    return {
        "id": t.id,
        "name": t.name,
        "aliases": list(t.aliases),
        "category": t.category,
        "purpose": t.purpose,
        "steps": list(t.steps),
        "pressure": t.pressure,
        "dosage": {
            "text": t.dosage.text,
            "hold_seconds": list(t.dosage.hold_seconds),
            "repetitions": t.dosage.repetitions,
        },
        "positioning": t.positioning,
        "client_feel": t.client_feel,
        "cautions": _cautions(t.cautions),
        "contraindications": _cautions(t.contraindications),
        "self_care": t.self_care,
        "sources": citations_to_dicts(t.citations),
    }


def condition_to_dict(c: model.Condition, atlas: model.Atlas | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": c.id,
        "name": c.name,
        "aliases": list(c.aliases),
        "parent": c.parent,
        "classification": c.classification,
        "description": c.description,
        "evidence": c.evidence,
        "red_flags": list(c.red_flags),
        "sources": citations_to_dicts(c.citations),
    }
    if atlas is not None:
        related = atlas.related_conditions(c.id)
        data["points"] = [
            {
                "id": p.id,
                "condition": u.condition_id,
                "strength": u.strength,
                "note": u.note,
                "sources": citations_to_dicts(u.citations),
            }
            for p in atlas.points_for_condition(c.id)
            for u in p.conditions
            if u.condition_id in related
        ]
    return data


def atlas_to_dict(atlas: model.Atlas) -> dict[str, Any]:
    return {
        "points": [point_to_dict(p) for p in atlas.points.values()],
        "techniques": [technique_to_dict(t) for t in atlas.techniques.values()],
        "conditions": [condition_to_dict(c, atlas) for c in atlas.conditions.values()],
        "areas": [
            {"id": a.id, "name": a.name, "region": a.region, "description": a.description}
            for a in atlas.areas.values()
        ],
        "views": [
            {
                "id": v.id,
                "title": v.title,
                "drawing": v.drawing,
                "regions": list(v.regions),
                "order": v.order,
                "aspect": v.aspect,
                "areas": sorted({shape.area_id for shape in v.shapes}),
            }
            for v in atlas.ordered_views()
        ],
        "sources": [
            {
                "id": s.id,
                "kind": s.kind,
                "citation": s.citation,
                "year": s.year,
                "doi": s.doi,
                "isbn": s.isbn,
                "note": s.note,
            }
            for s in atlas.sources.values()
        ],
        "safety": [
            {
                "id": t.id,
                "title": t.title,
                "severity": t.severity,
                "text": t.text,
                "sources": citations_to_dicts(t.citations),
            }
            for t in atlas.safety.values()
        ],
    }
