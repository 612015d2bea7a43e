"""Gazetteers and cue lists, loaded once from the data files beside this module.

``countries.tsv`` maps country names, demonyms and capitals (used for governments:
"Moscow said ...") to ISO2 codes, ``places.yaml`` ports, cities and provinces to the
state they are in; ``organisations.tsv`` names bodies with the state
or organisation they belong to; ``cues.yaml`` holds the word lists and patterns that
the attribution and stance rules use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["CountryHit", "Gazetteer", "OrgHit", "gazetteer"]

DATA = Path(__file__).with_name("data")


@dataclass(slots=True, frozen=True)
class CountryHit:
    start: int
    end: int
    text: str
    iso2: str
    how: str  # "name", "demonym", "capital", "place" (a port, city or province in it)


@dataclass(slots=True, frozen=True)
class OrgHit:
    start: int
    end: int
    text: str
    kind: str
    state: str
    canonical: str


def _alternation(phrases: list[str], any_space: bool = False) -> str:
    """One alternation, longest first; ``any_space``: a space in a phrase matches any run of
    white space, a line break included ("the Democratic / Republic of Congo" in
    hard-wrapped text)."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    escaped = (re.escape(p) for p in parts)
    return "|".join(e.replace(r"\ ", r"\s+") if any_space else e for e in escaped)


