"""Analyse documents: sentences, mentions, quotes, quantities, dates, references, claims.

:func:`analyse_text` analyses one text; :func:`analyse_many` runs a batch through
spaCy's ``nlp.pipe`` (much faster per document). Both are pure apart from loading the
model and the knowledge base once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sanctionwatch.documents.arithmetic import check_share_of_limit
from sanctionwatch.documents.checks import Deadline, find_issues
from sanctionwatch.documents.claims import SentenceFacts, build_claims
from sanctionwatch.documents.committees import check_committees
from sanctionwatch.documents.dates import find_dates
from sanctionwatch.documents.dimensions import check_ship_sizes
from sanctionwatch.documents.gazetteer import CountryHit, Gazetteer, gazetteer
from sanctionwatch.documents.links import ObligationIndex, default_kb, document_link, find_refs
from sanctionwatch.documents.mentions import screen_mentions, speaker_mentions
from sanctionwatch.documents.meta import (
    PartialDate,
    content_hash,
    find_dateline,
    infer_year,
    parse_partial_date,
    text_date,
)
from sanctionwatch.documents.model import (
    Analysis,
    DateMention,
    DocumentMeta,
    Mention,
    Quantity,
    ReferenceInfo,
    Sentence,
)
from sanctionwatch.documents.nlp import load_nlp
from sanctionwatch.documents.places import check_places
from sanctionwatch.documents.quantities import find_quantities
from sanctionwatch.documents.quotes import attribute, to_quote
from sanctionwatch.documents.regions import check_regions
from sanctionwatch.documents.rounds import check_sanction_years
from sanctionwatch.errors import InputError

__all__ = ["DocumentInput", "analyse_many", "analyse_text", "warm_up"]

_KB_UNSET: Any = object()
MAX_CHARS = 20_000_000  # the rule pipeline; the statistical components allow 1,000,000


@dataclass(slots=True)
class DocumentInput:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | str | None = None  # a date, or "2023" / "2019-12" to complete a dateline
    url: str | None = None
    metadata_date: date | None = None  # from HTML/PDF metadata
    date_source: str = "given"  # where ``published`` came from: "given", "header"
    date_inferred: bool = False  # ``published`` was itself inferred (a header says so)


class _Context:
    """What every document shares: the knowledge base and its obligation index."""

    def __init__(self, kb: Any) -> None:
        self.kb = default_kb() if kb is _KB_UNSET else kb
        self.index = ObligationIndex(self.kb)
        self.gaz: Gazetteer = gazetteer()


_CONTEXTS: dict[int, _Context] = {}


def _context(kb: Any) -> _Context:
    key = id(kb)
    ctx = _CONTEXTS.get(key)
    if ctx is None:
        ctx = _Context(kb)
        _CONTEXTS.clear()
        _CONTEXTS[key] = ctx
    return ctx


def warm_up(*, ner: bool = False, model_sentences: bool = False) -> None:
    """Load the spaCy model and the knowledge base now (not on the first document)."""
    load_nlp(ner=ner, model_sentences=model_sentences)
    _context(_KB_UNSET)


def analyse_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    kb: Any = _KB_UNSET,
    screener: Any = None,
) -> Analysis:
    """Analyse one English text. ``published`` may be partial ("2023") to give a
    dateline its year; ``kb`` overrides the regimes knowledge base (None: no links)."""
    return analyse_many(
        [DocumentInput(text, title, outlet, published, url)], kb=kb, screener=screener
    )[0]


def analyse_many(
    inputs: Sequence[DocumentInput],
    *,
    kb: Any = _KB_UNSET,
    screener: Any = None,
    ner: bool = False,
    model_sentences: bool = False,
    batch_size: int = 32,
) -> list[Analysis]:
    """Analyse a batch. ``ner=True`` adds spaCy's entity recogniser (persons and
    organisations beyond speakers; on by default when a ``screener`` is given);
    ``model_sentences=True`` splits sentences with the model's statistical recogniser
    instead of the rule-based splitter."""
    ctx = _context(kb)
    nlp = load_nlp(ner=ner or screener is not None, model_sentences=model_sentences)
    for i, inp in enumerate(inputs):
        if len(inp.text) > nlp.max_length:
            hint = "" if nlp.max_length == MAX_CHARS else " with --model-sentences/--ner"
            raise InputError(
                f"document {i + 1}: {len(inp.text):,} characters is over the limit of "
                f"{nlp.max_length:,}{hint}"
            )
    docs = nlp.pipe((i.text for i in inputs), batch_size=batch_size)
    return [_analyse(inp, doc, ctx, screener) for inp, doc in zip(inputs, docs, strict=True)]


def _meta(inp: DocumentInput) -> tuple[DocumentMeta, int]:
    text = inp.text
    meta = DocumentMeta(
        sha256=content_hash(text), title=inp.title, outlet=inp.outlet, url=inp.url, chars=len(text)
    )
    hint: PartialDate | None = parse_partial_date(inp.published)
    dateline = find_dateline(text)
    body_start = 0
    if dateline is not None:
        meta.dateline = dateline.place
        meta.dateline_outlet = dateline.agency
        if meta.outlet is None and dateline.agency:
            meta.outlet = dateline.agency
        body_start = dateline.end
    full = hint.full() if hint else None
    if full is not None:
        meta.published, meta.published_source = full, inp.date_source
        meta.published_inferred = inp.date_inferred
    elif inp.metadata_date is not None:
        meta.published, meta.published_source = inp.metadata_date, "metadata"
    elif dateline is not None and dateline.month and dateline.day:
        year = infer_year(dateline.month, dateline.day, text, hint)
        if year is not None:
            try:
                meta.published = date(year, dateline.month, dateline.day)
            except ValueError:
                meta.published = None
            meta.published_source = "dateline"
            meta.published_inferred = hint is None or inp.date_inferred
    if meta.published is None:
        found = text_date(text)
        if found is not None:
            meta.published, meta.published_source = found, "text"
    if meta.published is None and hint is not None:
        meta.published = date(hint.year, hint.month or 1, 1)
        meta.published_source, meta.published_inferred = f"{inp.date_source} (partial)", True
    return meta, body_start


def _analyse(inp: DocumentInput, doc: Any, ctx: _Context, screener: Any) -> Analysis:
    text = inp.text
    gaz = ctx.gaz
    ctx.index.new_document(text)
    target = ctx.index.target(gaz)
    meta, body_start = _meta(inp)
    published = meta.published
    sentences = _sentences(text, [(s.start_char, s.end_char) for s in doc.sents], body_start)
    ents = list(doc.ents) if doc.has_annotation("ENT_IOB") else []
    persons = [e.text for e in ents if e.label_ == "PERSON" and " " in e.text.strip()]
    persons += [e.text for e in ents if e.label_ == "PERSON" and " " not in e.text.strip()]
    mentions: list[Mention] = []
    countries = [h for h in gaz.countries(text) if h.start >= body_start]
    # a government body acts for its state ("OFAC designated ...", "the Treasury said")
    countries += [
        CountryHit(o.start, o.end, o.text, o.state, "org")
        for o in gaz.organisations(text)
        if o.kind == "gov"
        and o.start >= body_start
        and not any(h.start <= o.start < h.end for h in countries)
    ]
    countries.sort(key=lambda h: h.start)
    sent_of = _sentence_finder(sentences)
    for h in countries:
        if h.how == "org":
            continue
        mentions.append(Mention("country", h.text, h.start, h.end, sent_of(h.start), h.iso2, h.how))
    for o in gaz.organisations(text):
        if o.start >= body_start:
            mentions.append(
                Mention("org", o.text, o.start, o.end, sent_of(o.start), o.state, "gazetteer")
            )
    for e in ents:
        if e.label_ in ("PERSON", "ORG") and e.start_char >= body_start:
            kind = "person" if e.label_ == "PERSON" else "org"
            mentions.append(
                Mention(kind, e.text, e.start_char, e.end_char, sent_of(e.start_char), None, "ner")
            )
    attributions = attribute(text, sentences, gaz, persons)
    references = find_refs(text, published, ctx.kb)
    facts: list[SentenceFacts] = []
    all_quantities: list[Quantity] = []
    all_dates: list[DateMention] = []
    prev_dates: list[DateMention] = []
    for s in sentences:
        qs = find_quantities(s.text, s.start)
        ds = find_dates(s.text, published, s.start)
        _as_of(qs, ds or (prev_dates[-1:] if _CONTINUES.match(s.text) else []))
        all_quantities.extend(qs)
        all_dates.extend(ds)
        prev_dates = ds  # a figure without a date of its own takes the previous sentence's
        facts.append(
            SentenceFacts(
                sentence=s,
                countries=[
                    h
                    for h in countries
                    if s.start <= h.start < s.end and not _flag_of(text, h, target)
                ],
                attribution=attributions.get(s.index),
                quantities=qs,
                dates=ds,
                references=[r for r in references if s.start <= r.start < s.end],
            )
        )
    claims = []
    doc_link = None
    on_topic = gaz.patterns["sanctions_context"].search(text) is not None
    if on_topic or ctx.index.regime is not None:
        doc_link = document_link(facts, ctx.index, published, gaz)
    # a text that never says "sanctions" or "the UN" is still on the topic where it tells
    # of a duty of the knowledge base ("repatriated 980 North Korean workers")
    if on_topic or doc_link is not None:
        claims = build_claims(
            facts,
            gaz=gaz,
            index=ctx.index,
            published=published,
            doc_link=doc_link,
            target=target,  # the state the text's regime targets
        )
    for c in claims:
        c.document = meta.sha256
        c.outlet = meta.outlet
    errors = [_error_dict(r) for r in references if r.problem]
    errors += [
        _error_dict(r, "resolution_date") for r in references if r.date_problem and not r.problem
    ]
    by_start = {f.sentence.start: f for f in facts}

    def deadline_of(s: Sentence) -> Deadline | None:
        f = by_start[s.start]
        link = ctx.index.link(s.text, f.references, published)
        if link is None and "deadline" in s.text.lower():
            link = doc_link
        found = _deadline(ctx.kb, link.obligation_id if link else None)
        if found is None and link is not None:
            # the best-scored duty has no deadline ("the number of North Korean workers"):
            # another duty the sentence's words name may ("... will leave by November 29")
            named = (_deadline(ctx.kb, ob.id) for _, ob, _ in ctx.index.score(s.text, published))
            found = next((d for d in named if d is not None), None)
        return found

    issues = find_issues(text, sentences, all_quantities, all_dates, deadline_of, gaz.is_name)
    for s in sentences:
        if "of the" in s.text and re.search(r"percent|per\s+cent|%", s.text):
            f = by_start[s.start]
            link = ctx.index.link(s.text, f.references, published) or doc_link
            limits = ctx.index.limits(link.obligation_id if link else None)
            if not limits and _CAP_WORD.search(s.text):
                # the duty linked sets no limit (ship-to-ship transfers) but the sentence
                # speaks of one ("31 percent of the annual cap"): the regime's cap in force
                limits = ctx.index.regime_limits(text, published)
            if limits:
                issues += check_share_of_limit(s, f.quantities, limits)
    issues += check_sanction_years(sentences, ctx.kb, ctx.index.regime, published)
    issues += check_committees(text, ctx.kb, ctx.index.regime, ctx.index.foreign)
    issues += check_regions(text, countries)
    issues += check_places(text)
    issues += check_ship_sizes(sentences)
    errors += [i.to_dict() for i in issues]
    entities = screen_mentions(screener, mentions)
    quotes = [to_quote(a, text) for a in attributions.values()]
    speaker_mentions(text, attributions.values(), mentions)
    return Analysis(
        meta,
        text,
        sentences,
        mentions,
        quotes,
        all_quantities,
        all_dates,
        references,
        claims,
        entities,
        errors,
    )


_LINE_BREAK = re.compile(r"\n+")
_CAP_WORD = re.compile(r"\b(?:cap|ceiling|limit)\b", re.I)
# a sentence that goes on about the figures of the one before it
_CONTINUES = re.compile(
    r"\W*(?:the\s+(?:data|figures|statistics|numbers|report)|that|this|these|those|it|they)\b", re.I
)


# "a Panama-flagged carrier", "a Singapore-registered firm", "a US-made rifle", "the
# U.S.-sponsored text": where a ship or firm is registered or a thing comes from, not a
# state acting in the sentence
_FLAG_SUFFIX = re.compile(
    r"-(?:flagged|registered|based|owned|built|made|manufactured|origin|sponsored|drafted)\b"
)
_DEMONYM_FLAG = re.compile(r"-(?:flagged|registered)\b")


def _flag_of(text: str, hit: CountryHit, target: str | None = None) -> bool:
    """A state named only as a ship's flag ("a Panama-flagged tanker", "an Indian-flagged
    tanker"), not as an actor; the targeted state's own vessels ("North Korean-flagged
    vessels") stay a party to what they do."""
    if hit.how == "demonym":  # not "Iranian-made drones"
        return hit.iso2 != target and bool(_DEMONYM_FLAG.match(text, hit.end))
    return bool(_FLAG_SUFFIX.match(text, hit.end))


