"""Honorifics and titles at the start of personal names."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_lines
from sanctionwatch.names.text import normalize

__all__ = ["drop_placeholders", "strip_titles", "titles"]

# Placeholders for an unknown name part ("first name unknown"), removed wherever they are.
_PLACEHOLDERS = frozenset({"fnu", "lnu", "mnu", "nfn", "nmn", "unk"})


@lru_cache(maxsize=1)
def titles() -> dict[int, frozenset[tuple[str, ...]]]:
    """Titles from data/titles.txt as token tuples, grouped by length (longest first)."""
    by_len: dict[int, set[tuple[str, ...]]] = {}
    for line in read_lines("titles.txt"):
        toks = tuple(normalize(line).split())
        if toks:
            by_len.setdefault(len(toks), set()).add(toks)
    return {n: frozenset(by_len[n]) for n in sorted(by_len, reverse=True)}


def drop_placeholders(tokens: list[str]) -> list[str]:
    """Tokens without placeholders for unknown name parts ("fnu", "lnu" ...)."""
    return [t for t in tokens if t not in _PLACEHOLDERS]


def strip_titles(tokens: list[str], family: int = 0) -> list[str]:
    """Normalised tokens without leading honorifics and titles ("haji mullah faizullah"
    -> ["faizullah"]) and without placeholders such as "fnu". Words that are also common
    given names (amir, sultan, sayed, hafiz) are not treated as titles.

    A title word where the family name stands is a name. When the first ``family``
    tokens are the family name (the part before the comma of "FAMILY, Given"), titles
    are removed from the start of that part and from the start of the given names
    after it, and never the last word of either ("sheikh, qari muhammad yaqoob" ->
    ["sheikh", "muhammad", "yaqoob"], "dr kim, jong un" -> ["kim", "jong", "un"],
    "huwaysh, mullah" stays whole). Nor is the last word of a name made only of titles
    removed ("mullah sheikh" -> ["sheikh"])."""
    if 0 < family < len(tokens) and any(t not in _PLACEHOLDERS for t in tokens[:family]):
        given = [t for t in tokens[family:] if t not in _PLACEHOLDERS]
        return _strip_leading(tokens[:family]) + (_strip_leading(given) if given else [])
    return _strip_leading(tokens)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(title[0] for group in titles().values() for title in group)


def _strip_leading(tokens: list[str]) -> list[str]:
    table = titles()
    rest = [t for t in tokens if t not in _PLACEHOLDERS]
    if not rest:
        return list(tokens)
    if rest[0] not in _first_words():
        return rest
    start = 0
    changed = True
    while changed and start < len(rest):
        changed = False
        for n, group in table.items():
            if tuple(rest[start : start + n]) in group:
                start += n
                changed = True
                break
    if start >= len(rest):
        # Only titles: the last word stands for the name ("Haji SHEIKH" is a man
        # called Sheikh).
        return rest[-1:]
    return rest[start:]
