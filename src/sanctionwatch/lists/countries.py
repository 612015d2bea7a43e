"""Country names and codes from the lists -> ISO 3166-1 alpha-2, lowercase.

Uses rigour's territory registry (the one FollowTheMoney uses), through
:mod:`sanctionwatch.lists.territory_names` (the same lookup without rebuilding rigour's
name table in every process). Text that names no known territory is kept as written, so
nothing the list says is lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sanctionwatch.lists.common import clean
from sanctionwatch.lists.territory_names import lookup as lookup_territory

__all__ = ["country_code", "country_or_text"]

_PARENS = re.compile(r"\([^()]*\)")
_SEVERAL = re.compile(r"[.,;&]|\band\b|\bor\b", re.I)


@lru_cache(maxsize=8192)
def country_code(text: str | None) -> str | None:
    """ISO2 lowercase code for a country name or code, or ``None`` if unknown."""
    value = clean(text)
    if value is None or len(value) > 120:
        return None
    territory = lookup_territory(value)
    if territory is None and not _SEVERAL.search(value):
        # misspellings and word orders ("Repubic of Moldova", "Congo (Democratic
        # Republic)"); never for text that may name several countries
        territory = lookup_territory(value, fuzzy=True)
        if territory is not None and (territory.ftm_country or "") != territory.code:
            territory = None  # a region or city matched loosely: not good enough
    if territory is None:
        bare = clean(_PARENS.sub(" ", value))  # "Iraq (previous address)"
        if bare and bare != value:
            territory = lookup_territory(bare)
    if territory is None:
        return None
    code = territory.ftm_country or territory.code
    return code.lower() if code else None


def country_or_text(text: str | None) -> str | None:
    """ISO2 code where the text names a known country, else the cleaned text itself."""
    value = clean(text)
    if value is None:
        return None
    return country_code(value) or value
