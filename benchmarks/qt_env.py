"""The Qt application the in-process benchmarks share, and a check of the Qt binding."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor  # after the platform is chosen
from PySide6.QtWidgets import QApplication

# the offscreen platform cannot resize native windows; not a fault of ours (as in pyproject.toml)
_IGNORED = ("This plugin does not support",)


def _print_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not message.startswith(_IGNORED):
        print(f"Qt: {message}", file=sys.stderr)


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    qInstallMessageHandler(_print_message)
    return QApplication([sys.argv[0]])


def drops_none_references() -> bool:
    """True if this PySide6 drops a reference to None on every call of a void method.

    PySide6 6.12.0 does on Python 3.11 (where None is not yet immortal); the
    benchmarks, like the atlas, then die after some thousands of repaints.
    """
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(100):
        colour.setAlphaF(1.0)
    return sys.getrefcount(None) < before - 50
