"""The command line: the same atlas as the window, for scripts and quick look-ups.

Exit status: 0 ok, 1 not found or invalid, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tpatlas import __version__
from tpatlas.atlas_files import ContentSource, build_database, open_current_atlas
from tpatlas.content.errors import ContentError
from tpatlas.core import export
from tpatlas.core.lookup import ReferralIndex
from tpatlas.core.model import KIND_LABELS, Atlas
from tpatlas.library import Library
from tpatlas.paths import DataPaths, data_paths
from tpatlas.storage.atlas_store import AtlasStore, AtlasUnavailable

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure to report in one clear message, with exit status 1."""


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _source(args: argparse.Namespace) -> ContentSource:
    if args.content is not None:
        return ContentSource.from_content_dir(Path(args.content))
    return ContentSource.shipped()


def _paths(args: argparse.Namespace) -> DataPaths:
    return data_paths(Path(args.data_dir) if args.data_dir else None)


def open_store(args: argparse.Namespace) -> AtlasStore:
    """The current atlas, rebuilt if the content changed; the previous one if the content is broken."""
    path = _paths(args).atlas_db
    try:
        return open_current_atlas(_source(args), path)
    except ContentError as exc:
        try:
            store = AtlasStore(path)
        except AtlasUnavailable:
            raise CliError(f"the content has errors and no earlier atlas exists:\n{exc}") from exc
        print(f"tpatlas: the content has errors; using the previous atlas.\n{exc}", file=sys.stderr)
        return store


def _load(args: argparse.Namespace) -> Atlas:
    with open_store(args) as store:
        return store.read_atlas()


