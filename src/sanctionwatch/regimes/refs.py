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

import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from sanctionwatch.regimes.kb import KnowledgeBase, load_kb
from sanctionwatch.regimes.keywords import fold, keyword_index, obligation_scores
from sanctionwatch.regimes.model import Obligation, Resolution
from sanctionwatch.regimes.textcues import (
    MONTH,
    DateCue,
    Sentences,
    adoption_cues,
    date_after,
    deadline_cues,
    month_number,
    paragraph_near,
    year_before,
)

__all__ = ["Reference", "find_references", "obligation_scores"]

_FLAGS = re.IGNORECASE | re.ASCII
_NUM = r"[0-9]{2,4}(?:\s*\((?:19|20)[0-9]{2}\))?"
_EXPLICIT = re.compile(
    r"(?P<sres>\bS/RES/(?P<n1>[0-9]{1,4})\s*\((?P<y1>[0-9]{4})\))"
    r"|(?P<lead>\b(?:UNSCRs?|UNSC\s+resolutions?|(?:Security\s+Council\s+)?resolutions?|"
    r"Res\.)"
    r"(?:\s*\(UNSCRs?\))?"
    r"(?:\s+No(?:s)?\.?|\s+numbers?)?\s*)"
    rf"(?P<list>(?<![0-9]){_NUM}(?:\s*(?:,|and|&|or)\s*{_NUM})*)(?![0-9]|\s*/)"
    r"|\bresolution\b[^.;\n]{0,60}?\b(?P<said>numbers?\s+(?P<n3>[0-9]{3,4}))(?![0-9])",
    _FLAGS,
)
_OTHER_BODY = re.compile(
    r"(?:general\s+assembly|assembly|human\s+rights\s+council|board\s+of\s+governors|"
    r"\bGA|\bHRC|\bIAEA)(?:'s)?\s*$",
    _FLAGS,
)
_ITEM = re.compile(r"(?P<n>[0-9]{2,4})(?:\s*\((?P<y>[0-9]{4})\))?", _FLAGS)
_UN = r"(?:U\.\s?N\.|UN|United\s+Nations)"
# starts with the year so that the regex engine can skip ahead quickly; the month before
# it ("a December 2017 resolution") is read backwards with _MONTH_BEFORE
_YEAR_RES = re.compile(
    rf"(?P<year>(?:19|20)[0-9]{{2}})\s+(?:{_UN}\s+)?"
    r"(?:Security\s+Council\s+|UNSC\s+)?(?:sanctions?\s+)?resolution\b(?!s)",
    _FLAGS,
)
_MONTH_BEFORE = re.compile(rf"\b(?P<month>{MONTH})\s+$", _FLAGS)
_COUNCIL = re.compile(
    rf"\b(?:(?:(?:the\s+)?{_UN}\s+)?(?:Security\s+Council|UNSC)|{_UN}\s+sanctions)\b"
    r"(?![^.;\n]{0,45}\bcommittee\b)"
    r"(?P<after>[^.;\n]{0,80})",
    _FLAGS,
)
_ACTION = re.compile(
    r"\b(?:resolution|adopted|passed|introduced|imposed|approved|ordered|demanded|required|"
    r"capped|banned|barred|prohibited|decided|obliged|obligated|voted)\b",
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
    # the number is right but the date written with it is not ("2231, adopted in July 2016")
    date_problem: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- context ------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    adoption: DateCue | None
    deadlines: list[DateCue]
    regimes: set[str]
    sentence: str
    scores: dict[str, int]


_Memo = dict[tuple[int, int, bool], _Context]


_REACH = 300  # characters of context on each side; bounds the work per reference
_ANAPHORA = re.compile(r"\b(?:the|this|that|said)\s+(?:resolution|document|text)\b", _FLAGS)
_HAS_NUMBER = re.compile(r"(?:resolutions?|UNSCRs?|S/RES/)\s*(?:No\.?\s*)?[0-9]{2,4}", _FLAGS)


def _context(
    sentences: Sentences,
    pos: int,
    kb: KnowledgeBase,
    published: date | None,
    memo: _Memo,
    *,
    numbered: bool = False,
) -> _Context:
    """Cues from the reference's sentence; the previous sentence fills in when the sentence
    has none and, for a numbered reference, points back to it ("The resolution received
    the number 2379" after "In December 2017, the Council introduced ...").

    A long sentence is read in windows of a few hundred characters around the reference;
    windows are shared by nearby references, so the work stays linear in the text."""
    i = sentences.index(pos)
    block = pos // _REACH
    key = (i, block, numbered)
    if key in memo:
        return memo[key]
    start, end = sentences.spans[i]
    own = sentences.text[max(start, (block - 1) * _REACH) : min(end, (block + 2) * _REACH)]
    prev_start, prev_end = sentences.spans[i - 1] if i > 0 else (0, 0)
    previous = sentences.text[max(prev_start, prev_end - _REACH) : prev_end]
    if numbered and not (_ANAPHORA.search(own) and not _HAS_NUMBER.search(previous)):
        previous = ""
    cues = adoption_cues(own, published, year_alone=not numbered) or adoption_cues(
        previous, published, year_alone=not numbered
    )
    regimes = keyword_index(kb).regimes(own) or keyword_index(kb).regimes(previous)
    scores = dict(obligation_scores(own, kb=kb))
    ctx = _Context(cues[0] if cues else None, deadline_cues(own, published), regimes, own, scores)
    memo[key] = ctx
    return ctx


def _label(kb: KnowledgeBase, regime: str) -> str:
    return "DPRK" if regime == "dprk" else regime.capitalize()


def _on_topic(res: Resolution, regimes: set[str], kb: KnowledgeBase) -> bool:
    if not regimes:
        return True
    own = kb.regime_of(res.number)
    if own is not None:
        return own in regimes
    topic = fold(f"{res.topic} {res.subject}")
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
    """The best (obligation id, resolution, score) among the resolutions' obligations.
    A duty told as the reason for sanctions ("in retaliation for its nuclear tests",
    ``frames_documents: false``) is taken only where no measure is named."""
    scores = ctx.scores
    best: tuple[int, str | None, int | None] = (0, None, None)
    reason: tuple[int, str | None, int | None] = (0, None, None)
    for number in sorted(numbers):
        for ob in kb.by_resolution(number):
            score = scores.get(ob.id, 0) + _deadline_bonus(ob, ctx.deadlines)
            # on a tie the later resolution wins: news mostly speaks of the rule in force
            if not ob.frames_documents:
                if score > 0 and score >= reason[0]:
                    reason = (score, ob.id, number)
            elif score > 0 and score >= best[0]:
                best = (score, ob.id, number)
    chosen = best if best[1] is not None else reason
    return chosen[1], chosen[2], chosen[0]


def _measure_resolutions(kb: KnowledgeBase, regimes: set[str], cue: DateCue | None) -> list[int]:
    """Resolutions of the regimes that carry obligations, filtered by a date cue."""
    out = []
    for number in kb.measure_resolutions():
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
    kb: KnowledgeBase, number: int, stated: DateCue | None, ctx: _Context, para: str | None
) -> tuple[int | None, float, str | None, str | None]:
    """(resolved, confidence, obligation id, problem) for a number as written.

    ``stated`` is a date written with the number itself ("2397 (2017)", "2397 of 22
    December 2017"); it outweighs dates elsewhere in the sentence."""
    res = kb.resolution(number)
    if res is None:
        problem = (
            f"no resolution {number}: the newest in the index is {kb.highest}"
            if number > kb.highest + 150
            else None
        )
        return None, 0.4 if problem else 0.6, None, problem
    problems = []
    cue = stated or ctx.adoption
    date_ok = cue is None or cue.fits(res.adopted)
    topic_ok = _on_topic(res, ctx.regimes, kb)
    if not date_ok and cue is not None:
        problems.append(f"'{cue.label()}'")
    if not topic_ok:
        problems.append(" and ".join(f"the {_label(kb, r)} context" for r in sorted(ctx.regimes)))
    near = _thematic_near_miss(kb, res, ctx) if topic_ok and date_ok else None
    if near is not None:
        # "the snapback is part of Resolution 2331", in a text on Iran: a thematic
        # resolution one digit away from the regime's own (2231) is a slip for it
        label = "/".join(_label(kb, r) for r in sorted(ctx.regimes))
        problem = (
            f"number {number} ({_when(res)}) is a thematic resolution on {res.subject}, "
            f"not on the {label} sanctions; the {label} resolution one digit away is {near}"
        )
        return near, 0.7, _obligation_for(kb, near, ctx, para), problem
    if not problems:
        ob_id = _obligation_for(kb, number, ctx, para)
        return number, 0.95 if stated is not None else 0.9, ob_id, None
    own = kb.regime_of(number)
    regimes = ctx.regimes or ({own} if own else set())
    candidates = _measure_resolutions(kb, regimes, cue if not date_ok else None)
    if not date_ok and not candidates and cue is not None:
        candidates = [r.number for r in kb.adopted_in(cue.year or 0, cue.month)]
    choice = _pick(kb, number, candidates, ctx, dated=not date_ok)
    if topic_ok and not date_ok and (choice is None or _written_fits(kb, number, choice, ctx)):
        # the number fits the subject and nothing, or less well, fits the date written:
        # the date is wrong, not the number (``misdated`` reports it)
        return number, 0.85, _obligation_for(kb, number, ctx, para), None
    said = f"{number} ({_when(res)}) is on {res.topic}"
    if choice is None and date_ok:
        # only the regime named nearby differs and nothing points to another resolution:
        # texts often cite other regimes in passing ("like Syria under resolution 2118")
        return number, 0.7, None, None
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


