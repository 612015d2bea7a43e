"""Honorifics and titles at the start of personal names."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_lines
from sanctionwatch.names.text import normalize

__all__ = ["strip_titles", "titles"]

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


def strip_titles(tokens: list[str]) -> list[str]:
    """Normalised tokens without leading honorifics and titles ("haji mullah faizullah"
    -> ["faizullah"]) and without placeholders such as "fnu". Words that are also common
    given names (amir, sultan, sayed, hafiz) are not treated as titles. A name made only
    of titles is returned unchanged."""
    table = titles()
    rest = [t for t in tokens if t not in _PLACEHOLDERS]
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
        return list(tokens)
    return rest[start:]
