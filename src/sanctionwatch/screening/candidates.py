"""Candidate generation: the few entities worth scoring for a query, from the index's
inverted indexes, without a pass over the whole list."""

from __future__ import annotations

from typing import Any

import numpy as np

from sanctionwatch.names.arabic import WRITTEN_I
from sanctionwatch.screening.index import KIND_CODES, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery

__all__ = [
    "COMMON_POSTING",
    "Reach",
    "candidates",
    "reach",
    "reach_brand",
    "reach_needed",
    "reach_skeleton",
]

COMMON_POSTING = 2500  # skip tokens this frequent once rarer ones found candidates
REACH_CACHE = 50_000  # query tokens whose reach is kept (cleared when full)
NEAR, PHONETIC, EDIT, KEY = 0, 1, 2, 3  # how a token reaches a name, weakest first
CREDIT = (0.6, 0.8, 0.9, 1.0)  # share of the token's weight each way gives
INITIAL = 0.8  # share a lone letter gives a name with a part starting with it
# Unknown keys of this many letters reach the known keys one edit away. Longer ones
# mostly keep enough 3-grams after one edit (not after a swap in 8 letters: 4 of 8
# left); the bound keeps the cost a query down (about 60 us a token edited).
EDIT_MIN, EDIT_MAX = 4, 7
SWAP_MAX = 16  # longer unknown keys reach the known keys two neighbours swapped
CacheKey = tuple[str, str, bool | str]  # (token, phonetic key, typed / "skeleton" / "brand")


class Reach:
    """The names one query token reaches: each once, by the strongest way."""

    __slots__ = ("how", "key_size", "names")

    def __init__(self, names: np.ndarray, how: np.ndarray, key_size: int | None) -> None:
        self.names = names  # int32 name indexes, distinct
        self.how = how  # int8: NEAR, PHONETIC, EDIT or KEY for each
        self.key_size = key_size  # names sharing the token's variant key; None: unknown key


def reach(index: ScreeningIndex, key: str, phon: str, typed: bool = False) -> Reach:
    """Names reached by variant key, by phonetic key (unless too common) and, for a
    key no list uses, by the known keys one edit away (a ``typed`` token of
    :data:`EDIT_MIN` to :data:`EDIT_MAX` letters: a Latin query, not a
    transliteration, whose spellings are guesses already) or, when none is, by the
    3-gram nearest known keys; a longer typed token (up to :data:`SWAP_MAX` letters)
    also reaches the known keys two neighbours swapped. Cached per (key, phonetic,
    typed)."""
    typed = typed and EDIT_MIN <= len(key) <= SWAP_MAX and key not in index.by_key
    cache = index.reach_cache
    found = cache.get((key, phon, typed))
    if found is not None:
        return found
    parts: list[np.ndarray] = []
    hows: list[int] = []
    posting = index.by_key.get(key)
    if posting is None and len(key) >= 3:
        edited: list[str] = []
        if typed:
            edited = index.edit_keys(key) if len(key) <= EDIT_MAX else index.swap_keys(key)
        ways = [(other, EDIT) for other in edited]
        if not edited or len(key) > EDIT_MAX:
            ways += [(other, NEAR) for other in index.similar_keys(key)]
        for other, way in ways:
            near = index.by_key.get(other)
            if near is not None:
                parts.append(near)
                hows.append(way)
    ppost = index.by_phonetic.get(phon) if len(phon) >= 2 else None
    if ppost is not None and len(ppost) <= COMMON_POSTING:
        parts.append(ppost)
        hows.append(PHONETIC)
    if posting is not None:
        parts.append(posting)
        hows.append(KEY)
    if not parts:
        names = np.zeros(0, dtype=np.int32)
        how = np.zeros(0, dtype=np.int8)
    elif len(parts) == 1:
        names, how = parts[0], np.full(len(parts[0]), hows[0], dtype=np.int8)
    else:
        # Each name once, by its strongest way: the strongest parts first, and from
        # each later part only the names not reached yet.
        seen = np.zeros(len(index.names), dtype=bool)
        kept: list[np.ndarray] = []
        kept_how: list[np.ndarray] = []
        for part, way in sorted(zip(parts, hows, strict=True), key=lambda x: -x[1]):
            fresh = part[~seen[part]]
            seen[fresh] = True
            kept.append(fresh)
            kept_how.append(np.full(len(fresh), way, dtype=np.int8))
        names, how = np.concatenate(kept), np.concatenate(kept_how)
    got = Reach(names, how, None if posting is None else len(posting))
    return _keep(cache, (key, phon, typed), got)


