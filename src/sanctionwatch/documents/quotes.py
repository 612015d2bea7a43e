"""Who said it: direct quotes and reported speech attributed to a speaker.

Rules from news style: a quote closed by ``,” X said`` / ``,” said X``; a lead-in
``X said:`` / ``X told Reuters, “...``; reported speech ``X said (on Thursday) (that) ...``,
a trailing ``..., a senior US official said on Wednesday``, ``according to X``,
``X quoted Y as saying`` and ``in what X say``. A quote that runs over several
sentences is attributed in each of them. Pronouns and back-references ("she",
"the diplomat", "the paper") and bare surnames ("Zakharova") take the last matching
speaker, so attribution carries across sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.documents.gazetteer import Gazetteer
from sanctionwatch.documents.model import Quote, Sentence
from sanctionwatch.documents.speakers import BACK_REFERENCE, Speaker, clean_speaker, parse_speaker

__all__ = ["Attribution", "Speaker", "attribute", "parse_speaker", "to_quote"]


@dataclass(slots=True)
class Attribution:
    """The speaker of one sentence and the part of it that carries what was said."""

    sentence: int
    speaker: Speaker
    content_start: int
    content_end: int
    direct: bool
    cue: str
    attribution_start: int  # the "X said" part, to leave out when looking for the subject
    attribution_end: int


_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|noted|claimed|announced|warned|insisted|argued|"
    r"explained|clarified|confirmed|accused|alleged|estimated|reported|reports|declared|stressed|"
    r"acknowledged|admitted|conceded|denied|rejected|dismissed|called(?!\s+(?:on|for)\b)|assured|"
    r"informed|informs|"
    r"reaffirmed|affirmed|affirms|reiterated|underlined|underscored|pledged|vowed|"
    r"maintains|maintained|"
    r"asserted|complained|revealed|wrote|outlined|showed|shows|found|finds|concluded|demanded|"
    r"spotted|observed|detected|documented|photographed|countered|retorted|contended|"
    r"emphasi[sz]ed|cautioned"
)
_WHEN = (
    r"(?:\s+(?:on|in|last|this|earlier|late)\s+(?:[A-Z][a-z]+|year|week|month)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"|\s+(?:yesterday|today|earlier|later)|\s+(?:at|over)\s+the\s+weekend"
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
)
_AUX = (
    r"(?:\s+(?:has|had|have|was|were|is|also|further|then|later|previously|would|will"
    r"|repeatedly|publicly|recently|openly|reportedly|formally|officially|again|already"
    r"|strongly|flatly|firmly|categorically|consistently))*"
)
_AFTER_SAID_X = re.compile(
    r"^\s*[,.]?\s*(?P<verb>said|says|added|told\s+\w+)\s+"
    r"(?P<spk>(?:[^,.;“”\"]|(?<=\b[A-Z])\.){2,80}?)\s*(?:[,;]|(?<!\b[A-Z])\.|$)"
)
_AFTER_NAME_ROLE = re.compile(
    rf"^\s*[,.]?\s*(?P<spk>[A-Z][^,.;“”\"]{{1,60}}?,\s+(?:a|an|the)\s+[^,;“”\"]{{2,100}}?),{_AUX}\s+(?P<verb>said|says|told\s+[A-Z]\w+|told\s+reporters|added)\b"
)
_AFTER_X_SAID = re.compile(
    rf"^\s*[,.]?\s*(?P<spk>[^,.;“”\"]{{1,120}}?){_AUX}\s+(?P<verb>{_VERBS}|was\s+quoted\s+as\s+saying)\b"
)
_BEFORE = re.compile(
    rf"(?P<spk>[^,.;“”\"]{{2,120}}?){_AUX}\s+(?P<verb>{_VERBS})(?:\s+\w+)?{_WHEN}\s*[,:]?\s*$"
)
# "a Russian national accused of helping", "firms alleged to have shipped": a participle
# describing the noun before it, not someone speaking
_NOT_PASSIVE = r"(?!(?<=accused)\s+of\b)(?!(?<=alleged)\s+(?:to|of)\b)"
# phrases that may open a sentence before its speaker: "In a statement on Monday, ..."
_OPENERS = (
    r"(?:(?i:in|on|at|after|before|following|last|earlier|meanwhile|however|also|but|since"
    r"|during|as|speaking|according\s+to|asked|responding|replying|taking)\b[^,;“”\"]*,\s+)"
)
_LEAD = re.compile(
    rf"^{_OPENERS}{{0,3}}"
    rf"(?P<spk>[A-Z][^,;“”\"]{{0,150}}?|[Ss]he|[Hh]e|[Ii]t|[Tt]hey|(?<=,\s)the\s+[a-z][^,;“”\"]{{0,60}}?){_AUX}\s+(?P<verb>{_VERBS})\b"
    rf"{_NOT_PASSIVE}(?P<obj>(?<=told)\s+(?:reporters|journalists|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?{_WHEN}"
    r"(?:\s+(?:in|at)\s+a\s+(?:statement|press\s+\w+|report|briefing|news\s+conference|interview)\w*)?"
    r"(?:\s+that)?[\s,:]+"
)
_APPOS = re.compile(
    rf"^{_OPENERS}{{0,2}}(?P<spk>[A-Z][^,;“”\"]{{0,80}}?|(?<=,\s)(?:an?|the)\s+[a-z][^,;“”\"]{{0,80}}?)"
    r",\s+(?:which|who|speaking|writing|responding|addressing"
    rf"|appearing|briefing|testifying)\b[^;“”\"]{{0,120}}?,{_AUX}\s+(?P<verb>{_VERBS})\b{_WHEN}(?:\s+that)?[\s,:]+"
)
# "A second source, a Chinese national who supplies building materials, said ...": the
# speaker with its description
_APPOS_ROLE = re.compile(
    rf"^{_OPENERS}{{0,2}}(?P<spk>(?P<head>[A-Z][^,;“”\"]{{0,80}}?),\s+(?:a|an)\s+"
    r"(?P<desc>[^,;“”\"]{2,120}?)),"
    rf"{_AUX}\s+(?P<verb>{_VERBS})\b{_WHEN}(?:\s+that)?[\s,:]+"
)
_RELATIVE = re.compile(r"\b(?:who|which|that|whose)\b")
# "The agency's deputy head, Anna Berg, on Monday denied ..."
_ROLE_NAME = re.compile(
    r"^(?P<spk>[^,;“”\"]{2,100},\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,3}),"
    rf"{_WHEN}{_AUX}\s+(?P<verb>{_VERBS})\b(?:\s+that)?\s+"
)
# "..., the agency said in a confidential report on Monday."
_WHERE = (
    r"(?:\s+(?:in|at|during|on|to|via|through)\s+(?:a|an|the|its|their|his|her)\s+"
    r"[^,;“”\".]{1,60}?)?"
)
_TRAIL = re.compile(
    # "..., a Togolese official told Kyodo News, citing ...": an object of up to three words
    rf",\s*(?P<spk>(?:[^,;“”\"]{{2,160}}?)){_AUX}\s+(?P<verb>{_VERBS})\b"
    r"(?:\s+(?:the\s+|a\s+)?(?!\d)[\w’'.-]+(?:\s+(?-i:[A-Z])[\w’'.-]+){0,2})?"
    rf"{_WHEN}{_WHERE}\s*(?:,|\.|$)"
)
# "Publishing photographs and logs, the panel said that North Korea had violated ..."
_MID = re.compile(
    rf",\s+(?P<spk>(?:the|a|an)\s+[^,;“”\"]{{1,60}}?|[A-Z][^,;“”\"]{{1,60}}?){_AUX}\s+"
    rf"(?P<verb>said|says|told|added|stated|reported|confirmed|announced|estimated|warned)\b"
    rf"(?:(?<=told)\s+\w+)?{_WHEN}(?:\s+that)?\s+(?=\S.{{20}})"
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<spk>(?:the\s+)?[^,;]{2,80}?)\s*(?:[,;]|(?<!\b[A-Z])\.\s|\.?$)"
)
_QUOTED_AS = re.compile(
    r"(?P<spk0>[^,.;]{1,60}?)\s+quoted\s+(?P<spk>[^,.;]{2,80}?)\s+as\s+saying\b"
)
_WHAT_SAY = re.compile(
    r"\bin\s+what\s+(?P<spk>[^,.;]{2,60}?)\s+(?P<verb>say|says|said|call|called)\b"
)


# what a noun back-reference must find in an earlier speaker ("the ministry" is not the
# panel of experts quoted last); nouns not listed (the official, the source) take the last
_REFERS_TO = {
    "ministry": ("ministry", "minister"),
    "minister": ("minister",),
    "embassy": ("embassy",),
    "ambassador": ("ambassador",),
    "committee": ("committee",),
    "panel": ("panel", "experts"),
    "government": ("government", "ministry", "minister", "office", "cabinet"),
    "agency": ("agency", "news", "press"),
    "paper": ("paper", "times", "post", "journal", "news", "daily"),
    "newspaper": ("paper", "times", "post", "journal", "news", "daily"),
    "office": ("office",),
    "department": ("department",),
    "team": ("team",),
    "watchdog": ("watchdog", "agency", "iaea", "panel", "monitor"),
}


class _Memory:
    def __init__(self) -> None:
        self.last: Speaker | None = None
        self.recent: list[Speaker] = []
        self.by_surname: dict[str, Speaker] = {}

    def _referent(self, bare: str) -> Speaker | None:
        words = bare.lower().split()
        needs = _REFERS_TO.get(words[-1]) if words[0] == "the" else None
        if needs is None:
            return self.last
        for sp in reversed(self.recent):
            hay = " ".join(x for x in (sp.text, sp.role, sp.affiliation) if x).lower()
            if any(n in hay for n in needs):
                return sp
        return None  # no earlier speaker fits: read the phrase as a new speaker

    def resolve(self, raw: str, gaz: Gazetteer, persons: list[str]) -> Speaker:
        bare = raw.strip()
        if BACK_REFERENCE.match(bare) and self.last is not None:
            found = self._referent(bare)
            if found is not None:
                return found
        words = bare.split()
        if len(words) == 1 and bare in self.by_surname:
            return self.by_surname[bare]
        # "Secretary Steven T. Mnuchin", "IAEA chief Rafael Grossi": keep full speaker
        speaker = parse_speaker(bare, gaz, persons)
        if speaker.name and speaker.name.split()[-1] in self.by_surname and speaker.country is None:
            known = self.by_surname[speaker.name.split()[-1]]
            speaker = Speaker(bare, known.name, known.role, known.affiliation, known.country)
        return speaker

    def remember(self, speaker: Speaker) -> None:
        self.last = speaker
        self.recent = [*self.recent[-5:], speaker]
        if speaker.name:
            self.by_surname[speaker.name.split()[-1]] = speaker


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“[^”]{3,}?”", text):
        spans.append((m.start(), m.end()))
    for m in re.finditer(r'"[^"\n]{3,}?"', text):
        spans.append((m.start(), m.end()))
    spans.sort()
    return spans


def attribute(
    text: str, sentences: list[Sentence], gaz: Gazetteer, persons: list[str]
) -> dict[int, Attribution]:
    """Attribution for each sentence that reports speech (by sentence index)."""
    memory = _Memory()
    for person in persons:
        if len(person.split()) >= 2:
            memory.by_surname.setdefault(person.split()[-1], parse_speaker(person, gaz, persons))
    out: dict[int, Attribution] = {}
    quotes = _quote_spans(text)
    quote_of_sentence: dict[int, tuple[int, int]] = {}
    for qs, qe in quotes:
        for s in sentences:
            if s.start < qe and qs < s.end:
                quote_of_sentence.setdefault(s.index, (qs, qe))
    resolved_quotes: dict[tuple[int, int], tuple[Speaker, str, int, int]] = {}
    last: Attribution | None = None  # the sentence before's, for a quote that goes on
    for s in sentences:
        att: Attribution | None = None
        span = quote_of_sentence.get(s.index)
        if span is not None:
            if span not in resolved_quotes:
                found = _attribute_quote(text, span, sentences, memory, gaz, persons)
                if found:
                    resolved_quotes[span] = found
                elif (
                    last is not None
                    and last.direct
                    and last.sentence == s.index - 1
                    and not text[s.start : span[0]].strip()
                    and span[1] >= s.end - 2
                ):
                    # '"..." Akello told reporters. "Uganda is in full compliance."': a
                    # quote of its own sentence, with no speaker, goes on with the last one
                    resolved_quotes[span] = (last.speaker, last.cue, s.start, s.start)
            reported = _reported(s, memory, gaz, persons) if span in resolved_quotes else None
            if reported is not None and _inside_reported(text, span, reported):
                # 'Ha said Vietnam "has always implemented" the resolutions': a phrase
                # quoted inside reported speech; what was said is the whole clause
                att = reported
            elif span in resolved_quotes:
                speaker, cue, a_start, a_end = resolved_quotes[span]
                qs, qe = span
                att = Attribution(
                    s.index, speaker, max(qs, s.start), min(qe, s.end), True, cue, a_start, a_end
                )
                # reported speech outside the quote in the same sentence is left to the quote
        if att is None:
            att = _reported(s, memory, gaz, persons)
        if att is not None:
            out[s.index] = att
            memory.remember(att.speaker)
        last = att
    return out


def _inside_reported(text: str, span: tuple[int, int], reported: Attribution) -> bool:
    """A quoted phrase within reported speech, with words of the clause outside it on
    both sides or three or more before it."""
    qs, qe = span
    if not (reported.content_start <= qs and qe <= reported.content_end + 1):
        return False
    before = text[reported.content_start : qs].split()
    after = re.findall(r"\w+", text[qe : reported.content_end])
    return len(before) >= 3 or (len(before) >= 1 and len(after) >= 2)


def _attribute_quote(
    text: str,
    span: tuple[int, int],
    sentences: list[Sentence],
    memory: _Memory,
    gaz: Gazetteer,
    persons: list[str],
) -> tuple[Speaker, str, int, int] | None:
    qs, qe = span
    end_sentence = next((s for s in sentences if s.start <= qe - 1 < s.end), None)
    after = text[qe : end_sentence.end if end_sentence else qe + 200]
    inner = text[qe - 3 : qe]
    if "," in inner or "," in after[:2]:
        m = _AFTER_SAID_X.match(after)
        if m and clean_speaker(m.group("spk")):
            return (
                memory.resolve(m.group("spk"), gaz, persons),
                m.group("verb"),
                qe + m.start("verb"),
                qe + m.end("spk"),
            )
        m1 = _AFTER_NAME_ROLE.match(after)
        if m1:
            return (
                memory.resolve(m1.group("spk"), gaz, persons),
                m1.group("verb"),
                qe + m1.start("spk"),
                qe + m1.end("verb"),
            )
        m2 = _AFTER_X_SAID.match(after)
        if m2 and clean_speaker(m2.group("spk")):
            return (
                memory.resolve(m2.group("spk"), gaz, persons),
                m2.group("verb"),
                qe + m2.start("spk"),
                qe + m2.end("verb"),
            )
    start_sentence = next((s for s in sentences if s.start <= qs < s.end), None)
    before = text[start_sentence.start if start_sentence else max(0, qs - 200) : qs]
    m3 = _BEFORE.search(before)
    if m3 and clean_speaker(m3.group("spk")):
        base = qs - len(before)
        return (
            memory.resolve(m3.group("spk"), gaz, persons),
            m3.group("verb"),
            base + m3.start("spk"),
            base + m3.end("verb"),
        )
    return None


def _reported(
    s: Sentence, memory: _Memory, gaz: Gazetteer, persons: list[str]
) -> Attribution | None:
    t = s.text
    m = _QUOTED_AS.search(t)
    if m and clean_speaker(m.group("spk")):
        sp = memory.resolve(m.group("spk"), gaz, persons)
        return Attribution(
            s.index,
            sp,
            s.start + m.end(),
            s.end,
            False,
            "quoted as saying",
            s.start + m.start(),
            s.start + m.end(),
        )
    m = _WHAT_SAY.search(t)
    if m and clean_speaker(m.group("spk")):
        sp = memory.resolve(m.group("spk"), gaz, persons)
        return Attribution(
            s.index,
            sp,
            s.start,
            s.end,
            False,
            m.group("verb"),
            s.start + m.start(),
            s.start + m.end(),
        )
    m = _ROLE_NAME.match(t)
    if m and clean_speaker(m.group("spk").replace(",", " ")):
        return _opening(s, m, memory.resolve(m.group("spk"), gaz, persons))
    for m in (_APPOS.match(t), _LEAD.match(t), _APPOS_ROLE.match(t)):
        if m is None:
            continue
        spk = m.group("spk")
        if "desc" in m.groupdict() and _RELATIVE.search(m.group("desc")):
            spk = m.group("head")  # "a Chinese national who supplies ...": who, not what
        if clean_speaker(spk) and not _not_speech(t, m):
            return _opening(s, m, memory.resolve(spk, gaz, persons))
    for m in _TRAIL.finditer(t):
        if clean_speaker(m.group("spk")) and not _not_speech(t, m):
            sp = memory.resolve(m.group("spk"), gaz, persons)
            return Attribution(
                s.index,
                sp,
                s.start,
                s.start + m.start(),
                False,
                m.group("verb"),
                s.start + m.start(),
                s.start + m.end(),
            )
    m = _MID.search(t)
    if m and clean_speaker(m.group("spk")) and not _not_speech(t, m):
        return _opening(s, m, memory.resolve(m.group("spk"), gaz, persons))
    m = _ACCORDING.search(t)
    if m and clean_speaker(m.group("spk")):
        sp = memory.resolve(m.group("spk"), gaz, persons)
        return Attribution(
            s.index,
            sp,
            s.start,
            s.end,
            False,
            "according to",
            s.start + m.start(),
            s.start + m.end(),
        )
    return None


_BE = re.compile(r"\b(?:is|are|was|were|been|being)\b")
_TO = re.compile(r"\s+to\s+(?:be|have|number|total|stand|exceed|equal)\b")


# "Britain added four individuals to its list": "added" with an object adds, not says
_ADDED_OBJECT = re.compile(
    r"\s+(?:\d|a\b|an\b|the\b|its\b|their\b|his\b|her\b|new\b|more\b|two\b|three\b"
    r"|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|several\b|dozens?\b)",
    re.IGNORECASE,
)


# "informed the Committee of these steps": an act of reporting, no speech reported
_INFORMED_OF = re.compile(
    r"\s+(?:the\s+)?(?:[\w.()-]+\s+){0,12}?(?:committee|panel|council|secretariat)\b"
    r"(?:\s+(?:[\w.()-]+\s+){0,8}?)?\s*(?:of|about)\b(?![^.;]{0,80}\bthat\b)",
    re.IGNORECASE,
)
# "submitted its midterm and final reports": a noun, not "reports" the verb
_REPORTS_NOUN = re.compile(
    r"\b(?:its|their|the|our|his|her|final|annual|national|midterm|mid-term|implementation)\s*$",
    re.IGNORECASE,
)


def _not_speech(t: str, m: re.Match[str]) -> bool:
    verb = m.group("verb").lower()
    if verb in ("added", "adds") and _ADDED_OBJECT.match(t, m.end("verb")):
        return True
    if verb in ("informed", "informs", "notified") and _INFORMED_OF.match(t, m.end("verb")):
        return True
    if verb in ("reports", "reported") and _REPORTS_NOUN.search(t, 0, m.start("verb")):
        return True
    return _passive(t, m)


def _passive(t: str, m: re.Match[str]) -> bool:
    """ "Iran's stock is estimated to be 3,000 kg", "workers were said to number 500": the
    noun is what is estimated, not who speaks."""
    return bool(_BE.search(t, m.end("spk"), m.start("verb")) and _TO.match(t, m.end("verb")))


def _opening(s: Sentence, m: re.Match[str], speaker: Speaker) -> Attribution:
    """Speaker and verb come first ("X said ..."): the content is the rest of the sentence."""
    return Attribution(
        s.index,
        speaker,
        s.start + m.end(),
        s.end,
        False,
        m.group("verb"),
        s.start + m.start("spk"),
        s.start + m.end(),
    )


def to_quote(att: Attribution, text: str) -> Quote:
    return Quote(
        start=att.content_start,
        end=att.content_end,
        text=text[att.content_start : att.content_end],
        speaker=att.speaker.label,
        affiliation=att.speaker.affiliation,
        speaker_country=att.speaker.country,
        direct=att.direct,
        sentence=att.sentence,
        cue=att.cue,
    )
