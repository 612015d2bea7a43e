"""Links to the regimes knowledge base: resolution references and obligations.

Resolution numbers are read and checked by :func:`sanctionwatch.regimes.find_references`
(which flags numbers such as 2379 used for the December 2017 DPRK resolution); this
module only turns its answers into :class:`ReferenceInfo` and matches the obligations'
``keywords`` against sentences. When the knowledge base is not available the
document analysis still runs, without references or obligation links.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from sanctionwatch.documents.model import ReferenceInfo

__all__ = [
    "ObligationIndex",
    "ObligationLink",
    "default_kb",
    "document_link",
    "find_refs",
    "link_text",
    "national_only",
    "sentence_link",
    "unit_key",
]


def default_kb() -> Any | None:
    """The regimes knowledge base, or None where that package is not installed."""
    regimes = importlib.import_module("sanctionwatch.regimes")
    load_kb = getattr(regimes, "load_kb", None)
    return load_kb() if load_kb is not None else None


def find_refs(text: str, published: date | None, kb: Any | None) -> list[ReferenceInfo]:
    if kb is None:
        return []
    find_references = importlib.import_module("sanctionwatch.regimes").find_references
    out = []
    for ref in find_references(text, published=published, kb=kb):
        out.append(
            ReferenceInfo(
                start=ref.start,
                end=ref.end,
                text=ref.text,
                number=ref.number,
                resolved=ref.resolved,
                obligation_id=ref.obligation_id,
                problem=ref.problem,
                confidence=float(ref.confidence),
                date_problem=getattr(ref, "date_problem", None),
            )
        )
    return out


_DATA = Path(__file__).with_name("data") / "instruments.yaml"


@lru_cache(maxsize=1)
def _instruments() -> tuple[tuple[str | None, re.Pattern[str], int], ...]:
    """(regime or None, pattern, resolution) for instruments named instead of their
    resolution ("the JCPOA": 2231), from ``data/instruments.yaml``."""
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return tuple(
        (item.get("regime"), re.compile(p, re.IGNORECASE), int(item["resolution"]))
        for item in raw["instruments"]
        for p in item["patterns"]
    )


# units compared as one: a cap in tonnes read against "tons" (a difference of under 10%)
_UNIT_KEY = {"tons": "tonnes", "tonnes": "tonnes", "metric tons": "tonnes"}


def unit_key(unit: str) -> str:
    return _UNIT_KEY.get(unit, unit)


@dataclass(slots=True, frozen=True)
class ObligationLink:
    obligation_id: str | None  # "2397-OP8", or None for a resolution-level link
    resolution: int | None
    label: str
    score: float
    how: str  # "reference", "keywords", "document", "document+reference", "document+described"
    # for a document's link: a sentence that names its resolution states the obligation
    # itself ("Under resolution 2397, all states must ..."), the frame of the whole text
    framed: bool = False


def _caps(ob: Any) -> dict[str, float]:
    """The highest cap of an obligation in each unit ("barrels": 500000.0)."""
    out: dict[str, float] = {}
    for q in getattr(ob, "quantities", None) or []:
        for lim in getattr(q, "limits", None) or []:
            unit = _UNIT_KEY.get(str(lim.unit), str(lim.unit))
            out[unit] = max(out.get(unit, 0.0), float(lim.value))
    return out


class ObligationIndex:
    """Obligations of the knowledge base with their keywords, matched in one pass."""

    def __init__(self, kb: Any | None) -> None:
        self.kb = kb
        self.entries: list[tuple[Any, int, date | None]] = []
        self.entry_regimes: list[str | None] = []
        self.regime: str | None = None  # the regime the current document is about
        self.foreign: int | None = None  # the resolution of a regime not in the base
        # how often a text names each regime (the regimes package's one pattern over them)
        self._regime_counts: Any = None
        self._by_keyword: dict[str, list[int]] = {}
        # names of firms, bodies, places ("mansudae", "iaea"): support, never select alone
        self._names: set[str] = set()
        self._prefixes: dict[str, list[str]] = {}
        self._keyword_re: re.Pattern[str] | None = None
        self._cache: dict[tuple[str, date | None], list[tuple[float, Any, int]]] = {}
        if kb is None:
            return
        for ob in kb.obligations():
            res = kb.resolution(int(ob.resolution))
            adopted = getattr(res, "adopted", None) if res is not None else None
            self.entries.append((ob, int(ob.resolution), adopted))
            regime_of = getattr(kb, "regime_of", None)
            self.entry_regimes.append(regime_of(int(ob.resolution)) if regime_of else None)
            for k in ob.keywords or []:
                key = " ".join(str(k).lower().split())
                if len(key) > 2:
                    self._by_keyword.setdefault(key, []).append(len(self.entries) - 1)
            for k in getattr(ob, "names", None) or []:
                key = " ".join(str(k).lower().split())
                self._names.add(key)
                self._by_keyword.setdefault(key, []).append(len(self.entries) - 1)
        keys = sorted(self._by_keyword, key=len, reverse=True)
        if keys:
            alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
            # a lookahead finds keywords that start at every position, overlapping ones too
            # not inside a larger number: "2 million barrels" is not in "3.2 million barrels"
            self._keyword_re = re.compile(
                rf"(?<!\w)(?<!\d[.,])(?=({alternation})(?!\w))", re.IGNORECASE
            )
        if getattr(kb, "regimes", None):
            keywords = importlib.import_module("sanctionwatch.regimes.keywords")
            self._regime_counts = keywords.keyword_index(kb).regime_counts
        for k in keys:
            self._prefixes[k] = [
                p for p in keys if k.startswith(p) and (len(p) == len(k) or not k[len(p)].isalnum())
            ]

    def label(self, obligation_id: str | None, resolution: int | None) -> str:
        if obligation_id:
            for ob, _, _ in self.entries:
                if ob.id == obligation_id:
                    return f"UNSCR {ob.resolution} {ob.paragraph or ''} {ob.title}".replace(
                        "  ", " "
                    ).strip()
        if resolution is not None:
            return f"UNSCR {resolution}"
        return ""

    def category(self, obligation_id: str | None) -> str | None:
        for ob, _, _ in self.entries:
            if ob.id == obligation_id:
                return str(getattr(ob, "category", "") or "") or None
        return None

    def frames(self, obligation_id: str) -> bool:
        """Whether the obligation may be a document's own (see ``frames_documents``)."""
        for ob, _, _ in self.entries:
            if ob.id == obligation_id:
                return bool(getattr(ob, "frames_documents", True))
        return True

    def deadline(self, obligation_id: str | None) -> date | None:
        """The date by which the obligation had to be met, where it has one."""
        for ob, _, _ in self.entries:
            if ob.id == obligation_id:
                due = getattr(ob, "deadline", None)
                return due if isinstance(due, date) else None
        return None

    def regime_limits(self, text: str, published: date | None) -> dict[str, float]:
        """The cap in force in each unit among the current regime's obligations, for a
        sentence that speaks of a cap its own duty does not set: of those adopted by
        ``published``, the one whose keywords ``text`` (the document) names most, then the
        latest (2397's 500,000 barrels of refined products, not 2375's 2 million, nor the
        crude oil cap in the same unit)."""
        found = self.keywords_in(text)
        best: dict[str, tuple[int, int, float]] = {}
        for idx, (ob, number, adopted) in enumerate(self.entries):
            if self.regime is None or self.entry_regimes[idx] != self.regime:
                continue
            if published is not None and adopted is not None and adopted > published:
                continue
            named = len(found & set(getattr(ob, "keywords", None) or []))
            for unit, value in _caps(ob).items():
                if unit not in best or (named, number) > best[unit][:2]:
                    best[unit] = (named, number, value)
        return {unit: value for unit, (_, _, value) in best.items()}

    def limits(self, obligation_id: str | None) -> dict[str, float]:
        """The highest cap of the obligation in each unit ("barrels": 500000.0)."""
        for ob, _, _ in self.entries:
            if ob.id == obligation_id:
                return _caps(ob)
        return {}

    def target(self, gaz: Any) -> str | None:
        """The state the current document's regime is directed at (from its name); none
        where the regime's measures are on groups and persons the state itself acts
        against (``against_state: false``)."""
        if self.regime is None or self.kb is None:
            return None
        regime = (getattr(self.kb, "regimes", None) or {}).get(self.regime)
        if not getattr(regime, "against_state", True):
            return None
        hits = gaz.countries(str(getattr(regime, "name", "") or ""))
        return str(hits[0].iso2) if hits else None

    def new_document(self, text: str = "") -> None:
        """Start a document: forget cached scores and find the regime it is about (the one
        whose names it mentions most), so that keywords of other regimes are not matched."""
        self._cache.clear()
        tally: dict[str, int] = self._regime_counts(text) if self._regime_counts else {}
        self.regime = max((n, key) for key, n in tally.items())[1] if tally else None
        self.foreign = self._foreign(text) if self.regime is None else None

    def _foreign(self, text: str) -> int | None:
        """The resolution a document names most that belongs to none of the knowledge
        base's regimes ("resolution 2653" on Haiti): its keywords are then not matched
        against the knowledge base's obligations, which are other regimes' duties."""
        if self.kb is None:
            return None
        regime_of = getattr(self.kb, "regime_of", None)
        counts: dict[int, int] = {}
        for m in _NUMBERED.finditer(text):
            number = int(m.group(1))
            if self.kb.resolution(number) is None or (regime_of and regime_of(number)):
                continue
            counts[number] = counts.get(number, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def keywords_in(self, text: str) -> set[str]:
        if self._keyword_re is None:
            return set()
        found: set[str] = set()
        for m in self._keyword_re.finditer(text):
            key = " ".join(m.group(1).lower().split())
            if _PROGRAMME.match(text, m.start() + len(m.group(1))):
                continue  # "its weapons programmes": the target's own, not a transfer
            found.update(self._prefixes.get(key, [key]))
        return found

    def recalled(self, text: str, earlier: Sequence[str]) -> str:
        """Keywords of earlier sentences that ``text`` names again by their head noun:
        "Malta denied its ships took part in the transfers" after "... through
        ship-to-ship transfers" -> "ship-to-ship transfers" (nearest sentence first)."""
        heads = {m.group(1).lower() for m in _BACK_NOUN.finditer(text)}
        if not heads:
            return ""
        for before in reversed(earlier):
            found = [
                k
                for k in self.keywords_in(before)
                if k not in self._names and " " in k and k.rsplit(" ", 1)[1] in heads
            ]
            if found:
                return " ".join(sorted(found))
        return ""

    def score(self, text: str, published: date | None) -> list[tuple[float, Any, int]]:
        """Obligations whose keywords occur in ``text``, best first (cached per text)."""
        cache_key = (text, published)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        if self.foreign is not None:
            self._cache[cache_key] = []
            return []  # a text on another regime: no duty of the knowledge base by keywords
        totals: dict[int, float] = {}
        topical: set[int] = set()  # found by a keyword, not by a name alone
        enforcing: dict[int, float] = {}  # the part of a total from acts of enforcing
        for key in self.keywords_in(text):
            for idx in self._by_keyword.get(key, []):
                if self.regime and self.entry_regimes[idx] not in (None, self.regime):
                    continue
                if key in self._names:
                    totals[idx] = totals.get(idx, 0.0) + 0.1  # a name breaks ties only
                    continue
                weight = 1.0 + 0.02 * len(key)  # longer: more specific
                totals[idx] = totals.get(idx, 0.0) + weight
                topical.add(idx)
                if key in getattr(self.entries[idx][0], "enforcing_keywords", ()):
                    enforcing[idx] = enforcing.get(idx, 0.0) + weight
        # an act of enforcing told with the measure it enforces ("seized a ship that
        # carried coal"): that act counts for half, so the measure comes first
        plain = {i for i in topical if totals[i] > enforcing.get(i, 0.0)}
        scored = []
        for idx, total in totals.items():
            if idx not in topical:
                continue
            ob, number, adopted = self.entries[idx]
            if published is not None and adopted is not None and adopted > published:
                continue
            if idx in enforcing and plain - {idx}:
                total -= enforcing[idx] / 2
            scored.append((total, ob, number))
        scored.sort(key=lambda item: (-item[0], -item[2]))
        self._cache[cache_key] = scored
        return scored

    def link(
        self, text: str, refs: list[ReferenceInfo], published: date | None
    ) -> ObligationLink | None:
        scored = self.score(text, published)
        # a duty named as the reason for sanctions ("over its nuclear tests") does not
        # outweigh the reference to the sanctions themselves
        own = next((x for x in scored if self.frames(x[1].id)), None)
        for ref in refs:
            if ref.obligation_id:
                res = ref.resolved or ref.number
                strength = 1.0 + 2.0 * ref.confidence
                if own and own[1].id != ref.obligation_id and own[0] > strength:
                    break  # an unnumbered, uncertain reference: the sentence's own words win
                label = self.label(ref.obligation_id, res)
                return ObligationLink(ref.obligation_id, res, label, strength, "reference")
        resolved = [r.resolved for r in refs if r.resolved]
        if resolved:
            for s, ob, number in scored:
                if number in resolved:
                    return ObligationLink(
                        ob.id, number, self.label(ob.id, number), s + 1.0, "reference"
                    )
            return ObligationLink(
                None, resolved[0], self.label(None, resolved[0]), 1.0, "reference"
            )
        if scored:
            s, ob, number = scored[0]
            return ObligationLink(ob.id, number, self.label(ob.id, number), s, "keywords")
        for regime, pattern, number in _instruments():
            if (regime is None or regime == self.regime) and pattern.search(text):
                res = self.kb.resolution(number) if self.kb is not None else None
                adopted = getattr(res, "adopted", None)
                if published is None or adopted is None or adopted <= published:
                    return ObligationLink(None, number, self.label(None, number), 1.0, "instrument")
        return None


_NUMBERED = re.compile(r"\b(?:[Rr]esolutions?|UNSCR)\s+(\d{4})\b")
# the obligation itself named again: "exceeded the limit", "in breach of the ban"
_THE_DUTY = re.compile(
    r"\b(?:the|that|this)\s+(?:limit|cap|ceiling|ban|embargo|deadline|prohibition)\b"
    r"|\bsuch\s+[a-z]+s\b",  # "have filed such reports", "denied that any such shipments"
    re.I,
)
_PROGRAMME = re.compile(r"\s+program(?:me)?s?\b", re.IGNORECASE)
# a thing named again: "the transfers", "such permits", "these shipments"
_BACK_NOUN = re.compile(r"\b(?:the|such|these|those)\s+([a-z]+s)\b", re.IGNORECASE)


def link_text(facts: Any) -> str:
    """A sentence's text for obligation keywords, the speaker's name blanked out: "UN
    experts said X evaded the coal ban" is about the coal ban, not the experts' panel."""
    text: str = facts.sentence.text
    att = facts.attribution
    label = att.speaker.label if att is not None else None
    if not label:
        return text
    lo = att.attribution_start - facts.sentence.start
    hi = att.attribution_end - facts.sentence.start
    at = text.find(label, max(lo, 0), max(hi, 0))
    if at < 0:
        return text
    return text[:at] + " " * len(label) + text[at + len(label) :]


def document_link(
    facts: Sequence[Any], index: ObligationIndex, published: date | None, gaz: Any = None
) -> ObligationLink | None:
    """The obligation the document is mostly about (for sentences that do not name one).
    Sentences about one state's or bloc's own sanctions ("EU sanctions on Russian timber")
    cast no vote for a UN obligation."""
    votes: dict[tuple[str | None, int | None], float] = {}
    named: set[tuple[str | None, int | None]] = set()
    links: dict[tuple[str | None, int | None], ObligationLink] = {}
    framed: set[tuple[str | None, int | None]] = set()
    for f in facts:
        if gaz is not None and national_only(f.sentence.text, gaz):
            continue
        link = index.link(link_text(f), f.references, published)
        if link is None or link.obligation_id is None or not index.frames(link.obligation_id):
            continue
        key: tuple[str | None, int | None] = (link.obligation_id, link.resolution)
        # one vote per sentence; a checked resolution reference counts more
        votes[key] = votes.get(key, 0.0) + (2.0 if link.how == "reference" else 1.0)
        if link.how == "reference" and gaz is not None and _frames(f.sentence.text, gaz):
            framed.add(key)
        if any(r.number is not None and r.problem is None for r in f.references):
            named.add(key)
        links[key] = link
    if not votes:
        if index.foreign is not None:
            # a text on a regime the base does not hold: the resolution it names most
            number = index.foreign
            return ObligationLink(
                None, number, index.label(None, number), 1.0, "document+reference"
            )
        return None
    key = max(votes, key=lambda k: votes[k])
    best = links[key]
    resolved = {r.resolved for f in facts for r in f.references if r.resolved}
    if key in named:
        how = "document+reference"
    elif best.resolution in resolved:
        how = "document+described"  # "the December 2017 resolution", resolved by its date
    else:
        how = "document"
    return ObligationLink(
        best.obligation_id, best.resolution, best.label, best.score, how, key in framed
    )


def _frames(text: str, gaz: Any) -> bool:
    return bool(
        gaz.patterns["obligation_statement"].search(text) or gaz.patterns["all_states"].search(text)
    )


def national_only(text: str, gaz: Any) -> bool:
    return bool(
        gaz.patterns["national_scope"].search(text) and not gaz.patterns["un_scope"].search(text)
    )


def sentence_link(
    f: Any,
    index: ObligationIndex,
    published: date | None,
    doc_link: ObligationLink | None,
    gaz: Any,
    earlier: Sequence[str] = (),
    previous: ObligationLink | None = None,
) -> ObligationLink | None:
    """The sentence's own obligation; the document's main one where the sentence only
    hints at it (its keywords also fire here) or names none but speaks of sanctions.
    A sentence without keywords of its own that names again a thing of the sentences
    just before (``earlier``: "the transfers") takes that thing's obligation, and one
    that speaks of "the limit" or "the ban" the obligation of the sentence before
    (``previous``)."""
    text = f.sentence.text
    if national_only(text, gaz):
        return None  # "in breach of EU sanctions": a state's or bloc's own measures
    if gaz.patterns["general_scope"].search(text) and not any(
        r.number is not None for r in f.references
    ):
        return None  # "in full compliance with all UN sanctions": no single obligation
    text = link_text(f)
    link = index.link(text, f.references, published)
    if (link is None or link.obligation_id is None) and earlier:
        again = index.recalled(text, earlier)
        if again:
            link = index.link(f"{text} {again}", f.references, published) or link
    if (
        (link is None or link.obligation_id is None)
        and previous is not None
        and previous.obligation_id
        and _THE_DUTY.search(text)
        and not f.references
    ):
        return previous  # "Tehran had exceeded the limit": the limit just named
    if doc_link is None:
        return link
    if (
        link is not None
        and link.obligation_id is None
        and link.resolution is not None
        and doc_link.obligation_id
        and doc_link.resolution == link.resolution
    ):
        # "has met its obligations under resolution 2397" in a text about 2397's
        # repatriation duty: the resolution named is the document's, so is its paragraph
        return doc_link
    if link is None:
        # a sentence that only speaks of "sanctions" takes the document's obligation when
        # the document refers to its resolution; otherwise it is about sanctions in general
        text = f.sentence.text
        generic = gaz.patterns["generic_obligation"].search(text) or any(
            gaz.patterns[k].search(text) for k in ("measure", "violation", "denial", "admission")
        )  # or conduct told of, in a text about that resolution
        return doc_link if generic and doc_link.how != "document" else None
    if link.how == "keywords" and doc_link.obligation_id != link.obligation_id:
        scored = {ob.id: sc for sc, ob, _ in index.score(text, published)}  # cached
        if scored.get(doc_link.obligation_id, -1.0) >= link.score:
            return doc_link  # the document's obligation breaks a (near) tie, never outvotes
        if doc_link.how == "document+reference" and link.score < 2.0 and doc_link.framed:
            # one keyword does not outweigh the obligation the text is framed by ("Under
            # resolution 2397, all states must send the workers home"); a resolution named
            # for one measure of its own ("closed a restaurant, in line with resolution
            # 2375") frames nothing else
            return doc_link
    return link