def reach_skeleton(index: ScreeningIndex, skeleton: str) -> Reach:
    """Names with a token of this consonant skeleton (a token of a skeleton form: Arabic
    script without its vowels), credited as a near spelling. Cached."""
    cache = index.reach_cache
    found = cache.get((skeleton, "", "skeleton"))
    if found is not None:
        return found
    # A written final long i (names.arabic.WRITTEN_I) is no consonant: the names are
    # those of the skeleton without it (and tokensim keeps the ones ending in a vowel).
    posting = index.by_skeleton.get(skeleton.removesuffix(WRITTEN_I))
    return _keep(cache, (skeleton, "", "skeleton"), _posting_reach(posting, EDIT))


def reach_brand(index: ScreeningIndex, sound: str) -> Reach:
    """Names with a token of this names.brand_sound (a proper name of a Chinese
    organisation name, spelt out in characters), credited as a near spelling. Cached."""
    cache = index.reach_cache
    found = cache.get((sound, "", "brand"))
    if found is not None:
        return found
    posting = index.by_brand.get(sound)
    if posting is not None and len(posting) > COMMON_POSTING:
        posting = None  # a sound too many names share finds none of them
    return _keep(cache, (sound, "", "brand"), _posting_reach(posting, NEAR))


def _posting_reach(posting: np.ndarray | None, credit: int) -> Reach:
    """The names of one posting, each credited ``credit``; none for no posting."""
    if posting is None:
        return Reach(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int8), None)
    return Reach(posting, np.full(len(posting), credit, dtype=np.int8), len(posting))


def _keep(cache: dict[CacheKey, Any], key: CacheKey, got: Reach) -> Reach:
    """Store ``got`` in the reach cache (emptied when full) and return it."""
    if len(cache) >= REACH_CACHE:
        cache.clear()
    cache[key] = got
    return got


def candidates(
    pq: PreparedQuery, index: ScreeningIndex, limit: int = 25, min_share: float = 0.0
) -> list[tuple[int, list[int]]]:
    """Entities worth scoring, best first, each with the names that shared a key.

    Each query token contributes its IDF weight to every name it reaches by variant
    key (full weight), phonetic key (0.8) or, for tokens the lists never use, by a
    known key one edit away (0.9; Latin queries) or else 3-gram similarity (0.6); a
    name's candidate score is that sum as a share of the form's total weight, the
    best over query forms; an entity's is its best name's.
    Entities below ``min_share`` are dropped. Among equal shares the name that found
    more of the query's weight comes first (a query in two scripts has a form for
    each part and one for the whole: "179 SRZ АО" is "179 SRZ AO" before it is any
    name with "AO"), then the name with the least weight of its own ("Kim Chol"
    before "Kim Song Chol" for the query "Kim Chol"): many names share common tokens,
    and only ``limit`` are kept.
    """
    size = len(index.names)
    best = np.zeros(size, dtype=np.float32)
    mass = np.zeros(size, dtype=np.float32)  # the query weight found, for ties
    hits = np.zeros(size, dtype=np.float32)
    reached: list[np.ndarray] = []
    for k, form in enumerate(pq.forms):
        found = False
        typed = form.method.startswith("latin")
        skeletal = form.method.endswith("skeleton")
        # Chinese glossed forms: the proper names' sounds (see tokensim.TokenMatcher)
        brands = dict(pq.matchers[k].brands) if pq.matchers and pq.matchers[k].brands else {}
        touched: list[np.ndarray] = []
        later: list[int] = []  # tokens that only add to names the others reached
        for i in sorted(range(len(form.tokens)), key=lambda i: -form.weights[i]):
            if typed and len(form.tokens[i]) == 1:
                later.append(i)  # a lone letter: an initial, or a part of its own
                continue
            if skeletal:
                got = reach_skeleton(index, form.tokens[i])
            else:
                got = reach(index, form.keys[i], form.phon[i], typed)
                sound = brands.get(i)
                if sound is not None:
                    # A proper name spelt out in characters: also the names of its sound.
                    alike = reach_brand(index, sound)
                    if len(alike.names):
                        extra = alike.names[~np.isin(alike.names, got.names)]
                        both = np.concatenate((got.names, extra))
                        how = np.concatenate((got.how, np.full(len(extra), NEAR, dtype=np.int8)))
                        got = Reach(both, how, got.key_size)
            if got.key_size is not None and got.key_size > COMMON_POSTING and found:
                later.append(i)
                continue
            if len(got.names):
                _credit(hits, got.names, got.how, form.weights[i])
                touched.append(got.names)
            # Only a token below COMMON_POSTING lets the common ones be fetched no
            # further: a query made only of common words needs them all.
            found = found or (got.key_size is not None and got.key_size <= COMMON_POSTING)
        for i in later:
            if skeletal:
                got = reach_skeleton(index, form.tokens[i])
            else:
                got = reach(index, form.keys[i], form.phon[i], typed)
            if not touched:
                # Nothing else reached a name: the token fetches on its own.
                if len(got.names):
                    _credit(hits, got.names, got.how, form.weights[i])
                    touched.append(got.names)
                continue
            # Too common (or too short) to fetch alone, but it still tells apart the
            # names the rarer words reached: "AL-MUHAMMAD, Muhammad" among the
            # thousands of names with "muhammad"; "S. AL ABDULLAH" among the
            # ABDULLAHs, where a name part starting with S counts as an initial.
            if len(form.tokens[i]) == 1 and not skeletal:
                post = index.by_initial.get(form.tokens[i])
                if post is not None:
                    near = post[hits[post] > 0.0]
                    hits[near] += INITIAL * form.weights[i]
                near = got.names[hits[got.names] > 0.0]
                hits[near] += (1.0 - INITIAL) * form.weights[i]
                continue
            mask = hits[got.names] > 0.0
            _credit(hits, got.names[mask], got.how[mask], form.weights[i])
        if touched:
            where = np.concatenate(touched)
            total = sum(form.weights) or 1.0
            best[where] = np.maximum(best[where], hits[where] / total)
            mass[where] = np.maximum(mass[where], hits[where])
            hits[where] = 0.0
            reached.append(where)
    return _entities(pq, index, best, mass, reached, limit, min_share)


