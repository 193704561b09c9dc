"""``python -m benchmarks``: measure, print the tables and the budget, write the JSON."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import qt_env
from benchmarks.atlases import Workspace
from benchmarks.budget import judge_all
from benchmarks.report import budget_table, figures_table, scaling_table, write_json
from benchmarks.stats import Figure

DEFAULT_OUT = Path(__file__).with_name("results") / "latest.json"
FULL_SIZES = (100, 1000, 10_000)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in FULL_SIZES),
        help="synthetic atlas sizes for the scaling table (default 100,1000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds of each measurement (default 5)")
    parser.add_argument(
        "--cold-runs", type=int, default=7, help="cold starts of each kind; 0 skips them (default 7)"
    )
    parser.add_argument(
        "--map-points", type=int, default=2000, help="markers on the map for the frame timings (default 2000)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"the JSON record (default {DEFAULT_OUT})"
    )
    parser.add_argument("--strict", action="store_true", help="exit with status 1 if a budget line fails")
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def run(
    args: argparse.Namespace, workspace: Workspace
) -> tuple[dict[str, Figure], dict[int, dict[str, Figure]]]:
    # imported here: each needs the Qt application set up by main() first
    from benchmarks import build, lookup, map_render, search, selection, window
    from benchmarks.cold_start import measure_cold_start

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    figures: dict[str, Figure] = {}
    by_size: dict[int, dict[str, Figure]] = {}
    if args.cold_runs > 0:
        _log(f"cold start, {args.cold_runs} runs of each")
        shipped_db = workspace.shipped_database()
        figures["cold_start_time"], figures["cold_start_memory"] = measure_cold_start(
            workspace.root, shipped_db, args.cold_runs, window.available()
        )
    for size in sizes:
        _log(f"{size:,} points: build, search, lookup")
        build_repeat = args.repeat if size < 10_000 else min(args.repeat, 3)
        found = by_size.setdefault(size, {})
        found["build"] = figures[f"build_{size}"] = build.measure_build(workspace, size, build_repeat)
        library = workspace.synthetic_library(size)
        database = workspace.synthetic_database(size)
        label = f"{size:,} points"
        found["search"] = figures[f"search_{size}"] = search.measure_typing(
            library, database, label, args.repeat
        )
        found["lookup"] = figures[f"lookup_{size}"] = lookup.measure_pain_lookup(
            library, "grid", label, 40 * args.repeat
        )
    _log("shipped atlas: search, views")
    shipped = workspace.shipped_library()
    figures["search_shipped"] = search.measure_typing(
        shipped, workspace.shipped_database(), "shipped atlas", args.repeat
    )
    figures["view_switch"] = map_render.measure_view_switch(shipped, args.repeat)
    _log(f"map with {args.map_points:,} markers: frames and clicks")
    crowded = workspace.synthetic_library(args.map_points)
    label = f"{args.map_points:,} markers"
    figures["map_frame"] = map_render.measure_pan_zoom(crowded, label, args.repeat)
    figures["map_click"] = selection.measure_map_click(crowded, label, 10 * args.repeat)
    if window.available():
        _log("main window: click to detail, typing")
        figures["click_to_detail"] = window.measure_click_to_detail(
            shipped, "shipped atlas", 10 * args.repeat
        )
        large = max(sizes)
        figures[f"window_typing_{large}"] = window.measure_typing(
            workspace.synthetic_library(large), f"{large:,} points", args.repeat
        )
    else:  # until the main window exists, the map's own signal stands in for the detail page
        figures["click_to_detail"] = figures["map_click"]
    return figures, by_size


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    qt_env.application()
    if qt_env.drops_none_references():
        print(
            "tpatlas benchmarks: this PySide6 drops a reference to None on every void call (PySide6 "
            "6.12.0 on Python 3.11) and would crash mid-run; install the version pyproject.toml pins.",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tpatlas-bench-") as scratch:
        workspace = Workspace(Path(scratch))
        try:
            figures, by_size = run(args, workspace)
        finally:
            workspace.close()
    verdicts = judge_all(figures)
    sizes = sorted(by_size)
    print(figures_table(list({id(f): f for f in figures.values()}.values())))
    print()
    print(scaling_table(sizes, by_size))
    print()
    print(budget_table(verdicts))
    settings: dict[str, Any] = {
        "sizes": sizes,
        "repeat": args.repeat,
        "cold_runs": args.cold_runs,
        "map_points": args.map_points,
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_json(args.out, figures, verdicts, settings)
    print(f"\nwritten {args.out} in {settings['seconds']} s")
    failed = any(v.passed is False for v in verdicts)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