# an abbreviation before a number, where the splitter ends a sentence: "resolution No.
# 2231", "paras. 8 and 9"
_NUMBER_ABBREVIATION = re.compile(r"\b(?:No|Nos|no|para|paras|Art|art)\.$")


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            out
            and _NUMBER_ABBREVIATION.search(text, out[-1][0], out[-1][1])
            and text[start : start + 1].isdigit()
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# a line that ends a sentence (or a quotation) and one that goes on in lower case
_LINE_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’']\s*$")
_LOWER_WRAP = re.compile(r"(?<![.!?:;\"”’'\n])[ \t]*\n[ \t]*(?=[a-z])")


def _hard_wrapped(text: str) -> bool:
    """Text broken into lines of fixed width (wire copy, e-mail, a PDF's text layer): at
    least three lines, and a fifth of them, go on in lower case on the next line."""
    soft = len(_LOWER_WRAP.findall(text))
    return soft >= 3 and soft * 5 >= text.count("\n") + 1


def _soft_breaks(text: str) -> set[int]:
    """The line breaks inside sentences of hard-wrapped text (none in other text): the
    next line goes on in lower case ("said in a / confidential report"), or a long line
    that ends mid-sentence goes on with a capital ("an arms embargo on / Libya", "the
    United Nations / Security Council", a line that itself went on from the one before).
    A short line that ends without a full stop (a crosshead, a headline) stays cut."""
    if not _hard_wrapped(text):
        return set()
    out: set[int] = set()
    start, prev_soft = 0, False
    while (nl := text.find("\n", start)) >= 0:
        line, after = text[start:nl], text[nl + 1 : nl + 2]
        soft = False
        if line.strip() and after.strip() and not _LINE_ENDS_SENTENCE.search(line):
            words = line.split()
            if after.islower() or after == "(":
                soft = True
            elif after.isupper() or after.isdigit():
                last = words[-1]
                soft = len(line) >= 30 and (last[0].islower() or last.endswith(",") or prev_soft)
        if soft:
            out.add(nl)
        prev_soft, start = soft, nl + 1
    return out


