"""Text folding and code spelling rules shared by the search index and queries.

Therapists type codes every which way (``LI4``, ``li 4``, ``LI-4``, ``Liv 3``,
``P6``); names with or without tone marks (``Hégǔ``, ``hegu``). Both the index
and the query go through the same functions, so they always agree.
"""

from __future__ import annotations

import re
import unicodedata

#: WHO 2008 channel abbreviations, and the older spellings still in use.
CHANNELS: dict[str, str] = {
    "LU": "LU",
    "LI": "LI",
    "ST": "ST",
    "SP": "SP",
    "HT": "HT",
    "SI": "SI",
    "BL": "BL",
    "KI": "KI",
    "PC": "PC",
    "TE": "TE",
    "GB": "GB",
    "LR": "LR",
    "GV": "GV",
    "CV": "CV",
    "LIV": "LR",
    "LV": "LR",
    "SJ": "TE",
    "TB": "TE",
    "TW": "TE",
    "DU": "GV",
    "REN": "CV",
    "UB": "BL",
    "P": "PC",
    "H": "HT",
    "HE": "HT",
    "K": "KI",
    "L": "LU",
}
EXTRA_GROUPS = ("HN", "UE", "LE", "CA", "B")
_CODE = re.compile(r"^([A-Z]{1,3})(\d{1,2})$")
_EXTRA = re.compile(r"^EX(HN|UE|LE|CA|B)(\d{1,2})$")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Hégǔ' -> 'hegu'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise_code(text: str) -> str | None:
    """The canonical WHO form of an acupoint code, or None if ``text`` is not one."""
    compact = _SEPARATORS.sub("", fold(text)).upper()
    extra = _EXTRA.match(compact)
    if extra:
        return f"EX-{extra.group(1)}{int(extra.group(2))}"
    match = _CODE.match(compact)
    if match and match.group(1) in CHANNELS:
        return f"{CHANNELS[match.group(1)]}{int(match.group(2))}"
    return None


def code_token(code: str) -> str:
    """The single search token a code is indexed under: 'EX-HN5' -> 'exhn5'."""
    return _SEPARATORS.sub("", code).lower()


def words(text: str) -> list[str]:
    """The folded words of a text, as the index tokenises them."""
    return _WORD.findall(fold(text))


def prefix_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word must match, as a prefix."""
    tokens = words(text)
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)