class Gazetteer:
    def __init__(self, data_dir: Path = DATA) -> None:
        self.country_names: dict[str, str] = {}
        self.iso2_names: dict[str, str] = {}
        lookup: dict[str, tuple[str, str]] = {}
        with (data_dir / "countries.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = [*line.rstrip("\n").split("\t"), "", "", ""]
                iso2, names, demonyms, capitals = cols[0], cols[1], cols[2], cols[3]
                name_list = [n for n in names.split("|") if n]
                self.iso2_names[iso2] = name_list[0]
                for how, field in (("capital", capitals), ("demonym", demonyms), ("name", names)):
                    for phrase in field.split("|"):
                        if phrase:
                            lookup[phrase] = (iso2, how)
                            lookup[phrase.replace("'", "’")] = (iso2, how)
                            if how == "demonym" and phrase[-1] in "nie":
                                lookup[phrase + "s"] = (iso2, how)  # "North Koreans"
                            if how == "name":
                                self.country_names[phrase.lower()] = iso2
        with (data_dir / "places.yaml").open(encoding="utf-8") as fh:
            places: dict[str, list[list[str]]] = yaml.safe_load(fh)["places"]
        for state, group in places.items():
            for spellings in group:
                for spelling in spellings:
                    lookup.setdefault(str(spelling), (state, "place"))  # a name wins
        # "the North" is North Korea in news on the peninsula, but not before a name or a
        # hyphen ("the North Sea", "the North-South talks")
        lookup["the North"] = lookup["The North"] = ("KP", "name")
        self._country_lookup = lookup
        # Case-sensitive: "US" is a country, "us" a pronoun. "the U.S." ends on a dot.
        phrases = [p for p in lookup if p not in ("the North", "The North")]
        self._country_re, self._country_re_spaced = (
            re.compile(
                r"(?<![\w.])(?:"
                + _alternation(phrases, spaced)
                + r"|[Tt]he North(?!\s+[A-Z]|-))(?:'s|’s)?(?![\w])"
            )
            for spaced in (False, True)
        )
        orgs: dict[str, tuple[str, str, str]] = {}
        with (data_dir / "organisations.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                pattern, kind, state, canonical = line.rstrip("\n").split("\t")
                orgs[pattern] = (kind, state, canonical)
        self._orgs = orgs
        self._org_re = re.compile(r"(?<!\w)(?:" + _alternation(list(orgs)) + r")(?!\w)")
        with (data_dir / "cues.yaml").open(encoding="utf-8") as fh:
            cues: dict[str, Any] = yaml.safe_load(fh)
        self.cues = cues
        self.speech_verbs: frozenset[str] = frozenset(cues["speech_verbs"])
        self.back_references: tuple[str, ...] = tuple(cues["back_references"])
        self.government_nouns: tuple[str, ...] = tuple(
            sorted(cues["government_nouns"], key=len, reverse=True)
        )
        self.non_actor_preceders: frozenset[str] = frozenset(cues["non_actor_preceders"])
        self.titles: frozenset[str] = frozenset(str(t) for t in cues["titles"])
        self.patterns: dict[str, re.Pattern[str]] = {
            key: re.compile(value, re.IGNORECASE)
            for key, value in cues.items()
            if isinstance(value, str)
        }

    def countries(self, text: str, offset: int = 0) -> list[CountryHit]:
        # a line break or a tab inside a name ("the Democratic / Republic of Congo" in
        # hard-wrapped text) reads as a space; the pattern that allows runs of spaces is
        # slower, so it is used only where the text has such a run
        flat = text.translate(_ONE_SPACE)
        pattern = self._country_re_spaced if "  " in flat else self._country_re
        hits = []
        for m in pattern.finditer(flat):
            surface = text[m.start() : m.end()]
            bare = _POSSESSIVE.sub("", surface)
            iso2, how = self._country_lookup[" ".join(bare.split())]
            if how in ("capital", "place") and _in_person_name(text, m.start()):
                continue  # "Undersecretary Maria Lourdes Santiago": a surname, not Chile
            if _SEA_AFTER.match(text, m.end()) or text.endswith("Sea of ", 0, m.start()):
                continue  # "the East China Sea", "the Sea of Japan": waters, not the state
            if _CURRENCY_AFTER.match(text, m.end()):
                continue  # "stole US$316 million", "paid in US dollars": money, not the state
            hits.append(
                CountryHit(offset + m.start(), offset + m.start() + len(bare), bare, iso2, how)
            )
        return hits

    def organisations(self, text: str, offset: int = 0) -> list[OrgHit]:
        out = []
        for m in self._org_re.finditer(text):
            kind, state, canonical = self._orgs[m.group(0)]
            out.append(
                OrgHit(offset + m.start(), offset + m.end(), m.group(0), kind, state, canonical)
            )
        return out

    def is_name(self, phrase: str) -> bool:
        """Whether ``phrase`` is one known country or organisation name."""
        bare = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I)
        return (
            bare in self._country_lookup or bare.lower() in self.country_names or bare in self._orgs
        )

    def country_name(self, iso2: str) -> str:
        return self.iso2_names.get(iso2, iso2)


# capitalised words that may stand before a capital used for its government
_NOT_GIVEN_NAMES = frozenset(
    {
        "The",
        "In",
        "At",
        "On",
        "From",
        "To",
        "For",
        "By",
        "With",
        "And",
        "But",
        "Or",
        "As",
        "If",
        "When",
        "While",
        "Meanwhile",
        "Then",
        "So",
        "Yet",
        "Also",
        "Since",
        "After",
        "Before",
        "Until",
        "Both",
        "Neither",
        "Nor",
        "Why",
        "How",
        "What",
        "Where",
        "Said",
        "Says",
        "Told",
        "Only",
        "Even",
        "Still",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Last",
        "This",
        "That",
        "Next",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Officials",
        "Diplomats",
        "Analysts",
        "Critics",
    }
)
_ONE_SPACE = str.maketrans({"\n": " ", "\t": " ", "\r": " "})
_SEA_AFTER = re.compile(r"\s+Sea\b")
_CURRENCY_AFTER = re.compile(r"\s?\$|\s+dollars?\b")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _in_person_name(text: str, start: int) -> bool:
    """Is the capital at ``start`` the last part of a person's name ("Maria Lourdes
    Santiago")? Its word before is then a capitalised name word, not a function word."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1) not in _NOT_GIVEN_NAMES


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
