"""From attributed sentences to claims about a state's compliance.

For each sentence on a sanctions topic: the obligation it is about (``links.py``), what
that obligation brings (``facts.Duty``: category, targeted state, caps, deadline passed),
then, clause by clause, the states spoken of and the stance toward each
(``clauses.py``). Across sentences this module keeps who spoke for which state, the
last states named and each state's last charge, so that "it", "the ministry" and "the
accusations" are read against them; a charge denied takes the charge's obligation,
general duties ("the Security Council resolutions") name no single obligation, and
restated claims are merged (``dedup.py``).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from sanctionwatch.documents.clauses import (
    NO_QUOTES,
    STATE_KINDS,
    clause_claims,
    official_of,
    reporting_states,
)
from sanctionwatch.documents.cues import LABOUR, people_at_work, sends_workers
from sanctionwatch.documents.cues import cues as _cues
from sanctionwatch.documents.dedup import drop_restated, drop_told_twice
from sanctionwatch.documents.facts import Duty, Found, SentenceFacts
from sanctionwatch.documents.gazetteer import Gazetteer
from sanctionwatch.documents.links import ObligationIndex, ObligationLink, link_text, sentence_link
from sanctionwatch.documents.model import Claim
from sanctionwatch.documents.quotes import Attribution
from sanctionwatch.documents.subjects import is_official

__all__ = ["SentenceFacts", "build_claims"]

SELF_STANCES = {"asserts_compliance", "admits_noncompliance", "denies_violation"}
# obligations on the other states' dealings with the targeted one (hosting its workers,
# supplying it, investing with it), not on the targeted state's own conduct
MEMBER_DUTIES = {"labour", "supply ban", "cap", "joint ventures", "financial"}


def build_claims(
    facts: list[SentenceFacts],
    *,
    gaz: Gazetteer,
    index: ObligationIndex,
    published: date | None,
    doc_link: ObligationLink | None,
    target: str | None,
) -> list[Claim]:
    claims: list[Claim] = []
    prev_countries: list[str] = []
    prev_subjects: list[str] = []
    speaker_states: dict[str, str] = {}
    earlier: list[str] = []  # the last sentences, for things named again
    previous: ObligationLink | None = None  # the sentence before's obligation
    alleged: dict[str, tuple[str, str]] = {}  # a state's last charge: obligation id, label
    for f in facts:
        s = f.sentence
        text = s.text
        link = sentence_link(f, index, published, doc_link, gaz, earlier, previous)
        previous = link if link is not None and link.obligation_id else None
        earlier = [*earlier[-2:], text]
        if (
            link is None
            and doc_link is not None
            and index.category(doc_link.obligation_id) in LABOUR
            and (people_at_work(text, f.countries, target, s.start) or sends_workers(text))
        ):
            # "He had seen North Korean plasterers on two sites there in January", in a
            # text about sending the workers home: the text's duty is what it is about
            link = doc_link
        duty = Duty.of(index, link, target, published, link_text(f))
        category = duty.category
        found = _sentence_claims(f, gaz, prev_countries, prev_subjects, speaker_states, duty)
        if f.attribution is not None and f.attribution.speaker.country is None:
            named = {h.iso2 for h in f.countries if h.how != "demonym"}
            for subject, stance, _, _, _ in found:
                if stance in SELF_STANCES and subject != "ALL":
                    speaker_states.setdefault(f.attribution.speaker.label, subject)
                elif (
                    stance == "reports_measure"
                    and subject in named
                    and subject != target
                    and is_official(f.attribution)
                    and len(named - {target}) == 1
                ):
                    # "Thailand has submitted its report, the foreign ministry said": the
                    # ministry is Thailand's, so "the report said ..." next speaks for it
                    speaker_states.setdefault(f.attribution.speaker.label, subject)
        seen_here = [h.iso2 for h in f.countries if h.how != "demonym"]  # states named
        if seen_here:
            prev_countries = seen_here
        if not found:
            continue
        lead = len(text) - len(text.lstrip())
        evidence = text.strip()
        for subject, stance, cues, confidence, own in found:
            att = f.attribution
            if stance == "reports_measure" and subject == target:
                # the targeted state does not implement sanctions on itself: a state that
                # tells of it speaks of its own measure ("Peru informed the Panel that
                # contracts with a North Korean firm had been cancelled")
                teller = att.speaker.country if att is not None else None
                if teller is None or teller == target or teller in STATE_KINDS:
                    # "nationals of the DPRK who earned income in Mongolia were
                    # repatriated": the other state the sentence names, else the one
                    # the text was about
                    here = [h.iso2 for h in f.countries if h.iso2 not in (target, "EU")]
                    before = [p for p in prev_subjects if p not in (target, "ALL")]
                    others = here or before
                    if not others or others[0] in STATE_KINDS:
                        continue
                    teller = others[0]
                subject = teller
            ob_id = link.obligation_id if link else None
            ob_label = link.label if link else None
            if own is not None:
                ob_id, ob_label = own, index.label(own, None)
            if stance == "other" and set(cues) & set(_cues("soft_dispute", text, gaz)):
                ob_id, ob_label = None, None  # reservations about a report: about no duty
            if stance == "other" and subject == target and category in MEMBER_DUTIES:
                # the targeted state's own figures ("earned $500 million from workers
                # abroad") measure no state's compliance with a duty on the others
                ob_id, ob_label = None, None
            if (
                (ob_id is None or (link is not None and link.how.startswith("document")))
                and stance == "denies_violation"
                and subject in alleged
                and _CHARGE_AGAIN.search(text)
            ):
                # "Wierzbicki rejected the report", "the accusations were unsubstantiated":
                # a denial of the charge just told is about that charge's duty
                ob_id, ob_label = alleged[subject]
            if stance == "alleges_violation" and ob_id is not None and ob_label is not None:
                alleged[subject] = (ob_id, ob_label)
            if stance == "asserts_compliance" and not f.references and _GENERAL_DUTY.search(text):
                # "takes its obligations under the Security Council resolutions seriously",
                # "complies fully with its international obligations": no single duty
                ob_id, ob_label = None, None
            if (
                stance == "reports_measure"
                and _NATIONAL.search(" ".join(cues))
                and not f.references
            ):
                ob_id, ob_label = None, "national sanctions designations"
            relayed = _embedded_source(text, stance)
            claims.append(
                Claim(
                    subject_state=subject,
                    stance=stance,
                    evidence=evidence,
                    start=s.start + lead,
                    end=s.start + lead + len(evidence),
                    obligation_id=ob_id,
                    obligation_label=ob_label,
                    speaker=relayed or (att.speaker.label if att else None),
                    speaker_affiliation=(att.speaker.affiliation or att.speaker.role)
                    if att and not relayed
                    else None,
                    quantities=list(f.quantities),
                    dates=sorted({d.value for d in f.dates}),
                    resolution_refs=[r.text for r in f.references],
                    confidence=round(confidence * (0.9 if link is None else 1.0), 2),
                    cues=cues,
                )
            )
        prev_subjects = [
            c[0] for c in found if c[0] != "ALL" and not c[0].startswith("multiple")
        ] or prev_subjects
    # a group of states named as one ("the E3"): one claim for each of them
    claims = [
        dataclasses.replace(c, subject_state=member)
        for c in claims
        for member in _GROUPS.get(c.subject_state, (c.subject_state,))
    ]
    return drop_told_twice(drop_restated(claims))


# groups of states the gazetteer reads as one name, and their members
_GROUPS = {"E3": ("DE", "FR", "GB")}

# a line that does not end a sentence: a headline, caption or page furniture
_HEADLINE = re.compile(r"[^.!?\"”’'):;…]\s*$")

# a question asks, it does not claim ("Will Moscow comply with the resolution?")
_QUESTION = re.compile(r"\?\W*$")

_CLAUSE = re.compile(
    r",\s+(?=(?:saying|adding|noting|while|but|although|though)\b)|;\s+|\s+but\s+(?=(?:said|says|added|it|they|he|she)\b)"
    # "..., a claim denied by Russia and North Korea": the denial is a clause of its own
    r"|,\s+(?=(?:a|an|the)\s+(?:claim|charge|allegation|accusation|report)s?\s+"
    r"(?:\w+\s+)?(?:denied|rejected|dismissed)\b)",
    re.IGNORECASE,
)


def _clauses(content: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for m in _CLAUSE.finditer(content):
        out.append((pos, content[pos : m.start()]))
        pos = m.end()
    out.append((pos, content[pos:]))
    return [(p, c) for p, c in out if c.strip()]


_DENYING_VERB = re.compile(r"denied|denies|rejected|rejects", re.IGNORECASE)
# what was said calls the charge false: "said that Western allegations that ... were not
# based on evidence"
_CHARGE_FALSE = re.compile(
    r"\b(?:allegations?|accusations?|claims?|charges?|reports?)\b[^;]{0,160}?\b(?:were|was|are|is)"
    r"\s+(?:not\s+based\s+on|baseless|groundless|unfounded|false|untrue|lies|fabricat\w+"
    r"|without\s+(?:any\s+)?(?:evidence|basis|foundation))",
    re.IGNORECASE,
)
# the charge named again: "rejected the report", "the accusations were unsubstantiated"
_CHARGE_AGAIN = re.compile(
    r"\b(?:the|these|such|those|this|that)\s+(?:\w+\s+)?(?:reports?|claims?|accusations?"
    r"|allegations?|charges?|findings)\b|\bsuch\s+[a-z]+s\b",
    re.IGNORECASE,
)
# duties named as a whole: "Security Council resolutions", "its international obligations"
_GENERAL_DUTY = re.compile(
    r"\b(?:(?:UN|U\.N\.|UNSC|Security\s+Council|council)(?:['’]s)?\s+)(?:sanctions\s+)?resolutions\b"
    r"|\bevery\s+(?:single\s+)?(?:relevant\s+)?(?:resolution|measure)\b"
    r"|\b(?:the\s+)?(?:relevant\s+)?resolutions\s+of\s+the\s+(?:UN\s+|U\.N\.\s+)?Security\s+Council\b"
    r"|\bdecisions\s+of\s+the\s+(?:UN\s+)?Security\s+Council\b"
    r"|\b(?:the\s+)?(?:UN\s+)?sanctions\s+imposed\s+by\s+the\s+(?:UN\s+)?Security\s+Council\b"
    r"|\b(?:its|our|their)\s+international\s+obligations\b",
    re.IGNORECASE,
)
_NATIONAL = re.compile(
    r"blacklist|designat|imposed\s+sanctions|sanctioned|sanctions\s+list|freez", re.IGNORECASE
)


def _sentence_claims(
    f: SentenceFacts,
    gaz: Gazetteer,
    prev_countries: list[str],
    prev_subjects: list[str],
    speaker_states: dict[str, str],
    duty: Duty | None = None,
) -> list[Found]:
    duty = duty or Duty()
    s = f.sentence
    text = s.text
    # on the topic by its words, or by the linked obligation's keywords with a stance cue,
    # read through quotation marks (had "never transferred any drone")
    plain = text.translate(NO_QUOTES)
    topical = bool(gaz.patterns["topic"].search(plain)) or any(
        gaz.patterns[k].search(plain)
        for k in (
            "violation",
            "compliance",
            "denial",
            "measure",
            "pressure",
            "soft_dispute",
            "obligation_statement",
        )
    )
    if _HEADLINE.search(text) or _QUESTION.search(text) or not (topical or duty.category):
        return []
    att = f.attribution
    if att is not None:
        c_start, c_end = att.content_start, att.content_end
        skip: tuple[int, int] | None = (att.attribution_start, att.attribution_end)
        if (
            att.direct
            and att.attribution_end < c_start
            and _SUBJECT_GAP.fullmatch(text[att.attribution_end - s.start : c_start - s.start])
            and any(att.attribution_end <= h.start < c_start for h in f.countries)
        ):
            # 'spokesman Gao Wenbin said China "has always implemented ..."': the state
            # named before the quotation is its subject
            c_start = att.attribution_end
    else:
        c_start, c_end, skip = s.start, s.end, None
    content = text[c_start - s.start : c_end - s.start]
    if (
        att is not None
        and not att.direct
        and (_DENYING_VERB.fullmatch(att.cue) or _CHARGE_FALSE.search(content))
    ):
        own = (
            att.speaker.country
            or speaker_states.get(att.speaker.label)
            or official_of(f, prev_subjects, duty.target)
        )
        denial = _cues("denial", text, gaz)
        several = _speaking_states(f)
        if len(several) > 1 and denial:
            # "Both Moscow and Pyongyang have denied ...": each state denies
            return [(st, "denies_violation", denial, 0.75, None) for st in several]
        if own and own not in STATE_KINDS and denial:
            # "Tanzania rejected a UN report that accused it of ...": the charge told
            # inside is the one the state denies, not a new allegation
            return [(own, "denies_violation", denial, 0.75, None)]
    reporting = reporting_states(f, gaz, duty.target)
    if reporting:
        return [(st, "reports_measure", [att.cue if att else ""], 0.6, None) for st in reporting]
    out: list[Found] = []
    seen: set[tuple[str, str]] = set()
    last: list[str] = prev_subjects
    for offset, clause in _clauses(content):
        base = c_start + offset
        hits = [h for h in f.countries if base <= h.start < base + len(clause)]
        speaker_state = None
        if att is not None:
            speaker_state = (
                att.speaker.country
                or speaker_states.get(att.speaker.label)
                or _state_opened_with(f, att)
            )
        found = clause_claims(
            clause, base, hits, f, gaz, prev_countries, last, skip, text, speaker_state, duty,
        )  # fmt: skip
        if not topical:
            found = [x for x in found if x[1] != "other"]  # figures alone: off the topic
        for item in found:
            if (item[0], item[1]) not in seen:
                seen.add((item[0], item[1]))
                out.append(item)
        if found:
            last = [found[0][0]] if found[0][0] != "ALL" else last
        elif hits and hits[0].how != "demonym" and len(clause[: hits[0].start - base].split()) <= 1:
            # "The UAE did not respond; it has previously denied ...": the state the
            # clause opens with is the one "it" names next
            last = [hits[0].iso2]
    return out


def _speaking_states(f: SentenceFacts) -> list[str]:
    """The states that speak together ("Both Moscow and Pyongyang", "Russia and China")."""
    att = f.attribution
    if att is None or not re.search(r"\band\b", att.speaker.label):
        return []
    named = [
        h.iso2
        for h in f.countries
        if att.attribution_start <= h.start < att.attribution_end and h.how != "demonym"
    ]
    return list(dict.fromkeys(named))


_SUBJECT_GAP = re.compile(r"\s*(?:that\s+)?[A-Z][\w.’'-]*(?:\s+[A-Za-z][\w.’'-]*){0,4}\s*")
_IN_STATE = re.compile(r"^\W*In\s+(?:neighbou?ring\s+|nearby\s+)?(?:the\s+)?", re.I)


def _state_opened_with(f: SentenceFacts, att: Attribution) -> str | None:
    """ "In neighbouring Angola, the foreign ministry said ...": an official of no named
    state speaks for the state the sentence opens with."""
    m = _IN_STATE.match(f.sentence.text)
    if m is None or not is_official(att) or not f.countries:
        return None
    first = f.countries[0]
    at = f.sentence.start + m.end()
    if first.start != at or first.how == "demonym" or first.start >= att.attribution_start:
        return None
    return first.iso2


# an allegation relayed from its source: "in what Japanese diplomats call clear breaches"
_IN_WHAT = re.compile(
    r"\bin\s+what\s+((?:[\w.’'-]+\s+){0,4}?[\w.’'-]+)\s+(?:say|says|said|call|calls|called"
    r"|describe|describes|described|consider|considers|considered|see|sees|saw|term|termed)\b"
)


def _embedded_source(text: str, stance: str) -> str | None:
    """The source an allegation is relayed from, where the sentence names it inside."""
    if stance != "alleges_violation":
        return None
    m = _IN_WHAT.search(text)
    if m is None or m.group(1).lower().split()[0] in ("was", "is", "were", "are", "has", "had"):
        return None
    return m.group(1)
