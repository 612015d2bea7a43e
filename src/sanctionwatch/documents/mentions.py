"""Mentions beyond countries: speakers named in attributions, and names screened."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from sanctionwatch.documents.model import Mention

__all__ = ["screen_mentions", "speaker_mentions"]


def speaker_mentions(text: str, attributions: Iterable[Any], mentions: list[Mention]) -> None:
    """Speakers named in attributions become person mentions with role and affiliation."""
    known = {(m.start, m.end) for m in mentions}
    for a in attributions:
        sp = a.speaker
        if not sp.name:
            continue
        pos = text.find(
            sp.name, a.attribution_start, max(a.attribution_end, a.attribution_start + 300)
        )
        if pos < 0 or (pos, pos + len(sp.name)) in known:
            continue
        known.add((pos, pos + len(sp.name)))
        mentions.append(
            Mention(
                "person",
                sp.name,
                pos,
                pos + len(sp.name),
                a.sentence,
                sp.country,
                "speaker",
                role=sp.role,
                affiliation=sp.affiliation,
            )
        )


def screen_mentions(screener: Any, mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """Names of persons and organisations screened against list entries (optional)."""
    if screener is None:
        return []
    query = importlib.import_module("sanctionwatch.screening").Query
    out = []
    seen: set[str] = set()
    for m in mentions:
        if m.kind not in ("person", "org") or m.text in seen:
            continue
        seen.add(m.text)
        for match in screener.screen(query(name=m.text), limit=3):
            out.append(
                {
                    "mention": m.text,
                    "start": m.start,
                    "end": m.end,
                    "source": match.entity.source,
                    "ref": match.entity.ref,
                    "score": match.score,
                    "matched_name": match.matched_name,
                }
            )
    return out
