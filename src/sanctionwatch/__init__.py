"""sanctionwatch: monitor UN sanctions lists, obligations and compliance evidence."""

from sanctionwatch.errors import InputError, ListParseError, SanctionwatchError
from sanctionwatch.lists.model import Entity, EntityKind, ListSnapshot, Name, NameKind
from sanctionwatch.settings import Settings, get_settings

__version__ = "0.1.0"

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
