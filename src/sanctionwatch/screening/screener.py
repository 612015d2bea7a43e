"""The screener: candidates from the index, scores from an algorithm, ranked matches."""

from __future__ import annotations

import gc
import hashlib
import pickle
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity, EntityKind
from sanctionwatch.screening.algorithms import Algorithm, get_algorithm
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery, prepare_query
from sanctionwatch.screening.types import Match, Query

__all__ = ["INDEX_FORMAT", "Screener", "candidates"]

INDEX_FORMAT = 1
COMMON_POSTING = 2500  # skip tokens this frequent once rarer ones found candidates


def candidates(
    pq: PreparedQuery, index: ScreeningIndex, limit: int = 60
) -> list[tuple[int, list[int]]]:
    """Entities worth scoring, best first, each with the names that shared a key.

    Each query token contributes its IDF weight to every name it reaches by variant
    key (full weight), phonetic key (0.8) or, for tokens the lists never use, by
    3-gram similarity (0.6); a name's candidate score is the sum over query tokens,
    the best over query forms.
    """
    name_hits: dict[int, float] = {}
    by_key, by_phon = index.by_key, index.by_phonetic
    for form in pq.forms:
        form_hits: dict[int, float] = defaultdict(float)
        order = sorted(range(len(form.tokens)), key=lambda i: -form.weights[i])
        for i in order:
            key, phon, weight = form.keys[i], form.phon[i], form.weights[i]
            reach: dict[int, float] = {}
            posting = by_key.get(key)
            if posting is not None:
                if len(posting) > COMMON_POSTING and form_hits:
                    continue
                for n in posting:
                    reach[n] = weight
            elif len(key) >= 3:
                for other in index.similar_keys(key):
                    for n in by_key[other]:
                        reach[n] = 0.6 * weight
            if len(phon) >= 2:
                ppost = by_phon.get(phon, ())
                if len(ppost) <= COMMON_POSTING:
                    low = 0.8 * weight
                    for n in ppost:
                        if reach.get(n, 0.0) < low:
                            reach[n] = low
            for n, value in reach.items():
                form_hits[n] += value
        for n, value in form_hits.items():
            if value > name_hits.get(n, 0.0):
                name_hits[n] = value
    per_entity: dict[int, tuple[float, list[int]]] = {}
    names = index.names
    for n, value in name_hits.items():
        eidx = names[n].entity
        got = per_entity.get(eidx)
        if got is None:
            per_entity[eidx] = (value, [n])
        else:
            got[1].append(n)
            if value > got[0]:
                per_entity[eidx] = (value, got[1])
    for ident in pq.identifiers:
        for eidx in index.by_identifier.get(ident, ()):
            per_entity[eidx] = (1e9, index.records[eidx].names)
    kind = pq.query.kind
    ranked = sorted(
        (
            (value, eidx, ids)
            for eidx, (value, ids) in per_entity.items()
            if kind is None or _kind_fits(kind, index.records[eidx].kind)
        ),
        key=lambda item: -item[0],
    )
    return [(eidx, ids) for _, eidx, ids in ranked[:limit]]


def _kind_fits(query: EntityKind, entity: EntityKind) -> bool:
    return query is entity


class Screener:
    """Screens queries against an index with one algorithm (``sw-v1`` by default)."""

    def __init__(self, index: ScreeningIndex, algorithm: str = "sw-v1") -> None:
        self.index = index
        self.algorithm: Algorithm = get_algorithm(algorithm)

    @classmethod
    def from_entities(cls, entities: Iterable[Entity], algorithm: str = "sw-v1") -> Screener:
        return cls(ScreeningIndex.build(entities), algorithm)

    @property
    def threshold(self) -> float:
        return self.algorithm.threshold

    def with_algorithm(self, algorithm: str) -> Screener:
        return Screener(self.index, algorithm)

    def prepare(self, query: Query) -> PreparedQuery:
        return prepare_query(query, self.index)

    def screen(
        self, query: Query, limit: int = 10, threshold: float | None = None, pool: int = 60
    ) -> list[Match]:
        """The best ``limit`` entries scoring at least ``threshold`` (default: the
        algorithm's), best first."""
        if limit < 1:
            raise InputError("limit must be at least 1")
        cut = self.threshold if threshold is None else threshold
        pq = self.prepare(query)
        records = self.index.records
        names = self.index.names
        matches: list[Match] = []
        for eidx, name_ids in candidates(pq, self.index, max(pool, limit)):
            record = records[eidx]
            scored = self.algorithm.score(pq, record, self.index, name_ids)
            if scored.score < cut:
                continue
            matched = names[scored.name_index].text if scored.name_index >= 0 else ""
            matches.append(Match(record.entity, round(scored.score, 4), matched, scored.features))
        matches.sort(key=lambda m: (-m.score, m.entity.source, m.entity.ref))
        return matches[:limit]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump((INDEX_FORMAT, self.index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, algorithm: str = "sw-v1") -> Screener | None:
        """The index saved at ``path``, or None when absent or of another format."""
        if not path.is_file():
            return None
        enabled = gc.isenabled()
        gc.disable()  # unpickling many small long-lived objects: no point collecting
        try:
            with path.open("rb") as fh:
                version, index = pickle.load(fh)
        except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
            return None
        finally:
            if enabled:
                gc.enable()
        if version != INDEX_FORMAT or not isinstance(index, ScreeningIndex):
            return None
        return cls(index, algorithm)


def index_key(parts: Iterable[str]) -> str:
    """A short stable key for a set of list versions (file hashes, version ids)."""
    digest = hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()
    return digest[:16]