def _sentences(text: str, spans: list[tuple[int, int]], body_start: int) -> list[Sentence]:
    """spaCy's sentences, also cut at line breaks (headlines, paragraphs, captions) but
    not at the line breaks inside a sentence of hard-wrapped text."""
    out: list[Sentence] = []
    soft = _soft_breaks(text)
    for s_start, s_end in _joined(text, spans):
        pos = max(s_start, body_start)
        if pos >= s_end:
            continue
        pieces = []
        for m in _LINE_BREAK.finditer(text, pos, s_end):
            if m.end() - m.start() == 1 and m.start() in soft:
                continue
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, s_end))
        for a, b in pieces:
            chunk = text[a:b]
            if len(chunk.strip()) < 2:
                continue
            a += len(chunk) - len(chunk.lstrip())
            b -= len(chunk) - len(chunk.rstrip())
            out.append(Sentence(len(out), a, b, text[a:b]))
    return _opening_quotes(text, out)


# a quotation mark that opens the next sentence, left at the end of this one: 'said. "We'
_TRAILING_OPEN_QUOTE = re.compile(r'\s(["“])$')


def _opening_quotes(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Move an opening quotation mark the splitter left at a sentence's end to the start
    of the next sentence, so the quote and its sentence are read together."""
    out = list(sentences)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        m = _TRAILING_OPEN_QUOTE.search(cur.text)
        if m is None or text[cur.end : nxt.start].strip():
            continue
        q = cur.start + m.start(1)
        end = q - (len(text[cur.start : q]) - len(text[cur.start : q].rstrip()))
        out[i] = Sentence(cur.index, cur.start, end, text[cur.start : end])
        out[i + 1] = Sentence(nxt.index, q, nxt.end, text[q : nxt.end])
    return out


def _error_dict(r: ReferenceInfo, kind: str = "resolution_number") -> dict[str, Any]:
    """A reference's problem as a factual error: the number (``problem``) or, the number
    being right, the date written with it (``date_problem``)."""
    message = r.problem if kind == "resolution_number" else r.date_problem
    return {
        "kind": kind,
        "number": r.number,
        "text": r.text,
        "start": r.start,
        "end": r.end,
        "resolved": r.resolved,
        "message": message,
        "explanation": message,
        "confidence": r.confidence if kind == "resolution_number" else 0.8,
    }


def _deadline(kb: Any, obligation_id: str | None) -> Deadline | None:
    ob = kb.find_obligation(obligation_id) if kb is not None and obligation_id else None
    if ob is None or ob.deadline is None:
        return None
    return (ob.id, ob.deadline, [r.due for r in ob.reporting if r.due])


def _sentence_finder(sentences: list[Sentence]) -> Any:
    starts = [s.start for s in sentences]

    def find(pos: int) -> int:
        import bisect

        i = bisect.bisect_right(starts, pos) - 1
        return max(i, 0)

    return find


def _as_of(quantities: list[Quantity], dates: list[DateMention]) -> None:
    """Each quantity's as-of date: the nearest date mention (after it preferred)."""
    if not dates:
        return
    for q in quantities:
        after = [d for d in dates if d.start >= q.end]
        before = [d for d in dates if d.end <= q.start]
        pick = after[0] if after else (before[-1] if before else dates[0])
        q.as_of = pick.value
