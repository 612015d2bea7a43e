"""Scoring algorithms, registered by name.

``sw-v1`` is sanctionwatch's own scorer (see :mod:`sanctionwatch.screening.score`).
``jaro-winkler`` is the usual baseline of list-screening tools (OFAC's search tool,
Moov Watchman): normalised tokens, each query token paired with its best Jaro-Winkler
counterpart, averaged by length; no transliteration, variants or context. Both take
the same prepared query and index entry, so one test run and one benchmark cover all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol

from rapidfuzz.distance import JaroWinkler

from sanctionwatch import names
from sanctionwatch.errors import InputError
from sanctionwatch.screening.index import EntityRecord, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery
from sanctionwatch.screening.score import Scored, score_entity
from sanctionwatch.screening.types import Feature

__all__ = ["ALGORITHMS", "Algorithm", "JaroWinklerBaseline", "SwV1", "get_algorithm"]


class Algorithm(Protocol):
    name: ClassVar[str]
    threshold: ClassVar[float]

    def score(
        self,
        pq: PreparedQuery,
        record: EntityRecord,
        index: ScreeningIndex,
        name_ids: Iterable[int] | None = None,
    ) -> Scored: ...


class SwV1:
    """Token-set alignment over transliterations, variants and phonetics, plus context."""

    name: ClassVar[str] = "sw-v1"
    threshold: ClassVar[float] = 0.8

    def score(
        self,
        pq: PreparedQuery,
        record: EntityRecord,
        index: ScreeningIndex,
        name_ids: Iterable[int] | None = None,
    ) -> Scored:
        return score_entity(pq, record, index, name_ids)


def best_pairs_jaro_winkler(query: list[str], candidate: list[str]) -> float:
    """Length-weighted mean of each query token's best Jaro-Winkler similarity."""
    if not query or not candidate:
        return 0.0
    total = weight = 0.0
    for qt in query:
        best = max(JaroWinkler.normalized_similarity(qt, ct) for ct in candidate)
        total += best * len(qt)
        weight += len(qt)
    pairwise = total / weight
    whole = JaroWinkler.normalized_similarity(" ".join(query), " ".join(candidate))
    return max(pairwise, whole)


class JaroWinklerBaseline:
    """The reference baseline: normalised token Jaro-Winkler, name only."""

    name: ClassVar[str] = "jaro-winkler"
    threshold: ClassVar[float] = 0.9

    def __init__(self) -> None:
        self._tokens: dict[str, list[str]] = {}

    def _toks(self, text: str) -> list[str]:
        got = self._tokens.get(text)
        if got is None:
            got = names.tokens(text)
            if len(self._tokens) < 500_000:
                self._tokens[text] = got
        return got

    def score(
        self,
        pq: PreparedQuery,
        record: EntityRecord,
        index: ScreeningIndex,
        name_ids: Iterable[int] | None = None,
    ) -> Scored:
        query = self._toks(pq.query.name)
        best, best_idx = 0.0, record.names[0] if record.names else -1
        for nidx in record.names if name_ids is None else name_ids:
            value = best_pairs_jaro_winkler(query, self._toks(index.names[nidx].text))
            if value > best:
                best, best_idx = value, nidx
        detail = "best-pair Jaro-Winkler of normalised tokens"
        return Scored(best, best_idx, [Feature("name", best, best, detail)])


ALGORITHMS: dict[str, type[SwV1] | type[JaroWinklerBaseline]] = {
    SwV1.name: SwV1,
    JaroWinklerBaseline.name: JaroWinklerBaseline,
}


def get_algorithm(name: str) -> Algorithm:
    """A fresh instance of the algorithm registered as ``name``."""
    try:
        return ALGORITHMS[name]()
    except KeyError:
        known = ", ".join(sorted(ALGORITHMS))
        raise InputError(f"unknown matching algorithm {name!r}; known: {known}") from None
