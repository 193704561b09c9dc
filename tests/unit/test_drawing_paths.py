"""The build reads body areas from the SVG drawings as polygons."""

from pathlib import Path

import pytest

from tpatlas.content.drawing import DrawingError, path_to_polygons, read_drawing
from tpatlas.core.geometry import polygon_contains


def test_absolute_rectangle() -> None:
    (poly,) = path_to_polygons("M10 10 H110 V60 H10 Z")
    assert polygon_contains(poly, 50, 30)
    assert not polygon_contains(poly, 150, 30)


def test_relative_commands_and_curves() -> None:
    (poly,) = path_to_polygons("m10,10 l100,0 c10,20 10,30 0,50 l-100,0 z")
    assert polygon_contains(poly, 60, 35)
    assert max(x for x, _ in poly) > 110  # the curve bulges out to the right


def test_two_subpaths_are_two_polygons() -> None:
    assert len(path_to_polygons("M0 0 L10 0 L10 10 Z M20 20 L30 20 L30 30 Z")) == 2


def test_arcs_are_refused_with_a_reason() -> None:
    with pytest.raises(DrawingError, match="not supported"):
        path_to_polygons("M0 0 A10 10 0 0 1 20 0 Z")


def test_drawing_without_viewbox_is_an_error(tmp_path: Path) -> None:
    svg = tmp_path / "x.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><g id="areas"/></svg>')
    with pytest.raises(DrawingError, match="viewBox"):
        read_drawing(svg)


def test_areas_are_normalised_and_copies_share_an_id(tmp_path: Path) -> None:
    svg = tmp_path / "x.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
        '<g id="areas"><path id="temple" d="M0 0 H100 V100 H0 Z"/>'
        '<path id="temple--2" d="M100 0 H200 V100 H100 Z"/></g></svg>'
    )
    drawing = read_drawing(svg)
    assert drawing.aspect == 2.0
    assert [a for a, _ in drawing.areas] == ["temple", "temple"]
    assert max(x for _, poly in drawing.areas for x, _ in poly) == pytest.approx(1.0)
