"""Keyword matching: which obligations and which regimes a piece of text speaks of.

All obligation keywords go into one regular expression, so a text is scanned once
whatever the number of obligations. Matching is on case-folded text with curly
apostrophes straightened; a keyword matches whole words only (a hyphen ends a word, so
"north korean" is found in "North Korean-flagged"). An obligation's ``names`` (firms,
bodies, places: "mansudae", "iaea") count only for an obligation that one of its
keywords already found: a name says who or where, not what was done.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from sanctionwatch.regimes.kb import KnowledgeBase, load_kb

__all__ = ["KeywordIndex", "fold", "keyword_index", "obligation_scores"]


def fold(text: str) -> str:
    """Case-folded text with curly apostrophes straightened."""
    return text.casefold().replace("’", "'").replace("‘", "'")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class KeywordIndex:
    """One pattern over every obligation keyword, one over every regime's aliases."""

    __slots__ = ("_alias_regime", "_names", "_owners", "_pattern", "_prefixes", "_regimes")

    def __init__(self, kb: KnowledgeBase) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        names: set[str] = set()
        for ob in kb.obligations():
            for word in ob.keywords:
                owners[word].add(ob.id)
            for word in ob.names:
                owners[word].add(ob.id)
                names.add(word)
        self._owners = dict(owners)
        self._names = frozenset(names - {w for ob in kb.obligations() for w in ob.keywords})
        words = list(owners)
        # A lookahead reports every start position, so overlapping phrases are all seen
        # ("hiring of north korean" and "north korean workers"); shorter keywords that are
        # whole-word prefixes of the one matched at a position are counted through
        # ``_prefixes`` ("coal" inside "coal exports").
        self._pattern = re.compile(rf"(?<!\w)(?=({_alternation(words)})(?!\w))")
        self._prefixes = {
            w: [p for p in words if w.startswith(p) and (p == w or not w[len(p)].isalnum())]
            for w in words
        }
        # every regime's names in one pattern, longest first: a name inside a longer one of
        # another regime ("sudan" in "south sudan") names only the longer one's regime
        self._alias_regime: dict[str, str] = {}
        for key, reg in kb.regimes.items():
            for alias in reg.aliases:
                self._alias_regime.setdefault(fold(alias), key)
        self._regimes = re.compile(rf"(?<!\w)(?:{_alternation(list(self._alias_regime))})(?!\w)")

    def hits(self, text: str) -> dict[str, set[str]]:
        """Obligation id -> the distinct keywords of it found in ``text``."""
        found: dict[str, set[str]] = defaultdict(set)
        for match in self._pattern.finditer(fold(text)):
            for word in self._prefixes[match.group(1)]:
                for ob_id in self._owners[word]:
                    found[ob_id].add(word)
        return {ob_id: words for ob_id, words in found.items() if words - self._names}

    def regime_counts(self, text: str) -> dict[str, int]:
        """Regime key -> how often ``text`` names it (a name inside a longer one of another
        regime counts only for the longer one)."""
        counts: dict[str, int] = {}
        for m in self._regimes.finditer(fold(text)):
            key = self._alias_regime.get(m.group(0))
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
        return counts

    def regimes(self, text: str) -> set[str]:
        return set(self.regime_counts(text))


@functools.lru_cache(maxsize=4)
def keyword_index(kb: KnowledgeBase) -> KeywordIndex:
    return KeywordIndex(kb)


def obligation_scores(
    text: str, *, kb: KnowledgeBase | None = None, regime: str | None = None
) -> list[tuple[str, int]]:
    """Obligations whose keywords occur in ``text``.

    Returns (obligation id, number of distinct keywords found), best first; on a tie the
    later resolution comes first, since news mostly speaks of the rule in force (2397's
    petroleum cap rather than the one of 2375 it replaced). Without ``regime``, a text that
    names regimes ("Libya", "Pyongyang") is matched against their obligations only, since
    many regimes share words such as "arms embargo".
    """
    base = kb or load_kb()
    index = keyword_index(base)
    named = {regime} if regime else index.regimes(text)
    allowed = {ob.id for key in named for ob in base.obligations(key)} if named else None
    scores = [
        (ob_id, len(words))
        for ob_id, words in index.hits(text).items()
        if allowed is None or ob_id in allowed
    ]
    scores.sort(key=lambda item: (-item[1], -base.obligation(item[0]).resolution, item[0]))
    return scores
