"""The main window: the body map in the centre, finding on one side, the page on the other.

Layout and wiring only. Each panel does its own work and reports in
past-tense signals; the navigator knows which page is open; this class
connects them and keeps the map, the lists and the status line in step.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from tpatlas import __version__
from tpatlas.core.model import Condition, Technique
from tpatlas.gui.appearance import LARGE_SCALE, Appearance
from tpatlas.gui.bodymap.widget import BodyMapWidget
from tpatlas.gui.detail_panel import DISCLAIMER, DetailPanel
from tpatlas.gui.entry_ref import ENTRY_KINDS, EntryRef, InternalLink
from tpatlas.gui.help_dialog import ShortcutsDialog
from tpatlas.gui.hold_timer import HoldTimer
from tpatlas.gui.hold_timer_bar import HoldTimerBar
from tpatlas.gui.html_parts import PageStyle, default_style_sheet
from tpatlas.gui.map_marks import MapMarks
from tpatlas.gui.mouse_navigation import MouseNavigation
from tpatlas.gui.navigator import Navigator
from tpatlas.gui.referral_thumbnail import ReferralThumbnails
from tpatlas.gui.search_panel import SearchPanel
from tpatlas.gui.settings import WindowSettings
from tpatlas.gui.theme import Theme, ThemeChoice
from tpatlas.gui.window_actions import WindowActions, build_menus, build_toolbar
from tpatlas.library import Library, PainLookup

if TYPE_CHECKING:  # opened after the window is shown, with SQLAlchemy
    from tpatlas.storage.user_store import UserStore

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1400, 900)
DEFAULT_SPLIT = [330, 640, 430]
WINDOW_TITLE = "tpatlas – trigger points and acupressure"


class MainWindow(QMainWindow):
    #: notes typed before the user database opened must be written now (the window closes)
    user_data_wanted = Signal()

    def __init__(
        self,
        library: Library,
        appearance: Appearance,
        settings: WindowSettings | None = None,
        timer: HoldTimer | None = None,
        notice: str | None = None,
        user_data_pending: bool = False,
    ) -> None:
        """``user_data_pending``: the user database opens once the window is shown, and
        :meth:`attach_user_data` says when; until then notes typed are kept, not lost."""
        super().__init__()
        self.library = library
        self.appearance = appearance
        self.settings = settings
        theme = appearance.theme
        self.setWindowTitle(WINDOW_TITLE)
        self.navigator = Navigator(library, self)
        self.search = SearchPanel(library, theme, self)
        self.search.setObjectName("sidePanel")
        self.body_map = BodyMapWidget(library, theme, self)
        self.hold_timer = timer or HoldTimer(parent=self)
        self.timer_bar = HoldTimerBar(self.hold_timer, theme, self)
        self.thumbnails = ReferralThumbnails(library.atlas, library.drawings_dir, theme)
        self.detail = DetailPanel(library, self.thumbnails, self._page_style(), self)
        self.detail.setObjectName("detailPanel")
        if user_data_pending:
            self.detail.wait_for_user_data()
        self.splitter = self._build_centre()
        self.actions_ = WindowActions(self)
        self._view_actions = build_menus(self, self.actions_, self.body_map.views())
        self.toolbar = build_toolbar(self, self.actions_)
        self.status = QLabel(self)
        self.status.setAccessibleName("What is shown")
        self._build_status_bar(notice)
        self.marks = MapMarks(library.atlas, self.search, self.body_map, self.status, self.navigator.current)
        self.mouse_navigation = MouseNavigation(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.mouse_navigation)
        self._connect()
        self._sync_theme_actions()
        self.resize(*DEFAULT_SIZE)
        self._update_history_actions(False, False)
        self._large_layout = False
        if appearance.large:
            self._apply_appearance(theme)
        self.marks.refresh()

    # -- construction ----------------------------------------------------------------

    def _build_centre(self) -> QSplitter:
        centre = QWidget(self)
        centre.setObjectName("centre")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.body_map, 1)
        column.addWidget(self.timer_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.search)
        splitter.addWidget(centre)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(DEFAULT_SPLIT)
        self.search.setMinimumWidth(240)
        self.detail.setMinimumWidth(300)
        self.setCentralWidget(splitter)
        return splitter

    def _build_status_bar(self, notice: str | None) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.status, 1)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setAccessibleName("Notice")
        self.notice.setStyleSheet(f"color: {self.appearance.theme.danger}; font-weight: 600;")
        bar.addPermanentWidget(self.notice)
        self.show_notice(notice)
        self.disclaimer = QLabel("Educational reference: it does not replace clinical judgement.", self)
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setToolTip(DISCLAIMER)
        self.disclaimer.setAccessibleName(DISCLAIMER)
        bar.addPermanentWidget(self.disclaimer)

    def show_notice(self, notice: str | None) -> None:
        """Say in the status bar and the title that the notes are unavailable, and why."""
        self.notice.setText(notice or "")
        self.notice.setVisible(bool(notice))
        self.setWindowTitle(WINDOW_TITLE + (" (notes unavailable)" if notice else ""))

    def attach_user_data(self, user: UserStore | None, notice: str | None = None) -> None:
        """The user database, opened once the window was shown; None (and ``notice`` says
        why) if it cannot be used. Notes typed meanwhile are written now."""
        if user is not None:
            self.library.attach_user(user)
        self.show_notice(notice)
        self.search.set_favourites({EntryRef(k, i) for k, i in self.library.favourites()})
        self.detail.user_data_did_open()
        if self.search.query():  # the notes are searched too
            self.search.refresh()

    def _connect(self) -> None:
        a = self.actions_
        nav = self.navigator
        nav.entry_did_change.connect(self._show_entry)
        nav.history_did_change.connect(self._update_history_actions)
        self.search.entry_requested.connect(nav.open)
        self.search.results_did_change.connect(self.marks.follow_search)
        self.body_map.point_activated.connect(lambda pid: nav.open(EntryRef("point", pid)))
        self.body_map.pain_looked_up.connect(self._on_pain_lookup)
        self.body_map.pain_mode_toggled.connect(self._on_pain_mode)
        self.body_map.view_changed.connect(self._on_view_changed)
        self.detail.link_activated.connect(self._follow)
        self.detail.external_link_requested.connect(self._open_external)
        self.detail.favourite_did_change.connect(self._on_favourite_changed)
        self.detail.notes.note_did_change.connect(self._on_note_changed)
        self.mouse_navigation.back_requested.connect(nav.back)
        self.mouse_navigation.forward_requested.connect(nav.forward)
        self.appearance.appearance_did_change.connect(self._apply_appearance)
        a.back.triggered.connect(nav.back)
        a.forward.triggered.connect(nav.forward)
        a.find.triggered.connect(self.focus_search)
        a.reset_filters.triggered.connect(self.search.filters.reset)
        a.pain_mode.toggled.connect(self.body_map.set_pain_mode)
        a.focus_map.triggered.connect(
            lambda: self.body_map.viewport().setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        a.favourite.triggered.connect(self.detail.toggle_favourite)
        a.edit_note.triggered.connect(self.detail.notes.focus_editor)
        a.timer_toggle.triggered.connect(self.hold_timer.toggle)
        a.timer_reset.triggered.connect(self.hold_timer.reset)
        a.large_type.toggled.connect(self.appearance.set_large)
        a.full_screen.toggled.connect(self.set_full_screen_map)
        a.leave_full_screen.triggered.connect(lambda: a.full_screen.setChecked(False))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.quit.triggered.connect(self.close)
        a.theme_group.triggered.connect(lambda action: self.set_theme_choice(action.data()))
        a.view_group.triggered.connect(lambda action: self.body_map.set_view(action.data()))

    # -- restoring and saving -------------------------------------------------------------

    def restore(self) -> None:
        """Size, layout, map view, labels and the last page, as the user left them."""
        s = self.settings
        if s is None:
            return
        geometry = s.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            saved = s.splitter(name)
            if saved is not None:
                splitter.restoreState(saved)
        if s.map_view():
            self.body_map.set_view(s.map_view())
        last = s.last_entry()
        if last is not None:
            self.navigator.open(last)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter, "detail": self.detail.splitter}

    def save(self) -> None:
        s = self.settings
        if s is None:
            return
        if self.actions_.full_screen.isChecked():
            self.set_full_screen_map(False)
        splitters: dict[str, QByteArray] = {n: sp.saveState() for n, sp in self._splitters().items()}
        s.save_layout(self.saveGeometry(), self.saveState(), splitters)
        s.set_map_view(self.body_map.current_view())
        s.set_last_entry(self.navigator.current())
        s.set_theme_choice(self.appearance.choice)
        s.set_large_type(self.appearance.large)
        s.sync()

    def shut_down(self) -> None:
        """Write the note being typed and remember the layout: on close, and when the
        application quits without closing the window (logout, a signal, a self-test)."""
        if self.detail.notes.has_notes_to_save():
            self.user_data_wanted.emit()
        self.detail.flush_note()
        self.hold_timer.reset()
        self.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.mouse_navigation)
        super().closeEvent(event)

    # -- reacting -------------------------------------------------------------------------

    def _show_entry(self, ref: EntryRef) -> None:
        self.detail.show_entry(ref)
        entry = self.library.entry(ref.kind, ref.id)
        if ref.kind == "point":
            self.body_map.select_point(ref.id)
        if isinstance(entry, Technique):
            self.timer_bar.set_presets(entry.dosage.hold_seconds, entry.name)
        self.search.show_current(ref)
        if isinstance(entry, Condition):
            self.marks.mark_condition(entry)
        else:
            self.marks.refresh()

    def _follow(self, link: InternalLink) -> None:
        if link.action in ENTRY_KINDS:
            self.navigator.open(EntryRef(link.action, link.argument))
        elif link.action == "timer" and link.argument.isdigit():
            self.timer_bar.choose(int(link.argument), start=True)
        elif link.action == "map":
            self.body_map.select_point(link.argument)
            self.body_map.viewport().setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_external(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self,
            "Open in your web browser?",
            f"This link leaves the atlas and opens in your web browser:\n\n{url.toString()}",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def _on_pain_lookup(self, lookup: PainLookup) -> None:
        self.search.show_pain_lookup(lookup)
        self.marks.refresh()

    def show_pain_lookup(self, lookup: PainLookup) -> None:
        """Show a "where does it hurt" answer as if the user had clicked the map."""
        self.body_map.set_pain_mode(True)
        self.body_map.show_pain_lookup(lookup)
        self._on_pain_lookup(lookup)

    def _on_pain_mode(self, on: bool) -> None:
        if self.actions_.pain_mode.isChecked() != on:
            self.actions_.pain_mode.setChecked(on)
        if self.search.in_pain_mode() != on:
            self.search.set_pain_mode(on)
        self.marks.refresh()

    def _on_view_changed(self, view_id: str) -> None:
        action = self._view_actions.get(view_id)
        if action is not None:
            action.setChecked(True)
        self.marks.refresh_status()

    def _on_favourite_changed(self, _ref: EntryRef) -> None:
        self.search.set_favourites({EntryRef(k, i) for k, i in self.library.favourites()})

    def _on_note_changed(self, _ref: EntryRef) -> None:
        if self.search.query():
            self.search.refresh()

    def _update_history_actions(self, can_back: bool, can_forward: bool) -> None:
        self.actions_.back.setEnabled(can_back)
        self.actions_.forward.setEnabled(can_forward)

    # -- appearance and session modes --------------------------------------------------------------

    def _page_style(self) -> PageStyle:
        return PageStyle(self.appearance.theme, self.appearance.base_pt, self.appearance.can_show_hanzi)

    def set_theme_choice(self, choice: ThemeChoice) -> None:
        self.appearance.set_choice(choice)
        self._sync_theme_actions()

    def _sync_theme_actions(self) -> None:
        self.actions_.themes[self.appearance.choice].setChecked(True)
        self.actions_.large_type.setChecked(self.appearance.large)

    def _apply_appearance(self, theme: Theme) -> None:
        large = self.appearance.large
        self.body_map.set_theme(theme)
        self.body_map.set_large_markers(large)
        self.search.set_theme(theme)
        self.timer_bar.set_theme(theme)
        self.timer_bar.set_large(large)
        self.detail.set_style(self._page_style())
        self._sync_theme_actions()
        if large != self._large_layout:
            self._widen_side_panels(LARGE_SCALE if large else 1 / LARGE_SCALE)
            self._large_layout = large

    def _widen_side_panels(self, factor: float) -> None:
        """Larger type needs wider side panels; the map keeps at least half of the width."""
        search, centre, detail = self.splitter.sizes()
        total = search + centre + detail
        search, detail = round(search * factor), round(detail * factor)
        if search + detail > total // 2:
            scale = (total // 2) / (search + detail)
            search, detail = round(search * scale), round(detail * scale)
        self.splitter.setSizes([search, total - search - detail, detail])

    def set_full_screen_map(self, on: bool) -> None:
        """The map alone, full screen, for use at arm's length; Esc leaves."""
        a = self.actions_
        if a.full_screen.isChecked() != on:
            a.full_screen.setChecked(on)
            return
        self.search.setVisible(not on)
        self.detail.setVisible(not on)
        self.menuBar().setVisible(not on)
        a.leave_full_screen.setEnabled(on)
        if on:
            self.showFullScreen()
            self.body_map.viewport().setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.showNormal()

    def focus_search(self) -> None:
        if self.actions_.full_screen.isChecked():
            self.set_full_screen_map(False)
        self.search.focus_search()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(
            self.actions_.with_shortcuts(), default_style_sheet(self._page_style()), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About tpatlas",
            f"tpatlas {__version__}\n\nAn offline atlas of myofascial trigger points and acupressure "
            f"points, their techniques and cautions.\n\n{DISCLAIMER}",
        )

    def bring_to_front(self) -> None:
        """Another start of tpatlas asked for this window."""
        log.info("another start asked for the window: bringing it to the front")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
