"""The main window's workflows, end to end inside one process, on the shipped atlas."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAccessible, QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.window_harness import Data, click_link, close_window, make_window, shipped_data
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.help_dialog import ShortcutsDialog
from tpatlas.gui.main_window import MainWindow
from tpatlas.gui.theme import DARK, LIGHT
from tpatlas.storage.user_store import UserStore

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def data(tmp_path: Path, shipped_db: Path) -> Data:
    return shipped_data(tmp_path, shipped_db)


def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def highlighted(window: MainWindow) -> set[str]:
    return {pid for pid, marker in window.body_map.scene().markers.items() if marker.highlighted}


def test_search_select_open_technique_and_go_back(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    box = window.search.search_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "LI4")
    assert window.search.listed()[0] == EntryRef("point", "li4")
    assert "li4" in highlighted(window)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.detail.current() == EntryRef("point", "li4")
    assert window.body_map.scene().markers["li4"].selected
    assert window.search.results.currentIndex().row() == 0

    click_link(qtbot, window.detail.browser, EntryRef("technique", "acupressure").link())
    assert window.detail.current() == EntryRef("technique", "acupressure")
    assert "Acupressure" in window.detail.browser.toPlainText()
    assert window.timer_bar.presets() == [30, 60, 120]  # from the technique's dosage

    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.detail.current() == EntryRef("point", "li4")
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert window.detail.current() == EntryRef("technique", "acupressure")
    qtbot.mouseClick(window.detail.browser.viewport(), Qt.MouseButton.BackButton)
    assert window.detail.current() == EntryRef("point", "li4")
    qtbot.mouseClick(window.body_map.viewport(), Qt.MouseButton.ForwardButton)
    assert window.detail.current() == EntryRef("technique", "acupressure")
    assert not window.actions_.forward.isEnabled()


def test_technique_page_lists_its_points_and_selecting_one_shows_it(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.navigator.open(EntryRef("technique", "acupressure"))
    click_link(qtbot, window.detail.browser, EntryRef("point", "li4").link())
    assert window.detail.current() == EntryRef("point", "li4")
    assert window.body_map.scene().markers["li4"].selected


def test_filter_by_condition_shows_its_points_on_the_map(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    atlas = window.library.atlas
    migraine = {p.id for p in atlas.points_for_condition("migraine")}
    filters = window.search.filters
    filters.condition.setCurrentIndex(filters.condition.findData("migraine"))
    assert set(window.search.listed_point_ids()) == migraine
    on_map = set(window.body_map.scene().markers)
    assert highlighted(window) == migraine & on_map
    assert highlighted(window), "the map turned to a view that shows migraine points"
    assert window.status.text().startswith(f"Migraine: {len(migraine)} points")

    filters.region.setCurrentIndex(filters.region.findData("neck"))
    neck = {pid for pid in migraine if atlas.points[pid].region == "neck"}
    assert set(window.search.listed_point_ids()) == neck
    assert window.status.text().startswith(f"Migraine · Neck: {len(neck)} points")

    qtbot.mouseClick(filters.reset_button, Qt.MouseButton.LeftButton)
    assert not window.search.is_narrowed()
    assert highlighted(window) == set()


def test_the_status_line_counts_what_the_search_lists(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.search.search_box.setText("trapezius")
    listed = window.search.listed()
    points = {r.id for r in listed if r.kind == "point"}
    assert len(points) < len(listed), "the query finds a technique or a condition too"
    view = window.library.atlas.views[window.body_map.current_view()]
    on_view = points & set(window.body_map.scene().markers)
    assert window.status.text() == (
        f"“trapezius”: {len(listed)} results, {len(points)} points ({len(on_view)} on {view.title})"
    )
    window.search.search_box.setText("")
    placed = len(window.body_map.scene().markers)
    assert window.status.text().startswith(f"{view.title}: {placed} points · ")


def test_condition_page_highlights_its_points_and_lists_the_evidence(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.navigator.open(EntryRef("point", "upper-trapezius-tp1"))
    click_link(qtbot, window.detail.browser, EntryRef("condition", "migraine").link())
    assert window.detail.current() == EntryRef("condition", "migraine")
    migraine = {p.id for p in window.library.atlas.points_for_condition("migraine")}
    assert highlighted(window) == migraine & set(window.body_map.scene().markers)
    text = window.detail.browser.toPlainText()
    assert "moderate evidence" in text and "EVIDENCE" in text
    assert window.status.text().startswith("Migraine:")


def test_note_is_saved_as_typed_and_found_after_a_restart(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    window.navigator.open(EntryRef("point", "li4"))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.detail.notes.edit
    assert editor.hasFocus()
    with qtbot.waitSignal(window.detail.notes.note_did_change, timeout=2000):
        qtbot.keyClicks(editor, "Client prefers zebrawood oil")
    # saved without closing anything: another connection sees it (as after a crash)
    with UserStore(data.user_db, data.root / "backups") as other:
        assert other.note("point", "li4") == "Client prefers zebrawood oil"
    close_window(window)

    again = make_window(qtbot, data)
    assert again.detail.current() == EntryRef("point", "li4")  # the last selection
    assert again.detail.notes.edit.toPlainText() == "Client prefers zebrawood oil"
    again.navigator.open(EntryRef("point", "sp6"))
    again.search.focus_search()
    qtbot.keyClicks(again.search.search_box, "zebrawood")
    assert again.search.listed() == [EntryRef("point", "li4")]
    qtbot.keyClick(again.search.search_box, Qt.Key.Key_Return)
    assert again.detail.notes.edit.toPlainText() == "Client prefers zebrawood oil"


def test_leaving_the_note_saves_it_at_once(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.navigator.open(EntryRef("technique", "acupressure"))
    notes = window.detail.notes
    notes.focus_editor()
    qtbot.keyClicks(notes.edit, "thumb tires after 3 clients")
    assert notes.is_dirty()
    window.search.focus_search()  # focus leaves the editor
    qtbot.waitUntil(lambda: not notes.is_dirty(), timeout=1000)
    with UserStore(data.user_db, data.root / "backups") as other:
        assert other.note("technique", "acupressure") == "thumb tires after 3 clients"


def test_favourite_star_and_favourites_filter(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    window.navigator.open(EntryRef("point", "gb21"))
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    assert window.detail.favourite.isChecked()
    assert window.library.is_favourite("point", "gb21")
    qtbot.mouseClick(window.search.filters.favourites, Qt.MouseButton.LeftButton)
    assert window.search.listed() == [EntryRef("point", "gb21")]


def test_dark_mode_switch_repaints_everything(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.navigator.open(EntryRef("point", "li4"))
    assert QApplication.palette().window().color().name().upper() == LIGHT.window
    window.actions_.themes["dark"].trigger()
    assert QApplication.palette().window().color().name().upper() == DARK.window
    assert DARK.caution_bg.lower() in window.detail.browser.toHtml().lower()
    image = window.body_map.viewport().grab().toImage()
    assert image.pixelColor(5, 5).lightness() < 80, "the map background is dark"
    close_window(window)
    again = make_window(qtbot, data, choice=None)
    assert again.appearance.choice == "dark"
    assert again.actions_.themes["dark"].isChecked()


def test_window_remembers_size_layout_view_and_selection(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.resize(1111, 777)
    window.splitter.setSizes([300, 500, 311])
    window.navigator.open(EntryRef("point", "lr3"))
    view = window.body_map.current_view()
    sizes = window.splitter.sizes()
    close_window(window)
    again = make_window(qtbot, data, size=(1111, 777))
    assert again.body_map.current_view() == view
    assert again.detail.current() == EntryRef("point", "lr3")
    assert again.splitter.sizes() == sizes
    assert data.settings.is_file()


def test_where_does_it_hurt_lists_primary_first(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.body_map.pain_mode() and window.search.in_pain_mode()
    assert window.status.text().startswith("Where does it hurt?")
    window.body_map.set_view("head-side")
    view = window.library.atlas.views["head-side"]
    shape = next(s for s in view.shapes if s.area_id == "temple")
    x = sum(p[0] for p in shape.polygon) / len(shape.polygon)
    y = sum(p[1] for p in shape.polygon) / len(shape.polygon)
    drawing = window.body_map.scene().drawing_rect()
    spot = window.body_map.map_view().mapFromScene(x * drawing.width(), y * drawing.height())
    spot = next(
        spot + QPoint(dx, dy)
        for dx in range(0, 40, 4)
        for dy in range(0, 40, 4)
        if window.body_map.map_view().marker_at(spot + QPoint(dx, dy)) is None
    )
    with qtbot.waitSignal(window.body_map.pain_looked_up):
        qtbot.mouseClick(window.body_map.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    model = window.search.pain_model
    assert model.rowCount() > 0
    zones = [model.index(r).data(Qt.ItemDataRole.UserRole + 5) for r in range(model.rowCount())]
    assert zones == sorted(zones, key=lambda z: z != "primary")
    assert "temple" in (model.lookup.areas if model.lookup else ())
    assert window.status.text().startswith("Pain in")
    first = model.index(0).data(Qt.ItemDataRole.UserRole + 1)
    window.search.pain_results.setFocus()
    qtbot.keyClick(window.search.pain_results, Qt.Key.Key_Return)
    assert window.detail.current() == first


def test_large_type_and_full_screen_map_for_arms_length(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    normal = QApplication.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.appearance.large
    assert QApplication.font().pointSizeF() > normal * 1.3
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.search.isVisible() and not window.detail.isVisible()
    assert window.body_map.isVisible() and window.timer_bar.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.search.isVisible() and window.detail.isVisible()


def test_every_control_has_an_accessible_name(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    window.navigator.open(EntryRef("point", "li4"))
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.focusProxy() is not None:  # e.g. a scroll area's viewport: named by its proxy
            widget = widget.focusProxy()
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert unnamed == []


def test_help_lists_the_shortcuts(qtbot: QtBot, data: Data) -> None:
    window = active(qtbot, make_window(qtbot, data))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for keys in ("Ctrl+K", "Alt+Left", "Ctrl+T", "Ctrl+Shift+H", "F11", "Ctrl+Shift+L", "F1", "Ctrl+L"):
        assert keys in text
    assert "does not replace clinical judgement" in text
    dialog.close()


def test_web_links_open_only_when_the_user_agrees(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, data)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: next(answers))
    url = QUrl("https://doi.org/10.1000/example")
    window.detail.browser.anchorClicked.emit(url)
    assert opened == []
    window.detail.browser.anchorClicked.emit(url)
    assert opened == [url]


def test_item_models_pass_the_model_tester(qtbot: QtBot, data: Data) -> None:
    window = make_window(qtbot, data)
    tester = ModelTester(qtbot)
    tester.check(window.search.entries)
    tester.check(window.search.proxy)
    tester.check(window.search.pain_model)
    window.search.search_box.setText("trapezius")
    window.search.filters.set_condition("migraine")
    window.search.search_box.setText("")
    window.search.filters.reset()
    window.show_pain_lookup(window.library.pain_in(["temple"]))
    assert window.search.pain_model.rowCount() > 0
