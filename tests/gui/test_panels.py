"""The side panels on their own: search and filters, the detail pages, safe rendering."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tpatlas.core.model import Caution
from tpatlas.gui.detail_html import condition_page, point_page, technique_page
from tpatlas.gui.detail_panel import DetailPanel
from tpatlas.gui.entry_ref import EntryRef, parse_link
from tpatlas.gui.filters import FilterState, points_matching
from tpatlas.gui.html_parts import PageStyle
from tpatlas.gui.referral_thumbnail import ReferralThumbnails
from tpatlas.gui.safe_browser import SafeTextBrowser
from tpatlas.gui.search_panel import SearchPanel
from tpatlas.gui.theme import DARK, LIGHT
from tpatlas.library import Library
from tpatlas.storage.atlas_store import AtlasStore

STYLE = PageStyle(LIGHT, 10.0)


@pytest.fixture
def library(shipped_db: Path) -> Library:
    library = Library(AtlasStore(shipped_db), None)
    yield library
    library.close()


def make_search(qtbot: QtBot, library: Library) -> SearchPanel:
    panel = SearchPanel(library, LIGHT)
    qtbot.addWidget(panel)
    panel.resize(340, 700)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


# -- search ---------------------------------------------------------------------------


def test_results_follow_every_keystroke(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    ModelTester(qtbot).check(panel.proxy)
    panel.search_box.setFocus()
    counts = []
    for key in "tempor":
        qtbot.keyClicks(panel.search_box, key)
        counts.append(panel.proxy.rowCount())  # no timer: the list is already up to date
    assert counts[-1] > 0
    assert all(r.kind == "point" or "tempor" in r.id for r in panel.listed()[:4])
    assert panel.listed()[0].id.startswith("temporalis")


def test_keyboard_down_then_enter_opens_a_result(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    panel.search_box.setFocus()
    qtbot.keyClicks(panel.search_box, "gb20")
    with qtbot.waitSignal(panel.entry_requested) as opened:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert opened.args == [EntryRef("point", "gb20")]
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    assert panel.search_box.hasFocus()
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Escape)
    assert panel.search_box.text() == "" and not panel.is_narrowed()


def test_filters_combine_and_reset_in_one_click(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    atlas = library.atlas
    ModelTester(qtbot).check(panel.proxy)
    filters = panel.filters
    filters.kind.setCurrentIndex(filters.kind.findData("acupoint"))
    filters.region.setCurrentIndex(filters.region.findData("hand"))
    expected = {p.id for p in atlas.points.values() if p.kind == "acupoint" and p.region == "hand"}
    assert set(panel.listed_point_ids()) == expected
    assert {r.kind for r in panel.listed()} == {"point"}
    filters.technique.setCurrentIndex(filters.technique.findData("self-care-hand"))
    with_technique = {
        pid
        for pid in expected
        if any(u.technique_id == "self-care-hand" for u in atlas.points[pid].techniques)
    }
    assert set(panel.listed_point_ids()) == with_technique
    qtbot.mouseClick(filters.reset_button, Qt.MouseButton.LeftButton)
    assert filters.state() == FilterState()
    assert panel.proxy.rowCount() == len(atlas.points) + len(atlas.techniques) + len(atlas.conditions)
    assert not filters.reset_button.isEnabled()


def test_search_and_filters_together(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    panel.search_box.setText("trapezius")
    panel.filters.set_condition("tension-type-headache")
    allowed = points_matching(panel.filter_state(), library.atlas) or frozenset()
    assert panel.listed() and all(r.kind == "point" and r.id in allowed for r in panel.listed())


def test_the_list_order_without_a_query_and_with_one(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    atlas = library.atlas
    everything = (
        [(0, p.label, EntryRef("point", p.id)) for p in atlas.points.values()]
        + [(1, c.name, EntryRef("condition", c.id)) for c in atlas.conditions.values()]
        + [(2, t.name, EntryRef("technique", t.id)) for t in atlas.techniques.values()]
    )
    by_kind_then_name = [
        ref for _kind, _name, ref in sorted(everything, key=lambda e: (e[0], e[1].casefold()))
    ]
    assert panel.listed() == by_kind_then_name
    panel.search_box.setText("trapezius")
    ranked = [EntryRef(h.kind, h.id) for h in library.search("trapezius", limit=200)]
    assert panel.listed() == ranked, "a query lists its hits best first"
    assert panel.listed_counts() == (len(ranked), sum(1 for r in ranked if r.kind == "point"))
    panel.filters.region.setCurrentIndex(panel.filters.region.findData("shoulder"))
    shoulder = [r for r in ranked if r.kind == "point" and atlas.points[r.id].region == "shoulder"]
    assert panel.listed() == shoulder, "the filters keep the hits' order"
    panel.search_box.setText("")
    assert panel.listed() == [
        r for r in by_kind_then_name if r.kind == "point" and atlas.points[r.id].region == "shoulder"
    ]


def test_favourites_only_lists_every_kind_of_favourite(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    starred = {
        EntryRef("technique", "acupressure"),
        EntryRef("point", "li4"),
        EntryRef("condition", "migraine"),
    }
    panel.set_favourites(starred)
    panel.filters.favourites.setChecked(True)
    assert panel.listed() == [
        EntryRef("point", "li4"),
        EntryRef("condition", "migraine"),
        EntryRef("technique", "acupressure"),
    ]
    panel.search_box.setText("li4")
    assert panel.listed() == [EntryRef("point", "li4")]


def test_the_open_page_is_selected_in_the_list(qtbot: QtBot, library: Library) -> None:
    panel = make_search(qtbot, library)
    view = panel.results
    listed = panel.listed()
    in_sight = listed[1]
    panel.show_current(in_sight)
    assert view.currentIndex().row() == 1, "a row in sight is selected at once"
    far = listed[-1]
    panel.show_current(far)  # out of sight: selected and scrolled to just after
    qtbot.waitUntil(lambda: view.currentIndex().row() == len(listed) - 1)
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))


def test_a_subtype_filter_includes_its_parents_points(library: Library) -> None:
    with_aura = points_matching(FilterState(condition="migraine-with-aura"), library.atlas)
    migraine = points_matching(FilterState(condition="migraine"), library.atlas)
    assert with_aura is not None and migraine is not None and with_aura == migraine


# -- detail pages ----------------------------------------------------------------------


def test_point_page_puts_safety_first_and_links_both_ways(library: Library) -> None:
    atlas = library.atlas
    page = point_page(atlas.points["li4"], atlas, STYLE)
    assert page.index("NOT IN PREGNANCY") < page.index("LOCATION")
    assert LIGHT.danger in page and LIGHT.caution_bg in page
    assert EntryRef("technique", "acupressure").link() in page
    assert EntryRef("condition", "tension-type-headache").link() in page or "CONDITIONS" in page
    for citation in atlas.points["li4"].citations:
        assert atlas.sources[citation.source_id].citation.split(".")[0] in page
    technique = technique_page(atlas.techniques["acupressure"], atlas, STYLE)
    assert EntryRef("point", "li4").link() in technique
    assert "tpatlas://timer/30" in technique


def test_condition_page_lists_points_with_their_evidence(library: Library) -> None:
    atlas = library.atlas
    page = condition_page(atlas.conditions["migraine"], atlas, STYLE)
    for point in atlas.points_for_condition("migraine"):
        assert EntryRef("point", point.id).link() in page
    assert "evidence" in page and "Red flags" in page


def test_content_text_is_escaped_never_markup(library: Library) -> None:
    atlas = library.atlas
    hostile = replace(
        atlas.points["li4"],
        name='<img src="https://example.com/track.png">',
        location='<a href="file:///etc/passwd">x</a> & <script>alert(1)</script>',
        cautions=(Caution("general", '<img src="file:///etc/hosts">'),),
    )
    page = point_page(hostile, atlas, STYLE)
    assert "<img" not in page and "<script" not in page and 'href="file' not in page
    assert "&lt;img" in page and "&lt;script&gt;" in page


def test_the_browser_loads_no_outside_resource_and_follows_no_link(qtbot: QtBot) -> None:
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(
        '<img src="https://example.com/a.png"><img src="file:///etc/hosts">'
        '<link rel="stylesheet" href="file:///tmp/x.css"><p>text</p>'
    )
    browser.show()
    qtbot.waitExposed(browser)
    assert any("example.com" in r for r in browser.refused)
    assert any(r.startswith("file:") for r in browser.refused)
    assert not browser.openLinks() and not browser.openExternalLinks()
    assert parse_link("https://example.com/") is None
    assert parse_link("tpatlas://point/li4").argument == "li4"  # type: ignore[union-attr]


def test_detail_panel_shows_a_referral_picture(qtbot: QtBot, library: Library) -> None:
    thumbnails = ReferralThumbnails(library.atlas, library.drawings_dir, LIGHT)
    panel = DetailPanel(library, thumbnails, STYLE)
    qtbot.addWidget(panel)
    panel.show_entry(EntryRef("point", "upper-trapezius-tp1"))
    url = thumbnails.url_for(library.atlas.points["upper-trapezius-tp1"])
    assert url is not None and url in panel.browser.toHtml()
    image = thumbnails.image(url)
    assert image is not None and not image.isNull() and image.devicePixelRatio() == 2
    assert not panel.favourite.isEnabled(), "no user database: nothing to star"
    assert panel.notes.edit.isReadOnly()


def test_the_referral_picture_follows_the_page(qtbot: QtBot, library: Library) -> None:
    thumbnails = ReferralThumbnails(library.atlas, library.drawings_dir, LIGHT)
    panel = DetailPanel(library, thumbnails, STYLE)
    qtbot.addWidget(panel)
    panel.resize(420, 1600)  # tall enough to show the picture
    panel.show()
    qtbot.waitExposed(panel)
    point = library.atlas.points["temporalis-tp1"]
    url = thumbnails.url_for(point)
    assert url is not None and thumbnails.cached(url) is None
    panel.show_entry(EntryRef("point", point.id))

    # the page comes first; the picture is drawn just after and replaces its blank
    def shown_is_drawn(url: str) -> bool:
        drawn = thumbnails.cached(url)
        shown = panel.browser.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        return drawn is not None and isinstance(shown, QImage) and shown.cacheKey() == drawn.cacheKey()

    qtbot.waitUntil(lambda: shown_is_drawn(url))
    panel.set_style(PageStyle(DARK, 10.0))  # a new theme: the page shows the picture drawn in it
    dark_url = thumbnails.url_for(point)
    assert dark_url is not None and dark_url != url and dark_url in panel.browser.toHtml()
    qtbot.waitUntil(lambda: shown_is_drawn(dark_url))
