"""The screener: candidates from the index, scores from an algorithm, ranked matches."""

from __future__ import annotations

import gc
import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from sanctionwatch.errors import InputError
from sanctionwatch.lists.model import Entity
from sanctionwatch.screening.algorithms import Algorithm, get_algorithm
from sanctionwatch.screening.index import KIND_CODES, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery, prepare_query
from sanctionwatch.screening.types import Match, Query

__all__ = ["INDEX_FORMAT", "Screener", "candidates"]

INDEX_FORMAT = 3
COMMON_POSTING = 2500  # skip tokens this frequent once rarer ones found candidates


def candidates(
    pq: PreparedQuery, index: ScreeningIndex, limit: int = 25, min_share: float = 0.0
) -> list[tuple[int, list[int]]]:
    """Entities worth scoring, best first, each with the names that shared a key.

    Each query token contributes its IDF weight to every name it reaches by variant
    key (full weight), phonetic key (0.8) or, for tokens the lists never use, by
    3-gram similarity (0.6); a name's candidate score is that sum as a share of the
    form's total weight, the best over query forms; an entity's is its best name's.
    Entities below ``min_share`` are dropped. Postings are numpy arrays, so the work
    per token is one vectorised assignment.
    """
    size = len(index.names)
    best = np.zeros(size, dtype=np.float32)
    hits = np.zeros(size, dtype=np.float32)
    reach = np.zeros(size, dtype=np.float32)  # one token's credit; reset after each token
    by_key, by_phon = index.by_key, index.by_phonetic
    reached: list[np.ndarray] = []
    for form in pq.forms:
        found = False
        touched: list[np.ndarray] = []
        for i in sorted(range(len(form.tokens)), key=lambda i: -form.weights[i]):
            key, phon, weight = form.keys[i], form.phon[i], form.weights[i]
            posting = by_key.get(key)
            if posting is not None and len(posting) > COMMON_POSTING and found:
                continue
            parts: list[np.ndarray] = []
            if posting is None and len(key) >= 3:
                for other in index.similar_keys(key):
                    near = by_key.get(other)
                    if near is not None:
                        reach[near] = 0.6 * weight
                        parts.append(near)
            ppost = by_phon.get(phon) if len(phon) >= 2 else None
            if ppost is not None and len(ppost) <= COMMON_POSTING:
                reach[ppost] = 0.8 * weight
                parts.append(ppost)
            if posting is not None:
                reach[posting] = weight
                parts.append(posting)
            if parts:
                # Duplicate indexes add once: a token credits each name at most once.
                where = parts[0] if len(parts) == 1 else np.concatenate(parts)
                hits[where] += reach[where]
                reach[where] = 0.0
                touched.append(where)
            found = found or posting is not None
        if touched:
            where = np.concatenate(touched)
            total = sum(form.weights) or 1.0
            best[where] = np.maximum(best[where], hits[where] / total)
            hits[where] = 0.0
            reached.append(where)
    # Names reached (some more than once: harmless for the maximum below). Only
    # these are looked at: no pass over every name or entity of the index.
    names = np.concatenate(reached) if reached else np.zeros(0, dtype=np.int32)
    shares = best[names]
    ents = index.name_entity[names]
    cut = float(np.float32(min_share))  # shares are float32: compare as such
    keep = shares >= cut if cut > 0.0 else shares > 0.0
    if pq.query.kind is not None:
        keep &= index.entity_kind[ents] == KIND_CODES[pq.query.kind]
    ents, shares, sizes = ents[keep], shares[keep], index.name_weight[names[keep]]
    for ident in pq.identifiers:
        same_id = index.by_identifier.get(ident, [])
        if pq.query.kind is not None:
            code = KIND_CODES[pq.query.kind]
            same_id = [e for e in same_id if index.entity_kind[e] == code]
        if same_id:
            ents = np.concatenate([ents, np.asarray(same_id, dtype=ents.dtype)])
            shares = np.concatenate([shares, np.full(len(same_id), 1e9, dtype=shares.dtype)])
            sizes = np.concatenate([sizes, np.zeros(len(same_id), dtype=sizes.dtype)])
    if len(ents) == 0:
        return []
    # Each entity's best share (rows grouped by entity, best first), then the
    # entities best first. Among equal shares the name with the least weight of its
    # own comes first: "Kim Chol" before "Kim Song Chol" for the query "Kim Chol"
    # (many names share common tokens, and only `limit` entities are kept).
    order = np.lexsort((sizes, -shares, ents))
    ents, shares, sizes = ents[order], shares[order], sizes[order]
    first = np.ones(len(ents), dtype=bool)
    first[1:] = ents[1:] != ents[:-1]
    ents, shares, sizes = ents[first], shares[first], sizes[first]
    chosen = ents[np.lexsort((ents, sizes, -shares))]
    chosen_list = chosen[:limit].tolist()
    records = index.records
    name_lists = [records[eidx].names for eidx in chosen_list]
    flat = [n for ids in name_lists for n in ids]
    reached_share = best[flat].tolist() if flat else []
    result: list[tuple[int, list[int]]] = []
    pos = 0
    for eidx, ids in zip(chosen_list, name_lists, strict=True):
        got = [
            n
            for n, share in zip(ids, reached_share[pos : pos + len(ids)], strict=True)
            if share > 0 and share >= cut
        ]
        pos += len(ids)
        result.append((eidx, got or ids))
    return result


def reach_needed(threshold: float) -> float:
    """The least candidate share that can still end at ``threshold``.

    With a share f of the query's weight matched, the name score is at most
    2f / (1 + f); context features add at most 0.1; candidate generation credits
    misspelt tokens at 0.6 of their weight. Below this, scoring is pointless.
    """
    target = threshold - 0.1
    if target <= 0.0:
        return 0.0
    return 0.6 * target / (2.0 - target)


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

    def prepare(self, query: Query) -> PreparedQuery:
        return prepare_query(query, self.index)

    def screen(
        self, query: Query, limit: int = 10, threshold: float | None = None, pool: int = 25
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
        for eidx, name_ids in candidates(pq, self.index, max(pool, limit), reach_needed(cut)):
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
