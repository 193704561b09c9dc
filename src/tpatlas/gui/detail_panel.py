"""The page of the open point, technique or condition, with the user's note and star."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from tpatlas.core.model import Condition, Point, Technique
from tpatlas.gui.detail_html import Picture, condition_page, point_page, technique_page
from tpatlas.gui.entry_ref import EntryRef
from tpatlas.gui.html_parts import PageStyle, default_style_sheet, esc
from tpatlas.gui.note_editor import NoteEditor
from tpatlas.gui.referral_thumbnail import ReferralThumbnails
from tpatlas.gui.safe_browser import SafeTextBrowser
from tpatlas.gui.user_data import user_data_errors
from tpatlas.library import Library

KIND_CAPTIONS = {"point": "Point", "technique": "Technique", "condition": "Condition"}
DISCLAIMER = (
    "tpatlas is an educational reference. It does not replace clinical judgement, "
    "and referral patterns vary between people."
)


def welcome_page(style: PageStyle) -> str:
    t = style.theme
    steps = [
        ("Ctrl+K", "search points, muscles, symptoms, conditions and your notes"),
        ("Click", "a point on the map to open its page"),
        ("Ctrl+Shift+H", "where does it hurt? click the painful area on the map"),
        ("Alt+←", "go back through what you looked at"),
        ("F1", "all keyboard shortcuts"),
    ]
    rows = "".join(
        f'<tr><td style="padding: 3px 12px 3px 0px;"><b>{esc(key)}</b></td><td>{esc(text)}</td></tr>'
        for key, text in steps
    )
    return (
        '<p class="title">Find a point</p>'
        f'<p class="sub">Trigger points and acupressure points, their techniques and cautions.</p>'
        f'<table cellspacing="0" cellpadding="0" style="margin-top: 10px;">{rows}</table>'
        f'<p style="margin-top: 18px; color:{t.muted};">{esc(DISCLAIMER)}</p>'
    )


class DetailPanel(QWidget):
    link_activated = Signal(object)  # an InternalLink clicked in the page
    external_link_requested = Signal(QUrl)
    favourite_did_change = Signal(object)  # the EntryRef starred or unstarred

    def __init__(
        self,
        library: Library,
        thumbnails: ReferralThumbnails,
        style: PageStyle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._thumbnails = thumbnails
        self._style = style
        self._ref: EntryRef | None = None
        self.caption = QLabel(self)
        self.caption.setObjectName("panelCaption")
        self.caption.setAccessibleName("Kind of page")
        self.favourite = QPushButton("☆ Favourite", self)
        self.favourite.setCheckable(True)
        self.favourite.setAccessibleName("Favourite")
        self.favourite.setToolTip("Add to or remove from your favourites (Ctrl+D)")
        self.favourite.toggled.connect(self._on_favourite_toggled)
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Details")
        self.browser.set_image_provider(self._page_image)
        self._waiting_images: set[str] = set()
        self._image_timer = QTimer(self)
        self._image_timer.setSingleShot(True)
        self._image_timer.setInterval(0)
        self._image_timer.timeout.connect(self._draw_waiting_images)
        self.browser.internal_link_activated.connect(self.link_activated)
        self.browser.external_link_requested.connect(self.external_link_requested)
        self.notes = NoteEditor(library, self)
        head = QHBoxLayout()
        head.setContentsMargins(14, 8, 10, 4)
        head.addWidget(self.caption)
        head.addStretch(1)
        head.addWidget(self.favourite)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.browser)
        note_box = self._note_box = QWidget(self)
        note_layout = QVBoxLayout(note_box)
        note_layout.setContentsMargins(12, 6, 12, 10)
        note_layout.addWidget(self.notes)
        self.splitter.addWidget(note_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([640, 120])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        self._apply_page_style()
        self._render(keep_scroll=False)

    def current(self) -> EntryRef | None:
        return self._ref

    def show_entry(self, ref: EntryRef | None) -> None:
        self._ref = ref
        self.notes.show_note_for(ref)
        self._render(keep_scroll=False)

    def set_style(self, style: PageStyle) -> None:
        self._style = style
        self._thumbnails.set_theme(style.theme)
        self._apply_page_style()
        self._render(keep_scroll=True)

    def page_html(self) -> str:
        ref = self._ref
        atlas = self._library.atlas
        entry = self._library.entry(ref.kind, ref.id) if ref else None
        if isinstance(entry, Point):
            url = self._thumbnails.url_for(entry)
            picture = None
            if url:
                width, height = self._thumbnails.logical_size(entry)
                picture = Picture(url, width, height, self._thumbnails.caption_for(entry))
            return point_page(entry, atlas, self._style, picture)
        if isinstance(entry, Technique):
            return technique_page(entry, atlas, self._style)
        if isinstance(entry, Condition):
            return condition_page(entry, atlas, self._style)
        return welcome_page(self._style)

    def _page_image(self, url: str) -> QImage | None:
        """A picture the page asks for: drawn already, or a blank of its size for now and
        the picture just after the page is shown (drawing it takes longer than the page)."""
        image = self._thumbnails.cached(url)
        if image is not None:
            return image
        placeholder = self._thumbnails.placeholder(url)
        if placeholder is not None:
            self._waiting_images.add(url)
            self._image_timer.start()
        return placeholder

    def _draw_waiting_images(self) -> None:
        document = self.browser.document()
        for url in sorted(self._waiting_images):
            image = self._thumbnails.image(url)
            if image is not None:
                document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url), image)
        self._waiting_images.clear()
        self.browser.viewport().update()

    def _apply_page_style(self) -> None:
        """The page style sheet, set when the style changes (not with every page)."""
        document = self.browser.document()
        document.setDefaultStyleSheet(default_style_sheet(self._style))
        document.setDocumentMargin(14)

    def _render(self, keep_scroll: bool) -> None:
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        # The scroll bar stays while the page is replaced: otherwise it goes with the old
        # page and comes back with the new one, and each time the page is laid out again
        # at the other width (twice the work of showing a page).
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.setHtml(self.page_html())
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        bar.setValue(position if keep_scroll else 0)
        self._show_page_state()

    def _show_page_state(self) -> None:
        """The caption, the star and the note box of the open page."""
        ref = self._ref
        self.caption.setText(KIND_CAPTIONS.get(ref.kind, "") if ref else "Welcome")
        self.favourite.setEnabled(ref is not None and self._library.has_user_data)
        self.favourite.blockSignals(True)
        self.favourite.setChecked(ref is not None and self._library.is_favourite(ref.kind, ref.id))
        self.favourite.blockSignals(False)
        self._label_favourite()
        self._note_box.setVisible(ref is not None)

    def _label_favourite(self) -> None:
        self.favourite.setText("★ Favourite" if self.favourite.isChecked() else "☆ Favourite")

    def toggle_favourite(self) -> None:
        if self.favourite.isEnabled():
            self.favourite.toggle()

    def _on_favourite_toggled(self, on: bool) -> None:
        self._label_favourite()
        if self._ref is None:
            return
        try:
            self._library.set_favourite(self._ref.kind, self._ref.id, on)
        except user_data_errors():
            self.favourite.blockSignals(True)
            self.favourite.setChecked(not on)
            self.favourite.blockSignals(False)
            self._label_favourite()
            self.favourite.setToolTip("Not saved: the user database cannot be written")
            return
        self.favourite_did_change.emit(self._ref)

    def flush_note(self) -> None:
        self.notes.flush()

    def wait_for_user_data(self) -> None:
        """The user database opens after the window is shown: notes typed until then wait."""
        self.notes.wait_for_user_data()

    def user_data_did_open(self) -> None:
        """The user database is open, or will not be: the note and the star work, or say why not."""
        self.notes.user_data_did_open()
        self._show_page_state()
