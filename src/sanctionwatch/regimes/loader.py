"""Reading the knowledge base's data files, with errors that name the file and the line.

``data/resolutions.csv`` is the index generated from the shared resolution list (see
``tools/build_index.py``); ``data/resolutions_added.csv`` holds later resolutions added by
hand in the same columns plus a ``source``. ``data/regimes/*.yaml`` hold one regime each.
YAML is composed into nodes first so that every value keeps its line for error messages.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sanctionwatch.errors import InputError
from sanctionwatch.regimes.deadlines import resolve_rule
from sanctionwatch.regimes.model import RegimeFile, Resolution

__all__ = [
    "DataFileError",
    "data_dir",
    "read_index",
    "read_regime",
]

Path_ = tuple[str | int, ...]
_INDEX_COLUMNS = ("number", "adopted", "subject", "topic", "regime")
_MAX_DEPTH = 40  # regime files nest five or six levels
_MAX_VALUES = 200_000  # bounds what YAML aliases can expand to ("billion laughs")

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class DataFileError(InputError):
    """A knowledge-base data file is wrong. The message names the file and the line."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


def data_dir() -> Path:
    """The package's own data folder."""
    return Path(str(resources.files("sanctionwatch.regimes") / "data"))


# --- CSV index ----------------------------------------------------------------------


def read_index(path: Path, *, text: str | None = None) -> Iterator[Resolution]:
    """Rows of a resolution index file; a bad row raises :class:`DataFileError`."""
    content = path.read_text(encoding="utf-8") if text is None else text
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        missing = [c for c in _INDEX_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(path, 1, f"missing column(s): {', '.join(missing)}")
        yield from _index_rows(path, reader)
    except csv.Error as exc:
        raise DataFileError(path, reader.line_num or None, f"CSV: {exc}") from None


def _index_rows(path: Path, reader: csv.DictReader[str]) -> Iterator[Resolution]:
    previous = 0
    for row in reader:
        line = reader.line_num
        number_text = (row.get("number") or "").strip()
        if not (number_text.isascii() and number_text.isdigit()) or int(number_text) <= 0:
            raise DataFileError(path, line, f"bad resolution number {number_text!r}")
        number = int(number_text)
        if number <= previous:
            raise DataFileError(path, line, f"number {number} is out of order or repeated")
        previous = number
        date_text = (row.get("adopted") or "").strip()
        try:
            adopted = date.fromisoformat(date_text)
        except ValueError:
            raise DataFileError(
                path, line, f"resolution {number}: bad adoption date {date_text!r} (YYYY-MM-DD)"
            ) from None
        subject = (row.get("subject") or "").strip()
        topic = (row.get("topic") or "").strip()
        if not topic:
            raise DataFileError(path, line, f"resolution {number}: empty topic")
        regime = (row.get("regime") or "").strip() or None
        yield Resolution(number, adopted, subject, topic, regime)


# --- YAML with line numbers ---------------------------------------------------------


def _plain(node: yaml.Node, path: Path_, lines: dict[Path_, int], where: Path, loader: Any) -> Any:
    """A composed YAML node as plain Python values, recording each value's line."""
    line = node.start_mark.line + 1
    if len(path) > _MAX_DEPTH:
        raise DataFileError(where, line, f"nested more than {_MAX_DEPTH} levels deep")
    if len(lines) >= _MAX_VALUES:
        raise DataFileError(where, line, f"more than {_MAX_VALUES} values (aliases?)")
    lines[path] = line
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(key, str):
                raise DataFileError(where, key_node.start_mark.line + 1, "keys must be text")
            if key in out:
                raise DataFileError(where, key_node.start_mark.line + 1, f"repeated key {key!r}")
            out[key] = _plain(value_node, (*path, key), lines, where, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*path, i), lines, where, loader) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as exc:
        raise DataFileError(where, node.start_mark.line + 1, f"bad value: {exc}") from None


