"""The real program, started as a subprocess: a real display, a real pointer event, real files."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from tests.e2e.real_program import data_folder, program_env, tpatlas, xvfb_display

pytestmark = pytest.mark.e2e
RUN_TIMEOUT_S = 120


def test_clicking_a_point_opens_it_and_the_screen_is_saved(tmp_path: Path, shipped_db: Path) -> None:
    data = data_folder(tmp_path / "data", shipped_db)
    shot = tmp_path / "self-test.png"
    with xvfb_display() as display:
        result = subprocess.run(
            tpatlas(data),
            env=program_env(display, TPATLAS_SELF_TEST=str(shot)),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
        )
    report = json.loads(shot.with_suffix(".json").read_text())
    assert result.returncode == 0, (report, result.stderr)
    assert report["ok"] and report["platform"] == "xcb"
    assert report["opened"] == f"point:{report['clicked']}"
    with Image.open(shot) as image:
        assert image.size == (1400, 900)
        colours = image.convert("RGB").getcolors(1_000_000) or []
        assert len(colours) > 50, "the screen shows a drawn window"
    assert "Traceback" not in result.stderr
    assert (data / "user.sqlite").is_file() and (data / "settings.ini").is_file()


def _wait_for(path: Path, text: str, timeout_s: float = 60) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.is_file() and text in path.read_text(errors="replace"):
            return True
        time.sleep(0.2)  # polling another process's log file; nothing in-process to wait on
    return False


def test_a_second_start_brings_the_first_window_forward(tmp_path: Path, shipped_db: Path) -> None:
    data = data_folder(tmp_path / "data", shipped_db)
    log = data / "tpatlas.log"
    with xvfb_display() as display:
        env = program_env(display)
        with subprocess.Popen(
            tpatlas(data), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ) as first:
            try:
                assert _wait_for(log, "window shown"), "the first copy opened its window"
                second = subprocess.run(tpatlas(data), env=env, capture_output=True, text=True, timeout=60)
                assert second.returncode == 0, second.stderr
                assert "already running" in second.stdout
                assert _wait_for(log, "bringing it to the front")
                assert "database is locked" not in log.read_text()
            finally:
                first.terminate()
                first.wait(20)


def test_screenshot_needs_no_display(tmp_path: Path, shipped_db: Path) -> None:
    data = data_folder(tmp_path / "data", shipped_db)
    out = tmp_path / "window-dark.png"
    result = subprocess.run(
        tpatlas(data, "screenshot", str(out), "--theme", "dark", "--select", "upper-trapezius-tp1"),
        env=program_env(None),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    with Image.open(out) as image:
        assert image.size == (1400, 900)
        assert ImageStat.Stat(image.convert("L")).mean[0] < 100, "dark theme"
    map_only = tmp_path / "map.png"
    result = subprocess.run(
        tpatlas(data, "screenshot", str(map_only), "--map-only", "--pain", "temple", "--size", "800x700"),
        env=program_env(None),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    with Image.open(map_only) as image:
        assert image.size == (800, 700)


def test_without_a_display_the_window_says_what_to_do(tmp_path: Path) -> None:
    result = subprocess.run(
        tpatlas(tmp_path / "data"), env=program_env(None), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.startswith("tpatlas: No display was found")
    assert "Traceback" not in result.stderr


#: started as ``python -c``: the real program, watched for its first painted body map
FIRST_PAINT_WATCH = """
import sys
from tpatlas.cli import main  # the program's own imports first: it imports Qt late
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer

class Watch(QObject):
    at_first_paint = None

    def eventFilter(self, watched, event):
        if (
            self.at_first_paint is None
            and event.type() == QEvent.Type.Paint
            and type(watched.parent()).__name__ == "BodyMapView"
        ):
            late = ("sqlalchemy", "tpatlas.storage.user_store")
            self.at_first_paint = sorted(m for m in late if m in sys.modules)
            QTimer.singleShot(0, self.poll)
        return False

    def poll(self):
        app = QtWidgets.QApplication.instance()
        windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
        if windows and windows[0].library.has_user_data:
            print("loaded at first paint:", ",".join(self.at_first_paint) or "nothing", flush=True)
            print("user data: open", flush=True)
            app.quit()
        else:
            QTimer.singleShot(20, self.poll)

class WatchedApplication(QtWidgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.watch = Watch()
        self.installEventFilter(self.watch)

QtWidgets.QApplication = WatchedApplication
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_the_window_is_painted_before_the_user_database_is_opened(tmp_path: Path, shipped_db: Path) -> None:
    data = data_folder(tmp_path / "data", shipped_db)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_WATCH, str(data)],
        env=program_env(None, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    assert "loaded at first paint: nothing" in result.stdout, "SQLAlchemy waits until the window is shown"
    assert "user data: open" in result.stdout, "and then the notes open"
    assert (data / "user.sqlite").is_file()
