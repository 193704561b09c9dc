"""The performance budget, one line each, judged against a run's figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.stats import Figure

Figures = dict[str, Figure]


@dataclass(frozen=True, slots=True)
class Verdict:
    line: str
    measured: str
    passed: bool | None  # None: not measured in this run

    @property
    def word(self) -> str:
        return "SKIP" if self.passed is None else "PASS" if self.passed else "FAIL"


@dataclass(frozen=True, slots=True)
class BudgetLine:
    text: str
    judge: Callable[[Figures], tuple[str, bool] | None]

    def verdict(self, figures: Figures) -> Verdict:
        result = self.judge(figures)
        if result is None:
            return Verdict(self.text, "not measured", None)
        return Verdict(self.text, *result)


def _ratio_at_most(key: str, limit: float) -> Callable[[Figures], tuple[str, bool] | None]:
    def judge(figures: Figures) -> tuple[str, bool] | None:
        figure = figures.get(key)
        ratio = figure.ratio() if figure else None
        if ratio is None:
            return None
        return f"{ratio:.2f}×", ratio <= limit

    return judge


def _p95_at_most(key: str, limit_ms: float) -> Callable[[Figures], tuple[str, bool] | None]:
    def judge(figures: Figures) -> tuple[str, bool] | None:
        figure = figures.get(key)
        if figure is None:
            return None
        return f"p95 {figure.value.p95:.2f} ms", figure.value.p95 <= limit_ms

    return judge


def _sublinear(small: str, large: str, factor: float) -> Callable[[Figures], tuple[str, bool] | None]:
    """The median grows by less than the number of points does (``factor``)."""

    def judge(figures: Figures) -> tuple[str, bool] | None:
        a, b = figures.get(small), figures.get(large)
        if a is None or b is None or a.value.median <= 0:
            return None
        growth = b.value.median / a.value.median
        return f"median ×{growth:.2f} for ×{factor:g} points", growth < factor

    return judge


BUDGET: tuple[BudgetLine, ...] = (
    BudgetLine("cold start ≤ 3× the bare window", _ratio_at_most("cold_start_time", 3.0)),
    BudgetLine("peak memory ≤ 2× the bare window", _ratio_at_most("cold_start_memory", 2.0)),
    BudgetLine("search p95 ≤ 5 ms at 10,000 points", _p95_at_most("search_10000", 5.0)),
    BudgetLine(
        "search result list updated within the same frame (p95 ≤ 16 ms, 10,000 points)",
        _p95_at_most("window_typing_10000", 16.0),
    ),
    BudgetLine("map frame p95 ≤ 8 ms with 2,000 markers", _p95_at_most("map_frame", 8.0)),
    BudgetLine("click to detail p95 ≤ 16 ms", _p95_at_most("click_to_detail", 16.0)),
    BudgetLine("lookup p95 ≤ 5 ms at 10,000 points", _p95_at_most("lookup_10000", 5.0)),
    BudgetLine(
        "search grows less than linearly from 1,000 to 10,000 points",
        _sublinear("search_1000", "search_10000", 10.0),
    ),
    BudgetLine(
        "lookup grows less than linearly from 1,000 to 10,000 points",
        _sublinear("lookup_1000", "lookup_10000", 10.0),
    ),
)


def judge_all(figures: Figures) -> list[Verdict]:
    return [line.verdict(figures) for line in BUDGET]
