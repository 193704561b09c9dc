"""Keeping the atlas database in step with the content it is built from."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from tpatlas import resources
from tpatlas.storage.atlas_format import content_fingerprint
from tpatlas.storage.atlas_store import AtlasStore, AtlasUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ContentSource:
    """The content and drawing folders an atlas is built from."""

    content: Path
    drawings: Path

    @classmethod
    def shipped(cls) -> ContentSource:
        return cls(resources.content_dir(), resources.drawings_dir())

    @classmethod
    def from_content_dir(cls, content: Path) -> ContentSource:
        """A content folder given on the command line; its drawings sit beside it."""
        return cls(content, content.parent / "drawings")

    def fingerprint(self) -> str:
        return content_fingerprint(self.content, self.drawings)


def build_database(source: ContentSource, out: Path) -> None:
    """Validate the content and write the atlas to ``out``; raises ContentError."""
    fingerprint = source.fingerprint()
    _write(source, out, fingerprint)


def _write(source: ContentSource, out: Path, fingerprint: str) -> None:
    # validating (pydantic, YAML) and writing (SQLAlchemy) are imported only when the
    # content has changed: an unchanged atlas opens without them, and so starts sooner
    from tpatlas.content.validate import load_atlas
    from tpatlas.storage.atlas_build import write_atlas

    write_atlas(load_atlas(source.content, source.drawings), out, fingerprint)


def open_current_atlas(source: ContentSource, path: Path) -> AtlasStore:
    """Open the atlas at ``path``, rebuilding it first if the content has changed.

    A content error while rebuilding is raised (ContentError); the caller may
    then fall back to :class:`AtlasStore` on the old file, which is untouched.
    """
    fingerprint = source.fingerprint()
    try:
        store = AtlasStore(path)
    except AtlasUnavailable:
        store = None
    if store is not None and store.fingerprint == fingerprint:
        return store
    if store is not None:
        store.close()
    log.info("building the atlas database at %s", path)
    _write(source, path, fingerprint)
    return AtlasStore(path)
