"""Small, safe HTML builders the detail pages are made of.

Every piece of content text goes through :func:`esc`; the only links made are
internal ``tpatlas://`` links and DOI links the user must confirm before any
browser opens. Colours come from the theme, sizes from the page's base size.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from tpatlas.core.model import Atlas, Caution, Citation
from tpatlas.gui.entry_ref import EntryRef, timer_link
from tpatlas.gui.theme import Theme

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PREGNANCY = "pregnancy"


@dataclass(frozen=True, slots=True)
class PageStyle:
    """How a page is drawn: the theme and the body text size in points."""

    theme: Theme
    base_pt: float = 10.5
    hanzi: bool = True  # False when no installed font can draw Chinese characters

    def pt(self, scale: float) -> str:
        return f"{self.base_pt * scale:.1f}pt"


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def default_style_sheet(style: PageStyle) -> str:
    """The document style sheet every page shares."""
    t = style.theme
    return (
        f"body {{ color: {t.text}; font-size: {style.pt(1)}; }}"
        f"a {{ color: {t.accent}; text-decoration: none; }}"
        f".title {{ font-size: {style.pt(1.6)}; font-weight: 700; margin-top: 2px; margin-bottom: 2px; }}"
        f".heading {{ font-size: {style.pt(0.82)}; font-weight: 700; color: {t.muted};"
        " margin-top: 20px; margin-bottom: 5px; }"
        "p { margin-top: 0px; margin-bottom: 6px; line-height: 135%; }"
        "li { margin-bottom: 4px; line-height: 130%; }"
        f".sub {{ color: {t.muted}; font-size: {style.pt(1.0)}; margin-bottom: 6px; }}"
        f".muted {{ color: {t.muted}; }}"
        f".small {{ font-size: {style.pt(0.9)}; }}"
    )


def link(ref: EntryRef, text: str) -> str:
    return f'<a href="{esc(ref.link())}">{esc(text)}</a>'


def section(title: str, body: str) -> str:
    return f'<p class="heading">{esc(title.upper())}</p>{body}' if body else ""


def paragraph(text: str | None, css_class: str = "") -> str:
    if not text:
        return ""
    cls = f' class="{css_class}"' if css_class else ""
    return f"<p{cls}>{esc(text)}</p>"


def bullets(items: Iterable[str], ordered: bool = False) -> str:
    """A list of already-built HTML items."""
    built = "".join(f"<li>{item}</li>" for item in items)
    if not built:
        return ""
    tag = "ol" if ordered else "ul"
    return f'<{tag} style="margin-top:0px; margin-bottom:6px; -qt-list-indent: 1;">{built}</{tag}>'


def hold_chips(seconds: Iterable[int], style: PageStyle) -> str:
    """Links that start the hold timer, drawn as small buttons."""
    t = style.theme
    chips = [
        f'<a href="{timer_link(s)}" style="background-color:{t.accent}; color:{t.panel};'
        f' font-weight:600;">&nbsp;▶&nbsp;{_duration(s).replace(" ", "&nbsp;")}&nbsp;</a>'
        for s in seconds
    ]
    return "&nbsp; ".join(chips)


def _duration(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def _box(rows: list[str], background: str, border: str) -> str:
    cells = "".join(f"<tr><td>{row}</td></tr>" for row in rows)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" style="background-color:{background};'
        f' border-style: solid; border-width: 1px; border-color:{border}; margin-bottom: 8px;">'
        f"{cells}</table>"
    )


def safety_box(
    cautions: tuple[Caution, ...],
    contraindications: tuple[Caution, ...],
    atlas: Atlas,
    style: PageStyle,
) -> str:
    """The coloured box at the top of a page: pregnancy first and unmistakable, then
    contraindications, then cautions."""
    t = style.theme
    rows: list[str] = []
    pregnancy = [c for c in contraindications if c.topic == PREGNANCY]
    pregnancy_caution = [c for c in cautions if c.topic == PREGNANCY]
    if pregnancy:
        rows.append(
            f'<table width="100%" cellspacing="0" cellpadding="6" style="background-color:{t.danger};">'
            f'<tr><td style="color:{t.panel};"><span style="font-size:{style.pt(1.15)}; font-weight:700;">'
            f"⚠ NOT IN PREGNANCY</span><br>{esc(pregnancy[0].text)}</td></tr></table>"
        )
    elif pregnancy_caution:
        rows.append(
            f'<span style="color:{t.danger}; font-weight:700;">⚠ Pregnancy: take care</span><br>'
            f'<span style="color:{t.caution_text};">{esc(pregnancy_caution[0].text)}</span>'
        )
    others = [c for c in contraindications if c.topic != PREGNANCY]
    if others:
        rows.append(_caution_list("Contraindications", others, atlas, style, t.danger))
    rest = [c for c in cautions if c.topic != PREGNANCY]
    if rest:
        rows.append(_caution_list("Cautions", rest, atlas, style, t.caution_text))
    if not rows:
        return ""
    return _box(rows, t.caution_bg, t.danger if (pregnancy or others) else t.caution_text)


def _caution_list(title: str, items: list[Caution], atlas: Atlas, style: PageStyle, colour: str) -> str:
    t = style.theme
    lines = []
    for c in items:
        topic = atlas.safety.get(c.topic)
        name = topic.title if topic else c.topic
        lines.append(f"<b>{esc(name)}.</b> {esc(c.text)}")
    body = "<br>".join(
        f'<span style="color:{t.caution_text}; font-size:{style.pt(0.93)};">{line}</span>' for line in lines
    )
    return (
        f'<span style="color:{colour}; font-weight:700; font-size:{style.pt(0.86)};'
        f' text-transform: uppercase;">{esc(title)}</span><br>{body}'
    )


def red_flags_box(flags: tuple[str, ...], style: PageStyle) -> str:
    if not flags:
        return ""
    t = style.theme
    body = "<br>".join(f'<span style="color:{t.caution_text};">• {esc(f)}</span>' for f in flags)
    title = (
        f'<span style="color:{t.danger}; font-weight:700;">⚠ Red flags: refer to a physician before any '
        f"manual therapy</span>"
    )
    return _box([f"{title}<br>{body}"], t.caution_bg, t.danger)


def citation_text(citation: Citation, atlas: Atlas) -> str:
    """One full citation, with its locator and a DOI link if it has one."""
    source = atlas.sources.get(citation.source_id)
    if source is None:
        return esc(citation.source_id)
    text = esc(source.citation)
    if citation.locator:
        text += f' <span class="muted">({esc(citation.locator)})</span>'
    if source.doi and DOI.match(source.doi):
        href = "https://doi.org/" + quote(source.doi, safe="/.()-_;:")
        text += f' <a href="{esc(href)}">doi:{esc(source.doi)}</a>'
    return text


def sources_section(citations: Iterable[Citation], atlas: Atlas) -> str:
    seen: dict[tuple[str, str | None], Citation] = {}
    for c in citations:
        seen.setdefault((c.source_id, c.locator), c)
    items = [f'<span class="small">{citation_text(c, atlas)}</span>' for c in seen.values()]
    return section("Sources", bullets(items, ordered=True))
