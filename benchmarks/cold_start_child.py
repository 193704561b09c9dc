"""One cold start, run as its own process by :mod:`benchmarks.cold_start`.

    python cold_start_child.py bare
    python cold_start_child.py map ATLAS.sqlite
    python cold_start_child.py app DATA_DIR

It prints ``first-paint <CLOCK_MONOTONIC seconds> <peak KiB>`` once the window has been
painted (for ``map`` and ``app``: once the body map's viewport has been painted
with its markers, which are then clickable), and quits. Every mode installs
the same event filter the same way, so the bare window pays the same
measuring cost as the atlas.
"""

from __future__ import annotations

import resource
import sys
import time
from typing import Any

WINDOW_SIZE = (1400, 900)


def _watch_first_paint(mode: str) -> Any:
    """Replace QApplication by a subclass that installs the first-paint filter at birth,
    before anyone makes one. Returns the QtWidgets module."""
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    def is_target(watched: QObject) -> bool:
        if mode == "bare":
            return isinstance(watched, QtWidgets.QLabel)
        view = watched.parent()
        return type(view).__name__ == "BodyMapView" and bool(view.scene().markers)

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint and is_target(watched):
                self.seen = True
                QTimer.singleShot(0, _report)  # after this paint pass has finished and been flushed
            return False

    class WatchingApplication(QtWidgets.QApplication):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = FirstPaint()
            self.installEventFilter(self._first_paint)

    QtWidgets.QApplication = WatchingApplication
    return QtWidgets


def _peak_kib() -> int:
    """This process's peak resident memory (VmHWM). Unlike ``ru_maxrss`` it does not
    count the parent's pages that the child held between fork and exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: the nearest figure


def _report() -> None:
    from PySide6.QtWidgets import QApplication

    now = time.clock_gettime(time.CLOCK_MONOTONIC)
    print(f"first-paint {now:.6f} {_peak_kib()}", flush=True)
    app = QApplication.instance()
    if app is not None:
        app.quit()


def run_bare() -> int:
    QtWidgets = _watch_first_paint("bare")  # noqa: N806  # the module, as everyone names it
    app = QtWidgets.QApplication(sys.argv[:1])
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(QtWidgets.QLabel("tpatlas"))
    window.resize(*WINDOW_SIZE)
    window.show()
    return app.exec()


def run_map(atlas: str) -> int:
    from pathlib import Path

    from tpatlas.gui.bodymap.widget import BodyMapWidget
    from tpatlas.gui.theme import LIGHT
    from tpatlas.library import Library
    from tpatlas.storage.atlas_store import AtlasStore

    QtWidgets = _watch_first_paint("map")  # noqa: N806  # the module, as everyone names it
    app = QtWidgets.QApplication(sys.argv[:1])
    library = Library(AtlasStore(Path(atlas)), None)
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(BodyMapWidget(library, LIGHT, window))
    window.resize(*WINDOW_SIZE)
    window.show()
    return app.exec()


def run_app(data_dir: str) -> int:
    # the program's own imports first, in its own order (it imports Qt late), then the watch
    from tpatlas.cli import main

    _watch_first_paint("app")
    return main(["--data-dir", data_dir])


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        return run_bare()
    if mode == "map":
        return run_map(sys.argv[2])
    return run_app(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
