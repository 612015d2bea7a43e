"""Scoring a prepared query against one indexed entity ("sw-v1").

The name score aligns the tokens of two names as sets: every query token is paired
with at most one candidate token (greedy, best pairs first), so word order may vary,
while unmatched tokens on either side lower the score in proportion to their IDF
weight (a query token the list entry lacks counts fully, an extra candidate token
half; one part left out of a person's name costs the same whichever part it is, and an
Arabic article alone costs nothing). That is what keeps "Kim Jong Un" apart from "Kim
Yo Jong". Tokens pair when
their variant keys agree (Ri/Lee, Jong/Chong ...), their phonetic keys agree, or
their edit similarity is high; a lone initial pairs with a token that starts with it.
Birth date, country and identifiers then add or subtract a little, and a matching
identifier (an IMO number with a valid check digit above all) is decisive alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Indel

from sanctionwatch.lists.model import EntityKind, NameKind, PartialDate
from sanctionwatch.names.glossary import gloss_words
from sanctionwatch.screening.index import EntityRecord, NameForm, ScreeningIndex
from sanctionwatch.screening.query import PreparedQuery
from sanctionwatch.screening.tokensim import ARTICLES, TokenMatcher, token_similarity, written_i
from sanctionwatch.screening.types import Feature

__all__ = ["NameScore", "Scored", "align", "score_entity", "token_similarity"]

SWAPPED = 0.95  # factor when each side has a name part the other lacks
JOINED_MIN = 0.95  # names that differ only in spacing compare whole
EXTRA_CANDIDATE = 0.5
WEAK_ALIAS = 0.92
# A weak alias found whole, every word as written or as a listed variant: it still
# outranks any name found only in part (at most about 0.97 with one part left out).
WEAK_ALIAS_WHOLE = 0.98
# Factor when a word written as the family name on one side pairs with one written as a
# given name on the other ("KHAN, Saeed" / "SAID, Khan"): only enough to rank the name in
# the order of the query first.
ORDER_CROSSED = 0.99
SYLLABLE_GAP = 0.85  # factor when a syllabic name (Korean, Chinese) lacks a syllable
DROPPED_PART = 0.25  # share of the query's mean token weight one part left out costs
EXACT = ("same", "variant")  # pairs found as written or as a listed variant
# Words that make one name part with the word after them (Abd al-Tawwab, Abu Bakr,
# bin Laden): left out together, they are one part left out.
BOUND = frozenset({"abd", "abdul", "abdel", "abdal", "abu", "abou", "bin", "ibn", "ben", "bint"})
similarity = Indel.normalized_similarity
_BOUND_NEXT = frozenset((word,) for word in BOUND)


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
    qf: NameForm, cf: NameForm, matcher: TokenMatcher | None = None, person: bool = False
) -> NameScore:
    """Token-set alignment of a query form with a candidate form.

    ``matcher`` is the query form's :class:`TokenMatcher`, kept for the whole query so
    that a token shared by many list names is compared once. ``person``: the entry
    is a person's name.
    """
    if matcher is None:
        matcher = TokenMatcher(qf)
    memo = matcher.memo
    qtoks, qw = qf.tokens, qf.weights
    ctoks, cw = cf.tokens, cf.weights
    nq, nc = len(qtoks), len(ctoks)
    options: list[tuple[float, int, int, str]] = []
    for j, ct in enumerate(ctoks):
        found = memo.get(ct)
        if found is None:
            found = matcher.pairing(ct, cf.keys[j], cf.phon[j])
        if found:
            for sim, i, how in found:
                # A lone letter stands for a word only in a person's name: in a
                # company's name it is a name part of its own ("K PETROCHEMICAL").
                if person or how != "initial":
                    options.append((sim, i, j, how))
    if not options:
        score = 0.0
        return _joined(qf, cf, nq, nc, score) or NameScore(score, [], list(qtoks), list(ctoks))
    pairs: list[tuple[str, str, float, str]] = []
    num = den = 0.0
    if len(options) > 1:
        options.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    loose = False  # some pair is a misspelling, a sound-alike or a skeleton
    qfam, cfam = qf.family, cf.family
    crossed = False  # a family name paired with a given name
    for sim, i, j, how in options:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        if qfam and cfam and ((qfam >> i) ^ (cfam >> j)) & 1:
            crossed = True
        pairs.append((qtoks[i], ctoks[j], sim, how))
        if how != "initial":
            if how not in EXACT:
                loose = True
            num += 2.0 * sim * cw[j]
            den += 2.0 * cw[j]
            continue
        # An initial confirms one letter: the rest of the spelt-out token is
        # unverified, counted as missing. A query initial weighs what the letter
        # weighs, and the name it stands for counts as twice that, half of it
        # missing: which name it stands for is unknown, so "K. Kyong Il" fits KIM and
        # KANG Kyong Il alike. An initial in the entry leaves the rest of the query's
        # word unverified, counted in full.
        if len(qtoks[i]) == 1:
            num += 2.0 * sim * qw[i]
            den += (2.0 + EXTRA_CANDIDATE) * qw[i]
            continue
        small = min(qw[i], cw[j])
        num += 2.0 * sim * small
        den += 2.0 * small + max(qw[i] - small, 0.0)
    missing_q: list[str] = []
    missing_c: list[str] = []
    # Parts left over on either side; an Arabic article alone ("al" of "AL-AMIN") is
    # listed but costs nothing: it belongs to the word after it.
    lack_q = lack = heaviest = articles = generic = 0.0
    dropped = 0
    free = ARTICLES if person else ()
    if len(used_q) < nq:
        # Against a person's one-word name (a nickname: "GREEN"), a query token left
        # over costs at least the query's mean token weight: a common name part
        # ("Al" of "Al Green") is still a part the entry lacks.
        floor = matcher.floor if person and nc == 1 else 0.0
        supplied = matcher.generic
        for i in range(nq):
            if i not in used_q:
                missing_q.append(qtoks[i])
                if supplied and supplied[i]:
                    # A generic company word a glossary supplied ("科技", technology):
                    # English names on the lists often leave it out, so it costs half,
                    # and is no part swapped for another.
                    generic += EXTRA_CANDIDATE * qw[i]
                    continue
                # An article before "Abu", "Abd", "bin" ... belongs to no word of
                # the query: its own word was left out ("AL Abu Sulayman" is
                # AL-MASRI, Abu Sulayman shortened, not "SULAYMAN, Abu").
                if floor or qtoks[i] not in free or qtoks[i + 1 : i + 2] in _BOUND_NEXT:
                    lack_q += qw[i] if qw[i] > floor else floor
                else:
                    articles += qw[i]
    if len(used_c) < nc:
        bound = False  # the last part left over binds the next ("Abd al-Tawwab")
        for j in range(nc):
            if j in used_c:
                bound = False
                continue
            tok = ctoks[j]
            missing_c.append(tok)
            if tok in free:
                continue
            lack += cw[j]
            heaviest = cw[j] if cw[j] > heaviest else heaviest
            if not bound:
                dropped += 1
            bound = person and tok in BOUND
    if dropped:
        # The query's article is free only where the entry has nothing else: "al"
        # against the "Abu" of "Abu Fatih" is one part for another.
        lack_q += articles
    den += lack_q + generic
    if lack_q:
        # Both sides have parts the other lacks: one name part was swapped for
        # another, and the entry's extra parts count in full.
        den += lack
    elif dropped == 1 and person and nq > 1 and not loose and not matcher.syllabic:
        # A person's name with one part left out (a middle name, most often), the
        # rest found as written: the part costs the same whichever it is, a share
        # of the query's mean token weight (a rare part is no more likely kept than
        # a common one: "MYINT, Mar" fits Aung Mar and Ohn Mar MYINT alike). Leaving
        # out a middle name is the commonest way of writing a name, so it costs
        # about what one sound-alike word does ("Hassan Omar" is HASSAN Mahat OMAR
        # before it is HUSSAIN, Omar). Syllables from Hangul or Han script keep
        # their own, stricter rule below.
        den += DROPPED_PART * matcher.floor
    elif dropped:
        # The query is a shortened form of the entry: one dropped part costs half
        # its weight, any further ones in full ("Patrick Ryan" is not "RYAN, Damion
        # Patrick John"), and so does the one part when a word of the query was
        # found only by resemblance ("Antonia" / "Antonio": two departures).
        den += lack - (1.0 - EXTRA_CANDIDATE) * heaviest
    score = num / den if den else 0.0
    if crossed:
        score *= ORDER_CROSSED
    if lack_q and heaviest:
        score *= SWAPPED
    if missing_q or missing_c:
        if matcher.syllabic or matcher.skeletal:
            # Two or three syllables make a Korean or Chinese name, many of them
            # common: one syllable more or less is another person ("유진 박" is not
            # "Ryu Jin", "斌 莉 徐" not "Xu Bin"). A consonant skeleton (Arabic script
            # without vowels) is weak evidence: with a part left over, weaker still.
            score *= SYLLABLE_GAP
        joined = _joined(qf, cf, nq, nc, score) if nq != nc else None
        if joined is not None:
            return joined
    return NameScore(score, pairs, missing_q, missing_c)


def _joined(qf: NameForm, cf: NameForm, nq: int, nc: int, score: float) -> NameScore | None:
    """Names that differ only in spacing ("Abdulrahman" / "Abdul Rahman") compared
    whole, when that beats the token alignment ``score``."""
    if nq == nc:
        return None
    qc, cc = qf.compact, cf.compact
    # Indel similarity is at most 1 - (length difference) / (total length).
    if abs(len(qc) - len(cc)) > (1.0 - JOINED_MIN) * (len(qc) + len(cc)) or qc[:1] != cc[:1]:
        return None
    joined = similarity(qc, cc)
    if joined >= JOINED_MIN and joined * 0.97 > score:
        text = (" ".join(qf.tokens), " ".join(cf.tokens))
        return NameScore(joined * 0.97, [(text[0], text[1], joined, "joined")], [], [])
    return None


class Scored:
    """An entity's score, the name that gave it, and the evidence. The name's
    explanation is written only when ``features`` is first read: most entities scored
    fall below the threshold and are never shown."""

    __slots__ = ("_features", "_name", "name_index", "score")

    def __init__(
        self,
        score: float,
        name_index: int,
        features: list[Feature],
        name: tuple[NameScore, NameForm, NameForm, float, bool] | None = None,
    ) -> None:
        self.score = score
        self.name_index = name_index
        self._features = features
        self._name = name  # (name score, query form, entry form, value, weak alias)

    @property
    def features(self) -> list[Feature]:
        if self._name is not None:
            ns, qf, cf, value, weak = self._name
            head = [Feature("name", ns.score, value, _describe_name(ns, qf, cf))]
            if weak:
                head.append(Feature("weak_alias", 1.0, value - ns.score, "matched a weak alias"))
            self._features = head + self._features
            self._name = None
        return self._features


def _best_name(
    pq: PreparedQuery, index: ScreeningIndex, name_ids: Iterable[int], person: bool
) -> tuple[float, int, NameScore | None, NameForm | None, NameForm | None]:
    best: tuple[float, int, NameScore | None, NameForm | None, NameForm | None]
    best = (-1.0, -1, None, None, None)
    top = -1.0
    forms = list(zip(pq.forms, pq.matchers, strict=True))
    # The same name is often on several lists: align it once per query.
    aligned = pq.aligned.setdefault(person, [{} for _ in forms])
    names = index.names
    for nidx in name_ids:
        iname = names[nidx]
        weak = iname.kind is NameKind.WEAK_ALIAS
        for (qf, matcher), memo in zip(forms, aligned, strict=True):
            for cf in iname.forms:
                key = (cf.tokens, cf.family) if qf.family else cf.tokens
                result = memo.get(key)
                if result is None:
                    result = memo[key] = align(qf, cf, matcher, person)
                value = result.score
                if weak:
                    value *= WEAK_ALIAS_WHOLE if _whole(result) else WEAK_ALIAS
                if value > top:
                    top = value
                    best = (value, nidx, result, qf, cf)
    return best


def _whole(ns: NameScore) -> bool:
    """Every word of both names paired, as written or as a listed variant."""
    return (
        not ns.unmatched_query
        and not ns.unmatched_candidate
        and bool(ns.pairs)
        and all(how in EXACT for _, _, _, how in ns.pairs)
    )


def _describe_name(ns: NameScore, qf: NameForm, cf: NameForm) -> str:
    parts = [f"{q}~{c} {how} {sim:.2f}" for q, c, sim, how in ns.pairs]
    arabic = qf.method.startswith("arabic")
    generic = gloss_words() if "gloss" in qf.method else frozenset()
    parts += [
        f"{q} unmatched in query"
        + (" (ends in a long i the script writes)" if arabic and written_i(q) else "")
        + (" (a generic word of the glossary: half its weight)" if q in generic else "")
        for q in ns.unmatched_query
    ]
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
    value, nidx, ns, qf, cf = _best_name(pq, index, ids, record.kind is EntityKind.PERSON)
    features: list[Feature] = []
    name: tuple[NameScore, NameForm, NameForm, float, bool] | None = None
    if ns is not None and qf is not None and cf is not None:
        name = (ns, qf, cf, value, index.names[nidx].kind is NameKind.WEAK_ALIAS)
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
    return Scored(min(max(total, 0.0), 1.0), nidx, features, name)
