"""Where does it hurt: a click on the map to the ranked list of points (Library.pain_at).

The baseline is the hit test alone (which body areas lie under the click),
so the ratio shows what gathering and ranking the points adds.
"""

from __future__ import annotations

import random

from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.library import Library

SECTION = "lookup"


def click_positions(count: int, seed: int = 11) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    return [(rng.uniform(0.02, 0.98), rng.uniform(0.02, 0.98)) for _ in range(count)]


def measure_pain_lookup(library: Library, view_id: str, label: str, clicks: int) -> Figure:
    positions = click_positions(clicks)
    hits = [len(library.pain_at(view_id, x, y).hits) for x, y in positions[:5]]  # warm up
    samples = [elapsed_ms(lambda x=x, y=y: library.pain_at(view_id, x, y)) for x, y in positions]
    baseline = [elapsed_ms(lambda x=x, y=y: library.locator.areas_at(view_id, x, y)) for x, y in positions]
    return Figure(
        SECTION,
        f"click to ranked list, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(baseline),
        "area hit test alone",
        on="p95",
        extra={"points": len(library.atlas.points), "hits_per_click": round(sum(hits) / len(hits), 1)},
    )
