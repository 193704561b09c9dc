"""Search as you type: one query per keystroke, through Library.search.

The baseline is a bare ``SELECT 1`` round trip on a SQLite connection to the
same atlas file: the least any query can cost.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.stats import Figure, Summary, elapsed_ms
from tpatlas.library import Library

SECTION = "search"
QUERIES = ("hegu", "li 4", "temporalis", "upper trap", "migraine")
LIMIT = 200  # what the search panel asks for


def keystrokes(queries: tuple[str, ...] = QUERIES) -> list[str]:
    """What the search box holds after each key: 'h', 'he', 'heg', 'hegu', 'l', ..."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


def select_one_ms(database: Path, repeat: int) -> list[float]:
    connection = sqlite3.connect(database)
    try:
        return [elapsed_ms(lambda: connection.execute("SELECT 1").fetchall()) for _ in range(repeat)]
    finally:
        connection.close()


def measure_typing(library: Library, database: Path, label: str, repeat: int) -> Figure:
    """Every keystroke of every query, ``repeat`` rounds; p95 over all keystrokes."""
    typed = keystrokes()
    library.search(typed[0], limit=LIMIT)  # the first query pays for opening the connection
    samples = [elapsed_ms(lambda q=q: library.search(q, limit=LIMIT)) for _ in range(repeat) for q in typed]
    return Figure(
        SECTION,
        f"keystroke query, {label}",
        "ms",
        Summary.of(samples),
        Summary.of(select_one_ms(database, len(samples))),
        "SELECT 1 on a connection to the same file",
        on="p95",
        extra={"keystrokes": len(typed), "points": len(library.atlas.points)},
    )
