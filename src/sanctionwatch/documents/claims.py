"""From attributed sentences to claims about a state's compliance.

For each sentence on a sanctions topic the rules find (1) the state the sentence is
about: a country in actor position in what was said (not after "to", "against",
"in"...; a demonym only when it qualifies a government noun, "Russian Foreign
Ministry"), "all states" for general obligation statements, "both countries" for the
last pair named; (2) the speaker's own state; (3) the stance from cue patterns
(``data/cues.yaml``) read against who speaks: a state that speaks about itself asserts
compliance, admits non-compliance or denies a violation; anyone else alleges a
violation or reports a measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sanctionwatch.documents.gazetteer import CountryHit, Gazetteer
from sanctionwatch.documents.links import ObligationIndex, ObligationLink
from sanctionwatch.documents.model import Claim, DateMention, Quantity, ReferenceInfo, Sentence
from sanctionwatch.documents.quotes import Attribution

__all__ = ["SentenceFacts", "build_claims", "subjects_of"]

STATE_KINDS = {"UN", "INT", "EU", "MEDIA"}
SELF_STANCES = {"asserts_compliance", "admits_noncompliance", "denies_violation"}
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ourselves)\b", re.IGNORECASE)
_PAIR = re.compile(
    r"\b(?:both\s+countries|the\s+two\s+countries|both\s+states|the\s+two\s+states)\b", re.I
)
_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|he|she)\b", re.IGNORECASE)
_AGENT_BY = re.compile(
    r"\b(?:violat\w+|breach\w*|evasion|exports?|transfers?|shipments?|deliveries|sales)\b"
    r"(?:\s+[\w’'-]+){0,8}?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GOV_OF = re.compile(
    r"(?:government|authorities|regime|leadership|ministry|embassy)\s+of\s+(?:the\s+)?$", re.I
)
_CLAUSE_SPLIT = re.compile(r"\bbut\b|;|\bwhile\b|\bnonetheless\b", re.IGNORECASE)


@dataclass(slots=True)
class SentenceFacts:
    sentence: Sentence
    countries: list[CountryHit]
    attribution: Attribution | None
    quantities: list[Quantity]
    dates: list[DateMention]
    references: list[ReferenceInfo]


def _is_actor(hit: CountryHit, text: str, base: int, gaz: Gazetteer) -> bool:
    """Is this country mention the state acting (rather than a place, target or adjective)?"""
    before = text[: hit.start - base]
    words = re.findall(r"[\w’'.-]+", before[-40:].lower())
    after = text[hit.end - base : hit.end - base + 40]
    possessive = bool(re.match(r"['’]s\b", after))
    if _GOV_OF.search(before) or _AGENT_BY.search(before[-80:]):
        return True  # "the government of X", "violations ... by X"
    if re.match(r"\s*(?:sanctions?|related|-related|regime|sanctions\s+committee)\b", after, re.I):
        return False  # "the North Korea sanctions committee": a modifier
    prev = ""
    if words:
        prev = words[-1]
        if prev == "the" and len(words) > 1:
            prev = words[-2]
    if (
        possessive
        and hit.how != "demonym"
        and (prev == "of" or prev not in gaz.non_actor_preceders)
    ):
        return True  # "Russia's transfer of technology", "evidence of North Korea's exports"
    if prev in gaz.non_actor_preceders:
        return False
    if hit.how == "demonym":
        tail = after.lower().lstrip()
        return any(tail.startswith(noun) for noun in gaz.government_nouns)
    if re.match(r"\s*-\s*(?:based|flagged|related)", after):
        return False
    return possessive or hit.how in ("name", "capital", "org")


def subjects_of(
    text: str,
    base: int,
    hits: list[CountryHit],
    gaz: Gazetteer,
    skip: tuple[int, int] | None,
) -> list[str]:
    """Actor states in ``text`` (which starts at document offset ``base``), in order;
    two states joined by "and" are both returned."""
    out: list[str] = []
    actors: list[CountryHit] = []
    prev: tuple[CountryHit, bool] | None = None
    for h in hits:
        if skip and skip[0] <= h.start < skip[1]:
            continue
        flag = _is_actor(h, text, base, gaz)
        if prev is not None and re.fullmatch(
            r"\s*(?:and|or|,)\s*", text[prev[0].end - base : h.start - base]
        ):
            flag = prev[1]  # "between Russia and China": both, or neither, act
        prev = (h, flag)
        if flag:
            actors.append(h)
    if not actors:
        return out
    first = actors[0]
    out.append(first.iso2)
    for nxt in actors[1:]:
        between = text[first.end - base : nxt.start - base]
        if (
            re.fullmatch(r"\s*(?:['’]s)?\s*(?:and|,|or)\s*(?:the\s+)?", between)
            and nxt.iso2 not in out
        ):
            out.append(nxt.iso2)
            first = nxt
        else:
            break
    if re.match(r"['’]s\b", text[first.end - base :]):
        # "North Korea's transfer of weapons to Russia, Russia's transfer of technology"
        for h in actors:
            if h.iso2 not in out and re.match(r"['’]s\b", text[h.end - base :]):
                out.append(h.iso2)
    return out


def _cues(name: str, text: str, gaz: Gazetteer) -> list[str]:
    return [m.group(0) for m in gaz.patterns[name].finditer(text)]


def build_claims(
    facts: list[SentenceFacts],
    *,
    gaz: Gazetteer,
    index: ObligationIndex,
    published: date | None,
    doc_link: ObligationLink | None,
) -> list[Claim]:
    claims: list[Claim] = []
    prev_countries: list[str] = []
    prev_subjects: list[str] = []
    speaker_states: dict[str, str] = {}
    for f in facts:
        s = f.sentence
        text = s.text
        found = _sentence_claims(f, gaz, prev_countries, prev_subjects, speaker_states)
        if f.attribution is not None and f.attribution.speaker.country is None:
            for subject, stance, _, _ in found:
                if stance in SELF_STANCES and subject != "ALL":
                    speaker_states.setdefault(f.attribution.speaker.label, subject)
        seen_here = [h.iso2 for h in f.countries]
        if seen_here:
            prev_countries = seen_here
        if not found:
            continue
        link = _link(f, index, published, doc_link, gaz)
        lead = len(text) - len(text.lstrip())
        evidence = text.strip()
        for subject, stance, cues, confidence in found:
            att = f.attribution
            ob_id = link.obligation_id if link else None
            ob_label = link.label if link else None
            if (
                stance == "reports_measure"
                and _NATIONAL.search(" ".join(cues))
                and not f.references
            ):
                ob_id, ob_label = None, "national sanctions designations"
            claims.append(
                Claim(
                    subject_state=subject,
                    stance=stance,
                    evidence=evidence,
                    start=s.start + lead,
                    end=s.start + lead + len(evidence),
                    obligation_id=ob_id,
                    obligation_label=ob_label,
                    speaker=att.speaker.label if att else None,
                    speaker_affiliation=(att.speaker.affiliation or att.speaker.role)
                    if att
                    else None,
                    quantities=list(f.quantities),
                    dates=sorted({d.value for d in f.dates}),
                    resolution_refs=[r.text for r in f.references],
                    confidence=round(confidence * (0.9 if link is None else 1.0), 2),
                    cues=cues,
                )
            )
        prev_subjects = [c[0] for c in found if c[0] != "ALL"] or prev_subjects
    return claims


# a line that does not end a sentence: a headline, caption or page furniture
_HEADLINE = re.compile(r"[^.!?\"”’'):;…]\s*$")

_CLAUSE = re.compile(
    r",\s+(?=(?:saying|adding|noting|while|but|although|though)\b)|;\s+|\s+but\s+(?=(?:said|says|added|it|they|he|she)\b)",
    re.IGNORECASE,
)
_THAT_START = re.compile(r"^\W*(?:that|this|these|those|it|they)\b", re.IGNORECASE)


def _clauses(content: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for m in _CLAUSE.finditer(content):
        out.append((pos, content[pos : m.start()]))
        pos = m.end()
    out.append((pos, content[pos:]))
    return [(p, c) for p, c in out if c.strip()]


# counts that do not make a statement about compliance on their own ("11 participating nations")
_COUNT_ONLY = {"countries", "flights", "locations"}
_NATIONAL = re.compile(r"blacklist|designat|imposed\s+sanctions|sanctioned", re.IGNORECASE)


def _link(
    f: SentenceFacts,
    index: ObligationIndex,
    published: date | None,
    doc_link: ObligationLink | None,
    gaz: Gazetteer,
) -> ObligationLink | None:
    """The sentence's own obligation; the document's main one where the sentence only
    hints at it (its keywords also fire here) or names none but speaks of sanctions."""
    text = f.sentence.text
    link = index.link(text, f.references, published)
    if doc_link is None:
        return link
    if link is None:
        return doc_link if gaz.patterns["generic_obligation"].search(text) else None
    if link.how == "keywords" and doc_link.obligation_id != link.obligation_id:
        scored = {ob.id for _, ob, _ in index.score(text, published)}  # cached
        if doc_link.obligation_id in scored:
            return doc_link
        if doc_link.how == "document+reference" and link.score < 2.0:
            return doc_link  # one keyword does not outweigh a resolution the text names
    return link


def _sentence_claims(
    f: SentenceFacts,
    gaz: Gazetteer,
    prev_countries: list[str],
    prev_subjects: list[str],
    speaker_states: dict[str, str],
) -> list[tuple[str, str, list[str], float]]:
    s = f.sentence
    text = s.text
    if not gaz.patterns["topic"].search(text) or _HEADLINE.search(text):
        return []
    att = f.attribution
    if att is not None:
        c_start, c_end = att.content_start, att.content_end
        skip: tuple[int, int] | None = (att.attribution_start, att.attribution_end)
    else:
        c_start, c_end, skip = s.start, s.end, None
    content = text[c_start - s.start : c_end - s.start]
    out: list[tuple[str, str, list[str], float]] = []
    seen: set[tuple[str, str]] = set()
    last: list[str] = prev_subjects
    for offset, clause in _clauses(content):
        base = c_start + offset
        hits = [h for h in f.countries if base <= h.start < base + len(clause)]
        speaker_state = None
        if att is not None:
            speaker_state = att.speaker.country or speaker_states.get(att.speaker.label)
        found = _clause_claims(
            clause, base, hits, f, gaz, prev_countries, last, skip, text, speaker_state
        )
        for item in found:
            if (item[0], item[1]) not in seen:
                seen.add((item[0], item[1]))
                out.append(item)
        if found:
            last = [found[0][0]] if found[0][0] != "ALL" else last
    return out


def _clause_claims(
    content: str,
    c_start: int,
    hits: list[CountryHit],
    f: SentenceFacts,
    gaz: Gazetteer,
    prev_countries: list[str],
    prev_subjects: list[str],
    skip: tuple[int, int] | None,
    text: str,
    speaker_state: str | None,
) -> list[tuple[str, str, list[str], float]]:
    att = f.attribution
    subjects: list[str] = []
    all_states = gaz.patterns["all_states"].search(content)
    if all_states and re.search(
        r"\b(?:to|with|among|from|by|of)\s+$", content[: all_states.start()]
    ):
        all_states = None  # "presented evidence to UN member states": recipients, not subject
    obligation = gaz.patterns["obligation_statement"].search(content)
    if all_states and not obligation:
        # "all countries" is general only under an obligation ("were ordered to",
        # "demanded that all countries"), which may sit in the attribution
        obligation = gaz.patterns["obligation_statement"].search(text)
        if not obligation:
            all_states = None
    pair = _PAIR.search(content)
    if pair:
        here = list(dict.fromkeys(h.iso2 for h in hits if h.start < c_start + pair.start()))
        subjects = here[-2:] if len(here) >= 2 else _last_pair(prev_countries)
    else:
        subjects = subjects_of(content, c_start, hits, gaz, skip)
    if not subjects and att is not None and not att.direct:
        a_start = att.attribution_start - f.sentence.start
        a_text = text[a_start : att.attribution_end - f.sentence.start]
        a_hits = [h for h in f.countries if att.attribution_start <= h.start < att.attribution_end]
        speakers = subjects_of(a_text, att.attribution_start, a_hits, gaz, None)
        if len(speakers) > 1:
            subjects, content = speakers, text  # the speakers are what the sentence is about
    if not subjects:
        if (
            att
            and _FIRST_PERSON.search(content)
            and speaker_state
            and speaker_state not in STATE_KINDS
        ):
            subjects = [speaker_state]
        elif _PRONOUN_START.match(content) and speaker_state and speaker_state not in STATE_KINDS:
            subjects = [speaker_state]  # "Qatar said it was in full compliance"
        elif (_PRONOUN_START.match(content) or _THAT_START.match(content)) and prev_subjects:
            subjects = prev_subjects[:1]
        elif att and speaker_state and speaker_state not in STATE_KINDS:
            subjects = [speaker_state]
    if not subjects and not (all_states or obligation):
        subjects = _fallback_subjects(content, c_start, hits, f, prev_subjects)
    if (all_states or obligation) and (obligation or not subjects):
        return [("ALL", "other", [m.group(0) for m in (all_states, obligation) if m], 0.6)]
    if not subjects:
        return []
    violation = _cues("violation", content, gaz)
    compliance = _cues("compliance", content, gaz)
    admission = _cues("admission", content, gaz)
    denial = _cues("denial", content, gaz) or (
        _cues("denial", text, gaz) if att and not att.direct else []
    )
    measure = _cues("measure", content, gaz)
    statistic = _cues("statistic", content, gaz)
    hedged = bool(gaz.patterns["hedge"].search(content))
    out: list[tuple[str, str, list[str], float]] = []
    for subject in subjects:
        self_speaker = speaker_state == subject or (
            att is None and _self_statement(text, subject, f.countries)
        )
        third = speaker_state is not None and speaker_state != subject
        # a named speaker whose state is not known is taken to speak for the state only
        # when defending it ("will fulfil", "missed the deadline"), never when accusing it
        unknown = att is not None and speaker_state is None
        stances: list[tuple[str, list[str], float]] = []
        if denial and (self_speaker or not third):
            stances.append(("denies_violation", denial, 0.75))
        elif compliance and (self_speaker or (unknown and not measure)):
            if admission:
                stances.append(("admits_noncompliance", admission, 0.7))
            stances.append(("asserts_compliance", compliance, 0.8))
        elif admission and (self_speaker or unknown):
            stances.append(("admits_noncompliance", admission, 0.7))
        elif violation and not self_speaker:
            stances.append(("alleges_violation", violation, 0.6 if hedged else 0.75))
        elif measure or (compliance and not self_speaker):
            stances.append(("reports_measure", measure or compliance, 0.65))
        elif any(q.start >= c_start and q.unit not in _COUNT_ONLY for q in f.quantities):
            stances.append(("other", statistic or ["quantity"], 0.5))
        for stance, cues, conf in stances:
            out.append((subject, stance, cues, conf * (0.85 if att is None else 1.0)))
    return out


_IN_COUNTRY = re.compile(r"\b(?:in|inside|within)\s+(?:the\s+)?$", re.IGNORECASE)


def _fallback_subjects(
    content: str, c_start: int, hits: list[CountryHit], f: SentenceFacts, prev_subjects: list[str]
) -> list[str]:
    """No state acts in the sentence: a state named as the place ("workers in Mongolia"),
    else, for a figure, the previous subject or the first state named."""
    for h in hits:
        if _IN_COUNTRY.search(content[max(0, h.start - c_start - 12) : h.start - c_start]):
            return [h.iso2]
    pair = (
        re.search(r"\bbetween\s+(?:the\s+)?$", content[: hits[0].start - c_start]) if hits else None
    )
    if pair and len(hits) >= 2:
        return list(dict.fromkeys([hits[0].iso2, hits[1].iso2]))
    if f.quantities:
        if (
            re.match(r"\W*(?:there\s+(?:were|are|was|is)|the\s+number)\b", content, re.I)
            and prev_subjects
        ):
            return prev_subjects[:1]
        if hits:
            return [hits[0].iso2]
    return []


def _self_statement(text: str, subject: str, hits: list[CountryHit]) -> bool:
    """Without a quoted speaker, "Moscow has rejected ..." speaks for itself when the
    subject is the sentence's first actor and a speech or stance verb follows it."""
    first = hits[0] if hits else None
    if first is None or first.iso2 != subject:
        return False
    return bool(
        re.search(
            r"\b(?:said|says|rejected|denied|insisted|maintains|agreed|announced|stated)\b", text
        )
    )


def _last_pair(countries: list[str]) -> list[str]:
    out: list[str] = []
    for c in reversed(countries):
        if c not in out:
            out.append(c)
        if len(out) == 2:
            break
    return list(reversed(out))
