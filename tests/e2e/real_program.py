"""Running the real program in a subprocess: under a private Xvfb display, or with none."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

XVFB = Path("/usr/bin/Xvfb")
START_TIMEOUT_S = 20


@contextmanager
def xvfb_display(size: str = "1400x900x24") -> Iterator[str]:
    """A fresh Xvfb on a display number it chooses itself (-displayfd), stopped afterwards."""
    if not XVFB.exists():
        pytest.skip(f"{XVFB} is not installed: the real-display tests need Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [str(XVFB), "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], START_TIMEOUT_S)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            raise RuntimeError("Xvfb did not report a display number")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


def program_env(display: str | None, **extra: str) -> dict[str, str]:
    """The user's environment without the test session's Qt settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "TPATLAS_"))}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DISPLAY", None)
    if display:
        env["DISPLAY"] = display
    env.update(extra)
    return env


def data_folder(root: Path, atlas_db: Path) -> Path:
    """A data folder with the already-built shipped atlas (the same content: no rebuild)."""
    (root / "atlas").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(atlas_db, root / "atlas" / "atlas.sqlite")
    return root


def tpatlas(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tpatlas.cli", "--data-dir", str(data), *args]
