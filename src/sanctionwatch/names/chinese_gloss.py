"""Organisation names in Chinese characters: split into known words and proper names,
and glossed into English where the words are known ("东莞圣寅数控设备有限公司" ->
"dongguan shengyin cnc equipment co ltd")."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from sanctionwatch.names._data import read_table
from sanctionwatch.names.segment import segment_known

__all__ = ["gloss_chinese_words", "segment_chinese_word"]


@lru_cache(maxsize=1)
def _glossary() -> tuple[dict[str, str], int]:
    table: dict[str, str] = {}
    for chinese, english in read_table("chinese_gloss.tsv"):
        table.setdefault(chinese, english)
    return table, max(len(k) for k in table)


@lru_cache(maxsize=1 << 13)
def segment_chinese_word(word: str) -> tuple[tuple[str, bool], ...]:
    """(segment, known) pairs: known words of the glossary, longest first from the left,
    and the runs between them (proper names: places, brands). One-character words count
    only at the end of the word."""
    table, longest = _glossary()
    return segment_known(word, table, longest)


def _pairs(syllables: tuple[str, ...]) -> list[str]:
    """Syllables joined two by two (a place and a brand name: dongguan shengyin); an odd
    run keeps its last three together."""
    if len(syllables) <= 3:
        return ["".join(syllables)]
    out = ["".join(syllables[i : i + 2]) for i in range(0, len(syllables) - 3, 2)]
    rest = syllables[len(out) * 2 :]
    out += ["".join(rest)] if len(rest) == 3 else ["".join(rest[:2]), "".join(rest[2:])]
    return [p for p in out if p]


def gloss_chinese_words(
    words: tuple[str, ...], pinyin: Callable[[str], tuple[str, ...]]
) -> tuple[tuple[str, str], ...]:
    """Latin forms of a Chinese organisation name: "zh-gloss" (known words in English,
    each run of other characters as one pinyin word: dongguanshengyin cnc equipment co
    ltd) and "zh-gloss-pairs" (the runs' syllables joined two by two: dongguan shengyin
    ...), the second only where it differs, and "zh-gloss-alt" with the second rendering
    of words that have two (中国 china|sino). ``pinyin`` gives a run's syllables. Empty
    when no known word is found."""
    table, _ = _glossary()
    whole: list[str] = []
    paired: list[str] = []
    other: list[str] = []
    found = False
    for word in words:
        for segment, known in segment_chinese_word(word):
            if known:
                choices = table[segment].split("|")
                whole.append(choices[0])
                paired.append(choices[0])
                other.append(choices[-1])
                found = True
                continue
            syllables = pinyin(segment)
            if syllables:
                whole.append("".join(syllables))
                paired.extend(_pairs(syllables))
                other.append(whole[-1])
    if not found:
        return ()
    out = [(" ".join(whole), "zh-gloss")]
    if paired != whole:
        out.append((" ".join(paired), "zh-gloss-pairs"))
    if other != whole:
        out.append((" ".join(other), "zh-gloss-alt"))
    return tuple(out)
