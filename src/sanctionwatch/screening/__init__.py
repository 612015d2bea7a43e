"""Screening names, in any script, against every list, with explained scores.

>>> screener = Screener.from_entities(entities)
>>> screener.screen(Query("김정은", kind=EntityKind.PERSON))
"""

from sanctionwatch.screening.algorithms import ALGORITHMS, get_algorithm
from sanctionwatch.screening.query import imo_valid
from sanctionwatch.screening.screener import Screener
from sanctionwatch.screening.types import Feature, Match, Query, parse_kind

__all__ = [
    "ALGORITHMS",
    "Feature",
    "Match",
    "Query",
    "Screener",
    "get_algorithm",
    "imo_valid",
    "parse_kind",
]
