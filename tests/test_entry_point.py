"""The installed program, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tpatlas", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_search_hegu_from_a_fresh_data_folder(tmp_path: Path) -> None:
    result = run("search", "hegu", "--json", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "li4"
    assert (tmp_path / "atlas" / "atlas.sqlite").exists()


def test_damaged_user_database_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "user.sqlite").write_bytes(b"\x00not a database" * 200)
    result = run("check", data=tmp_path)
    assert result.returncode == 1
    assert "user.sqlite" in result.stderr
    assert "Traceback" not in result.stderr
