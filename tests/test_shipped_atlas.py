"""The shipped atlas: complete, safe and consistent, as a clinical reference must be."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tpatlas import resources
from tpatlas.content.drawing import read_drawing
from tpatlas.core.geometry import polygon_contains
from tpatlas.core.lookup import ReferralIndex
from tpatlas.core.model import REGIONS, Atlas
from tpatlas.storage.atlas_store import AtlasStore

REQUIRED_AREAS = [
    "forehead",
    "temple",
    "vertex",
    "occiput",
    "orbit",
    "eyebrow",
    "cheek",
    "nose",
    "upper-teeth",
    "lower-teeth",
    "jaw-angle",
    "tmj",
    "ear",
    "throat",
    "posterior-neck",
    "lateral-neck",
    "shoulder-top",
    "medial-scapula",
    "anterior-shoulder",
    "posterior-shoulder",
    "lateral-arm",
    "lateral-epicondyle",
    "chest",
    "thumb",
    "index-finger",
    "middle-finger",
    "little-finger",
    "palm",
    "dorsum-hand",
    "wrist",
    "heel",
    "instep",
    "sole",
    "forefoot-sole",
    "dorsum-foot",
    "big-toe",
    "lateral-foot",
]
REQUIRED_ACUPOINTS = [
    "GV20",
    "EX-HN3",
    "EX-HN5",
    "BL2",
    "GB8",
    "ST8",
    "GB5",
    "GB14",
    "TE21",
    "TE23",
    "GB20",
    "BL10",
    "GV16",
    "GB21",
    "LI4",
    "SI3",
    "TE5",
    "PC6",
    "HT7",
    "LU7",
    "LR3",
    "GB41",
    "KI1",
    "BL60",
    "BL67",
    "ST44",
    "SP4",
]
REQUIRED_MUSCLES = [
    "temporalis",
    "masseter",
    "lateral-pterygoid",
    "medial-pterygoid",
    "frontalis",
    "occipitalis",
    "orbicularis-oculi",
    "zygomaticus-major",
    "suboccipital",
    "splenius-capitis",
    "splenius-cervicis",
    "semispinalis-capitis",
    "sternocleidomastoid",
    "scalen",
    "levator-scapulae",
    "trapezius",
    "supraspinatus",
    "infraspinatus",
    "teres-minor",
    "deltoid",
    "rhomboid",
    "pectoralis-major",
    "subscapularis",
    "first-dorsal-interosseous",
    "adductor-pollicis",
    "opponens-pollicis",
    "abductor-digiti-minimi",
    "extensor-digitorum",
    "extensor-carpi-radialis",
    "abductor-hallucis",
    "flexor-digitorum-brevis",
    "extensor-digitorum-brevis",
    "quadratus-plantae",
    "dorsal-inteross",
]
REQUIRED_TECHNIQUES = [
    "tp-pressure-release",
    "ischaemic-compression",
    "myofascial-release",
    "deep-stroking",
    "kneading",
    "effleurage",
    "tapotement",
    "cross-fibre-friction",
    "acupressure",
    "passive-stretch",
    "active-rom",
    "post-isometric-relaxation",
    "positional-release",
    "suboccipital-release",
    "self-care-ball",
    "self-care-hand",
]
REQUIRED_CONDITIONS = [
    "migraine",
    "migraine-with-aura",
    "migraine-without-aura",
    "tension-type-headache",
    "cervicogenic-headache",
    "temporomandibular-disorder",
    "stiff-neck",
    "shoulder-pain",
    "hand-thumb-pain",
    "heel-foot-pain",
]
PREGNANCY_POINTS = ["li4", "gb21", "bl60", "bl67", "sp6"]


@pytest.fixture(scope="module")
def atlas(shipped_db: Path) -> Atlas:
    with AtlasStore(shipped_db) as store:
        return store.read_atlas()


def test_at_least_100_points_and_12_per_region(atlas: Atlas) -> None:
    assert len(atlas.points) >= 100
    per_region = Counter(p.region for p in atlas.points.values())
    assert all(per_region[r] >= 12 for r in REGIONS), per_region


def test_required_vocabularies_are_present(atlas: Atlas) -> None:
    assert set(REQUIRED_AREAS) <= set(atlas.areas)
    assert set(REQUIRED_TECHNIQUES) <= set(atlas.techniques)
    assert set(REQUIRED_CONDITIONS) <= set(atlas.conditions)
    codes = {p.code for p in atlas.points.values()}
    assert set(REQUIRED_ACUPOINTS) <= codes


def test_every_required_muscle_has_trigger_points(atlas: Atlas) -> None:
    texts = [
        f"{p.id} {p.name} {p.muscle}".replace("-", " ").lower()
        for p in atlas.points.values()
        if p.kind == "trigger_point"
    ]
    missing = [m for m in REQUIRED_MUSCLES if not any(m.replace("-", " ") in t for t in texts)]
    assert missing == []


def test_trigger_point_divisions_are_separate_entries(atlas: Atlas) -> None:
    masseter = [p for p in atlas.points.values() if p.muscle and "masseter" in p.muscle.lower()]
    scm = [p for p in atlas.points.values() if p.muscle and "sternocleidomastoid" in p.muscle.lower()]
    assert len(masseter) >= 2 and any("deep" in p.id for p in masseter)
    divisions = " ".join(f"{p.division} {p.name}" for p in scm).lower()
    assert "sternal" in divisions and "clavicular" in divisions
    assert {"upper-trapezius-tp1", "upper-trapezius-tp2"} <= set(atlas.points)


def test_every_point_carries_the_clinical_minimum(atlas: Atlas) -> None:
    for p in atlas.points.values():
        assert p.location and p.palpation and p.region, p.id
        assert len(p.techniques) >= 2 and all(u.note for u in p.techniques), p.id
        assert p.cautions and p.citations, p.id
        if p.kind == "trigger_point":
            assert p.referral and p.referral.primary, p.id
        else:
            assert p.code, p.id


def test_every_technique_is_complete(atlas: Atlas) -> None:
    for t in atlas.techniques.values():
        assert t.cautions and t.contraindications and t.citations, t.id
        assert t.steps and t.pressure and t.dosage.text and t.positioning and t.client_feel, t.id


def test_head_and_neck_points_warn_of_red_flag_headache(atlas: Atlas) -> None:
    missing = [
        p.id
        for p in atlas.points.values()
        if p.region in ("head", "neck")
        and "red-flag-headache" not in {c.topic for c in (*p.cautions, *p.contraindications)}
    ]
    assert missing == []


def test_points_traditionally_avoided_in_pregnancy_say_so(atlas: Atlas) -> None:
    for point_id in PREGNANCY_POINTS:
        topics = {
            c.topic for c in (*atlas.points[point_id].cautions, *atlas.points[point_id].contraindications)
        }
        assert "pregnancy" in topics, point_id


def test_sternocleidomastoid_warns_of_the_carotid(atlas: Atlas) -> None:
    for p in atlas.points.values():
        if p.muscle and "sternocleidomastoid" in p.muscle.lower():
            assert "anterior-neck" in {c.topic for c in p.cautions}, p.id


def test_yintang_codes_name_their_standards(atlas: Atlas) -> None:
    yintang = next(p for p in atlas.points.values() if p.name == "Yintang")
    assert yintang.alternative_codes
    assert all(a.standard and a.citation.source_id for a in yintang.alternative_codes)


def test_temple_lookup_lists_temporalis_and_upper_trapezius_first(atlas: Atlas) -> None:
    hits = ReferralIndex(atlas).referrers(["temple"])
    primary = [h.point.id for h in hits if h.zone == "primary"]
    assert {"temporalis-tp1", "upper-trapezius-tp1"} <= set(primary)
    zones = [h.zone for h in hits]
    assert zones == sorted(zones, key=lambda z: z != "primary")


def test_conditions_list_points_with_evidence(atlas: Atlas) -> None:
    for condition_id in REQUIRED_CONDITIONS:
        assert atlas.points_for_condition(condition_id), condition_id
    assert atlas.conditions["migraine"].evidence


@pytest.mark.parametrize("query", ["hegu", "li 4", "LI-4", "Hégǔ"])
def test_search_puts_li4_first(shipped_store: AtlasStore, query: str) -> None:
    assert shipped_store.search(query)[0].id == "li4"


def test_gb20_found_by_code_and_name(shipped_store: AtlasStore) -> None:
    assert shipped_store.search("gb 20")[0].id == "gb20"
    assert shipped_store.search("fengchi")[0].id == "gb20"


def test_every_point_is_placed_on_a_view(atlas: Atlas) -> None:
    unplaced = sorted(p.id for p in atlas.points.values() if not p.placements)
    assert unplaced == []


def test_every_placement_lies_on_the_body(atlas: Atlas) -> None:
    outside = []
    for view in atlas.views.values():
        silhouette = read_drawing(resources.drawings_dir() / view.drawing).silhouette
        for point, placement in atlas.points_on_view(view.id):
            if not any(polygon_contains(poly, placement.x, placement.y) for poly in silhouette):
                outside.append(f"{view.id}:{point.id}")
    assert outside == []


def test_views_draw_the_areas_of_their_regions(atlas: Atlas) -> None:
    drawn = {shape.area_id for view in atlas.views.values() for shape in view.shapes}
    assert set(REQUIRED_AREAS) <= drawn


def test_cli_export_and_check_on_the_shipped_atlas(run_cli: Callable[..., CliResult]) -> None:
    exported = run_cli("export", "--json").json()
    assert len(exported["points"]) >= 100 and len(exported["techniques"]) >= 15
    assert run_cli("check").code == 0
    temple = run_cli("lookup", "temple", "--json").json()
    assert temple["points"][0]["zone"] == "primary"
