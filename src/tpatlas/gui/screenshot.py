"""``tpatlas screenshot``: the window (or only the body map) rendered to a PNG, no display needed."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tpatlas.library import Library
from tpatlas.paths import DataPaths
from tpatlas.storage.atlas_store import AtlasStore


def _size(text: str) -> tuple[int, int] | None:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        200 <= int(width) <= 8000 and 200 <= int(height) <= 8000
    ):
        return None
    return int(width), int(height)


def take_screenshot(args: argparse.Namespace, store: AtlasStore, paths: DataPaths) -> int:
    """Render as asked and save to ``args.out``; exit status 0, or 1 with one line on stderr."""
    size = _size(args.size)
    if size is None:
        print(
            f"tpatlas: --size must be WIDTHxHEIGHT between 200 and 8000 pixels, not {args.size!r}",
            file=sys.stderr,
        )
        store.close()
        return 1
    from tpatlas.gui.application import ensure_platform_without_display

    ensure_platform_without_display()
    # user data stays out of screenshots: a throwaway user database, no settings read or written
    with tempfile.TemporaryDirectory(prefix="tpatlas-shot-") as scratch:
        return _render(args, store, Path(scratch), size)


def _render(args: argparse.Namespace, store: AtlasStore, scratch: Path, size: tuple[int, int]) -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    from tpatlas.gui.appearance import Appearance
    from tpatlas.gui.application import create_application, quiet_offscreen_noise, restore_message_handler
    from tpatlas.gui.bodymap.widget import BodyMapWidget
    from tpatlas.gui.entry_ref import EntryRef
    from tpatlas.gui.main_window import MainWindow
    from tpatlas.storage.user_store import UserStore

    previous_handler = quiet_offscreen_noise()
    app = create_application()
    library = Library(store, UserStore(scratch / "user.sqlite", scratch / "backups"))
    try:
        appearance = Appearance(app, args.theme)
        problem = _check(args, library)
        if problem:
            print(f"tpatlas: {problem}", file=sys.stderr)
            return 1
        widget: QWidget
        if args.map_only:
            body_map = BodyMapWidget(library, appearance.theme)
            widget = body_map
        else:
            window = MainWindow(library, appearance)
            body_map = window.body_map
            widget = window
        widget.resize(*size)
        widget.show()
        if args.view:
            body_map.set_view(args.view)
        if args.select:
            if args.map_only:
                body_map.select_point(args.select)
            else:
                window.navigator.open(EntryRef("point", args.select))
        if args.pain:
            area = library.referrals.resolve_area(args.pain) or ""
            if not args.view:
                body_map.set_view(_view_showing(library, area) or body_map.current_view())
            lookup = library.pain_in([area], body_map.current_view())
            if args.map_only:
                body_map.set_pain_mode(True)
                body_map.show_pain_lookup(lookup)
            else:
                window.show_pain_lookup(lookup)
        for _ in range(3):
            QApplication.processEvents()
        image = widget.grab()
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            print(f"tpatlas: could not write {out}", file=sys.stderr)
            return 1
        widget.close()
        print(f"wrote {out} ({image.width()}x{image.height()})")
        return 0
    finally:
        library.close()
        restore_message_handler(previous_handler)


def _view_showing(library: Library, area_id: str) -> str | None:
    for view in library.atlas.ordered_views():
        if any(shape.area_id == area_id for shape in view.shapes):
            return view.id
    return None


def _check(args: argparse.Namespace, library: Library) -> str | None:
    atlas = library.atlas
    if args.view and args.view not in atlas.views:
        return f"no view {args.view!r}; views are: {', '.join(v.id for v in atlas.ordered_views())}"
    if args.select and args.select not in atlas.points:
        return f"no point has the id {args.select!r} (try 'tpatlas search')"
    if args.pain and library.referrals.resolve_area(args.pain) is None:
        return f"unknown body area {args.pain!r}; areas are: {', '.join(sorted(atlas.areas))}"
    return None