def _one_digit_apart(a: int, b: int) -> bool:
    """Same length and one digit changed, or two neighbouring digits swapped."""
    x, y = str(a), str(b)
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and x[diff[0]] == y[diff[1]]
        and x[diff[1]] == y[diff[0]]
    )


def _thematic_near_miss(kb: KnowledgeBase, res: Resolution, ctx: _Context) -> int | None:
    """The one measure resolution of the regimes named nearby that a thematic resolution's
    number is one digit away from, where the sentence names its measures; else None."""
    if not ctx.regimes or "(thematic)" not in res.topic:
        return None
    near = [
        n for n in _measure_resolutions(kb, ctx.regimes, None) if _one_digit_apart(res.number, n)
    ]
    if len(near) != 1:
        return None
    # and the sentence speaks of that resolution's measures ("the snapback")
    _, _, score = _best_obligation(kb, near, ctx)
    return near[0] if score > 0 else None


def _on_topic_number(kb: KnowledgeBase, number: int, ctx: _Context) -> bool:
    res = kb.resolution(number)
    return res is not None and _on_topic(res, ctx.regimes, kb)


def _written_fits(kb: KnowledgeBase, number: int, choice: int, ctx: _Context) -> bool:
    """Do the sentence's words fit the resolution as written better than ``choice``
    ("banned textile exports in August 2017 under resolution 2375": 2375 banned
    textiles, 2371 of August 2017 did not)?"""
    _, best, score = _best_obligation(kb, [number, choice], ctx)
    return best == number and score > 0


