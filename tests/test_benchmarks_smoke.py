"""The benchmarks still run, end to end, at a tiny size (no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.__main__ import main
from benchmarks.budget import BUDGET
from pytestqt.qtbot import QtBot


def test_benchmarks_run_and_write_their_record(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    code = main(
        ["--sizes", "50", "--repeat", "2", "--cold-runs", "1", "--map-points", "50", "--out", str(out)]
    )
    assert code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    figures = record["figures"]
    assert {
        *("cold_start_time", "cold_start_memory", "build_50", "search_50", "lookup_50", "search_shipped"),
        *("view_switch", "map_frame", "map_click", "click_to_detail"),
    } <= set(figures)
    assert all(f["samples"] > 0 and f["median"] >= 0 for f in figures.values())
    assert all("baseline" in f for f in figures.values()), "every timing has its baseline"
    assert [line["line"] for line in record["budget"]] == [line.text for line in BUDGET]
    assert {line["result"] for line in record["budget"]} <= {"PASS", "FAIL", "SKIP"}
