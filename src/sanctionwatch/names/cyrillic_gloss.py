"""Organisation names in Cyrillic glossed into English where the words are known
("Российский фонд прямых инвестиций" -> "russian fund direct investment")."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sanctionwatch.names._data import read_table

__all__ = ["gloss_cyrillic_words"]

MAX_ENDING = 3  # letters an inflected word may add to its stem
MIN_KNOWN = 2  # known words a name needs to be glossed


@lru_cache(maxsize=1)
def _stems() -> tuple[dict[str, str], int, int]:
    table = {stem: english for stem, english in read_table("cyrillic_gloss.tsv")}
    lengths = [len(k) for k in table]
    return table, min(lengths), max(lengths)


@lru_cache(maxsize=1 << 13)
def _english(word: str) -> str | None:
    table, shortest, longest = _stems()
    for size in range(min(longest, len(word)), shortest - 1, -1):
        if len(word) - size > MAX_ENDING:
            break
        english = table.get(word[:size])
        if english is not None:
            return english
    return None


def gloss_cyrillic_words(
    words: tuple[str, ...], romanize: Callable[[str], str]
) -> tuple[tuple[str, str], ...]:
    """("russian fund direct investment", "ru-gloss") for a name with at least
    MIN_KNOWN known words, the others romanised with ``romanize``; () otherwise (one
    known stem alone is as likely a surname: Банков, Фондов)."""
    english = [_english(word) for word in words]
    if len(english) - english.count(None) < MIN_KNOWN:
        return ()
    out = [e if e is not None else romanize(w) for e, w in zip(english, words, strict=True)]
    return ((" ".join(out), "ru-gloss"),)
