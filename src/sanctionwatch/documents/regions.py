"""States described with a region they are not in ("Mongolia, a Southeast Asian country").

The regions are the UN M49 regions and subregions that ``rigour.territories`` carries
for every state. A phrase such as "a Southeast Asian country" is checked where it is in
apposition to a state just named ("Mongolia, a Southeast Asian country") or, as "the
Southeast Asian country", refers back to the last state named; "another Southeast Asian
country" or "a Southeast Asian country" standing alone may mean a state not named, and is
not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from sanctionwatch.documents.gazetteer import CountryHit
from sanctionwatch.documents.model import FactualIssue

__all__ = ["REGIONS", "check_regions", "in_region"]

# adjective -> test on (region, subregion, iso2)
Test = Callable[[str, str, str], bool]
REGIONS: dict[str, Test] = {
    "southeast asian": lambda r, sub, c: sub == "South-eastern Asia",
    "east asian": lambda r, sub, c: sub == "Eastern Asia",
    "northeast asian": lambda r, sub, c: sub == "Eastern Asia" or c == "ru",
    "central asian": lambda r, sub, c: sub == "Central Asia",
    "south asian": lambda r, sub, c: sub == "Southern Asia",
    "african": lambda r, sub, c: r == "Africa",
    "middle eastern": lambda r, sub, c: sub == "Western Asia" or c in {"ir", "eg"},
    "gulf": lambda r, sub, c: c in {"sa", "ae", "qa", "kw", "bh", "om", "iq", "ir"},
    "european": lambda r, sub, c: r == "Europe" or c in {"tr", "cy", "ge", "am", "az"},
}
_ADJ = "|".join(
    a.replace(" ", r"[\s-]+")
    .replace("southeast", "south[\\s-]?east")
    .replace("northeast", "north[\\s-]?east")
    for a in sorted(REGIONS, key=len, reverse=True)
)
_PHRASE = re.compile(
    rf"\b(?P<det>the|a|an|another|one)\s+(?:(?:small|large|poor|rich|landlocked|neighbouring"
    rf"|neighboring|fellow)\s+)?(?P<adj>{_ADJ})\s+(?:country|nation|state|kingdom|monarchy"
    r"|republic|emirate)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)
def _territory(iso2: str) -> tuple[str, str] | None:
    from rigour.territories import get_territory

    t = get_territory(iso2.lower())
    if t is None or not t.region:
        return None
    return str(t.region), str(t.subregion or "")


def in_region(iso2: str, adjective: str) -> bool | None:
    """Is the state in the region the adjective names (None: unknown)?"""
    key = re.sub(r"[\s-]+", " ", adjective.lower()).replace("south east", "southeast")
    key = key.replace("north east", "northeast")
    test = REGIONS.get(key)
    where = _territory(iso2)
    if test is None or where is None:
        return None
    return test(where[0], where[1], iso2.lower())


def check_regions(text: str, countries: Sequence[CountryHit]) -> list[FactualIssue]:
    """Region adjectives that do not fit the state they describe."""
    if "ian " not in text and "ern " not in text and "Gulf" not in text:
        return []  # no region adjective at all: nothing to read
    named = [h for h in countries if h.how in ("name", "capital")]
    out: list[FactualIssue] = []
    for m in _PHRASE.finditer(text):
        before = [h for h in named if h.end <= m.start()]
        if not before:
            continue
        last = before[-1]
        gap = text[last.end : m.start()]
        apposition = re.fullmatch(r"['’]?s?\s*,\s*", gap) is not None
        definite = m.group("det").lower() == "the"
        if not apposition and not (definite and m.start() - last.end < 400):
            continue
        fits = in_region(last.iso2, m.group("adj"))
        if fits is None or fits:
            continue
        if not apposition:
            # "the Southeast Asian country" may mean any state named just before: only
            # when none of them is in that region is the description wrong
            window = max(text.rfind(".", 0, max(0, text.rfind(".", 0, m.start()))), 0)
            recent = [h for h in before if h.start >= window]
            if any(in_region(h.iso2, m.group("adj")) is not False for h in recent):
                continue
        region = _territory(last.iso2)
        phrase = text[m.start("adj") : m.end()]
        where = f"{last.text} is in {region[1] if region else 'another region'} (UN M49)"
        out.append(
            FactualIssue(
                "region",
                m.start("adj"),
                m.end(),
                phrase,
                f"'{phrase}' for {last.text}: {where}"
                if apposition
                else f"'{phrase}': no state named just before is in that region; {where}",
                0.7 if apposition else 0.5,
            )
        )
    return out
