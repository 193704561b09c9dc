"""The last wall: an unexpected error is logged to a file and told in one sentence.

No traceback reaches the user; the log in the data folder keeps it for a bug report.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("tpatlas")


def configure_logging(folder: Path) -> Path:
    """Log to ``tpatlas.log`` in the data folder (a few small rotating files)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tpatlas.log"
    handler = RotatingFileHandler(path, maxBytes=512_000, backupCount=2, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class CrashGuard:
    def __init__(self, log_path: Path) -> None:
        self._log_path = log_path
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        message = (
            f"Something went wrong ({kind.__name__}: {value}). Your notes are saved as you type. "
            f"The details were written to {self._log_path}."
        )
        print(f"tpatlas: {message}", file=sys.stderr)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.warning(None, "tpatlas", message)
        finally:
            self._showing = False
