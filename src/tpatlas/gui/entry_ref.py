"""A reference to one page of the atlas, and the internal links that carry it.

Pages link to each other with ``tpatlas://point/li4``-style URLs; nothing else
is ever followed from inside a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

SCHEME = "tpatlas"
ENTRY_KINDS = ("point", "technique", "condition")


@dataclass(frozen=True, slots=True)
class EntryRef:
    """Which page: a point, a technique or a condition, by id."""

    kind: str
    id: str

    def link(self) -> str:
        return f"{SCHEME}://{self.kind}/{quote(self.id, safe='')}"

    def as_setting(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def from_setting(cls, text: str) -> EntryRef | None:
        kind, _, entry_id = text.partition(":")
        return cls(kind, entry_id) if kind in ENTRY_KINDS and entry_id else None


@dataclass(frozen=True, slots=True)
class InternalLink:
    """A parsed ``tpatlas://`` link: ``action`` is an entry kind, ``timer``, or ``map``."""

    action: str
    argument: str


def parse_link(url: str) -> InternalLink | None:
    """The internal link ``url`` stands for, or None for anything that is not ours."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or not parts.netloc:
        return None
    return InternalLink(parts.netloc, unquote(parts.path.lstrip("/")))


def timer_link(seconds: int) -> str:
    return f"{SCHEME}://timer/{seconds:d}"


def map_link(point_id: str) -> str:
    return f"{SCHEME}://map/{quote(point_id, safe='')}"
