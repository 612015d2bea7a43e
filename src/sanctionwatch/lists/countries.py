"""Country names and codes from the lists -> ISO 3166-1 alpha-2, lowercase.

Uses rigour's territory registry (the one FollowTheMoney uses). Text that names no
known territory is kept as written, so nothing the list says is lost.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.territories import lookup_territory

from sanctionwatch.lists.common import clean

__all__ = ["country_code", "country_or_text"]


@lru_cache(maxsize=8192)
def country_code(text: str | None) -> str | None:
    """ISO2 lowercase code for a country name or code, or ``None`` if unknown."""
    value = clean(text)
    if value is None or len(value) > 120:
        return None
    territory = lookup_territory(value)
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
