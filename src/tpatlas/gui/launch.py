"""Starting the atlas window: checks first, one copy only, the databases, then the window.

Every failure on the way is told in one sentence (a dialog once Qt runs, one
line on stderr before that); none ends in a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from tpatlas.atlas_files import ContentSource, open_current_atlas
from tpatlas.content.errors import ContentError
from tpatlas.doctor import window_problem
from tpatlas.paths import DataPaths
from tpatlas.storage.atlas_store import AtlasStore, AtlasUnavailable

log = logging.getLogger(__name__)
CONTENT_ERROR_LINES = 8


def run_gui(paths: DataPaths, source: ContentSource) -> int:
    """Open the atlas window; the exit status of the program."""
    problem = window_problem()
    if problem:
        print(f"tpatlas: {problem}", file=sys.stderr)
        return 1
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        return _run(paths, source)
    except Exception as exc:  # the last wall: one sentence, the details in the log
        log.exception("the atlas window failed")
        print(f"tpatlas: the atlas window could not be shown ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1


def open_atlas(paths: DataPaths, source: ContentSource, tell: Callable[[str], None]) -> AtlasStore | None:
    """The current atlas; the previous one (with a warning) if the content has errors."""
    try:
        return open_current_atlas(source, paths.atlas_db)
    except ContentError as exc:
        lines = str(exc).splitlines()
        summary = "\n".join(lines[:CONTENT_ERROR_LINES]) + ("\n…" if len(lines) > CONTENT_ERROR_LINES else "")
        try:
            store = AtlasStore(paths.atlas_db)
        except AtlasUnavailable:
            tell(f"The atlas content has errors and no earlier atlas exists to show.\n\n{summary}")
            return None
        tell(f"The atlas content has errors; the previous atlas is shown.\n\n{summary}")
        return store
    except AtlasUnavailable as exc:
        tell(f"The atlas cannot be opened: {exc}")
        return None


def _run(paths: DataPaths, source: ContentSource) -> int:
    # Qt is imported only once we know a window can be shown
    from tpatlas.gui.appearance import Appearance
    from tpatlas.gui.application import create_application
    from tpatlas.gui.crash_guard import CrashGuard, configure_logging
    from tpatlas.gui.deferred_user_data import UserDataOpener
    from tpatlas.gui.main_window import MainWindow
    from tpatlas.gui.recovery_dialog import inform
    from tpatlas.gui.self_test import ENV, SelfTest
    from tpatlas.gui.settings import WindowSettings
    from tpatlas.gui.single_instance import SingleInstance
    from tpatlas.library import Library

    log_path = configure_logging(paths.root)
    app = create_application()
    instance = SingleInstance(paths.lock)
    if not instance.acquire():
        if instance.notify_running():
            print("tpatlas is already running: its window was brought to the front.")
            return 0
        print(
            "tpatlas: another copy is running but does not answer; close it and try again.", file=sys.stderr
        )
        return 1
    guard = CrashGuard(log_path)
    guard.install()
    try:
        store = open_atlas(paths, source, inform)
        if store is None:
            return 1
        library = Library(store, None, source.drawings)
        settings = WindowSettings(paths.settings)
        appearance = Appearance(app, settings.theme_choice(), settings.large_type(), parent=app)
        window = MainWindow(library, appearance, settings, user_data_pending=True)
        instance.activation_requested.connect(window.bring_to_front)
        app.aboutToQuit.connect(window.shut_down)
        window.restore()
        UserDataOpener(window, paths)  # the notes and favourites, once the window is on screen
        window.show()
        log.info("window shown (data folder %s)", paths.root)
        if os.environ.get(ENV):
            SelfTest(window, Path(os.environ[ENV])).start()
        code = app.exec()
        library.close()
        return code
    finally:
        guard.uninstall()
        instance.release()
