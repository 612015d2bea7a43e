"""Scoring a prepared query against one indexed entity ("sw-v1").

The name score aligns the tokens of two names as sets: every query token is paired
with at most one candidate token (greedy, best pairs first), so word order may vary,
while unmatched tokens on either side lower the score in proportion to their IDF
weight (a query token the list entry lacks counts fully, an extra candidate token
half). That is what keeps "Kim Jong Un" apart from "Kim Yo Jong". Tokens pair when
their variant keys agree (Ri/Lee, Jong/Chong ...), their phonetic keys agree, or
their edit similarity is high; a lone initial pairs with a token that starts with it.
Birth date, country and identifiers then add or subtract a little, and a matching
identifier (an IMO number with a valid check digit above all) is decisive alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Indel

from sanctionwatch import names
from sanctionwatch.lists.model import NameKind, PartialDate
from sanctionwatch.screening.index import EntityRecord, NameForm, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery
from sanctionwatch.screening.types import Feature

__all__ = ["NameScore", "Scored", "align", "score_entity", "token_similarity"]

PAIR_MIN = 0.6
SHORT_MIN = 0.9  # tokens of 3 letters or fewer pair only when (nearly) equal
PHONETIC = 0.88
PHONETIC_FLOOR = 0.65  # sounding alike counts only for spellings already close
SWAPPED = 0.95  # factor when each side has a name part the other lacks
SKELETON = 0.9  # consonants agree: vowels unknown, so never certain
JOINED_MIN = 0.95  # names that differ only in spacing compare whole
EXTRA_CANDIDATE = 0.5
WEAK_ALIAS = 0.92
similarity = Indel.normalized_similarity


def token_similarity(
    qt: str, qk: str, qp: str, ct: str, ck: str, cp: str, q_known: bool = True
) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found.

    Short tokens are syllables (Korean, Chinese, Vietnamese names) or short words where
    one letter makes another name ("yong" / "myong", "song" / "bong"), so the shorter
    the pair, the more an edit costs: 3 letters or fewer must agree by key, 4-5
    letters lose twice the edit distance, and phonetic agreement counts only from 4.
    A query token no list uses (``q_known`` false) is more likely a misspelling than
    another name, so 4-5 letter tokens are then compared without the extra cost.
    """
    if qk == ck:
        return 1.0, ("same" if qt == ct else "variant")
    lq, lc = len(qt), len(ct)
    if lq == 1 or lc == 1:
        # A query initial stands for a name; a lone letter in the entry is often just
        # a particle ("Jihad-e-Islami") and is not expanded.
        if lq == 1 and qt[0] == ct[0]:
            return 0.9, "initial"
        return 0.0, "none"
    shortest = lq if lq < lc else lc
    if shortest <= 3:
        # Two different tokens, one of 3 letters or fewer, never reach SHORT_MIN in
        # edit similarity (that needs them equal, hence equal keys): only keys can.
        sim = similarity(qk, ck)
        return (sim, "fuzzy") if sim >= SHORT_MIN else (0.0, "none")
    sim = max(similarity(qk, ck), similarity(qt, ct))
    how = "fuzzy"
    if qp and qp == cp and qt[0] == ct[0] and PHONETIC_FLOOR <= sim < PHONETIC:
        sim, how = PHONETIC, "phonetic"
    if shortest <= 5 and q_known:
        sim = 2.0 * sim - 1.0
    return sim, how


def skeleton_similarity(qs: str, ct: str) -> tuple[float, str]:
    """A consonant skeleton from unvowelled script (Arabic) against a Latin token."""
    cs = names.consonant_skeleton(ct)
    if not qs or not cs:
        return 0.0, "none"
    if qs == cs:
        return SKELETON, "skeleton"
    if min(len(qs), len(cs)) <= 3:
        return 0.0, "none"
    return SKELETON * (2.0 * similarity(qs, cs) - 1.0), "skeleton"


class NameScore:
    __slots__ = ("pairs", "score", "unmatched_candidate", "unmatched_query")

    def __init__(
        self,
        score: float,
        pairs: list[tuple[str, str, float, str]],
        unmatched_query: list[str],
        unmatched_candidate: list[str],
    ) -> None:
        self.score = score
        self.pairs = pairs
        self.unmatched_query = unmatched_query
        self.unmatched_candidate = unmatched_candidate


