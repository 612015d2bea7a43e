"""Japanese names that mix kana and kanji in one word ("カザン火薬工場", Kazan gunpowder
factory): the kana read as written, the kanji glossed where the words are known."""

from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii

from sanctionwatch.names.chinese import gloss_han
from sanctionwatch.names.text import char_script

__all__ = ["gloss_japanese", "han_runs"]


def han_runs(word: str) -> list[tuple[str, bool]]:
    """(run, is_han) for the runs of a word in Han characters and in anything else."""
    runs: list[tuple[str, bool]] = []
    for ch in word:
        han = char_script(ch) == "Hani"
        if runs and runs[-1][1] == han:
            runs[-1] = (runs[-1][0] + ch, han)
        else:
            runs.append((ch, han))
    return runs


@lru_cache(maxsize=1 << 12)
def gloss_japanese(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(("kazan gunpowder factory", "ja-gloss"),) for words whose kanji runs hold a
    known word of the company glossary, the kana and other runs romanised by anyascii;
    () when none is known."""
    parts: list[str] = []
    found = False
    for word in words:
        for run, han in han_runs(word):
            glossed = gloss_han((run,)) if han else ()
            if glossed:
                parts.append(glossed[0][0])
                found = True
            else:
                parts.append(anyascii(run))
    return ((" ".join(parts), "ja-gloss"),) if found else ()
