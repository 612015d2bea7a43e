"""Find references to Security Council resolutions in text, resolve and check them.

Numbered forms: "resolution 2397", "UNSCR 2397 (2017)", "S/RES/2397 (2017)", "Security
Council resolutions 2375 and 2397", "resolution No. 2397", "the resolution received the
number 2379". Unnumbered forms: "a 2017 U.N. Security Council resolution", "In December
2017, the UN Security Council introduced new sanctions against North Korea".

A numbered reference is checked against the date and the regime named nearby (its own
sentence, else the one before). When they contradict the number, the reference is
resolved to the resolution they point to and ``problem`` says why. Unnumbered references
are resolved from the year or month, the regime and the obligation keywords of the
sentence, with a lower confidence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sanctionwatch.errors import InputError
from sanctionwatch.regimes.kb import KnowledgeBase, load_kb
from sanctionwatch.regimes.model import Obligation, Resolution
from sanctionwatch.regimes.textcues import (
    MONTH,
    DateCue,
    Sentences,
    adoption_cues,
    deadline_cues,
    month_number,
    paragraph_near,
)

__all__ = ["Reference", "find_references", "obligation_scores", "read_text_file"]

_FLAGS = re.IGNORECASE | re.ASCII
_NUM = r"[0-9]{2,4}(?:\s*\((?:19|20)[0-9]{2}\))?"
_EXPLICIT = re.compile(
    r"(?P<sres>\bS/RES/(?P<n1>[0-9]{1,4})\s*\((?P<y1>[0-9]{4})\))"
    r"|(?P<lead>\b(?:UNSCRs?|UNSC\s+resolutions?|(?:Security\s+Council\s+)?resolutions?)"
    r"(?:\s*\(UNSCRs?\))?"
    r"(?:\s+No(?:s)?\.?|\s+numbers?)?\s*)"
    rf"(?P<list>(?<![0-9]){_NUM}(?:\s*(?:,|and|&|or)\s*{_NUM})*)(?![0-9])"
    r"|\bresolution\b[^.;\n]{0,60}?\b(?P<said>numbers?\s+(?P<n3>[0-9]{3,4}))(?![0-9])",
    _FLAGS,
)
_ITEM = re.compile(r"(?P<n>[0-9]{2,4})(?:\s*\((?P<y>[0-9]{4})\))?", _FLAGS)
_UN = r"(?:U\.\s?N\.|UN|United\s+Nations)"
_YEAR_RES = re.compile(
    rf"\b(?:(?P<month>{MONTH})\s+)?(?P<year>(?:19|20)[0-9]{{2}})\s+(?:{_UN}\s+)?"
    r"(?:Security\s+Council\s+|UNSC\s+)?(?:sanctions?\s+)?resolution\b(?!s)",
    _FLAGS,
)
_COUNCIL = re.compile(
    rf"\b(?:(?:the\s+)?{_UN}\s+)?(?:Security\s+Council|UNSC)\b(?![^.;\n]{{0,45}}\bcommittee\b)"
    r"(?P<after>[^.;\n]{0,80})",
    _FLAGS,
)
_ACTION = re.compile(
    r"\b(?:resolution|adopted|passed|introduced|imposed|approved|ordered|demanded|required|"
    r"capped|banned|decided|obliged|obligated|voted)\b",
    _FLAGS,
)


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a resolution in a text, as written and as resolved."""

    start: int
    end: int
    text: str
    number: int | None
    resolved: int | None
    confidence: float
    obligation_id: str | None = None
    problem: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- obligation keywords ------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _keyword_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str]]:
    out = {}
    for ob in kb.obligations():
        if ob.keywords:
            words = sorted(ob.keywords, key=len, reverse=True)
            body = "|".join(re.escape(k) for k in words)
            # a lookahead finds overlapping phrases ("hiring of north korean" and
            # "north korean workers" in "hiring of north korean workers")
            out[ob.id] = re.compile(rf"(?<![\w-])(?=((?:{body}))(?![\w-]))")
    return out


@functools.lru_cache(maxsize=4)
def _regime_patterns(kb: KnowledgeBase) -> dict[str, re.Pattern[str]]:
    return {
        key: re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in reg.aliases) + r")(?![\w-])"
        )
        for key, reg in kb.regimes.items()
    }


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'").replace("‘", "'")


def obligation_scores(
    text: str, *, kb: KnowledgeBase | None = None, regime: str | None = None
) -> list[tuple[str, int]]:
    """Obligations whose keywords occur in ``text``.

    Returns (obligation id, number of distinct keywords found), best first.
    """
    base = kb or load_kb()
    folded = _fold(text)
    allowed = {ob.id for ob in base.obligations(regime)} if regime else None
    scores = []
    for ob_id, pattern in _keyword_patterns(base).items():
        if allowed is not None and ob_id not in allowed:
            continue
        hits = {m.group(1) for m in pattern.finditer(folded)}
        if hits:
            scores.append((ob_id, len(hits)))
    scores.sort(key=lambda item: (-item[1], item[0]))
    return scores


