"""Organisation names in Cyrillic glossed into English where the words are known
("Российский фонд прямых инвестиций" -> "russian fund direct investment")."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sanctionwatch.names._data import read_table

__all__ = ["gloss_cyrillic_words"]

MAX_ENDING = 3  # letters an inflected word may add to its stem
MIN_KNOWN = 2  # known words a name needs to be glossed
# Endings of adjectives made from place names (Самарский, Пермского, Московская): after
# "ск" the place's own stem is left (Самар: Samara; Перм: Perm).
_PLACE_ENDINGS = ("ий", "ая", "ое", "ие", "ого", "ой", "ом", "их", "ую", "ому", "ими")


@lru_cache(maxsize=1)
def _stems() -> tuple[dict[str, str], int, int]:
    table = {stem: english for stem, english in read_table("cyrillic_gloss.tsv")}
    lengths = [len(k) for k in table]
    return table, min(lengths), max(lengths)


@lru_cache(maxsize=1 << 13)
def _english(word: str) -> str | None:
    table, shortest, longest = _stems()
    word = word.replace("ё", "е")
    for size in range(min(longest, len(word)), shortest - 1, -1):
        if len(word) - size > MAX_ENDING:
            break
        english = table.get(word[:size])
        if english is not None:
            return english
    return None


def _place_stem(word: str) -> str | None:
    """The place name in an adjective made from it ("самарский" -> "самар"), else None."""
    for ending in _PLACE_ENDINGS:
        stem = word[: -len(ending) - 2]
        if word.endswith("ск" + ending) and len(stem) >= 3:
            return stem
    return None


def gloss_cyrillic_words(
    words: tuple[str, ...], romanize: Callable[[str], str]
) -> tuple[tuple[str, str], ...]:
    """("russian fund direct investment", "ru-gloss") for a name with at least
    MIN_KNOWN known words, the others romanised with ``romanize``; () otherwise (one
    known stem alone is as likely a surname: Банков, Фондов). Words with a second
    rendering (фонд: fund|foundation) give a second form, "ru-gloss-alt", and
    adjectives made from place names a form with the place alone ("Самарский
    металлургический завод" -> "samar metallurgical plant", "ru-gloss-place")."""
    english = [_english(word) for word in words]
    if len(english) - english.count(None) < MIN_KNOWN:
        return ()
    first: list[str] = []
    second: list[str] = []
    places: list[str] = []
    for word, known in zip(words, english, strict=True):
        if known is None:
            first.append(romanize(word))
            second.append(first[-1])
            stem = _place_stem(word)
            places.append(romanize(stem) if stem is not None else first[-1])
            continue
        choices = known.split("|")
        first.append(choices[0])
        second.append(choices[-1])
        places.append(choices[0])
    out = [(" ".join(first), "ru-gloss")]
    if second != first:
        out.append((" ".join(second), "ru-gloss-alt"))
    if places != first:
        out.append((" ".join(places), "ru-gloss-place"))
    return tuple(out)
