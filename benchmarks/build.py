"""Building the atlas database from content, against only parsing its YAML files."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.atlases import Workspace
from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.atlas_files import build_database
from tpatlas.content.loader import content_files

SECTION = "build"


def _parse_only(content: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in content_files(content):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader


def measure_build(workspace: Workspace, points: int, repeat: int) -> Figure:
    """Validate and write the atlas of ``points`` points, ``repeat`` times."""
    source = workspace.synthetic_source(points)
    out = workspace.root / "build-bench" / f"atlas-{points}.sqlite"
    builds: list[float] = []
    parses: list[float] = []
    for _ in range(repeat):
        parses.append(elapsed_ms(lambda: _parse_only(source.content)))
        builds.append(elapsed_ms(lambda: build_database(source, out)))
    return Figure(
        SECTION,
        f"build {points:,} points",
        "ms",
        Summary.of(builds),
        Summary.of(parses),
        "parse the YAML only (libyaml)",
        extra={"points": points},
    )
