"""Cold start: process start to the first painted window, against a bare PySide6 window.

Both are started the same way (this interpreter, the offscreen platform, the
same child script and event filter), alternately, ``runs`` times each after
one unmeasured warm-up apiece. Time is CLOCK_MONOTONIC, which the parent and
the child share: from just before the parent starts the child to the child's
first paint. Peak memory is the child's own peak resident set (VmHWM) at that
moment: ``ru_maxrss`` would also count the pages of this (large) parent that
the child held between fork and exec.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Figure, Summary
from tpatlas.atlas_files import ContentSource, build_database
from tpatlas.paths import data_paths

SECTION = "cold start"
CHILD = Path(__file__).with_name("cold_start_child.py")
TIMEOUT_S = 60


@dataclass(frozen=True, slots=True)
class Start:
    seconds: float
    peak_kib: int


def _run_child(args: list[str]) -> Start:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # an installed program has its compiled modules; let the warm-up runs write them
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as errors:
        started = time.clock_gettime(time.CLOCK_MONOTONIC)
        child = subprocess.Popen(
            [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=errors, env=env
        )
        watchdog = threading.Timer(TIMEOUT_S, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None
            output = child.stdout.read().decode()
            child.wait()
        finally:
            watchdog.cancel()
            if child.stdout is not None:
                child.stdout.close()
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    painted = [line.split()[1:] for line in output.splitlines() if line.startswith("first-paint ")]
    if not painted:
        raise RuntimeError(f"{' '.join(args)}: no first paint (exit {child.returncode})\n{stderr[-2000:]}")
    painted_at, peak_kib = painted[0]
    return Start(float(painted_at) - started, int(peak_kib))


def _app_arguments(workspace: Path, use_window: bool, shipped_atlas: Path) -> list[str]:
    if not use_window:
        return ["map", str(shipped_atlas)]
    data = workspace / "cold-start-data"
    paths = data_paths(data)
    if not paths.atlas_db.is_file():
        build_database(ContentSource.shipped(), paths.atlas_db)  # first-run work, not measured
    return ["app", str(data)]


def measure_cold_start(
    workspace: Path, shipped_atlas: Path, runs: int, use_window: bool
) -> tuple[Figure, Figure]:
    """(start time, peak memory) of the atlas against the bare window, medians of ``runs``."""
    app_args = _app_arguments(workspace, use_window, shipped_atlas)
    label = "main window" if use_window else "body map in a QMainWindow"
    _run_child(["bare"])  # warm-up: compiled files, font caches, the first run's files
    _run_child(app_args)
    bare: list[Start] = []
    app: list[Start] = []
    for _ in range(runs):
        bare.append(_run_child(["bare"]))
        app.append(_run_child(app_args))
    time_figure = Figure(
        SECTION,
        f"to first paint, {label}",
        "ms",
        Summary.of([s.seconds * 1000 for s in app]),
        Summary.of([s.seconds * 1000 for s in bare]),
        "bare QMainWindow with a QLabel",
        extra={"runs": runs},
    )
    memory_figure = Figure(
        SECTION,
        f"peak memory, {label}",
        "MiB",
        Summary.of([s.peak_kib / 1024 for s in app]),
        Summary.of([s.peak_kib / 1024 for s in bare]),
        "bare QMainWindow with a QLabel",
        extra={"runs": runs},
    )
    return time_figure, memory_figure
