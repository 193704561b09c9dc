"""Where the user's files live. One module decides; everything else asks it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "tpatlas"
DATA_DIR_ENV = "TPATLAS_DATA_DIR"


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The per-user data folder and the files in it."""

    root: Path

    @property
    def user_db(self) -> Path:
        """Notes, favourites and progress: what the user makes."""
        return self.root / "user.sqlite"

    @property
    def atlas_db(self) -> Path:
        """The atlas built from the content; rebuilt whenever the content changes."""
        return self.root / "atlas" / "atlas.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    @property
    def lock(self) -> Path:
        return self.root / "tpatlas.lock"


def data_paths(override: Path | None = None) -> DataPaths:
    """``--data-dir`` if given, else $TPATLAS_DATA_DIR, else the platform's user data folder."""
    if override is not None:
        return DataPaths(override.expanduser().resolve())
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
