"""A generator of valid content trees of any size, for tests and benchmarks.

The tree passes the same validation as the shipped atlas: the benchmarks
measure atlases that the real pipeline would accept, and the tests start from
content that is known to be good and break one thing at a time.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml writes the 10,000-point trees of the benchmarks several times faster
    from yaml import CSafeDumper as _SafeDumper
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    from yaml import SafeDumper as _SafeDumper  # type: ignore[assignment]  # same interface

REGIONS = ("head", "neck", "shoulder", "hand", "foot")
CHANNELS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR")
AREA_GRID = 6  # areas form a 6 x 6 grid over the synthetic drawing
MUSCLES = ("Temporalis", "Masseter", "Trapezius", "Scalene", "Infraspinatus", "Extensor", "Soleus")
WORDS = ("ache", "band", "deep", "dull", "tight", "stiff", "burning", "pressure", "throb", "spot")


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.dump(data, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _area_id(col: int, row: int) -> str:
    return f"zone-{col}-{row}"


def _drawing_svg() -> str:
    size = 1000
    cell = size / AREA_GRID
    paths = []
    for col in range(AREA_GRID):
        for row in range(AREA_GRID):
            x, y = col * cell, row * cell
            paths.append(
                f'<path id="{_area_id(col, row)}" d="M{x:.1f} {y:.1f} H{x + cell:.1f} '
                f'V{y + cell:.1f} H{x:.1f} Z"/>'
            )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size}" height="{size}">\n'
        '<g id="silhouette" fill="#F0F0F1" stroke="#101011" stroke-width="3">'
        f'<path d="M0 0 H{size} V{size} H0 Z"/></g>\n'
        '<g id="contours" fill="none" stroke="#202021" stroke-width="1.6">'
        '<path d="M100 500 C300 300 700 300 900 500"/></g>\n'
        '<g id="landmarks" fill="none" stroke="#303031" stroke-width="1.6"/>\n'
        '<g id="areas" display="none">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )


def write_content(root: Path, points: int, *, seed: int = 7) -> Path:
    """Write a valid content tree with ``points`` points under ``root``; return its content folder."""
    rng = random.Random(seed)
    content = root / "content"
    drawings = root / "drawings"
    drawings.mkdir(parents=True, exist_ok=True)
    (drawings / "grid.svg").write_text(_drawing_svg(), encoding="utf-8")
    _dump(
        content / "sources" / "sources.yaml",
        {
            "sources": [
                {"id": "manual", "kind": "book", "year": 1999, "citation": "A trigger point manual."},
                {
                    "id": "standard",
                    "kind": "standard",
                    "year": 2008,
                    "citation": "A point location standard.",
                },
            ]
        },
    )
    _dump(
        content / "safety" / "safety.yaml",
        {
            "safety": [
                {
                    "id": "general",
                    "title": "General precaution",
                    "severity": "caution",
                    "text": "Work within the client's tolerance.",
                },
                {
                    "id": "pregnancy",
                    "title": "Pregnancy",
                    "severity": "contraindication",
                    "text": "Avoid strong stimulation in pregnancy.",
                },
            ]
        },
    )
    areas = [
        {
            "id": _area_id(c, r),
            "name": f"Zone {c} {r}",
            "region": REGIONS[(c + r) % 5],
            "description": f"Grid cell {c}, {r} of the synthetic drawing.",
        }
        for c in range(AREA_GRID)
        for r in range(AREA_GRID)
    ]
    _dump(content / "areas" / "areas.yaml", {"areas": areas})
    caution = [{"topic": "general", "text": "Stop if the client feels numbness."}]
    _dump(
        content / "techniques" / "techniques.yaml",
        {
            "techniques": [
                {
                    "id": tid,
                    "name": name,
                    "category": category,
                    "purpose": "To ease the point.",
                    "steps": ["Find the point.", "Apply pressure."],
                    "pressure": "Moderate.",
                    "dosage": {
                        "text": "Hold 60 to 90 seconds.",
                        "hold_seconds": [60, 90],
                        "repetitions": "3",
                    },
                    "positioning": "Client supine.",
                    "client_feel": "A dull ache that eases.",
                    "cautions": caution,
                    "contraindications": [{"topic": "pregnancy", "text": "Not in pregnancy."}],
                    "sources": [{"id": "manual"}],
                }
                for tid, name, category in (
                    ("press", "Pressure release", "pressure"),
                    ("stroke", "Deep stroking", "stroke"),
                    ("stretch", "Passive stretch", "stretch"),
                )
            ]
        },
    )
    _dump(
        content / "conditions" / "conditions.yaml",
        {
            "conditions": [
                {
                    "id": "headache",
                    "name": "Headache",
                    "description": "Pain in the head.",
                    "evidence": "Clinical observation.",
                    "sources": [{"id": "manual"}],
                },
                {
                    "id": "headache-tension",
                    "name": "Tension headache",
                    "parent": "headache",
                    "description": "A pressing headache.",
                    "evidence": "Some studies.",
                    "sources": [{"id": "manual"}],
                },
            ]
        },
    )
    by_region: dict[str, list[dict[str, Any]]] = {}
    placements: dict[str, list[float]] = {}
    for n in range(points):
        region = REGIONS[n % len(REGIONS)]
        acupoint = n % 3 == 0
        point_id = f"point-{n}"
        entry: dict[str, Any] = {
            "id": point_id,
            "kind": "acupoint" if acupoint else "trigger_point",
            "name": f"Point {n} {rng.choice(WORDS)}",
            "region": region,
            "location": f"Synthetic location {n}.",
            "palpation": "Find it by flat palpation.",
            "symptoms": [f"{rng.choice(WORDS)} {rng.choice(WORDS)}"],
            "conditions": [{"id": "headache-tension", "strength": "moderate"}],
            "techniques": [{"id": "press", "note": "Thumb pressure."}, {"id": "stretch", "note": "Gently."}],
            "cautions": caution,
            "sources": [{"id": "manual", "locator": "ch. 1"}],
        }
        if acupoint:
            channel = CHANNELS[(n // 3) % len(CHANNELS)]
            entry["code"] = f"{channel}{n // 3 // len(CHANNELS) + 1}" if n < 3 * 12 * 99 else None
            if entry["code"] is None:
                entry["kind"] = "trigger_point"
        if entry["kind"] == "trigger_point":
            entry.pop("code", None)
            entry["muscle"] = rng.choice(MUSCLES)
            cells = rng.sample(range(AREA_GRID * AREA_GRID), 3)
            entry["referral"] = {
                "primary": [areas[cells[0]]["id"]],
                "spillover": [areas[cells[1]]["id"], areas[cells[2]]["id"]],
                "description": "A synthetic referral pattern.",
            }
        by_region.setdefault(region, []).append(entry)
        placements[point_id] = [round(rng.uniform(0.02, 0.98), 4), round(rng.uniform(0.02, 0.98), 4)]
    for region, entries in by_region.items():
        _dump(content / "points" / f"{region}.yaml", {"points": entries})
    _dump(
        content / "views" / "grid.yaml",
        {
            "view": {
                "id": "grid",
                "title": "Synthetic grid",
                "drawing": "grid.svg",
                "regions": list(REGIONS),
                "order": 1,
                "placements": placements,
            }
        },
    )
    return content
