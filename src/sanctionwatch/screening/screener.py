"""The screener: candidates from the index, scores from an algorithm, ranked matches."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity
from sanctionwatch.screening.algorithms import Algorithm, get_algorithm
from sanctionwatch.screening.candidates import candidates, reach_needed
from sanctionwatch.screening.index import EntityRecord, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery, prepare_query
from sanctionwatch.screening.score import Scored
from sanctionwatch.screening.types import Match, Query

__all__ = ["INDEX_FORMAT", "Hit", "Screener", "candidates"]

INDEX_FORMAT = 8
# One name in each script the transliteration handles, and a company name.
_WARM_UP = ("김정은", "金正恩", "Владимир", "محمد", "Αλέξης", "Korea Trading Co Ltd")


class Hit:
    """One entry scoring at least the threshold: its record, rounded score, the name
    that matched and the algorithm's result (with the explanation)."""

    __slots__ = ("matched_name", "record", "score", "scored")

    def __init__(self, record: EntityRecord, score: float, matched_name: str, scored: Scored):
        self.record = record
        self.score = score
        self.matched_name = matched_name
        self.scored = scored

    @property
    def key(self) -> str:
        return f"{self.record.source}:{self.record.ref}"


class Screener:
    """Screens queries against an index with one algorithm (``sw-v1`` by default)."""

    def __init__(self, index: ScreeningIndex, algorithm: str = "sw-v1") -> None:
        self.index = index
        self.algorithm: Algorithm = get_algorithm(algorithm)
        # The index is hundreds of thousands of objects that live as long as the
        # process: move them out of the collector's sight, so that collections stay
        # cheap and forked batch workers do not copy the pages the collector touches.
        gc.freeze()

    @classmethod
    def from_entities(cls, entities: Iterable[Entity], algorithm: str = "sw-v1") -> Screener:
        return cls(ScreeningIndex.build(entities), algorithm)

    @property
    def threshold(self) -> float:
        return self.algorithm.threshold

    def with_algorithm(self, algorithm: str) -> Screener:
        return Screener(self.index, algorithm)

    def warm(self) -> None:
        """Build every name and record of a loaded index and load the data tables
        that queries in any script need (transliteration, legal forms). For a process
        about to fork workers: done once here, not once in each worker."""
        self.index.materialise()
        for text in _WARM_UP:
            self.screen(Query(text))

    def prepare(self, query: Query) -> PreparedQuery:
        return prepare_query(query, self.index)

    def screen(
        self, query: Query, limit: int = 10, threshold: float | None = None, pool: int = 25
    ) -> list[Match]:
        """The best ``limit`` entries scoring at least ``threshold`` (default: the
        algorithm's), best first."""
        return [
            Match(hit.record.entity, hit.score, hit.matched_name, hit.scored.features)
            for hit in self.hits(query, limit, threshold, pool)
        ]

    def hits(
        self, query: Query, limit: int = 10, threshold: float | None = None, pool: int = 25
    ) -> list[Hit]:
        """What :meth:`screen` returns, before the entities are read: for callers that
        need only their source, reference and primary name (batch screening)."""
        if limit < 1:
            raise InputError("limit must be at least 1")
        cut = self.threshold if threshold is None else threshold
        pq = self.prepare(query)
        records = self.index.records
        names = self.index.names
        found: list[Hit] = []
        for eidx, name_ids in candidates(pq, self.index, max(pool, limit), reach_needed(cut)):
            record = records[eidx]
            scored = self.algorithm.score(pq, record, self.index, name_ids)
            if scored.score < cut:
                continue
            matched = names[scored.name_index].text if scored.name_index >= 0 else ""
            found.append(Hit(record, round(scored.score, 4), matched, scored))
        found.sort(key=lambda h: (-h.score, h.record.source, h.record.ref))
        return found[:limit]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a temporary file of its own: two processes may save the same index at once
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((INDEX_FORMAT, self.index), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

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
        except (
            pickle.UnpicklingError,
            EOFError,
            ValueError,
            AttributeError,
            ImportError,
            KeyError,
            TypeError,
        ):
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
