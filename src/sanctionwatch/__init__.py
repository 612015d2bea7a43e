"""sanctionwatch: monitor UN sanctions lists, obligations and compliance evidence.

The public names below are imported on first use, so that ``import sanctionwatch`` (and
every command's start-up) does not pay for settings and validation it may not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sanctionwatch.errors import InputError, ListParseError, SanctionwatchError
    from sanctionwatch.lists.model import Entity, EntityKind, ListSnapshot, Name, NameKind
    from sanctionwatch.settings import Settings, get_settings

__version__ = "0.1.0"

_WHERE = {
    "InputError": "sanctionwatch.errors",
    "ListParseError": "sanctionwatch.errors",
    "SanctionwatchError": "sanctionwatch.errors",
    "Entity": "sanctionwatch.lists.model",
    "EntityKind": "sanctionwatch.lists.model",
    "ListSnapshot": "sanctionwatch.lists.model",
    "Name": "sanctionwatch.lists.model",
    "NameKind": "sanctionwatch.lists.model",
    "Settings": "sanctionwatch.settings",
    "get_settings": "sanctionwatch.settings",
}

__all__ = [
    "Entity",
    "EntityKind",
    "InputError",
    "ListParseError",
    "ListSnapshot",
    "Name",
    "NameKind",
    "SanctionwatchError",
    "Settings",
    "__version__",
    "get_settings",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'sanctionwatch' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
