"""Can this machine show the atlas window? Checks that print a fix, not a traceback."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from dataclasses import dataclass

from tpatlas.paths import DataPaths

#: Libraries Qt's X11 (xcb) platform plugin loads, and the Debian package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
#: Libraries every Qt platform, even offscreen, needs.
CORE_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_packages(libraries: dict[str, str]) -> list[str]:
    return [package for library, package in libraries.items() if not _loadable(library)]


def platform_name() -> str:
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"].split(":")[0]
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def window_problem() -> str | None:
    """One sentence with the fix if no window can be opened here, else None."""
    if not sys.platform.startswith("linux"):
        return None
    missing = missing_packages(CORE_LIBRARIES)
    if missing:
        return (
            f"Qt cannot start because system libraries are missing; install them with: "
            f"sudo apt-get install {' '.join(missing)}"
        )
    platform = platform_name()
    if platform in ("offscreen", "minimal", "vnc"):
        return None
    if platform == "xcb":
        if not os.environ.get("DISPLAY"):
            return (
                "No display was found (DISPLAY is not set): start tpatlas from a desktop session, "
                "or use 'tpatlas screenshot' or QT_QPA_PLATFORM=offscreen without one."
            )
        missing = missing_packages(XCB_LIBRARIES)
        if missing:
            return (
                f"Qt cannot open an X11 window because libraries are missing; install them with: "
                f"sudo apt-get install {' '.join(missing)}"
            )
    return None


def run_checks(paths: DataPaths) -> list[Check]:
    checks = [
        Check("python", sys.version_info >= (3, 11), sys.version.split()[0]),
        Check(
            "PySide6",
            importlib.util.find_spec("PySide6") is not None,
            "installed" if importlib.util.find_spec("PySide6") else "missing: run 'make run' to install",
        ),
    ]
    if sys.platform.startswith("linux"):
        for name, libraries in (
            ("Qt system libraries", CORE_LIBRARIES),
            ("X11 window libraries", XCB_LIBRARIES),
        ):
            missing = missing_packages(libraries)
            fix = "all present" if not missing else "sudo apt-get install " + " ".join(missing)
            checks.append(Check(name, not missing, fix))
    problem = window_problem()
    checks.append(
        Check("window", problem is None, f"platform {platform_name()}" if problem is None else problem)
    )
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        probe = paths.root / ".write-test"
        probe.write_text("ok")
        probe.unlink()
        checks.append(Check("data folder", True, str(paths.root)))
    except OSError as exc:
        checks.append(Check("data folder", False, f"{paths.root}: {exc.strerror}"))
    return checks