def _line_for(loc: Iterable[str | int], lines: dict[Path_, int]) -> int | None:
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def read_yaml(path: Path, *, text: str | None = None) -> tuple[Any, dict[Path_, int]]:
    content = path.read_text(encoding="utf-8") if text is None else text
    try:
        node = yaml.compose(content, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(path, line, f"YAML syntax: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, None, f"YAML syntax: {exc}") from None
    if node is None:
        raise DataFileError(path, None, "empty file")
    lines: dict[Path_, int] = {}
    loader = _Loader("")
    try:
        return _plain(node, (), lines, path, loader), lines
    finally:
        loader.dispose()


def read_regime(path: Path, index: dict[int, Resolution], *, text: str | None = None) -> RegimeFile:
    """One regime file, validated, cross-checked against the index, deadlines computed."""
    data, lines = read_yaml(path, text=text)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "the file must be a mapping (key: value)")
    try:
        regime = RegimeFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [p for p in first["loc"] if isinstance(p, str | int)]
        field = ".".join(str(p) for p in loc) or "file"
        raise DataFileError(path, _line_for(loc, lines), f"{field}: {first['msg']}") from None
    return _cross_check(regime, index, path, lines)


def _cross_check(
    regime: RegimeFile, index: dict[int, Resolution], path: Path, lines: dict[Path_, int]
) -> RegimeFile:
    def fail(loc: Path_, problem: str) -> DataFileError:
        return DataFileError(path, _line_for(loc, lines), problem)

    source_ids = {s.id for s in regime.sources}
    for i, number in enumerate([regime.established_by, *regime.resolutions]):
        if number not in index:
            loc: Path_ = ("established_by",) if i == 0 else ("resolutions", i - 1)
            raise fail(loc, f"unknown resolution {number} (not in the resolution index)")
    for i, step in enumerate(regime.panel):
        if step.resolution is not None and step.resolution not in index:
            raise fail(("panel", i, "resolution"), f"unknown resolution {step.resolution}")
        for src in step.sources:
            if src not in source_ids:
                raise fail(("panel", i, "sources"), f"source {src!r} is not listed in sources")
    ids = {ob.id for ob in regime.obligations}
    if regime.panel_obligation is not None and regime.panel_obligation not in ids:
        raise fail(("panel_obligation",), f"unknown obligation {regime.panel_obligation!r}")
    seen: set[str] = set()
    obligations = []
    for i, ob in enumerate(regime.obligations):
        at: Path_ = ("obligations", i)
        res = index.get(ob.resolution)
        if res is None:
            raise fail((*at, "resolution"), f"unknown resolution {ob.resolution}")
        if ob.id in seen:
            raise fail((*at, "id"), f"repeated obligation id {ob.id!r}")
        seen.add(ob.id)
        for src in ob.sources:
            if src not in source_ids:
                raise fail((*at, "sources"), f"source {src!r} is not listed in sources")
        try:
            deadline = resolve_rule(ob.deadline_rule, res.adopted)
        except ValueError as exc:
            raise fail((*at, "deadline_rule"), str(exc)) from None
        try:
            ends = resolve_rule(ob.ends_rule, res.adopted)
        except ValueError as exc:
            raise fail((*at, "ends_rule"), str(exc)) from None
        if ob.deadline is not None and deadline is not None and ob.deadline != deadline:
            raise fail(
                (*at, "deadline"),
                f"deadline {ob.deadline} disagrees with rule {ob.deadline_rule!r} ({deadline})",
            )
        duties = []
        for j, duty in enumerate(ob.reporting):
            try:
                due = resolve_rule(duty.due_rule, res.adopted)
            except ValueError as exc:
                raise fail((*at, "reporting", j, "due_rule"), str(exc)) from None
            duties.append(duty.model_copy(update={"due": duty.due or due}))
        obligations.append(
            ob.model_copy(
                update={
                    "deadline": ob.deadline or deadline,
                    "ends": ob.ends or ends,
                    "reporting": duties,
                }
            )
        )
    return regime.model_copy(update={"obligations": obligations})