def misdated(kb: KnowledgeBase, number: int, cue: DateCue | None) -> str | None:
    """The problem with a date written for a resolution that was adopted on another one."""
    res = kb.resolution(number)
    if res is None or cue is None or cue.fits(res.adopted):
        return None
    return f"resolution {number} was adopted on {_when(res)}, not '{cue.label()}'"


def _pick(
    kb: KnowledgeBase, number: int, candidates: list[int], ctx: _Context, *, dated: bool
) -> int | None:
    """The resolution the text most likely means instead of ``number``.

    ``dated``: the candidates fit a date stated in the text, so one keyword (or a single
    candidate) is enough; otherwise two keywords or the same digits are needed."""
    if not candidates:
        return None
    if dated and len(candidates) == 1:
        return candidates[0]
    _, best_res, score = _best_obligation(kb, candidates, ctx)
    if best_res is not None and score >= (1 if dated else 2):
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


def _first_item(items: list[tuple[int, int, int, int | None]], start: int) -> bool:
    """Is this the first number of a list ("resolutions 2371 and 2375")?"""
    return bool(items) and items[0][0] == start


def _numbered(
    text: str, sentences: Sentences, kb: KnowledgeBase, published: date | None, memo: _Memo
) -> list[Reference]:
    refs = []
    items: list[tuple[int, int, int, int | None]]
    # dates written with a number ("Resolution 2397, adopted in December 2017"), by
    # sentence: such a date is that number's, not another's in the same sentence
    own_dates: dict[int, set[tuple[int | None, int | None, int | None]]] = {}
    sentence_refs: dict[int, int] = {}  # numbered references per sentence
    for match in _EXPLICIT.finditer(text):
        at = sentences.index(match.start())
        sentence_refs[at] = sentence_refs.get(at, 0) + 1
        if not (match["sres"] or match["said"]):
            cue = date_after(text, match.end())
            if cue is not None:
                when = (cue.year, cue.month, cue.day)
                own_dates.setdefault(sentences.index(match.start()), set()).add(when)
    for match in _EXPLICIT.finditer(text):
        if match["lead"] and _OTHER_BODY.search(text, max(0, match.start() - 40), match.start()):
            continue  # "General Assembly resolution 1514": not the Security Council's
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
            ctx = _context(sentences, start, kb, published, memo, numbered=True)
            if len(items) > 1 and ctx.adoption is not None:
                # "resolutions 1718 and 1874, adopted in 2006 and 2009": a date of the
                # sentence cannot be given to one number of a list
                ctx = replace(ctx, adoption=None)
            para = paragraph_near(text, start, end)
            stated = DateCue(f"({year})", year) if year is not None else date_after(text, end)
            if (
                stated is None
                and ctx.adoption is not None
                and (ctx.adoption.year, ctx.adoption.month, ctx.adoption.day)
                in own_dates.get(sentences.index(start), set())
            ):
                # "Resolution 2397, adopted in December 2017, ... after resolution 2375
                # had barred": the date is 2397's
                ctx = replace(ctx, adoption=None)
            if stated is None and _first_item(items, start):
                stated = year_before(text, match.start())
            resolved, confidence, ob_id, problem = _check_number(kb, number, stated, ctx, para)
            if match["sres"] and problem is None:
                confidence = max(confidence, 0.98)
            wrong_date = (
                misdated(kb, number, stated or ctx.adoption)
                if problem is None and resolved == number and _on_topic_number(kb, number, ctx)
                else None
            )
            if (
                wrong_date is None
                and problem is None
                and stated is not None
                and ctx.adoption is not None
                and ctx.adoption.day is not None
                and sentence_refs.get(sentences.index(start), 0) == 1
                and re.search(
                    rf"\badopted\s+(?:\w+\s+)?on\s+{re.escape(ctx.adoption.text)}", ctx.sentence
                )
            ):
                # "resolution 2231 (2015), which the Council adopted on 20 July 2016": the
                # year is right, the full date the sentence gives for its adoption is not
                wrong_date = misdated(kb, number, ctx.adoption)
            refs.append(
                Reference(
                    start,
                    end,
                    text[start:end],
                    number,
                    resolved,
                    confidence,
                    ob_id,
                    problem,
                    wrong_date,
                )
            )
    return refs