def _credit(hits: np.ndarray, names: np.ndarray, how: np.ndarray, weight: float) -> None:
    credit = np.asarray([c * weight for c in CREDIT], dtype=np.float32)
    hits[names] += credit[how]


def _entities(
    pq: PreparedQuery,
    index: ScreeningIndex,
    best: np.ndarray,
    mass: np.ndarray,
    reached: list[np.ndarray],
    limit: int,
    min_share: float,
) -> list[tuple[int, list[int]]]:
    # Names reached (some more than once: harmless for the maximum below). Only
    # these are looked at: no pass over every name or entity of the index.
    names = np.concatenate(reached) if reached else np.zeros(0, dtype=np.int32)
    shares = best[names]
    found = mass[names]
    ents = index.name_entity[names]
    cut = float(np.float32(min_share))  # shares are float32: compare as such
    keep = shares >= cut if cut > 0.0 else shares > 0.0
    if pq.query.kind is not None:
        keep &= index.entity_kind[ents] == KIND_CODES[pq.query.kind]
    names = names[keep]
    ents, shares, sizes, found = ents[keep], shares[keep], index.name_weight[names], found[keep]
    named = ents  # the entities reached through names (not identifiers)
    for ident in pq.identifiers:
        same_id = index.by_identifier.get(ident, [])
        if pq.query.kind is not None:
            code = KIND_CODES[pq.query.kind]
            same_id = [e for e in same_id if index.entity_kind[e] == code]
        if same_id:
            ents = np.concatenate([ents, np.asarray(same_id, dtype=ents.dtype)])
            shares = np.concatenate([shares, np.full(len(same_id), 1e9, dtype=shares.dtype)])
            sizes = np.concatenate([sizes, np.zeros(len(same_id), dtype=sizes.dtype)])
            found = np.concatenate([found, np.zeros(len(same_id), dtype=found.dtype)])
    if len(ents) == 0:
        return []
    # Each entity's best share (rows grouped by entity, best first), then the
    # entities best first.
    order = np.lexsort((sizes, -found, -shares, ents))
    ents, shares, sizes, found = ents[order], shares[order], sizes[order], found[order]
    first = np.ones(len(ents), dtype=bool)
    first[1:] = ents[1:] != ents[:-1]
    ents, shares, sizes, found = ents[first], shares[first], sizes[first], found[first]
    chosen = ents[np.lexsort((ents, sizes, -found, -shares))][:limit]
    # The names of the chosen entities that reached the bar, in each entity's order
    # (an entity's names have consecutive ids); all its names when none did (an
    # identifier match).
    wanted = np.zeros(len(index.records), dtype=bool)
    wanted[chosen] = True
    sel = wanted[named]
    groups: dict[int, list[int]] = {}
    for n, e in sorted(set(zip(names[sel].tolist(), named[sel].tolist(), strict=True))):
        groups.setdefault(e, []).append(n)
    records = index.records
    return [(e, groups.get(e) or records[e].names) for e in chosen.tolist()]


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