# -- verbs -----------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else _paths(args).atlas_db
    try:
        build_database(_source(args), out)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAIL
    print(f"built {out}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from tpatlas.content.validate import load_atlas  # pydantic and YAML: not on the window's way

    source = _source(args)
    problems: list[str] = []
    try:
        atlas = load_atlas(source.content, source.drawings)
        print(
            f"content ok: {len(atlas.points)} points, {len(atlas.techniques)} techniques, "
            f"{len(atlas.conditions)} conditions, {len(atlas.areas)} areas, {len(atlas.views)} views, "
            f"{len(atlas.sources)} sources"
        )
    except ContentError as exc:
        problems += [str(p) for p in exc.problems]
    paths = _paths(args)
    if paths.atlas_db.exists():
        try:
            with AtlasStore(paths.atlas_db) as store:
                found = store.integrity_problems()
                problems += [f"{paths.atlas_db}: {p}" for p in found]
                if not found:
                    print(f"atlas database ok: {paths.atlas_db}")
        except AtlasUnavailable as exc:
            problems.append(str(exc))
    if paths.user_db.exists():
        from tpatlas.storage.user_store import UserDatabaseError, UserStore  # SQLAlchemy: only when asked

        try:
            with UserStore(paths.user_db, paths.backups) as user:
                found = user.integrity_problems()
                problems += [f"{paths.user_db}: {p}" for p in found]
                if not found:
                    print(f"user database ok: {paths.user_db}")
        except UserDatabaseError as exc:
            problems.append(str(exc))
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_FAIL if problems else EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        library = Library(store, None)
        results = [
            {"kind": hit.kind, "id": hit.id, "label": library.label(hit.kind, hit.id)}
            for hit in library.search(args.query, limit=args.limit)
        ]
    if args.json:
        _print_json(results)
    else:
        for r in results:
            print(f"{r['id']:<28} {r['label']}  [{r['kind']}]")
    if not results:
        if not args.json:
            print(f"nothing matches {args.query!r}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    atlas = _load(args)
    wanted = args.id.strip()
    if wanted in atlas.points:
        data = export.point_to_dict(atlas.points[wanted])
    elif wanted in atlas.techniques:
        data = export.technique_to_dict(atlas.techniques[wanted])
    elif wanted in atlas.conditions:
        data = export.condition_to_dict(atlas.conditions[wanted], atlas)
    else:
        raise CliError(f"no point, technique or condition has the id {wanted!r} (try 'tpatlas search')")
    if args.json:
        _print_json(data)
    else:
        print(format_entry(data, atlas))
    return EXIT_OK


def cmd_lookup(args: argparse.Namespace) -> int:
    atlas = _load(args)
    index = ReferralIndex(atlas)
    area = index.resolve_area(args.area)
    if area is None:
        known = ", ".join(sorted(atlas.areas))
        raise CliError(f"unknown body area {args.area!r}; areas are: {known}")
    hits = index.referrers([area])
    if args.json:
        _print_json(
            {
                "area": area,
                "points": [
                    {"id": h.point.id, "name": h.point.name, "muscle": h.point.muscle, "zone": h.zone}
                    for h in hits
                ],
            }
        )
    else:
        print(f"Points referring pain to {atlas.areas[area].name}:")
        for h in hits:
            print(f"  {h.zone:<9} {h.point.id:<32} {h.point.name}")
        print("Referral patterns vary between people; use them as a map, not a diagnosis.")
    return EXIT_OK if hits else EXIT_FAIL


def cmd_export(args: argparse.Namespace) -> int:
    _print_json(export.atlas_to_dict(_load(args)))
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from tpatlas.doctor import run_checks

    ok = True
    for check in run_checks(_paths(args)):
        print(f"{'ok ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
        ok = ok and check.ok
    return EXIT_OK if ok else EXIT_FAIL


def cmd_gui(args: argparse.Namespace) -> int:
    from tpatlas.gui.launch import run_gui

    return run_gui(_paths(args), _source(args))


def cmd_screenshot(args: argparse.Namespace) -> int:
    from tpatlas.gui.screenshot import take_screenshot

    return take_screenshot(args, open_store(args), _paths(args))


# -- presentation ----------------------------------------------------------------


def format_entry(data: dict[str, Any], atlas: Atlas) -> str:
    """A readable text page for one point, technique or condition."""
    lines: list[str] = []

    def section(title: str, body: str | list[str] | None) -> None:
        if not body:
            return
        lines.append(f"\n{title}")
        items = body if isinstance(body, list) else [body]
        for item in items:
            listed = isinstance(body, list)
            lines.extend(
                textwrap.wrap(
                    item,
                    88,
                    initial_indent="  - " if listed else "  ",
                    subsequent_indent="    " if listed else "  ",
                )
            )

    def area_names(ids: list[str]) -> str:
        return ", ".join(atlas.areas[a].name for a in ids)

    if "kind" in data and data.get("kind") in KIND_LABELS:
        title = f"{data['code']} {data['name']}" if data.get("code") else data["name"]
        lines.append(title)
        sub = [KIND_LABELS[data["kind"]], data["region"]]
        if data.get("english_name"):
            sub.insert(0, data["english_name"])
        if data.get("muscle"):
            sub.append(data["muscle"] + (f", {data['division']}" if data.get("division") else ""))
        lines.append(" · ".join(sub))
        section("Location", data["location"])
        section("Palpation", data["palpation"])
        ref = data["referral"]
        if ref["primary"]:
            section(
                "Referral",
                [
                    f"primary: {area_names(ref['primary'])}",
                    *([f"spillover: {area_names(ref['spillover'])}"] if ref["spillover"] else []),
                    ref["description"],
                ],
            )
        section("Symptoms", data["symptoms"])
        section("Cautions", [f"{atlas.safety[c['topic']].title}: {c['text']}" for c in data["cautions"]])
        section(
            "Contraindications",
            [f"{atlas.safety[c['topic']].title}: {c['text']}" for c in data["contraindications"]],
        )
        section(
            "Techniques",
            [f"{atlas.techniques[t].name}: {data['technique_notes'][t]}" for t in data["techniques"]],
        )
        section(
            "Conditions",
            [
                f"{atlas.conditions[c['id']].name} ({c['strength']})"
                + (f": {c['note']}" if c["note"] else "")
                for c in data["condition_links"]
            ],
        )
    elif "steps" in data:
        lines.append(data["name"])
        section("Purpose", data["purpose"])
        section("Steps", data["steps"])
        section("Pressure", data["pressure"])
        section("Dosage", data["dosage"]["text"])
        section("Positioning", data["positioning"])
        section("What the client feels", data["client_feel"])
        section("Cautions", [f"{atlas.safety[c['topic']].title}: {c['text']}" for c in data["cautions"]])
        section(
            "Contraindications",
            [f"{atlas.safety[c['topic']].title}: {c['text']}" for c in data["contraindications"]],
        )
        section("Self-care", data["self_care"])
    else:
        lines.append(data["name"])
        section("Description", data["description"])
        section("Evidence", data["evidence"])
        section("Red flags", data["red_flags"])
        section(
            "Points", [f"{atlas.points[p['id']].label} ({p['strength']})" for p in data.get("points", [])]
        )
    section(
        "Sources",
        [
            atlas.sources[s["source"]].citation + (f" ({s['locator']})" if s.get("locator") else "")
            for s in data["sources"]
        ],
    )
    return "\n".join(lines)


# -- parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tpatlas",
        description="An offline atlas of trigger points and acupressure points. "
        "With no command, opens the atlas window.",
    )
    parser.add_argument("--version", action="version", version=f"tpatlas {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where notes, favourites and the built atlas live")
    parser.add_argument(
        "--content", metavar="DIR", help="build from this content folder instead of the shipped one"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    def verb(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    p = verb("build", cmd_build, "build the atlas database from the content files")
    p.add_argument("--out", metavar="FILE", help="write the database here")
    verb("check", cmd_check, "validate the content and check both databases")
    p = verb("search", cmd_search, "find points, techniques and conditions")
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    p = verb("show", cmd_show, "show one point, technique or condition by id")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = verb("lookup", cmd_lookup, "points whose referral reaches a body area, primary first")
    p.add_argument("area")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = verb("export", cmd_export, "print the whole atlas as one JSON document")
    p.add_argument("--json", action="store_true", help="JSON (the only format)")
    verb("doctor", cmd_doctor, "check that this machine can run the atlas window")
    p = verb("screenshot", cmd_screenshot, "render the window or the body map to a PNG without a display")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--view", help="body-map view id (default: the first view)")
    p.add_argument("--select", metavar="ID", help="select this point")
    p.add_argument("--pain", metavar="AREA", help="'where does it hurt' at this body area")
    p.add_argument("--theme", choices=["light", "dark"], default="light")
    p.add_argument("--size", default="1400x900", help="WIDTHxHEIGHT in pixels (default 1400x900)")
    p.add_argument("--map-only", action="store_true", help="render only the body map, not the window")
    return parser


def _told_in_one_line() -> tuple[type[Exception], ...]:
    """The failures :func:`main` tells in one line: an unusable atlas or user database.

    Asked only once something was raised. The user database's errors can only have been
    raised if its module was imported; it is not imported here, as that imports SQLAlchemy.
    """
    user_store = sys.modules.get("tpatlas.storage.user_store")
    return (AtlasUnavailable, user_store.UserDatabaseError) if user_store else (AtlasUnavailable,)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except CliError as exc:
        print(f"tpatlas: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except _told_in_one_line() as exc:
        print(f"tpatlas: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        # output piped into `head` and closed early: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(f"tpatlas: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