# --- unnumbered references ----------------------------------------------------------


def _unnumbered(
    text: str,
    sentences: Sentences,
    kb: KnowledgeBase,
    published: date | None,
    memo: _Memo,
    taken: list[Reference],
) -> list[Reference]:
    refs: list[Reference] = []
    busy = {sentences.index(r.start) for r in taken}
    spans: list[tuple[int, int, DateCue | None]] = []
    for match in _YEAR_RES.finditer(text):
        start = match.start()
        if start > 0 and text[start - 1].isalnum():
            continue
        before = _MONTH_BEFORE.search(text, max(0, start - 12), start)
        month = month_number(before["month"]) if before else None
        start = before.start() if before else start
        said = DateCue(text[start : match.end()], int(match["year"]), month)
        spans.append((start, match.end(), said))
    for match in _COUNCIL.finditer(text):
        if _ACTION.search(match["after"]):
            spans.append((match.start(), match.start("after"), None))
    spans.sort(key=lambda s: s[0])
    for start, end, written in spans:
        i = sentences.index(start)
        if i in busy:
            continue
        ctx = _context(sentences, start, kb, published, memo)
        cue = written or ctx.adoption
        regimes = ctx.regimes
        candidates = _measure_resolutions(kb, regimes, cue)
        if not candidates:
            continue
        ob_id, best_res, score = _best_obligation(kb, candidates, ctx)
        if not regimes and score == 0:
            # nothing ties the text to a regime of the knowledge base: "In December 2017
            # the Council adopted a resolution on South Sudan" is not about 2397
            continue
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
    memo: _Memo = {}
    numbered = _numbered(text, sentences, base, published, memo)
    refs = numbered + _unnumbered(text, sentences, base, published, memo, numbered)
    refs.sort(key=lambda r: (r.start, r.end))
    return refs
