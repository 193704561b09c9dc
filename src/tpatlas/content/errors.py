"""Problems found in content files, each naming the file, the entry and the field."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@dataclass(frozen=True, slots=True)
class ContentProblem:
    file: Path
    entry: str | None
    message: str

    def __str__(self) -> str:
        shown = display_path(self.file)
        if shown.startswith(".."):
            shown = str(self.file)
        return f"{shown}: {self.entry}: {self.message}" if self.entry else f"{shown}: {self.message}"


class ContentError(Exception):
    """The content cannot be built; ``problems`` lists every problem found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
