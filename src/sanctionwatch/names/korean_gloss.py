"""Organisation names in Hangul: split into known words and proper names, and glossed
into English where the words are known ("조선남강무역회사" -> "korea namgang trading
company")."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_table
from sanctionwatch.names.hangul import romanize_hangul_word
from sanctionwatch.names.segment import segment_known

__all__ = ["gloss_hangul_words", "segment_hangul_word"]


@lru_cache(maxsize=1)
def _glossary() -> tuple[dict[str, str], int]:
    table = {hangul: english for hangul, english in read_table("korean_gloss.tsv")}
    return table, max(len(k) for k in table)


@lru_cache(maxsize=1 << 13)
def segment_hangul_word(word: str) -> tuple[tuple[str, bool], ...]:
    """(segment, known) pairs: known words of the glossary, longest first from the left,
    and the runs between them (proper names). One-syllable words count only at the end
    of the word."""
    table, longest = _glossary()
    return segment_known(word, table, longest)


@lru_cache(maxsize=1 << 13)
def gloss_hangul_words(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Latin forms of a Hangul organisation name: "mr-seg" (McCune-Reischauer, one word
    per segment: joson namgang muyok hoesa) and "ko-gloss" (known words in English, the
    rest in McCune-Reischauer: korea namgang trading company). Empty when no known word
    is found."""
    table, _ = _glossary()
    segmented: list[str] = []
    glossed: list[str] = []
    found = False
    for word in words:
        for segment, known in segment_hangul_word(word):
            romanized = romanize_hangul_word(segment, "mr")
            segmented.append(romanized)
            glossed.append(table[segment] if known else romanized)
            found = found or known
    if not found:
        return ()
    return ((" ".join(segmented), "mr-seg"), (" ".join(glossed), "ko-gloss"))
