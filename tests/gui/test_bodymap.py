"""The body map: clicks give ids, hover gives names, zoom keeps markers readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QToolTip
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tpatlas.gui.bodymap import marker_layer
from tpatlas.gui.bodymap.items import MarkerItem, ZoneItem
from tpatlas.gui.bodymap.scene import BodyMapScene
from tpatlas.gui.bodymap.widget import BodyMapWidget
from tpatlas.gui.theme import DARK, LIGHT
from tpatlas.library import Library, PainLookup


def make_map(qtbot: QtBot, library: Library) -> BodyMapWidget:
    widget = BodyMapWidget(library, LIGHT)
    qtbot.addWidget(widget)
    widget.resize(700, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_clicking_each_marker_emits_its_id(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    widget.zoom_in()  # spread the markers so that each is clickable on its own
    widget.zoom_in()
    clicked: list[str] = []
    widget.point_activated.connect(clicked.append)
    visible = []
    for point_id in widget.scene().markers:
        pos = widget.marker_screen_pos(point_id)
        assert pos is not None
        if not widget.viewport().rect().contains(pos):
            continue
        nearest = widget.map_view().marker_at(pos)
        if nearest is None or nearest.point.id != point_id:
            continue  # another marker sits on top at this zoom; the list covers it
        visible.append(point_id)
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert visible, "some markers are on screen"
    assert clicked == visible


def test_click_selects_and_draws_referral_zones(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    pos = widget.marker_screen_pos("point-1")
    with qtbot.waitSignal(widget.point_activated) as signal:
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert signal.args == ["point-1"]
    assert widget.scene().markers["point-1"].selected
    assert widget.scene().zone_styles() == ["spillover", "primary"]


def test_hover_shows_name_and_code(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    marker = widget.scene().markers["point-0"]
    assert "LU1" in marker.toolTip() and marker.point.name in marker.toolTip()
    pos = widget.marker_screen_pos("point-0")
    qtbot.mouseMove(widget.viewport(), pos)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "LU1" in QToolTip.text(), timeout=3000)


def test_trigger_points_and_acupoints_differ_in_shape(synthetic_library: Library) -> None:
    atlas = synthetic_library.atlas
    circle = MarkerItem(atlas.points["point-1"], LIGHT)._symbol(7).elementCount()
    diamond = MarkerItem(atlas.points["point-0"], LIGHT)._symbol(7).elementCount()
    assert circle != diamond


def test_zoom_keeps_markers_screen_size(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    view = widget.map_view()
    marker = widget.scene().markers["point-3"]
    before = view.mapFromScene(marker.sceneBoundingRect()).boundingRect().width()
    size_before = marker.deviceTransform(view.viewportTransform()).mapRect(marker.boundingRect()).width()
    for _ in range(4):
        widget.zoom_in()
    assert widget.zoom_factor() > 2
    size_after = marker.deviceTransform(view.viewportTransform()).mapRect(marker.boundingRect()).width()
    assert abs(size_after - size_before) < 0.5
    assert before > 0


def test_keyboard_moves_between_points_and_enter_selects(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    view = widget.map_view()
    view.setFocus()
    first = view.ordered_markers()[0].point.id
    second = view.ordered_markers()[1].point.id
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused_marker_id() == first
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.focused_marker_id() == second
    assert view.accessibleDescription().startswith(synthetic_library.atlas.points[second].label)
    with qtbot.waitSignal(widget.point_activated) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [second]
    assert widget.points_list().currentIndex().data(Qt.ItemDataRole.UserRole) == second


def test_plain_list_stays_in_step_and_passes_model_tests(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    ModelTester(qtbot).check(widget.points_list().model())
    assert widget.points_list().model().rowCount() == len(widget.scene().markers)
    widget.select_point("point-5")
    assert widget.points_list().currentIndex().data(Qt.ItemDataRole.UserRole) == "point-5"


def test_where_does_it_hurt_lists_referrers_primary_first(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    widget.set_pain_mode(True)
    view = widget.map_view()
    # the centre of grid cell (1, 1) of the synthetic drawing
    target = view.mapFromScene(widget.scene().drawing_width * 1.5 / 6, 1000 * 1.5 / 6)
    # choose a spot with no marker under it
    spot = next(
        target + QPoint(dx, dy)
        for dx in range(0, 30, 3)
        for dy in range(0, 30, 3)
        if view.marker_at(target + QPoint(dx, dy)) is None
    )
    with qtbot.waitSignal(widget.pain_looked_up) as signal:
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    lookup: PainLookup = signal.args[0]
    assert lookup.areas == ("zone-1-1",)
    expected = synthetic_library.referrals.referrers(["zone-1-1"])
    assert [h.point.id for h in lookup.hits] == [h.point.id for h in expected]
    zones = [h.zone for h in lookup.hits]
    assert zones == sorted(zones, key=lambda z: z != "primary")
    assert widget.scene().zone_styles() == ["pain"]
    highlighted = {pid for pid, m in widget.scene().markers.items() if m.highlighted}
    assert highlighted == {h.point.id for h in lookup.hits}


def test_highlight_marks_a_set_and_dims_the_rest(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    widget.highlight(["point-2", "point-4"])
    markers = widget.scene().markers
    assert markers["point-2"].highlighted and markers["point-4"].highlighted
    assert markers["point-6"].dimmed
    widget.highlight([])
    assert not any(m.dimmed for m in markers.values())


@pytest.mark.parametrize("kept", [False, True], ids=["painted", "kept picture"])
def test_highlighted_markers_are_drawn_bright_over_the_dimmed_rest(
    qtbot: QtBot, synthetic_library: Library, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    # a crowded view keeps the picture of its markers; this one does when told to
    monkeypatch.setattr(marker_layer, "CACHED_FROM", 0 if kept else 10**9)
    widget = make_map(qtbot, synthetic_library)
    layer = next(item for item in widget.scene().items() if isinstance(item, marker_layer.MarkerLayer))
    assert (layer.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache) is kept
    widget.zoom_in()  # markers apart from each other
    widget.zoom_in()
    markers = widget.scene().markers
    on_screen = [
        pid
        for pid, marker in markers.items()
        if widget.viewport().rect().adjusted(20, 20, -20, -20).contains(widget.marker_screen_pos(pid))
        and marker.point.kind == "trigger_point"
    ]
    first, second = on_screen[:2]

    def fill_at(point_id: str) -> QColor:
        image = widget.viewport().grab().toImage()
        pos = widget.marker_screen_pos(point_id)
        ratio = image.devicePixelRatio()
        return image.pixelColor(round(pos.x() * ratio), round(pos.y() * ratio))

    plain = fill_at(first)
    widget.highlight([first])
    assert fill_at(first) == plain, "the highlighted marker keeps its full colour"
    dimmed = fill_at(second)
    assert dimmed != plain and dimmed.lightness() > plain.lightness(), "the others fade"
    widget.highlight([second])  # the cached picture of the markers is not stale
    assert fill_at(second) == plain
    assert fill_at(first) == dimmed
    widget.highlight([])
    assert fill_at(first) == plain and fill_at(second) == plain


def test_theme_switch_repaints_without_rebuilding(qtbot: QtBot, synthetic_library: Library) -> None:
    widget = make_map(qtbot, synthetic_library)
    markers = dict(widget.scene().markers)
    widget.set_theme(DARK)
    assert widget.scene().markers == markers
    image = widget.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.lightness() < 100, "the dark theme paints the drawing dark"


def test_referral_is_drawn_on_the_side_of_the_point(qtbot: QtBot, shipped_library: Library) -> None:
    widget = make_map(qtbot, shipped_library)
    widget.set_view("head-front")
    widget.select_point("temporalis-tp1")
    scene = widget.scene()
    marker = scene.markers["temporalis-tp1"].pos()
    mirrored = QPointF(scene.drawing_width - marker.x(), marker.y())
    zones = [item for item in scene.items() if item.__class__.__name__ == "ZoneItem"]
    assert any(zone.contains(marker) for zone in zones), "the temple under the point is filled"
    assert not any(zone.contains(mirrored) for zone in zones), "the other temple stays clear"


def test_a_scene_of_one_marker_draws_referral_on_the_same_side(shipped_library: Library, qapp) -> None:  # type: ignore[no-untyped-def]
    """The referral pictures draw a view with only the page's point; for a point not placed
    on that view, its side is still worked out from all the view's points."""
    atlas = shipped_library.atlas
    point = atlas.points["subscapularis"]
    view = atlas.views["upper-back"]
    assert all(p.view_id != view.id for p in point.placements)

    def zone_paths(only: list[str] | None) -> list[QRectF]:
        scene = BodyMapScene(atlas, LIGHT, shipped_library.drawings_dir)
        scene.show_view(view, only=only)
        scene.show_referral(point)
        return [item.boundingRect() for item in scene.items() if isinstance(item, ZoneItem)]

    assert zone_paths([point.id]) == zone_paths(None)
