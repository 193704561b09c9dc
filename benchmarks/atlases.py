"""The atlases the benchmarks measure: the shipped one and synthetic ones of N points.

Each is written and built once per run into a scratch folder; building is
first-run work, measured on its own in :mod:`benchmarks.build`.
"""

from __future__ import annotations

from pathlib import Path

from tpatlas.atlas_files import ContentSource, build_database
from tpatlas.content.synthetic import write_content
from tpatlas.library import Library
from tpatlas.storage.atlas_store import AtlasStore


class Workspace:
    """A scratch folder holding content trees and built atlases, made on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._libraries: list[Library] = []

    def synthetic_source(self, points: int) -> ContentSource:
        folder = self.root / f"synthetic-{points}"
        content = folder / "content"
        if not content.is_dir():
            write_content(folder, points)
        return ContentSource.from_content_dir(content)

    def database(self, source: ContentSource, name: str) -> Path:
        out = self.root / "atlases" / f"{name}.sqlite"
        if not out.is_file():
            build_database(source, out)
        return out

    def synthetic_database(self, points: int) -> Path:
        return self.database(self.synthetic_source(points), f"synthetic-{points}")

    def shipped_database(self) -> Path:
        return self.database(ContentSource.shipped(), "shipped")

    def synthetic_library(self, points: int) -> Library:
        source = self.synthetic_source(points)
        return self._keep(Library(AtlasStore(self.synthetic_database(points)), None, source.drawings))

    def shipped_library(self) -> Library:
        return self._keep(Library(AtlasStore(self.shipped_database()), None))

    def _keep(self, library: Library) -> Library:
        self._libraries.append(library)
        return library

    def close(self) -> None:
        for library in self._libraries:
            library.close()
        self._libraries.clear()
