"""Small text cues the reference checker reads around a reference.

Sentences (a plain splitter that knows "U.N." and "Dec." are not sentence ends), dates
said to be an adoption ("In December 2017, the Council introduced ...", "a 2017
resolution", "(2017)"), deadline dates ("by Dec. 22", "by the end of 2019"), paragraph
mentions ("paragraph 8", "OP8") and regime names. Everything works on the original
text, so offsets stay valid for any input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DateCue",
    "Sentences",
    "adoption_cues",
    "date_after",
    "deadline_cues",
    "month_number",
    "paragraph_near",
]

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_FLAGS = re.IGNORECASE | re.ASCII
_ABBREV = {
    *("u.n", "u.s", "u.k", "no", "nos", "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen"),
    *("rep", "inc", "co", "corp", "ltd", "vs", "e.g", "i.e", "op", "para", "res", "art"),
    *_MONTH_NAMES,
    "sept",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ADOPT_VERB = re.compile(
    r"\b(?:adopt(?:ed|s|ing)?|pass(?:ed|es)?|introduc(?:ed|es)|impos(?:ed|es)|approv(?:ed|es)|"
    r"vot(?:ed|es)|unanimously|slapped|agreed|tightened|expanded|capped|banned|ordered|"
    r"demanded|required|decided)\b",
    _FLAGS,
)
_COUNCIL_ACTS = re.compile(
    r"(?:council|unsc|resolution|u\.\s?n\.|\bun\b|united nations)[^.;:!?]{0,50}$", _FLAGS
)
_PERIOD_END = re.compile(
    r"\b(?:expired|expires|expire|lapsed|lapses|ended|ends|terminated|ran\s+out|runs\s+out)"
    r"\s+(?:in|on)\s+$",
    _FLAGS,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<d1>[0-9]{{1,2}})\s+)?(?P<month>{MONTH})\s+(?:(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+)?"
    r"(?:of\s+)?(?P<year>(?:19|20)[0-9]{2})\b",
    _FLAGS,
)
# a year alone right after the Council's act: "sanctions adopted in 2013", "a resolution
# passed in 2017" (not "in 2013 and 2016", which names two acts, nor "in 2013-14")
_YEAR_AFTER_VERB = re.compile(
    r"\b(?:adopted|passed|introduced|imposed|approved)\s+(?:\w+\s+){0,2}?in\s+"
    r"(?P<year>(?:19|20)[0-9]{2})\b(?!\s*(?:[-–/]|and\b|or\b))",
    _FLAGS,
)
_RELATIVE_MONTH = re.compile(
    rf"\blast\s+(?P<month>{MONTH})(?![a-z])|\b(?P<month2>{MONTH})\s+last\s+year\b", _FLAGS
)
_LAST_YEAR = re.compile(r"\blast\s+year\b", _FLAGS)
_MONTH_END = re.compile(rf"\b{MONTH}\s+$", _FLAGS)
_DEADLINE = re.compile(
    r"\b(?:by|before|until|till|no\s+later\s+than|deadline(?:\s+of)?)\s+(?:the\s+)?"
    rf"(?:(?P<d1>[0-9]{{1,2}})\s+)?(?P<month>{MONTH})(?:\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)[0-9]{2}))?"
    r"|\bby\s+the\s+end\s+of\s+(?P<endyear>(?:19|20)[0-9]{2})",
    _FLAGS,
)
_PARAGRAPH = re.compile(
    r"\b(?:paragraph|para\.?|OP)\s*(?P<n>[0-9]{1,2})(?:\s*\((?P<sub>[a-z])\))?(?![0-9])", _FLAGS
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:of|dated|(?:adopted|passed)\s+(?:unanimously\s+)?(?:on|in))\s+"
    rf"(?:(?:(?P<d1>[0-9]{{1,2}})\s+)?(?P<month>{MONTH})\s+(?:(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"
    # not a list of years ("adopted in 2006 and 2009"), which belongs to a list of numbers
    r"(?P<year>(?:19|20)[0-9]{2})\b(?![-/])(?!\s+and\s+(?:19|20)[0-9]{2})",
    _FLAGS,
)
# a year written before a resolution number: "the 2016 resolution 2371", "In 2016 the
# Security Council adopted resolution 2371"
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:the|a|its|their)\s+(?P<year>(?:19|20)[0-9]{2})\s+"
    r"|\bin\s+(?P<year2>(?:19|20)[0-9]{2}),?\s+the\s+(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?"
    r"Security\s+Council\s+(?:unanimously\s+)?(?:adopted|passed|approved)\s+)"
    r"(?:(?:UN|U\.N\.|UNSC|United\s+Nations|Security\s+Council)\s+)*$",
    _FLAGS,
)
_DEADLINE_WORDS = re.compile(
    r"\b(?:by|before|until|till|no later than|deadline(?:\s+of)?)\s*$", _FLAGS
)


def month_number(text: str) -> int:
    return _MONTHS[text.strip(".").casefold()[:3]]


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date found in text: year, and month and day where given."""

    text: str
    year: int | None
    month: int | None = None
    day: int | None = None

    def fits(self, when: date) -> bool:
        if self.year is not None and self.year != when.year:
            return False
        if self.month is not None and self.month != when.month:
            return False
        return self.day is None or self.day == when.day

    def label(self) -> str:
        return self.text.strip()


