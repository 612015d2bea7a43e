"""The earliest date a text can have been written, from datable events it mentions.

"North Korea allegedly provided munitions to Russia to use in Ukraine" cannot have been
written before February 2022; "in October, following the top-level Russian-North Korean
meeting" then means the summit of September 2023 (the first one after that bound), so a
dateline "Dec 17" on that text is 17 December 2023, not the day after the last year the
text writes out. The events are listed in ``data/events.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["Event", "earliest_date", "events"]

DATA = Path(__file__).with_name("data") / "events.yaml"


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    dates: tuple[date, ...]  # one date: the text is after it; several: the first after a bound

    def in_sentence(self, sentence: str) -> bool:
        return all(p.search(sentence) for p in self.patterns)


@lru_cache(maxsize=1)
def events() -> tuple[Event, ...]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    out = []
    for e in raw["events"]:
        dates = [e["after"]] if "after" in e else list(e["dates"])
        out.append(
            Event(
                str(e["name"]),
                tuple(re.compile(p, re.IGNORECASE) for p in e["all"]),
                tuple(sorted(d if isinstance(d, date) else date.fromisoformat(d) for d in dates)),
            )
        )
    return tuple(out)


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def earliest_date(text: str, bound: date | None = None) -> date | None:
    """The latest of ``bound`` and the dates of the events ``text`` mentions (None when
    neither gives one). Single-date events are applied first, then each repeated event
    takes its first date on or after the bound found so far."""
    found = [e for e in events() if any(e.in_sentence(s) for s in _SENTENCE.findall(text))]
    for e in sorted(found, key=lambda e: len(e.dates)):
        if len(e.dates) == 1:
            bound = max(bound, e.dates[0]) if bound else e.dates[0]
        else:
            later = [d for d in e.dates if bound is None or d >= bound]
            if later:
                bound = later[0]
    return bound
