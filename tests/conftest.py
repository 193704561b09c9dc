"""Shared fixtures: synthetic content trees, built atlases, a CLI runner."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tpatlas import cli  # after the platform is set
from tpatlas.atlas_files import ContentSource, build_database
from tpatlas.content.synthetic import write_content
from tpatlas.storage.atlas_store import AtlasStore

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def synthetic_content(tmp_path: Path) -> Path:
    """A valid content folder of 30 points (with its drawings folder beside it)."""
    return write_content(tmp_path / "pack", 30)


@pytest.fixture
def synthetic_store(synthetic_content: Path, tmp_path: Path) -> AtlasStore:
    out = tmp_path / "atlas.sqlite"
    build_database(ContentSource.from_content_dir(synthetic_content), out)
    store = AtlasStore(out)
    yield store
    store.close()


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once per test session."""
    out = tmp_path_factory.mktemp("shipped") / "atlas.sqlite"
    build_database(ContentSource.shipped(), out)
    return out


@pytest.fixture
def shipped_store(shipped_db: Path) -> AtlasStore:
    store = AtlasStore(shipped_db)
    yield store
    store.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Callable[..., CliResult]:
    """Run ``tpatlas`` in-process with a private data folder."""
    data = tmp_path / "data"

    def run(*args: str) -> CliResult:
        code = cli.main(["--data-dir", str(data), *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