def _regimes_in(text: str, kb: KnowledgeBase) -> set[str]:
    folded = _fold(text)
    return {key for key, pattern in _regime_patterns(kb).items() if pattern.search(folded)}


# --- context ------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    adoption: DateCue | None
    deadlines: list[DateCue]
    regimes: set[str]
    sentence: str


def _context(sentences: Sentences, pos: int, kb: KnowledgeBase, published: date | None) -> _Context:
    i = sentences.index(pos)
    own, previous = sentences.get(i), sentences.get(i - 1)
    cues = adoption_cues(own, published) or adoption_cues(previous, published)
    regimes = _regimes_in(own, kb) or _regimes_in(previous, kb)
    return _Context(cues[0] if cues else None, deadline_cues(own, published), regimes, own)


def _label(kb: KnowledgeBase, regime: str) -> str:
    return "DPRK" if regime == "dprk" else regime.capitalize()


def _on_topic(res: Resolution, regimes: set[str], kb: KnowledgeBase) -> bool:
    if not regimes:
        return True
    own = kb.regime_of(res.number)
    if own is not None:
        return own in regimes
    topic = _fold(f"{res.topic} {res.subject}")
    if "(thematic)" in topic or "(institutional)" in topic:
        return True
    return any(
        kb.regimes[r].key in topic or any(a in topic for a in kb.regimes[r].aliases)
        for r in regimes
    )


def _deadline_bonus(ob: Obligation, cues: list[DateCue]) -> int:
    best = 0
    for cue in cues:
        if ob.deadline is None:
            continue
        if (
            cue.month == ob.deadline.month
            and cue.day == ob.deadline.day
            and (cue.year in (None, ob.deadline.year))
        ):
            best = max(best, 3)
        elif cue.month is None and cue.year == ob.deadline.year:
            best = max(best, 1)
    return best


def _best_obligation(
    kb: KnowledgeBase, numbers: list[int], ctx: _Context
) -> tuple[str | None, int | None, int]:
    """The best (obligation id, resolution, score) among the resolutions' obligations."""
    scores = dict(obligation_scores(ctx.sentence, kb=kb))
    best: tuple[int, str | None, int | None] = (0, None, None)
    for number in sorted(numbers):
        for ob in kb.by_resolution(number):
            score = scores.get(ob.id, 0) + _deadline_bonus(ob, ctx.deadlines)
            # on a tie the later resolution wins: news mostly speaks of the rule in force
            if score > 0 and score >= best[0]:
                best = (score, ob.id, number)
    return best[1], best[2], best[0]


def _measure_resolutions(kb: KnowledgeBase, regimes: set[str], cue: DateCue | None) -> list[int]:
    """Resolutions of the regimes that carry obligations, filtered by a date cue."""
    numbers = {ob.resolution for ob in kb.obligations()}
    out = []
    for number in sorted(numbers):
        res = kb.resolution(number)
        if res is None:
            continue
        if regimes and kb.regime_of(number) not in regimes:
            continue
        if cue is not None and not cue.fits(res.adopted):
            continue
        out.append(number)
    return out


def _when(res: Resolution) -> str:
    return f"{res.adopted.day} {res.adopted:%b %Y}"


# --- numbered references ------------------------------------------------------------


def _check_number(
    kb: KnowledgeBase, number: int, year: int | None, ctx: _Context, para: str | None
) -> tuple[int | None, float, str | None, str | None]:
    """(resolved, confidence, obligation id, problem) for a number as written."""
    res = kb.resolution(number)
    if res is None:
        newest = max(kb.resolutions)
        problem = (
            f"no resolution {number}: the newest in the index is {newest}"
            if number > newest + 150
            else None
        )
        return None, 0.4 if problem else 0.6, None, problem
    problems = []
    cue = ctx.adoption
    if year is not None and year != res.adopted.year:
        cue = DateCue(f"({year})", year)
    date_ok = cue is None or cue.fits(res.adopted)
    topic_ok = _on_topic(res, ctx.regimes, kb)
    if not date_ok and cue is not None:
        problems.append(f"'{cue.label()}'")
    if not topic_ok:
        problems.append(" and ".join(f"the {_label(kb, r)} context" for r in sorted(ctx.regimes)))
    if not problems:
        ob_id = _obligation_for(kb, number, ctx, para)
        return number, 0.95 if year is not None else 0.9, ob_id, None
    own = kb.regime_of(number)
    regimes = ctx.regimes or ({own} if own else set())
    candidates = _measure_resolutions(kb, regimes, cue if not date_ok else None)
    if not date_ok and not candidates and cue is not None:
        candidates = [r.number for r in kb.adopted_in(cue.year or 0, cue.month)]
    choice = _pick(kb, number, candidates, ctx)
    said = f"{number} ({_when(res)}) is on {res.topic}"
    if choice is None:
        return number, 0.5, None, f"number {number} contradicts {' and '.join(problems)}: {said}"
    target = kb.resolution(choice)
    assert target is not None
    what = " ".join(
        part
        for part in (
            f"{target.adopted:%B %Y}" if cue is not None and not date_ok else "",
            "/".join(_label(kb, r) for r in sorted(regimes)),
        )
        if part
    )
    problem = (
        f"number {number} contradicts {' and '.join(problems)}: {said}; "
        f"the {what} resolution is {choice}"
    )
    transposed = sorted(str(number)) == sorted(str(choice))
    ob_id = _obligation_for(kb, choice, ctx, para)
    return choice, 0.8 if transposed else 0.65, ob_id, problem


