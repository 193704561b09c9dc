"""The core and storage layers stay free of Qt; the core stays free of SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tpatlas"


def imported_modules(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path, node.module))
    return found


@pytest.mark.parametrize("layer", ["core", "storage", "content"])
def test_no_qt_below_the_gui(layer: str) -> None:
    offenders = [
        f"{p.relative_to(PACKAGE)} imports {m}"
        for p, m in imported_modules(PACKAGE / layer)
        if m.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert offenders == []


def test_core_knows_nothing_of_storage_formats() -> None:
    offenders = [
        f"{p.relative_to(PACKAGE)} imports {m}"
        for p, m in imported_modules(PACKAGE / "core")
        if m.split(".")[0] in ("sqlalchemy", "sqlite3", "yaml", "pydantic")
        or m.startswith(("tpatlas.storage", "tpatlas.content", "tpatlas.gui"))
    ]
    assert offenders == []


def test_layer_folders_exist() -> None:
    assert all((PACKAGE / layer).is_dir() for layer in ("core", "storage", "content", "gui"))
