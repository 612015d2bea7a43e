"""From the documents and regimes packages' objects to the compliance views.

Written against the attributes of ``documents.Analysis``/``Claim``/``Quantity`` and
``regimes.Obligation`` as agreed in CONTRACTS.md; typed loosely so this module imports
without those packages.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sanctionwatch.compliance.alerts import NameMention
from sanctionwatch.compliance.contradictions import ReferenceIssue
from sanctionwatch.compliance.indicators import Series, series_from_text
from sanctionwatch.compliance.model import Evidence, ObligationView, Observation, ReportingDue
from sanctionwatch.compliance.parties import classify, state_in

__all__ = [
    "all_obligation_views",
    "document_title",
    "evidence_from_analysis",
    "issues_from_analysis",
    "mentions_from_analysis",
    "obligation_view",
    "observations_from_analysis",
    "parse_period",
    "series_from_analysis",
]

_ISO2 = re.compile(r"^[A-Z]{2}$")


def parse_period(text: str | None) -> date | None:
    """ "2019-12-22", "2019-12" or "2019" as a date (the last day of a month or year)."""
    if not text:
        return None
    m = re.fullmatch(r"((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])(?:-(\d\d))?)?", text.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            nxt = date(year + int(month) // 12, int(month) % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 12, 31)
    except ValueError:
        return None


def document_title(meta: Any) -> str:
    if getattr(meta, "title", None):
        return str(meta.title)
    outlet = getattr(meta, "outlet", None) or getattr(meta, "dateline_outlet", None)
    when = getattr(meta, "published", None)
    bits = [outlet or "document", f"{when}" if when else "", f"({str(meta.sha256)[:8]})"]
    return " ".join(b for b in bits if b)


_IN_STATE = re.compile(r"[^.;,]*?\bin\s+((?:the\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)")


def _state_after(text: str, end: int) -> str | None:
    """The state named in "... in Russia" right after a figure, if any."""
    m = _IN_STATE.match(text[end : end + 40])
    return state_in(m.group(1), exclude=("KP",)) if m else None


_ELSEWHERE = re.compile(
    r"\b(abroad|overseas|worldwide|globally|region|gulf|middle east|africa|asia|europe)\b", re.I
)


def _place_of(text: str, q: Any, subject: str) -> str | None:
    """The state a figure is about: one named right after it ("30,000 in Russia"), else
    the claim's subject, unless the figure is about somewhere else ("abroad", "in the
    Gulf region"): then None, as it is no figure for one state."""
    named = _state_after(text, q.end)
    if named is not None:
        return named
    if _ELSEWHERE.search(q.what or "") or _ELSEWHERE.search(text[q.end : q.end + 40]):
        return None
    return subject


def _observation(q: Any, state: str, meta: Any, speaker: str | None, sentence: str) -> Observation:
    return Observation(
        state=state,
        what=q.what or q.unit or "",
        value=float(q.value),
        unit=q.unit or "",
        as_of=parse_period(q.as_of),
        approx=bool(q.approx),
        stated_in=meta.published,
        speaker=speaker,
        sentence=sentence,
        document_id=meta.sha256,
        document_title=document_title(meta),
    )


def evidence_from_analysis(analysis: Any) -> list[Evidence]:
    """One Evidence per claim about a single state (claims about "ALL" are background)."""
    meta = analysis.document
    out = []
    for c in analysis.claims:
        state = str(c.subject_state).upper()
        if not _ISO2.match(state):
            continue
        speaker_state, kind = classify(state, c.speaker, c.speaker_affiliation)
        quantities = tuple(
            _observation(q, where, meta, c.speaker, c.evidence)
            for q in c.quantities
            if (where := _place_of(analysis.text, q, state)) is not None
        )
        out.append(
            Evidence(
                state=state,
                obligation_id=c.obligation_id,
                stance=c.stance,
                sentence=c.evidence,
                speaker=c.speaker,
                affiliation=c.speaker_affiliation,
                speaker_state=speaker_state,
                source_kind=kind,
                outlet=c.outlet or meta.outlet or getattr(meta, "dateline_outlet", None),
                published=meta.published,
                document_id=meta.sha256,
                document_title=document_title(meta),
                url=meta.url,
                start=c.start,
                end=c.end,
                quantities=quantities,
                confidence=float(c.confidence),
            )
        )
    return out


def _sentence_at(analysis: Any, pos: int) -> str:
    for s in analysis.sentences:
        if s.start <= pos < s.end:
            return str(s.text)
    return ""


def observations_from_analysis(analysis: Any) -> list[Observation]:
    """Figures from claims, and document figures whose state is named right after them
    ("30,000 in Russia")."""
    meta = analysis.document
    out: list[Observation] = []
    seen: set[tuple[int, int]] = set()
    for ev in evidence_from_analysis(analysis):
        out.extend(ev.quantities)
    for c in analysis.claims:
        for q in c.quantities:
            seen.add((q.start, q.end))
    text = analysis.text
    for q in analysis.quantities:
        if (q.start, q.end) in seen or q.unit in ("USD", "percent", "ratio"):
            continue
        state = _state_after(text, q.end)
        if state is None:
            continue
        out.append(_observation(q, state, meta, None, _sentence_at(analysis, q.start)))
    return out


def issues_from_analysis(analysis: Any) -> list[ReferenceIssue]:
    meta = analysis.document
    return [
        ReferenceIssue(
            document_id=meta.sha256,
            document_title=document_title(meta),
            published=meta.published,
            text=r.text,
            problem=r.problem,
            sentence=_sentence_at(analysis, r.start),
            resolved=r.resolved,
        )
        for r in analysis.references
        if r.problem
    ]


def series_from_analysis(analysis: Any) -> list[Series]:
    meta = analysis.document
    return series_from_text(analysis.text, published=meta.published, source=document_title(meta))


def mentions_from_analysis(analysis: Any) -> list[NameMention]:
    meta = analysis.document
    names: list[NameMention] = []
    for m in analysis.mentions:
        if m.kind in ("org", "person"):
            names.append(NameMention(m.text, meta.sha256, document_title(meta),
                                     _sentence_at(analysis, m.start)))  # fmt: skip
    for e in getattr(analysis, "entities", []) or []:
        name = e.get("name") or e.get("mention") if isinstance(e, dict) else None
        if name:
            names.append(NameMention(str(name), meta.sha256, document_title(meta)))
    return names


def obligation_view(ob: Any, adopted: date | None = None) -> ObligationView:
    """An ObligationView from a regimes.Obligation."""
    return ObligationView(
        id=ob.id,
        title=ob.title,
        deadline=ob.deadline,
        reporting=tuple(ReportingDue(r.what, r.due) for r in ob.reporting),
        summary=ob.summary,
        keywords=tuple(ob.keywords),
        adopted=adopted,
        category=str(getattr(ob, "category", "") or ""),
    )


def all_obligation_views(kb: Any) -> dict[str, ObligationView]:
    out = {}
    for ob in kb.obligations():
        res = kb.resolution(ob.resolution)
        out[ob.id] = obligation_view(ob, res.adopted if res else None)
    return out
