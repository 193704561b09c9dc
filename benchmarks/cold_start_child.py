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

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer

WINDOW_SIZE = (1400, 900)


def _is_target(watched: QObject, mode: str) -> bool:
    if mode == "bare":
        return isinstance(watched, QtWidgets.QLabel)
    view = watched.parent()
    return type(view).__name__ == "BodyMapView" and bool(view.scene().markers)


class _FirstPaint(QObject):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self._mode = mode
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint and _is_target(watched, self._mode):
            self._seen = True
            QTimer.singleShot(0, _report)  # after this paint pass has finished and been flushed
        return False


def _peak_kib() -> int:
    """This process's peak resident memory (VmHWM). Unlike ``ru_maxrss`` it does not
    count the parent's pages that the child held between fork and exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: the nearest figure


def _report() -> None:
    now = time.clock_gettime(time.CLOCK_MONOTONIC)
    print(f"first-paint {now:.6f} {_peak_kib()}", flush=True)
    app = QtWidgets.QApplication.instance()
    if app is not None:
        app.quit()


def _watching_application(mode: str) -> type[QtWidgets.QApplication]:
    class WatchingApplication(QtWidgets.QApplication):
        """The program's own QApplication, with the first-paint filter installed at birth."""

        def __init__(self, *args: object) -> None:
            super().__init__(*args)
            self._first_paint = _FirstPaint(mode)
            self.installEventFilter(self._first_paint)

    return WatchingApplication


def run_bare() -> int:
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

    app = QtWidgets.QApplication(sys.argv[:1])
    library = Library(AtlasStore(Path(atlas)), None)
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(BodyMapWidget(library, LIGHT, window))
    window.resize(*WINDOW_SIZE)
    window.show()
    return app.exec()


def run_app(data_dir: str) -> int:
    from tpatlas.cli import main

    return main(["--data-dir", data_dir])


def main() -> int:
    mode = sys.argv[1]
    QtWidgets.QApplication = _watching_application(mode)  # type: ignore[misc]  # before anyone makes one
    if mode == "bare":
        return run_bare()
    if mode == "map":
        return run_map(sys.argv[2])
    return run_app(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
