"""What a search query means, and how its hits are ranked.

The storage layer answers three questions for a query (which codes, which
exact names, which full-text matches); this module decides the order:
an exact code first, then an exact name or alias, then full-text relevance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tpatlas.core.search_text import code_token, fold, normalise_code, prefix_query, words

TargetKind = Literal["point", "technique", "condition"]

TIER_CODE = 0
TIER_NAME = 1
TIER_TEXT = 2


#: a last word shorter than this is looked up in codes and names only (see AtlasStore.search)
SHORT_WORD = 3


@dataclass(frozen=True, slots=True)
class QueryPlan:
    code_key: str | None
    name_key: str | None
    match: str | None
    names_only: bool = False  # the last word is still short: search codes and names only
    initial: str | None = None  # a lone letter: list what begins with it

    @property
    def empty(self) -> bool:
        return self.code_key is None and self.name_key is None and self.match is None


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: TargetKind
    id: str
    tier: int
    score: float = 0.0


def plan_query(query: str) -> QueryPlan:
    """Turn what the user typed into the keys and the full-text expression to look up."""
    stripped = query.strip()
    code = normalise_code(stripped) if stripped else None
    name = fold(stripped) or None
    typed = words(stripped)
    return QueryPlan(
        code_token(code) if code else None,
        name,
        prefix_query(stripped),
        names_only=bool(typed) and len(typed[-1]) < SHORT_WORD,
        initial=typed[0] if len(typed) == 1 and len(typed[0]) == 1 else None,
    )


def rank(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    """Best first: lowest tier, then best full-text score; each target once."""
    best: dict[tuple[str, str], SearchHit] = {}
    for hit in hits:
        key = (hit.kind, hit.id)
        known = best.get(key)
        if known is None or (hit.tier, hit.score) < (known.tier, known.score):
            best[key] = hit
    ordered = sorted(best.values(), key=lambda h: (h.tier, h.score, h.id))
    return ordered[:limit]
