"""Where the shipped assets are, in a checkout, an installed wheel or a frozen bundle.

Everything that reads ``assets/`` asks this module, so there is one place that
knows the layouts.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def assets_dir() -> Path:
    """The folder holding ``content/`` and ``drawings/``."""
    packaged = Path(str(resources.files("tpatlas") / "assets"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "assets"


def content_dir() -> Path:
    return assets_dir() / "content"


def drawings_dir() -> Path:
    return assets_dir() / "drawings"
