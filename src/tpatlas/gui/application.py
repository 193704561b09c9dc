"""Creating the QApplication once, the same way for the window and for screenshots."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tpatlas import __version__


def ensure_platform_without_display() -> None:
    """Render offscreen when there is no display to draw on (screenshots, CI)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # crisp at fractional scale factors (150 %, 175 %) instead of rounding to whole pixels
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "tpatlas"])
    app.setApplicationName("tpatlas")
    app.setApplicationDisplayName("tpatlas")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tpatlas")
    app.setStyle("Fusion")
    return app


#: What the offscreen platform says about every window it cannot resize natively: not a fault.
OFFSCREEN_NOISE = "This plugin does not support"


def _quiet_handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not message.startswith(OFFSCREEN_NOISE):
        print(message, file=sys.stderr)


def quiet_offscreen_noise() -> object:
    """Keep the offscreen platform's harmless notices out of the screenshot command's output;
    returns the handler it replaced, for :func:`restore_message_handler`."""
    return qInstallMessageHandler(_quiet_handler)


def restore_message_handler(previous: object) -> None:
    qInstallMessageHandler(previous)  # type: ignore[arg-type]
