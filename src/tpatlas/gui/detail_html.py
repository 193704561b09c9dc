"""The pages of the detail panel: a point, a technique, a condition, as safe HTML.

Pages link both ways: a point lists its techniques and conditions, a technique
the points that use it, a condition its points with the evidence for each.
"""

from __future__ import annotations

from dataclasses import dataclass

from tpatlas.core.model import KIND_LABELS, Atlas, Condition, Point, Technique
from tpatlas.gui.entry_ref import EntryRef, map_link
from tpatlas.gui.html_parts import (
    PageStyle,
    bullets,
    esc,
    hold_chips,
    link,
    paragraph,
    red_flags_box,
    safety_box,
    section,
    sources_section,
)

STRENGTH_ORDER = {"strong": 0, "moderate": 1, "limited": 2, "traditional": 3}
VARY_NOTE = "Referral patterns vary between people: a map to test by palpation, not a diagnosis."


def _title(title: str, subtitle: list[str]) -> str:
    sub = " · ".join(esc(s) for s in subtitle if s)
    return f'<p class="title">{esc(title)}</p>' + (f'<p class="sub">{sub}</p>' if sub else "")


def _area_names(atlas: Atlas, area_ids: tuple[str, ...]) -> str:
    return ", ".join(atlas.areas[a].name if a in atlas.areas else a for a in area_ids)


@dataclass(frozen=True, slots=True)
class Picture:
    """An image the page shows, served by the browser's image provider."""

    url: str
    width: int
    height: int
    caption: str = ""


def _has_hanzi(text: str) -> bool:
    return any(0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF or ord(c) >= 0x20000 for c in text)


def _aliases(aliases: tuple[str, ...], style: PageStyle) -> str:
    shown = [a for a in aliases if style.hanzi or not _has_hanzi(a)]
    return paragraph("Also known as " + ", ".join(shown), "muted small") if shown else ""


def point_page(point: Point, atlas: Atlas, style: PageStyle, referral_image: Picture | None = None) -> str:
    """The page of one point. ``referral_image`` is a small map of its referral zone."""
    subtitle = [
        point.english_name or "",
        (point.hanzi or "") if style.hanzi else "",
        KIND_LABELS.get(point.kind, point.kind),
        point.region.capitalize(),
        (point.muscle or "") + (f", {point.division}" if point.muscle and point.division else ""),
    ]
    codes = ", ".join(f"{a.code} ({a.standard})" for a in point.alternative_codes)
    parts = [
        _title(point.label, subtitle),
        safety_box(point.cautions, point.contraindications, atlas, style),
        paragraph(f"Also coded {codes}", "muted") if codes else "",
        _aliases(point.aliases, style),
        f'<p><a href="{map_link(point.id)}">Show on the map</a></p>' if point.placements else "",
        section("Location", paragraph(point.location)),
        section("How to palpate", paragraph(point.palpation)),
        _referral(point, atlas, style, referral_image),
        section("Symptoms", bullets(esc(s) for s in point.symptoms)),
        _point_techniques(point, atlas, style),
        _point_conditions(point, atlas),
        sources_section(point.citations, atlas),
    ]
    return "".join(parts)


def _referral(point: Point, atlas: Atlas, style: PageStyle, image: Picture | None) -> str:
    ref = point.referral
    if ref is None:
        return ""
    t = style.theme
    text = [
        f'<span style="color:{t.primary_zone}; font-weight:700;">■</span> <b>Primary:</b> '
        f"{esc(_area_names(atlas, ref.primary))}"
    ]
    if ref.spillover:
        text.append(
            f'<span style="color:{t.spillover_zone}; font-weight:700;">▨</span> <b>Spillover:</b> '
            f"{esc(_area_names(atlas, ref.spillover))}"
        )
    body = "<br>".join(text) + f'<p style="margin-top:6px;">{esc(ref.description)}</p>'
    body += f'<p class="muted small">{esc(VARY_NOTE)}</p>'
    if image:
        body = (
            '<table cellspacing="0" cellpadding="0"><tr>'
            f'<td style="padding-right:14px;" valign="top" align="center">'
            f'<img src="{esc(image.url)}" width="{image.width}" height="{image.height}">'
            f'<br><span class="muted small">{esc(image.caption)}</span></td>'
            f'<td valign="top">{body}</td></tr></table>'
        )
    return section("Referral", body)


def _point_techniques(point: Point, atlas: Atlas, style: PageStyle) -> str:
    items = []
    for use in point.techniques:
        technique = atlas.techniques.get(use.technique_id)
        if technique is None:
            continue
        chips = hold_chips(technique.dosage.hold_seconds, style)
        head = f"<b>{link(EntryRef('technique', technique.id), technique.name)}</b>"
        items.append(f'<p style="margin-bottom:2px;">{head} &nbsp; {chips}</p>{paragraph(use.note)}')
    return section("Techniques", "".join(items))