def align(
    qf: NameForm, cf: NameForm, cache: list[dict[str, tuple[float, str]]] | None = None
) -> NameScore:
    """Token-set alignment of a query form with a candidate form.

    ``cache`` holds, per query token, its similarity to each candidate token seen so
    far (one dict per query token), so that a token shared by many list names is
    compared once per query. It is keyed by the token itself, not its variant key:
    tokens sharing a key ("abd", "abud") can differ in edit similarity, and a score
    must not depend on which entries were scored before.
    """
    qtoks, qkeys, qphon, qw = qf.tokens, qf.keys, qf.phon, qf.weights
    known = qf.known or (True,) * len(qtoks)
    ctoks, ckeys, cphon, cw = cf.tokens, cf.keys, cf.phon, cf.weights
    skeletal = qf.method.endswith("skeleton")
    if cache is None:
        cache = [{} for _ in qtoks]
    options: list[tuple[float, int, int, str]] = []
    for i, qt in enumerate(qtoks):
        row = cache[i]
        for j, ct in enumerate(ctoks):
            got = row.get(ct)
            if got is None:
                got = (
                    skeleton_similarity(qt, ct)
                    if skeletal
                    else token_similarity(qt, qkeys[i], qphon[i], ct, ckeys[j], cphon[j], known[i])
                )
                row[ct] = got
            if got[0] >= PAIR_MIN:
                options.append((got[0], i, j, got[1]))
    options.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[str, str, float, str]] = []
    num = den = 0.0
    for sim, i, j, how in options:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((qtoks[i], ctoks[j], sim, how))
        if how != "initial":
            num += 2.0 * sim * cw[j]
            den += 2.0 * cw[j]
            continue
        # An initial confirms one letter: the rest of the spelt-out token is unverified,
        # counted as missing (fully on the query side, half on the candidate side).
        q_init = len(qtoks[i]) == 1
        small = min(qw[i], cw[j])
        num += 2.0 * sim * small
        den += 2.0 * small
        rest = (cw[j] if q_init else qw[i]) - small
        den += max(rest, 0.0) * (EXTRA_CANDIDATE if q_init else 1.0)
    missing_q = [qtoks[i] for i in range(len(qtoks)) if i not in used_q]
    missing_c = [ctoks[j] for j in range(len(ctoks)) if j not in used_c]
    den += sum(qw[i] for i in range(len(qtoks)) if i not in used_q)
    # Extra entry tokens cost half when the query is a shortened form of the entry
    # (every query token found); when both sides have parts the other lacks, one name
    # part was swapped for another, and the entry's extra part counts in full.
    extra = EXTRA_CANDIDATE if len(used_q) == len(qtoks) else 1.0
    den += extra * sum(cw[j] for j in range(len(ctoks)) if j not in used_c)
    score = num / den if den else 0.0
    if missing_q and missing_c:
        score *= SWAPPED
    if len(qtoks) != len(ctoks) and (missing_q or missing_c):
        joined = similarity(qf.compact, cf.compact)
        same_start = qf.compact[:1] == cf.compact[:1]
        if joined >= JOINED_MIN and same_start and joined * 0.97 > score:
            q_text = " ".join(qtoks)
            c_text = " ".join(ctoks)
            return NameScore(joined * 0.97, [(q_text, c_text, joined, "joined")], [], [])
    return NameScore(score, pairs, missing_q, missing_c)


class Scored:
    __slots__ = ("features", "name_index", "score")

    def __init__(self, score: float, name_index: int, features: list[Feature]) -> None:
        self.score = score
        self.name_index = name_index
        self.features = features


def _best_name(
    pq: PreparedQuery, index: ScreeningIndex, name_ids: Iterable[int]
) -> tuple[float, int, NameScore | None, NameForm | None, NameForm | None]:
    best: tuple[float, int, NameScore | None, NameForm | None, NameForm | None]
    best = (-1.0, -1, None, None, None)
    cache = pq.cache
    aligned = pq.aligned  # the same name is often on several lists: align it once
    for nidx in name_ids:
        iname = index.names[nidx]
        factor = WEAK_ALIAS if iname.kind is NameKind.WEAK_ALIAS else 1.0
        for qf_no, qf in enumerate(pq.forms):
            sub = cache.get(qf_no)
            if sub is None:
                sub = cache[qf_no] = [{} for _ in qf.tokens]
            for cf in iname.forms:
                memo = (qf_no, cf.tokens)
                result = aligned.get(memo)
                if result is None:
                    result = align(qf, cf, sub)
                    aligned[memo] = result
                value = result.score * factor
                if value > best[0]:
                    best = (value, nidx, result, qf, cf)
    return best


