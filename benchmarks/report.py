"""The printed tables and the JSON record of a run."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path
from typing import Any

from benchmarks.budget import Verdict
from benchmarks.stats import Figure


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1000 else f"{value:.3g}" if value < 1 else f"{value:.1f}"


def figures_table(figures: list[Figure]) -> str:
    header = ("section", "figure", "median", "p95", "baseline", "base med", "base p95", "ratio")
    rows = [header]
    for f in figures:
        ratio = f.ratio()
        rows.append(
            (
                f.section,
                f.name,
                f"{_number(f.value.median)} {f.unit}",
                f"{_number(f.value.p95)} {f.unit}",
                f.baseline_name,
                _number(f.baseline.median) if f.baseline else "",
                _number(f.baseline.p95) if f.baseline else "",
                f"{ratio:.2f}× ({f.on})" if ratio is not None else "",
            )
        )
    return _table(rows)


def scaling_table(sizes: list[int], by_size: dict[int, dict[str, Figure]]) -> str:
    rows: list[tuple[str, ...]] = [
        ("points", "build median", "search median", "search p95", "lookup median", "lookup p95")
    ]
    for size in sizes:
        found = by_size.get(size, {})
        build, search, lookup = found.get("build"), found.get("search"), found.get("lookup")
        rows.append(
            (
                f"{size:,}",
                f"{_number(build.value.median)} ms" if build else "",
                f"{search.value.median:.3f} ms" if search else "",
                f"{search.value.p95:.3f} ms" if search else "",
                f"{lookup.value.median:.3f} ms" if lookup else "",
                f"{lookup.value.p95:.3f} ms" if lookup else "",
            )
        )
    return _table(rows)


def budget_table(verdicts: list[Verdict]) -> str:
    return _table([("", "budget", "measured")] + [(v.word, v.line, v.measured) for v in verdicts])


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version

    return {
        "python": sys.version.split()[0],
        "pyside6": pyside_version,
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def write_json(
    path: Path, figures: dict[str, Figure], verdicts: list[Verdict], settings: dict[str, Any]
) -> None:
    record = {
        "environment": environment(),
        "settings": settings,
        "figures": {key: f.to_json() for key, f in figures.items()},
        "budget": [{"line": v.line, "measured": v.measured, "result": v.word} for v in verdicts],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
