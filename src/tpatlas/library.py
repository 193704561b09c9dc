"""The atlas and the user's own layer, as one service for the window (no Qt here).

Widgets receive this object (or the narrow part they need) instead of reaching
for databases themselves: search that also finds notes, the "where does it
hurt" lookup, notes and favourites that are saved at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tpatlas import resources
from tpatlas.core.lookup import AreaLocator, ReferralHit, ReferralIndex
from tpatlas.core.model import Atlas, Condition, Point, Technique
from tpatlas.core.search import SearchHit, TargetKind, rank
from tpatlas.core.search_text import fold
from tpatlas.storage.atlas_store import AtlasStore

if TYPE_CHECKING:  # imported by whoever opens it: SQLAlchemy is not on the way to the first window
    from tpatlas.storage.user_store import UserStore

TIER_NOTE = 3
Entry = Point | Technique | Condition


@dataclass(frozen=True, slots=True)
class PainLookup:
    """What a click in "where does it hurt" mode found."""

    view_id: str
    areas: tuple[str, ...]
    hits: tuple[ReferralHit, ...]


class Library:
    def __init__(self, store: AtlasStore, user: UserStore | None, drawings_dir: Path | None = None) -> None:
        self._store = store
        self.drawings_dir = drawings_dir or resources.drawings_dir()
        self.atlas: Atlas = store.read_atlas()
        self.referrals = ReferralIndex(self.atlas)
        self.locator = AreaLocator(self.atlas.views.values())
        self._user: UserStore | None = None
        self._notes: dict[tuple[str, str], str] = {}  # the body of each note
        self._folded_notes: dict[tuple[str, str], str] = {}  # folded once, not on every keystroke
        self._favourites: dict[tuple[str, str], None] = {}  # in the order they were starred
        if user is not None:
            self.attach_user(user)

    def attach_user(self, user: UserStore) -> None:
        """Take the user's notes and favourites into use (also after the atlas was opened:
        the window opens the user database once it is on screen). They are read once
        here and kept in step with every write."""
        self._user = user
        self._notes = {(n.target_kind, n.target_id): n.body for n in user.notes()}
        self._folded_notes = {key: fold(body) for key, body in self._notes.items()}
        self._favourites = dict.fromkeys(user.favourites())

    def close(self) -> None:
        self._store.close()
        if self._user:
            self._user.close()

    # -- looking things up -------------------------------------------------------

    def entry(self, kind: str, target_id: str) -> Entry | None:
        collections: dict[str, dict[str, Point] | dict[str, Technique] | dict[str, Condition]] = {
            "point": self.atlas.points,
            "technique": self.atlas.techniques,
            "condition": self.atlas.conditions,
        }
        return collections[kind].get(target_id) if kind in collections else None

    def label(self, kind: str, target_id: str) -> str:
        found = self.entry(kind, target_id)
        if found is None:
            return target_id
        return found.label if isinstance(found, Point) else found.name

    def search(self, query: str, limit: int = 60) -> list[SearchHit]:
        """Atlas hits best first, then entries whose user note matches."""
        hits = self._store.search(query, limit=limit)
        words = fold(query).split()
        if words:
            for (kind, target_id), body in self._folded_notes.items():
                if all(w in body for w in words) and self.entry(kind, target_id) is not None:
                    hits.append(SearchHit(_kind(kind), target_id, TIER_NOTE))
        return rank(hits, limit)

    def pain_at(self, view_id: str, x: float, y: float) -> PainLookup:
        areas = tuple(self.locator.areas_at(view_id, x, y))
        return PainLookup(view_id, areas, tuple(self.referrals.referrers(areas)))

    def pain_in(self, area_ids: list[str], view_id: str = "") -> PainLookup:
        return PainLookup(view_id, tuple(area_ids), tuple(self.referrals.referrers(area_ids)))

    # -- the user's own layer -------------------------------------------------------

    @property
    def has_user_data(self) -> bool:
        return self._user is not None

    def note(self, kind: str, target_id: str) -> str:
        return self._notes.get((kind, target_id), "")

    def set_note(self, kind: str, target_id: str, body: str) -> None:
        if self._user is None:
            return
        self._user.set_note(kind, target_id, body)
        if body.strip():
            self._notes[(kind, target_id)] = body
            self._folded_notes[(kind, target_id)] = fold(body)
        else:
            self._notes.pop((kind, target_id), None)
            self._folded_notes.pop((kind, target_id), None)

    def is_favourite(self, kind: str, target_id: str) -> bool:
        return (kind, target_id) in self._favourites

    def set_favourite(self, kind: str, target_id: str, favourite: bool) -> None:
        if self._user is None:
            return
        self._user.set_favourite(kind, target_id, favourite)
        if favourite:
            self._favourites.setdefault((kind, target_id))
        else:
            self._favourites.pop((kind, target_id), None)

    def favourites(self) -> list[tuple[str, str]]:
        """Starred entries, oldest first."""
        return list(self._favourites)


def _kind(kind: str) -> TargetKind:
    return "technique" if kind == "technique" else "condition" if kind == "condition" else "point"