def _describe_name(ns: NameScore, qf: NameForm, cf: NameForm) -> str:
    parts = [f"{q}~{c} {how} {sim:.2f}" for q, c, sim, how in ns.pairs]
    parts += [f"{q} unmatched in query" for q in ns.unmatched_query]
    parts += [f"{c} unmatched in entry" for c in ns.unmatched_candidate]
    via = {qf.method, cf.method} - {"latin"}
    suffix = f" (transliteration: {', '.join(sorted(via))})" if via else ""
    return "; ".join(parts) + suffix


def _birth_feature(query: PartialDate, record: EntityRecord) -> Feature | None:
    best: Feature | None = None
    for year, month, day, end, approx in record.births:
        last = end if end is not None else year
        listed = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        if year <= query.year <= last:
            if end is None and query.month is not None and month is not None:
                if month == query.month and (query.day is None or day in (None, query.day)):
                    return Feature(
                        "birth_date", 1.0, 0.06, f"birth date {query} agrees with {listed}"
                    )
                cand = Feature("birth_date", 0.5, -0.04, f"same year, other date: {listed}")
            else:
                cand = Feature("birth_date", 0.8, 0.04, f"birth year {query.year} agrees")
        else:
            gap = min(abs(query.year - year), abs(query.year - last))
            if gap <= (2 if approx else 1):
                cand = Feature("birth_date", 0.3, -0.02, f"birth year {query.year} is {gap} off")
            else:
                cand = Feature(
                    "birth_date", 0.0, -0.15, f"birth year {query.year} conflicts with {listed}"
                )
        if best is None or cand.weight > best.weight:
            best = cand
    return best


def _country_feature(country: str, record: EntityRecord) -> Feature | None:
    if not record.countries:
        return None
    if country in record.countries:
        return Feature("country", 1.0, 0.03, f"country {country} agrees")
    listed = ", ".join(sorted(record.countries))
    return Feature("country", 0.0, -0.05, f"country {country} not among {listed}")


def _identifier_feature(pq: PreparedQuery, record: EntityRecord) -> Feature | None:
    if not record.identifiers or not pq.identifiers:
        return None
    for ident in pq.identifiers:
        kind = record.identifiers.get(ident)
        if kind is None:
            continue
        if ident in record.imos and ident in pq.valid_imos:
            return Feature("identifier", 1.0, 1.0, f"IMO {ident} (valid check digit) matches")
        return Feature("identifier", 1.0, 0.9, f"{kind} {ident} matches")
    return None


def score_entity(
    pq: PreparedQuery,
    record: EntityRecord,
    index: ScreeningIndex,
    name_ids: Iterable[int] | None = None,
) -> Scored:
    """The sw-v1 score of one entity for a prepared query, with its explanation."""
    ids = record.names if name_ids is None else name_ids
    value, nidx, ns, qf, cf = _best_name(pq, index, ids)
    features: list[Feature] = []
    if ns is not None and qf is not None and cf is not None:
        features.append(Feature("name", ns.score, value, _describe_name(ns, qf, cf)))
        if index.names[nidx].kind is NameKind.WEAK_ALIAS:
            features.append(Feature("weak_alias", 1.0, value - ns.score, "matched a weak alias"))
    else:
        value, nidx = 0.0, record.names[0] if record.names else -1
    total = max(value, 0.0)
    if pq.birth is not None:
        bf = _birth_feature(pq.birth, record)
        if bf is not None:
            features.append(bf)
            total += bf.weight
    if pq.country is not None:
        cfeat = _country_feature(pq.country, record)
        if cfeat is not None:
            features.append(cfeat)
            total += cfeat.weight
    ident = _identifier_feature(pq, record)
    if ident is not None:
        features.append(ident)
        total = max(total, 0.97 if ident.weight >= 1.0 else 0.9) + 0.02 * value
    for note in pq.notes:
        features.append(note)
    return Scored(min(max(total, 0.0), 1.0), nidx, features)