def _pick(kb: KnowledgeBase, number: int, candidates: list[int], ctx: _Context) -> int | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    _, best_res, score = _best_obligation(kb, candidates, ctx)
    if score > 0 and best_res is not None:
        return best_res
    same_digits = [c for c in candidates if sorted(str(c)) == sorted(str(number))]
    return same_digits[0] if len(same_digits) == 1 else None


def _obligation_for(kb: KnowledgeBase, number: int, ctx: _Context, para: str | None) -> str | None:
    if para is not None:
        for ob_id in (f"{number}-{para}", f"{number}-{para.rstrip('abcdefgh')}"):
            if kb.find_obligation(ob_id) is not None:
                return ob_id
    best_id, _, score = _best_obligation(kb, [number], ctx)
    return best_id if score > 0 else None


def _numbered(
    text: str, sentences: Sentences, kb: KnowledgeBase, published: date | None
) -> list[Reference]:
    refs = []
    items: list[tuple[int, int, int, int | None]]
    for match in _EXPLICIT.finditer(text):
        if match["sres"]:
            items = [(match.start(), match.end(), int(match["n1"]), int(match["y1"]))]
        elif match["said"]:
            items = [(match.start("said"), match.end("said"), int(match["n3"]), None)]
        else:
            items = []
            base = match.start("list")
            for k, item in enumerate(_ITEM.finditer(match["list"])):
                start = match.start() if k == 0 else base + item.start()
                year = int(item["y"]) if item["y"] else None
                items.append((start, base + item.end(), int(item["n"]), year))
        for start, end, number, year in items:
            ctx = _context(sentences, start, kb, published)
            para = paragraph_near(text, start, end)
            resolved, confidence, ob_id, problem = _check_number(kb, number, year, ctx, para)
            if match["sres"] and problem is None:
                confidence = max(confidence, 0.98)
            refs.append(
                Reference(start, end, text[start:end], number, resolved, confidence, ob_id, problem)
            )
    return refs


# --- unnumbered references ----------------------------------------------------------


def _unnumbered(
    text: str,
    sentences: Sentences,
    kb: KnowledgeBase,
    published: date | None,
    taken: list[Reference],
) -> list[Reference]:
    refs: list[Reference] = []
    busy = {sentences.index(r.start) for r in taken}
    spans: list[tuple[int, int, DateCue | None]] = []
    for match in _YEAR_RES.finditer(text):
        month = month_number(match["month"]) if match["month"] else None
        spans.append(
            (match.start(), match.end(), DateCue(match.group(), int(match["year"]), month))
        )
    for match in _COUNCIL.finditer(text):
        if _ACTION.search(match["after"]):
            spans.append((match.start(), match.start("after"), None))
    spans.sort(key=lambda s: s[0])
    for start, end, cue in spans:
        i = sentences.index(start)
        if i in busy:
            continue
        ctx = _context(sentences, start, kb, published)
        cue = cue or ctx.adoption
        regimes = ctx.regimes
        candidates = _measure_resolutions(kb, regimes, cue)
        if not candidates:
            continue
        ob_id, best_res, score = _best_obligation(kb, candidates, ctx)
        if len(candidates) == 1:
            resolved = candidates[0]
            if best_res != resolved:
                ob_id = None
            confidence = 0.85 if cue is not None and regimes else 0.6
        elif score > 0 and best_res is not None:
            resolved = best_res
            confidence = 0.75 if cue is not None else 0.55
            if score >= 3:
                confidence += 0.1
        else:
            continue
        busy.add(i)
        refs.append(Reference(start, end, text[start:end], None, resolved, confidence, ob_id, None))
    return refs


def find_references(
    text: str, *, published: date | None = None, kb: KnowledgeBase | None = None
) -> list[Reference]:
    """Every resolution reference in ``text``, in order of position."""
    base = kb or load_kb()
    if not text.strip():
        return []
    sentences = Sentences(text)
    numbered = _numbered(text, sentences, base, published)
    refs = numbered + _unnumbered(text, sentences, base, published, numbered)
    refs.sort(key=lambda r: (r.start, r.end))
    return refs


MAX_TEXT_BYTES = 20_000_000


def read_text_file(path: Path) -> str:
    """A UTF-8 text file for checking; a clear :class:`InputError` when it is not one."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{path}: {size} bytes is over the {MAX_TEXT_BYTES} byte limit")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks binary, expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
