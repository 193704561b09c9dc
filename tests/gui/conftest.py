"""Body-map fixtures: a Library over a synthetic atlas, and over the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tpatlas.library import Library
from tpatlas.storage.atlas_store import AtlasStore


@pytest.fixture
def synthetic_library(synthetic_content: Path, synthetic_store: AtlasStore) -> Library:
    library = Library(synthetic_store, None, synthetic_content.parent / "drawings")
    return library


@pytest.fixture
def shipped_library(shipped_db: Path) -> Library:
    library = Library(AtlasStore(shipped_db), None)
    yield library
    library.close()
