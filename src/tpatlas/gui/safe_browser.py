"""A text browser that follows no link by itself and loads nothing from outside.

Pages are built by us from escaped content, but this is the second wall:
clicks are reported, never followed; the only resources served are images we
render ourselves under the ``tpatlas-img:`` scheme; anything else is refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from tpatlas.gui.entry_ref import InternalLink, parse_link

IMAGE_SCHEME = "tpatlas-img"
EXTERNAL_SCHEMES = ("https", "http")

ImageProvider = Callable[[str], QImage | None]


class SafeTextBrowser(QTextBrowser):
    internal_link_activated = Signal(object)  # an InternalLink
    external_link_requested = Signal(QUrl)  # the user clicked a web link; ask before opening

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._images: ImageProvider = lambda _name: None
        self.refused: list[str] = []  # what content asked for and did not get, for tests and debugging
        self.anchorClicked.connect(self._on_anchor)

    def set_image_provider(self, provider: ImageProvider) -> None:
        self._images = provider

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == IMAGE_SCHEME:
            return self._images(url.toString())
        self.refused.append(url.toString())
        return None

    def _on_anchor(self, url: QUrl) -> None:
        internal: InternalLink | None = parse_link(url.toString())
        if internal is not None:
            self.internal_link_activated.emit(internal)
        elif url.scheme() in EXTERNAL_SCHEMES:
            self.external_link_requested.emit(url)