class Sentences:
    """Sentence spans of a text, found once; ``index(pos)`` gives the sentence of a char."""

    __slots__ = ("_starts", "spans", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        spans: list[tuple[int, int]] = []
        start = 0
        for match in _BOUNDARY.finditer(text):
            end = match.start()
            if match.group().startswith((".",)) and not match.group().startswith(".."):
                before = _WORD_BEFORE.search(text, max(start, end - 12), end)
                word = before.group(1).casefold().strip(".") if before else ""
                if word in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                    # "U.N. Security", "Dec. 22", "No. 5", an initial: not a sentence end
                    continue
            stop = match.end() if match.group().strip() else end
            if stop > start:
                spans.append((start, stop))
            start = match.end()
        if start < len(text):
            spans.append((start, len(text)))
        if not spans:
            spans.append((0, len(text)))
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def get(self, i: int) -> str:
        if i < 0 or i >= len(self.spans):
            return ""
        start, end = self.spans[i]
        return self.text[start:end]


def _day(match: re.Match[str]) -> int | None:
    for group in ("d1", "d2"):
        value = match.groupdict().get(group)
        if value:
            day = int(value)
            return day if 1 <= day <= 31 else None
    return None


_PERIOD_START = re.compile(
    r"\b(?:since|from|after|before|until)\s+(?:early\s+|late\s+|mid-?)?$", re.I
)


def adoption_cues(
    sentence: str, published: date | None = None, *, year_alone: bool = True
) -> list[DateCue]:
    """Dates in a sentence that say when the Council acted (not deadlines), nearest first.

    The sentence must have the Council (or a resolution) acting: "the UN Security Council
    introduced", "resolution 2397, adopted on". "Russia adopted rules in March 2019" is not
    an adoption date of a resolution. A year alone ("sanctions adopted in 2013") counts
    where ``year_alone``: it dates an unnumbered reference, but a sentence with numbers
    may give each its own year ("imposed in 2006 under 1718 and widened by 1874 in 2009").
    """
    verbs = [
        m.start()
        for m in _ADOPT_VERB.finditer(sentence)
        if _COUNCIL_ACTS.search(sentence, max(0, m.start() - 70), m.start())
    ]
    if not verbs:
        return []
    found: list[tuple[int, DateCue]] = []
    for match in _MONTH_YEAR.finditer(sentence):
        if _DEADLINE_WORDS.search(sentence, max(0, match.start() - 20), match.start()):
            continue
        if _PERIOD_START.search(sentence[max(0, match.start() - 20) : match.start()]):
            continue  # "Since August 2017, states have been required ...": when a duty ran
        if _PERIOD_END.search(sentence[max(0, match.start() - 24) : match.start()]):
            continue  # "they expired in October 2023": when a duty ended
        cue = DateCue(match.group(), int(match["year"]), month_number(match["month"]), _day(match))
        found.append((match.start(), cue))
    for match in _YEAR_AFTER_VERB.finditer(sentence if year_alone else ""):
        if match.start() in verbs:
            found.append((match.start("year"), DateCue(match["year"], int(match["year"]))))
    if published is not None:
        for match in _RELATIVE_MONTH.finditer(sentence):
            month = month_number(match["month"] or match["month2"])
            year = published.year if month < published.month else published.year - 1
            if match["month2"]:
                year = published.year - 1
            found.append((match.start(), DateCue(match.group(), year, month)))
        for match in _LAST_YEAR.finditer(sentence):
            if _MONTH_END.search(sentence, max(0, match.start() - 12), match.start()):
                continue  # "December last year", read above with its month
            found.append((match.start(), DateCue(match.group(), published.year - 1)))
    found.sort(key=lambda item: min(abs(item[0] - v) for v in verbs))
    return [cue for _, cue in found]


def deadline_cues(sentence: str, published: date | None = None) -> list[DateCue]:
    """Deadline dates in a sentence: "by Dec. 22", "by 22 December 2019", "by the end of 2019"."""
    cues = []
    for match in _DEADLINE.finditer(sentence):
        if match["endyear"]:
            cues.append(DateCue(match.group(), int(match["endyear"])))
            continue
        year = int(match["year"]) if match["year"] else None
        cues.append(DateCue(match.group(), year, month_number(match["month"]), _day(match)))
    return cues


def date_after(text: str, pos: int) -> DateCue | None:
    """A date written right after a resolution number: "2397 of 22 December 2017"."""
    match = _DATE_AFTER.match(text, pos)
    if match is None:
        return None
    label = match.group().strip(" ,")
    month = month_number(match["month"]) if match["month"] else None
    return DateCue(label, int(match["year"]), month, _day(match))


def year_before(text: str, start: int) -> DateCue | None:
    """A year written just before a resolution's mention: "the 2016 resolution 2371"."""
    match = _YEAR_BEFORE.search(text, max(0, start - 80), start)
    if match is None:
        return None
    return DateCue(match.group().strip(), int(match["year"] or match["year2"]))


def paragraph_near(text: str, start: int, end: int, reach: int = 40) -> str | None:
    """A paragraph mention ("paragraph 8", "OP8", "para 26 (b)") close to a span, as "OP8"."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    best: tuple[int, str] | None = None
    for match in _PARAGRAPH.finditer(text, lo, hi):
        distance = match.start() - end if match.start() >= end else start - match.end()
        label = "OP" + match["n"] + (match["sub"] or "").lower()
        if best is None or distance < best[0]:
            best = (distance, label)
    return best[1] if best else None
