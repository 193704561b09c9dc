"""Every kind of content mistake is caught and named: file, entry, field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tpatlas.content.errors import ContentError
from tpatlas.content.validate import load_atlas


def edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_atlas(content)
    return [str(p) for p in caught.value.problems]


def first_point(data: dict[str, Any], kind: str = "trigger_point") -> dict[str, Any]:
    return next(p for p in data["points"] if p["kind"] == kind)


def test_synthetic_content_is_valid(synthetic_content: Path) -> None:
    atlas = load_atlas(synthetic_content)
    assert len(atlas.points) == 30
    assert all(p.placements for p in atlas.points.values())


def test_misspelt_technique_names_file_entry_and_id(synthetic_content: Path) -> None:
    head = synthetic_content / "points" / "head.yaml"
    edit(head, lambda d: d["points"][0]["techniques"][0].update(id="presss"))
    (line,) = problems(synthetic_content)
    assert line.endswith("head.yaml: point point-0: unknown technique 'presss'")


def test_unknown_field(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "neck.yaml", lambda d: d["points"][0].update(colour="red"))
    (line,) = problems(synthetic_content)
    assert "neck.yaml: point point-1: unknown field 'colour'" in line


def test_wrong_type(synthetic_content: Path) -> None:
    edit(
        synthetic_content / "techniques" / "techniques.yaml",
        lambda d: d["techniques"][0]["dosage"].update(hold_seconds=["a minute"]),
    )
    (line,) = problems(synthetic_content)
    assert "techniques.yaml: technique press: field 'dosage.hold_seconds[0]'" in line


def test_missing_required_field(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "hand.yaml", lambda d: d["points"][0].pop("palpation"))
    (line,) = problems(synthetic_content)
    assert "hand.yaml: point point-3: missing field 'palpation'" in line


def test_duplicate_id_across_files(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "foot.yaml", lambda d: d["points"][0].update(id="point-0"))
    lines = problems(synthetic_content)
    # files are read in name order, so the later head.yaml holds the duplicate
    assert any("head.yaml: point point-0: duplicate id (also in foot.yaml)" in x for x in lines)


def test_duplicate_code(synthetic_content: Path) -> None:
    def clash(d: dict[str, Any]) -> None:
        first_point(d, "acupoint")["code"] = "LU1"

    edit(synthetic_content / "points" / "shoulder.yaml", clash)
    lines = problems(synthetic_content)
    assert any("code 'LU1' is already used by point point-0" in x for x in lines)


def test_dangling_area_source_condition_and_safety(synthetic_content: Path) -> None:
    def dangle(d: dict[str, Any]) -> None:
        p = first_point(d)
        p["referral"]["primary"] = ["nowhere"]
        p["sources"] = [{"id": "missing-book"}]
        p["conditions"] = [{"id": "gout", "strength": "limited"}]
        p["cautions"] = [{"topic": "spooky", "text": "Boo."}]

    edit(synthetic_content / "points" / "neck.yaml", dangle)
    text = "\n".join(problems(synthetic_content))
    for expected in (
        "unknown area 'nowhere'",
        "unknown source 'missing-book'",
        "unknown condition 'gout'",
        "unknown safety topic 'spooky'",
    ):
        assert expected in text


def test_placement_of_unknown_point(synthetic_content: Path) -> None:
    edit(
        synthetic_content / "views" / "grid.yaml",
        lambda d: d["view"]["placements"].update({"ghost": [0.5, 0.5]}),
    )
    (line,) = problems(synthetic_content)
    assert "grid.yaml: view grid: placement of unknown point 'ghost'" in line


def test_placement_outside_the_drawing(synthetic_content: Path) -> None:
    edit(
        synthetic_content / "views" / "grid.yaml",
        lambda d: d["view"]["placements"].update({"point-0": [1.5, 0.5]}),
    )
    (line,) = problems(synthetic_content)
    assert "grid.yaml: view grid: field 'placements.point-0[0]'" in line


def test_unknown_area_in_a_drawing(synthetic_content: Path) -> None:
    svg = synthetic_content.parent / "drawings" / "grid.svg"
    svg.write_text(svg.read_text().replace('id="zone-0-0"', 'id="elbow-pit"'))
    (line,) = problems(synthetic_content)
    assert "grid.svg: view grid: unknown area 'elbow-pit'" in line


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda p: p.update(techniques=p["techniques"][:1]),
            "field 'techniques': List should have at least 2",
        ),
        (lambda p: p.update(sources=[]), "field 'sources': List should have at least 1"),
        (lambda p: p.update(cautions=[]), "field 'cautions': List should have at least 1"),
        (lambda p: p.pop("referral"), "a trigger point needs a referral"),
        (lambda p: p["referral"].update(primary=[]), "field 'referral.primary': List should have at least 1"),
    ],
)
def test_clinical_rules_of_a_point(synthetic_content: Path, change: Any, message: str) -> None:
    edit(synthetic_content / "points" / "neck.yaml", lambda d: change(first_point(d)))
    assert any(message in x for x in problems(synthetic_content))


def test_acupoint_needs_a_code(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "head.yaml", lambda d: first_point(d, "acupoint").pop("code"))
    assert any("an acupoint needs its WHO code" in x for x in problems(synthetic_content))


def test_code_must_look_like_a_who_code(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "head.yaml", lambda d: first_point(d, "acupoint").update(code="Hegu"))
    assert any("is not of the form LI4" in x for x in problems(synthetic_content))


def test_technique_needs_cautions(synthetic_content: Path) -> None:
    edit(
        synthetic_content / "techniques" / "techniques.yaml", lambda d: d["techniques"][0].update(cautions=[])
    )
    assert any("technique press: field 'cautions'" in x for x in problems(synthetic_content))


def test_invalid_yaml_names_the_line(synthetic_content: Path) -> None:
    (synthetic_content / "areas" / "areas.yaml").write_text("areas:\n  - id: a\n   name: [unclosed\n")
    (line,) = problems(synthetic_content)
    assert "areas.yaml: line" in line and "invalid YAML" in line


def test_duplicate_yaml_key_is_an_error(synthetic_content: Path) -> None:
    (synthetic_content / "sources" / "sources.yaml").write_text(
        "sources:\n  - id: a\n    id: b\n    kind: book\n    citation: X.\n"
    )
    (line,) = problems(synthetic_content)
    assert "key 'id' is given twice" in line


def test_wrong_top_level_key(synthetic_content: Path) -> None:
    (synthetic_content / "conditions" / "extra.yaml").write_text("condition: []\n")
    assert any(
        "unknown top-level key 'condition' (expected 'conditions')" in x for x in problems(synthetic_content)
    )


def test_all_problems_are_reported_at_once(synthetic_content: Path) -> None:
    edit(synthetic_content / "points" / "head.yaml", lambda d: d["points"][0].update(colour="x"))
    edit(synthetic_content / "points" / "neck.yaml", lambda d: d["points"][0].update(colour="y"))
    assert len(problems(synthetic_content)) == 2
