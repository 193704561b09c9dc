"""Reading the YAML content files into validated schema entries.

Reading stops at the file level (bad YAML, wrong shape, wrong types); the
rules that need every file at once live in :mod:`tpatlas.content.validate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import ValidationError

from tpatlas.content import schema
from tpatlas.content.errors import ContentError, ContentProblem

T = TypeVar("T")

ENTRY_LABELS: dict[str, str] = {
    "sources": "source",
    "areas": "area",
    "safety": "safety topic",
    "techniques": "technique",
    "conditions": "condition",
    "points": "point",
    "views": "view",
}


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A validated entry and the file it came from."""

    entry: T
    file: Path


@dataclass
class ContentFiles:
    """Every validated entry of a content folder, by kind."""

    root: Path
    sources: list[Located[schema.SourceEntry]] = field(default_factory=list)
    areas: list[Located[schema.AreaEntry]] = field(default_factory=list)
    safety: list[Located[schema.SafetyTopicEntry]] = field(default_factory=list)
    techniques: list[Located[schema.TechniqueEntry]] = field(default_factory=list)
    conditions: list[Located[schema.ConditionEntry]] = field(default_factory=list)
    points: list[Located[schema.PointEntry]] = field(default_factory=list)
    views: list[Located[schema.ViewEntry]] = field(default_factory=list)


# libyaml's parser is ~15x faster than the pure-Python one (a 10,000-point atlas reads
# in about a second instead of twenty); the constructor, and so the rules below, stay the same.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]  # same interface


class _UniqueKeyLoader(_SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping."""


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_unique_mapping,
)


def content_files(root: Path) -> list[Path]:
    """Every YAML file of a content folder, in a stable order."""
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def read_content(root: Path) -> ContentFiles:
    """Read and validate every file under ``root``; raise ContentError listing all problems."""
    if not root.is_dir():
        raise ContentError([ContentProblem(root, None, "content folder not found")])
    files = ContentFiles(root)
    problems: list[ContentProblem] = []
    for path in content_files(root):
        kind = path.relative_to(root).parts[0]
        if kind not in schema.FILE_MODELS:
            known = ", ".join(schema.FILE_MODELS)
            problems.append(ContentProblem(path, None, f"not in a content folder ({known})"))
            continue
        problems.extend(_read_file(path, kind, files))
    if problems:
        raise ContentError(problems)
    return files


def _read_file(path: Path, kind: str, into: ContentFiles) -> list[ContentProblem]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except UnicodeDecodeError:
        return [ContentProblem(path, None, "not UTF-8 text")]
    except OSError as exc:
        return [ContentProblem(path, None, f"cannot be read: {exc.strerror}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return [ContentProblem(path, None, f"{where}invalid YAML: {problem}")]
    if raw is None:
        return [ContentProblem(path, None, "the file is empty")]
    model = schema.FILE_MODELS[kind]
    try:
        validated = model.model_validate(raw)
    except ValidationError as exc:
        return [_problem_from_pydantic(path, kind, raw, error) for error in exc.errors()]
    if kind == "views":
        assert isinstance(validated, schema.ViewFile)
        into.views.append(Located(validated.view, path))
    else:
        located = getattr(into, kind)
        located.extend(Located(entry, path) for entry in getattr(validated, kind))
    return []


def _problem_from_pydantic(path: Path, kind: str, raw: Any, error: Any) -> ContentProblem:
    loc = list(error["loc"])
    expected_key = "view" if kind == "views" else kind
    entry: str | None = None
    if loc and loc[0] != expected_key:
        if error["type"] == "extra_forbidden":
            message = f"unknown top-level key {loc[0]!r} (expected {expected_key!r})"
        else:
            message = f"{loc[0]!r}: {error['msg']}"
        return ContentProblem(path, None, message)
    if not loc:
        return ContentProblem(path, None, f"expected a mapping with the key {expected_key!r}")
    loc = loc[1:]
    if kind == "views":
        entry = f"view {raw.get('view', {}).get('id', '?')}" if isinstance(raw, dict) else None
    elif loc and isinstance(loc[0], int):
        index = loc.pop(0)
        items = raw.get(kind) if isinstance(raw, dict) else None
        item = items[index] if isinstance(items, list) and index < len(items) else None
        item_id = item.get("id") if isinstance(item, dict) else None
        entry = f"{ENTRY_LABELS[kind]} {item_id}" if item_id else f"{ENTRY_LABELS[kind]} #{index + 1}"
    field_path = _format_loc(loc)
    if error["type"] == "extra_forbidden":
        message = f"unknown field {field_path!r}"
    elif error["type"] == "missing":
        message = f"missing field {field_path!r}"
    elif field_path:
        message = f"field {field_path!r}: {_short(error['msg'])}"
    else:
        message = _short(error["msg"])
    return ContentProblem(path, entry, message)


def _format_loc(loc: list[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("function-after", "constrained-str"):
            continue
        else:
            text += f".{part}" if text else str(part)
    return text


def _short(message: str) -> str:
    return message.replace("Value error, ", "").replace("String should", "should")
