"""Samples, their median and 95th percentile, and the record of one measured figure."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


def percentile(values: Iterable[float], fraction: float) -> float:
    """The nearest-rank percentile (0.5 = median, 0.95 = p95); 0.0 for no values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True, slots=True)
class Summary:
    """Median and p95 of a list of samples, in the samples' unit."""

    median: float
    p95: float
    count: int

    @classmethod
    def of(cls, samples: list[float]) -> Summary:
        return cls(median(samples), percentile(samples, 0.95), len(samples))


def elapsed_ms(action: Callable[[], Any]) -> float:
    """Milliseconds one call of ``action`` takes."""
    start = time.perf_counter_ns()
    action()
    return (time.perf_counter_ns() - start) / 1e6


def sample_ms(action: Callable[[], Any], repeat: int) -> list[float]:
    return [elapsed_ms(action) for _ in range(repeat)]


@dataclass
class Figure:
    """One line of the results table: a measurement beside its baseline.

    ``value`` and ``baseline`` are summaries in ``unit``; the ratio compares
    the medians (or the p95s, when ``on`` is "p95").
    """

    section: str
    name: str
    unit: str
    value: Summary
    baseline: Summary | None = None
    baseline_name: str = ""
    on: str = "median"
    extra: dict[str, Any] = field(default_factory=dict)

    def main(self) -> float:
        return self.value.p95 if self.on == "p95" else self.value.median

    def ratio(self) -> float | None:
        if self.baseline is None:
            return None
        base = self.baseline.p95 if self.on == "p95" else self.baseline.median
        return self.main() / base if base > 0 else None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "section": self.section,
            "name": self.name,
            "unit": self.unit,
            "median": round(self.value.median, 4),
            "p95": round(self.value.p95, 4),
            "samples": self.value.count,
        }
        if self.baseline is not None:
            ratio = self.ratio()
            data["baseline"] = {
                "name": self.baseline_name,
                "median": round(self.baseline.median, 4),
                "p95": round(self.baseline.p95, 4),
                "samples": self.baseline.count,
            }
            data["ratio"] = round(ratio, 3) if ratio is not None else None
        data.update(self.extra)
        return data
