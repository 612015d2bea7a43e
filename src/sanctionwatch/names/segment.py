"""Splitting an unspaced word into the known words of a glossary and the runs between
them, as the Chinese and Korean organisation-name glosses do."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["segment_known"]


def segment_known(
    word: str, table: Mapping[str, str], longest: int
) -> tuple[tuple[str, bool], ...]:
    """(segment, known) pairs: words of ``table``, longest first from the left, and the
    runs between them (proper names). A one-character word counts only at the end of
    ``word`` and not at its start."""
    out: list[tuple[str, bool]] = []
    run = ""
    i = 0
    while i < len(word):
        for size in range(min(longest, len(word) - i), 0, -1):
            piece = word[i : i + size]
            if piece in table and (size > 1 or (i > 0 and i + size == len(word))):
                if run:
                    out.append((run, False))
                    run = ""
                out.append((piece, True))
                i += size
                break
        else:
            run += word[i]
            i += 1
    if run:
        out.append((run, False))
    return tuple(out)
