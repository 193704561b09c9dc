"""What identifies an atlas database: its schema version and the content it was built from.

Kept apart from the SQLAlchemy tables so that opening an atlas (and deciding
whether it must be rebuilt) imports no ORM.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

#: Bumped whenever the atlas tables change; an atlas of another version is rebuilt.
ATLAS_SCHEMA_VERSION = 1


def content_fingerprint(*folders: Path) -> str:
    """A hash of every file under the content and drawing folders, and the schema."""
    digest = hashlib.sha256(f"atlas-schema-{ATLAS_SCHEMA_VERSION}".encode())
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
