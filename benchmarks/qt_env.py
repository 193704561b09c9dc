"""The Qt application the in-process benchmarks share, and a guard for a PySide6 fault."""

from __future__ import annotations

import ctypes
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor  # noqa: E402  # after the platform is chosen
from PySide6.QtWidgets import QApplication  # noqa: E402


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])


def drops_none_references() -> bool:
    """True if this PySide6 drops a reference to None on every call of a void method.

    PySide6 6.12.0 does on Python 3.11 (where None is not yet immortal): a
    program that calls such methods some tens of thousands of times, as a
    body map repainting its markers does, dies with "deallocating None".
    """
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(100):
        colour.setAlphaF(1.0)
    return sys.getrefcount(None) < before - 50


def keep_none_alive() -> None:
    """Give None the near-infinite reference count Python 3.12 gives it, so that the
    benchmarks can run to the end on a PySide6 with the fault above. Timings are
    unaffected; the application itself still needs a PySide6 without the fault."""
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
