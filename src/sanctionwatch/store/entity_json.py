"""A fast equivalent of ``Entity.to_dict()`` for the import hot path.

``Entity.to_dict`` goes through ``dataclasses.asdict`` (which deep-copies every value);
this walks the dataclass fields once instead and gives exactly the same dictionary:
``None``, ``[]`` and ``{}`` values dropped, enums as their values, dates in ISO form.

Text no database can hold the same way (a NUL character, an unpaired surrogate) raises
ValueError here, so that SQLite and PostgreSQL accept and refuse the same entities.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from datetime import date, datetime
from typing import Any

from sanctionwatch.lists.model import Entity

__all__ = ["entity_json"]

_FIELDS: dict[type, tuple[str, ...]] = {}
_EMPTY: tuple[Any, ...] = (None, [], {})
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _value(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if _UNSTORABLE.search(value):
            raise ValueError(f"text with a NUL or unpaired surrogate character: {value!r}")
        return value
    if kind is int or kind is bool or kind is float:
        return value
    if kind is list or kind is tuple:
        return [_value(v) for v in value]
    if kind in _FIELDS:
        return _object(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return _value(str(value))
    if isinstance(value, int | float):
        return value
    if isinstance(value, dict):
        return {_value(k): _value(v) for k, v in value.items() if v not in _EMPTY}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _object(value)
    return value


def _object(obj: Any) -> dict[str, Any]:
    out = {}
    for name in _fields(type(obj)):
        value = getattr(obj, name)
        if value not in _EMPTY:
            out[name] = _value(value)
    return out


def entity_json(entity: Entity) -> dict[str, Any]:
    """The same dictionary as ``entity.to_dict()``, computed faster."""
    return _object(entity)
