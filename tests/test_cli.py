"""Every command-line verb: its output, its JSON shape and its exit status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import CliResult

Run = Callable[..., CliResult]

POINT_KEYS = {
    "id",
    "kind",
    "name",
    "aliases",
    "code",
    "muscle",
    "region",
    "location",
    "palpation",
    "referral",
    "symptoms",
    "conditions",
    "techniques",
    "cautions",
    "sources",
    "placements",
}
TECHNIQUE_KEYS = {"id", "name", "steps", "pressure", "dosage", "cautions", "contraindications", "sources"}


def test_version(run_cli: Run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli("--version")
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("tpatlas 0.")


def test_usage_error_exits_2(run_cli: Run) -> None:
    with pytest.raises(SystemExit) as stop:
        run_cli("search")
    assert stop.value.code == 2


def test_export_has_every_collection_and_key(run_cli: Run, synthetic_content: Path) -> None:
    result = run_cli("--content", str(synthetic_content), "export", "--json")
    assert result.code == 0
    data = result.json()
    assert set(data) >= {"points", "techniques", "conditions", "areas", "views", "sources"}
    assert all(set(p) >= POINT_KEYS for p in data["points"])
    assert all(set(t) >= TECHNIQUE_KEYS for t in data["techniques"])
    placement = data["points"][0]["placements"][0]
    assert set(placement) == {"view", "x", "y"} and 0 <= placement["x"] <= 1
    assert set(data["points"][1]["referral"]) == {"primary", "spillover", "description"}


def test_search_json_and_not_found(run_cli: Run, synthetic_content: Path) -> None:
    found = run_cli("--content", str(synthetic_content), "search", "lu-1", "--json")
    assert found.code == 0
    assert found.json()[0] == {
        "kind": "point",
        "id": "point-0",
        "label": "LU1 " + found.json()[0]["label"][4:],
    }
    missing = run_cli("--content", str(synthetic_content), "search", "zzzqqq")
    assert missing.code == 1
    assert "nothing matches" in missing.err


def test_show_point_technique_condition_and_unknown(run_cli: Run, synthetic_content: Path) -> None:
    c = ("--content", str(synthetic_content))
    point = run_cli(*c, "show", "point-1", "--json")
    assert point.code == 0 and set(point.json()) >= POINT_KEYS
    technique = run_cli(*c, "show", "press", "--json")
    assert technique.code == 0 and set(technique.json()) >= TECHNIQUE_KEYS
    condition = run_cli(*c, "show", "headache", "--json")
    assert condition.code == 0
    assert condition.json()["points"], "a parent condition lists the points of its sub-conditions"
    text = run_cli(*c, "show", "point-1")
    assert "Cautions" in text.out and "Referral" in text.out
    unknown = run_cli(*c, "show", "nope")
    assert unknown.code == 1 and "no point, technique or condition" in unknown.err


def test_lookup_primary_before_spillover(run_cli: Run, synthetic_content: Path) -> None:
    result = run_cli("--content", str(synthetic_content), "lookup", "zone-1-1", "--json")
    assert result.code == 0
    zones = [p["zone"] for p in result.json()["points"]]
    assert zones == sorted(zones, key=lambda z: z != "primary")
    bad = run_cli("--content", str(synthetic_content), "lookup", "elbow-pit")
    assert bad.code == 1 and "unknown body area" in bad.err


def test_build_with_broken_content_prints_one_line_and_keeps_old_atlas(
    run_cli: Run, synthetic_content: Path
) -> None:
    assert run_cli("--content", str(synthetic_content), "build").code == 0
    path = synthetic_content / "points" / "neck.yaml"
    data = yaml.safe_load(path.read_text())
    data["points"][0]["techniques"][0]["id"] = "acupresure"
    path.write_text(yaml.safe_dump(data))
    result = run_cli("--content", str(synthetic_content), "build")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].endswith("neck.yaml: point point-1: unknown technique 'acupresure'")
    still = run_cli("--content", str(synthetic_content), "show", "point-1")
    assert still.code == 0, "the previous atlas still opens"
    assert "using the previous atlas" in still.err


def test_check_passes_then_reports_a_damaged_user_database(
    run_cli: Run, synthetic_content: Path, tmp_path: Path
) -> None:
    c = ("--content", str(synthetic_content))
    assert run_cli(*c, "build").code == 0
    ok = run_cli(*c, "check")
    assert ok.code == 0 and "content ok: 30 points" in ok.out
    (tmp_path / "data" / "user.sqlite").write_bytes(b"\x00" * 4096)
    bad = run_cli(*c, "check")
    assert bad.code == 1 and "user.sqlite" in bad.err and "Traceback" not in bad.err