def _point_conditions(point: Point, atlas: Atlas) -> str:
    items = []
    uses = sorted(point.conditions, key=lambda u: STRENGTH_ORDER.get(u.strength, 9))
    for use in uses:
        condition = atlas.conditions.get(use.condition_id)
        if condition is None:
            continue
        head = (
            f"<b>{link(EntryRef('condition', condition.id), condition.name)}</b>"
            f' <span class="muted">· {esc(use.strength)} evidence</span>'
        )
        items.append(f'<p style="margin-bottom:2px;">{head}</p>{paragraph(use.note)}')
    return section("Conditions", "".join(items))


def technique_page(technique: Technique, atlas: Atlas, style: PageStyle) -> str:
    dosage = paragraph(technique.dosage.text)
    if technique.dosage.repetitions:
        dosage += paragraph(f"Repetitions: {technique.dosage.repetitions}")
    if technique.dosage.hold_seconds:
        dosage += f"<p>Hold timer: &nbsp;{hold_chips(technique.dosage.hold_seconds, style)}</p>"
    parts = [
        _title(technique.name, [technique.category.capitalize() + " technique"]),
        safety_box(technique.cautions, technique.contraindications, atlas, style),
        paragraph("Also known as " + ", ".join(technique.aliases), "muted small")
        if technique.aliases
        else "",
        section("Purpose", paragraph(technique.purpose)),
        section("Steps", bullets((esc(s) for s in technique.steps), ordered=True)),
        section("Pressure", paragraph(technique.pressure)),
        section("Dosage", dosage),
        section("Positioning", paragraph(technique.positioning)),
        section("What the client should feel", paragraph(technique.client_feel)),
        section("Self-care variant", paragraph(technique.self_care)),
        _technique_points(technique, atlas),
        sources_section(technique.citations, atlas),
    ]
    return "".join(parts)


def _technique_points(technique: Technique, atlas: Atlas) -> str:
    by_region: dict[str, list[Point]] = {}
    for point in atlas.points_using_technique(technique.id):
        by_region.setdefault(point.region, []).append(point)
    rows = []
    for region in sorted(by_region):
        links = ", ".join(
            link(EntryRef("point", p.id), p.label) for p in sorted(by_region[region], key=lambda p: p.label)
        )
        rows.append(f"<p><b>{esc(region.capitalize())}:</b> {links}</p>")
    count = sum(len(v) for v in by_region.values())
    return section(f"Points that use it ({count})", "".join(rows))


def condition_page(condition: Condition, atlas: Atlas, style: PageStyle) -> str:
    subtitle = [condition.classification or ""]
    family = []
    if condition.parent and condition.parent in atlas.conditions:
        parent = atlas.conditions[condition.parent]
        family.append("A form of " + link(EntryRef("condition", parent.id), parent.name))
    subtypes = [c for c in atlas.conditions.values() if c.parent == condition.id]
    if subtypes:
        family.append("Forms: " + ", ".join(link(EntryRef("condition", c.id), c.name) for c in subtypes))
    parts = [
        _title(condition.name, subtitle),
        red_flags_box(condition.red_flags, style),
        "".join(f"<p>{f}</p>" for f in family),
        paragraph("Also known as " + ", ".join(condition.aliases), "muted small")
        if condition.aliases
        else "",
        section("Description", paragraph(condition.description)),
        _condition_points(condition, atlas),
        section("Evidence", paragraph(condition.evidence)),
        sources_section(condition.citations, atlas),
    ]
    return "".join(parts)


def _condition_points(condition: Condition, atlas: Atlas) -> str:
    related = atlas.related_conditions(condition.id)
    rows: list[tuple[int, str, str]] = []
    for point in atlas.points_for_condition(condition.id):
        uses = [u for u in point.conditions if u.condition_id in related]
        best = min(uses, key=lambda u: STRENGTH_ORDER.get(u.strength, 9))
        note = next((u.note for u in uses if u.note), None)
        head = (
            f"<b>{link(EntryRef('point', point.id), point.label)}</b>"
            f' <span class="muted">· {esc(best.strength)} evidence</span>'
        )
        entry = f'<p style="margin-bottom:2px;">{head}</p>' + paragraph(note, "small")
        rows.append((STRENGTH_ORDER.get(best.strength, 9), point.label, entry))
    rows.sort()
    body = "".join(r[2] for r in rows)
    hint = paragraph("All of them are highlighted on the map.", "muted small") if rows else ""
    return section(f"Points ({len(rows)})", hint + body)
