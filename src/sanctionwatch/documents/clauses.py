"""One clause of what was said: the states it is about and the stance toward each.

The subject is a country in actor position (not after "to", "against", "in"...; a
demonym only when it qualifies a government noun, "Russian Foreign Ministry"), "all
states" for general obligation statements, "both countries" for the last pair named,
the speaker's own state for "we" and "his country", the state just spoken of for "it"
and "the country"; failing those, a place ("workers in Mongolia"), the states goods
were sent from or through, and, for a breach no state is named as committing, the
targeted state or the state the text was about. The stance comes from the cue patterns
(``data/cues.yaml``) read against who speaks: a state that speaks about itself asserts
compliance, admits non-compliance or denies a violation; anyone else alleges a
violation or reports a measure; banned goods traded, workers still employed after the
deadline and figures above a cap are allegations without a breach word (``cues.py``).
"""

from __future__ import annotations

import re

from sanctionwatch.documents.cues import (
    ARMS,
    EXPORT_BANS,
    LABOUR,
    MARITIME,
    SUPPLY_BANS,
    at_cap,
    goods_violation,
    modifies_people,
    over_cap,
    people_at_work,
    sent_via,
    transfer_parties,
    vetoed,
    workers_were_sent,
)
from sanctionwatch.documents.cues import cues as _cues
from sanctionwatch.documents.cues import split_negated as _split_negated
from sanctionwatch.documents.facts import Duty, Found, SentenceFacts
from sanctionwatch.documents.gazetteer import CountryHit, Gazetteer
from sanctionwatch.documents.links import unit_key
from sanctionwatch.documents.quantities import words_to_number
from sanctionwatch.documents.subjects import (
    COUNT_ONLY,
    enforcers,
    fallback_subjects,
    is_official,
    previous_pair,
    self_statement,
    subjects_of,
    within,
)

__all__ = ["NO_QUOTES", "STATE_KINDS", "clause_claims", "official_of", "reporting_states"]

STATE_KINDS = {"UN", "INT", "EU", "MEDIA"}
_SUPPLIERS_ONLY = {"cap", "supply ban"}
GOODS = ARMS | EXPORT_BANS | SUPPLY_BANS | MARITIME
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ourselves)\b", re.IGNORECASE)
_PAIR = re.compile(
    r"\b(?:both|the\s+two)\s+(?:countries|states|nations|governments|capitals|neighbou?rs)\b"
    r"|^\W*both\s+(?=(?:have|had|has|are|were|deny|denied|say|said|reject\w*|insist\w*)\b)",
    re.I,
)
_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|he|she)\b", re.IGNORECASE)
# a state named again by a noun: "The country has stopped issuing visas"
_STATE_BACK_REF = re.compile(
    r"^\W*(?:the|his|her|its|their|our)\s+(?:country|nation|state|kingdom|government|regime"
    r"|authorities)(?:['’]s)?\b"
    r"(?!\s+(?:of|that|which|where)\b)",
    re.IGNORECASE,
)
NO_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " ", "«": " ", "»": " "})
_CONDITION = re.compile(
    r",?\s+(?:if|unless|once|provided\s+that|as\s+long\s+as|on\s+condition\s+that)\s", re.I
)
_THAT_START = re.compile(r"^\W*(?:that|this|these|those|it|they)\b", re.IGNORECASE)
# the state charged, not the one charging: "France, which accused Tehran of violating the
# deal", "letters from the US arguing that Iran transferred drones"
_ACCUSED = re.compile(
    r"\b(?:accus(?:ed|es|ing)|charg(?:ed|es|ing))\s+(?P<who>(?:(?!\bof\b)[^,;]){2,50}?)"
    r"\s+of\b"
    r"|\b(?:arguing|claiming|alleging|asserting|contending|charging|claims|claimed|alleges"
    r"|alleged|argues|argued|maintain(?:s|ed)?|expressed\s+concerns?|warn(?:s|ed)"
    r"|cited\s+evidence|believes?|suspects?)\s+that\s+(?P<that>)",
    re.IGNORECASE,
)
# the state blamed for a breach: "condemned Russia for systematically violating",
# "described Iran's supply of drones to Russia as a violation"
_BLAMED = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)"
    r"|blam(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|rebuk(?:e|es|ed|ing))\s+"
    r"(?P<who>(?:(?!\bfor\b)[^,;]){2,50}?)\s+for\b"
    r"|\bdescrib(?:e|es|ed|ing)\s+(?P<what>(?:(?!\bas\b)[^,;]){2,70}?)\s+as\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:violation|breach)\b",
    re.IGNORECASE,
)
# "a claim denied by Russia": the state after "by" denies, whoever tells it
_DENIED_BY = re.compile(r"\b(?:denied|rejected|dismissed)\s+by\b", re.IGNORECASE)
_SUPPLIED = re.compile(
    r"\b(?:delivered|supplied|shipped|sold|exported|provided|transferred)\b", re.IGNORECASE
)
# a clause of time or reason before the main one: "Since Trump pulled the US out of the
# deal, Iran has been violating it" (the main clause's state acts)
_LEADING_CLAUSE = re.compile(
    r"\W*(?:since|after|when|while|although|though|because|before|until|once|ever\s+since"
    r"|even\s+though)\s+[^,;]{3,120}?,\s+",
    re.IGNORECASE,
)


# a duty named in a subordinate clause, as the time or reason of what a state did
_SUBORDINATE = re.compile(
    r"\b(?:when|after|since|before|because|as|once|until|which|that|under\s+which)\s+"
    r"(?:the\s+)?(?:[\w.-]+\s+){0,3}$",
    re.IGNORECASE,
)


_TOLD_IN_PASSING = re.compile(
    r"(?:\b(?i:when|since|after|before|until|once|because|if|as|which|what)"
    r"|\b(?!(?:said|says|and|but|that|then|the|year|month|week|later|earlier|ago|also)\b)"
    r"[a-z]+)\s+(?:the\s+)?(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?$"
)


# "When the Council cut the supply ..., it also banned transfers": the main clause
# goes on with what the Council did
_COUNCIL_GOES_ON = re.compile(
    r"[^;]*?,\s*(?:it|the\s+(?:UN\s+)?(?:Security\s+)?Council)\s+(?:also\s+)?[a-z]+ed\b"
)


_COUNTED_STATES = re.compile(
    r"\b(?:\d[\d,]*|[a-z]+ty(?:-[a-z]+)?|dozens?\s+of)\s+(?:of\s+the\s+\d+\s+)?(?:UN\s+)?"
    r"(?:member\s+states|countries|states|nations)\s+(?:had|have|has|were|are)\b",
    re.IGNORECASE,
)


_REPORTING_COUNT = re.compile(
    r"(?:\b(?P<approx>roughly|about|around|some|nearly|almost|over|more\s+than)\s+)?"
    r"\b(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:of\s+the\s+(?:UN['’]s\s+)?\d+\s+)?(?:UN\s+)?"
    r"(?:member\s+states|countries|states|members)\s+(?:had|have|has)\s+"
    r"(?:so\s+far\s+|now\s+|already\s+|by\s+then\s+)?(?:submitted|filed|sent|reported|provided)\b"
    r"|\bbringing\s+(?:the\s+total\s+)?to\s+(?P<n2>\d[\d,]*)\s+the\s+number\s+of\s+"
    r"(?:member\s+states|countries|states)\s+(?:that|which)\s+(?:had|have)\s+(?:submitted|reported|filed)\b",
    re.IGNORECASE,
)


_REPATRIATION_REPORTS = re.compile(r"\b(?:mid-?term|final)\s+reports?\b|\brepatriat", re.I)


def _reporting_count(content: str, resolutions: list[int | None]) -> list[Found]:
    """ "71 Member States had so far submitted national reports": one claim about the
    reporting states as a group, with their number, under the reports resolution 2397
    asked for where it is named, else the reports to the 1718 Committee."""
    m = _REPORTING_COUNT.search(content)
    if m is None:
        return []
    raw = m.group("n") or m.group("n2")
    value = words_to_number(raw) if not raw[0].isdigit() else float(raw.replace(",", ""))
    if value is None or value < 2:
        return []
    approx = f"{m.group('approx').lower()} " if m.group("approx") else ""
    label = f"multiple ({approx}{int(value)} reporting states)"
    if _REPATRIATION_REPORTS.search(content):
        duty = "2397-OP8"  # the midterm and final reports on repatriation
    elif re.search(r"\bimplementation\s+reports?\b", content, re.I) or 2397 not in resolutions:
        duty = "1718-reporting"
    else:
        duty = "2397-OP8"
    return [(label, "other", [m.group(0)], 0.5, duty)]


def official_of(f: SentenceFacts, prev_subjects: list[str], target: str | None) -> str | None:
    """The state an official of no named state speaks for, in a sentence that names no
    state, just after sentences on one ("A spokesman for the State Migration Service
    rejected the claim"): the state the text was about."""
    att = f.attribution
    if att is None or f.countries or not is_official(att) or not prev_subjects:
        return None
    return prev_subjects[0] if prev_subjects[0] not in ("ALL", target) else None


def _host_state(
    f: SentenceFacts,
    target: str | None,
    prev_subjects: list[str],
    speaker_state: str | None,
    places_only: bool = False,
) -> list[str]:
    """The state hosting the targeted state's workers, where the sentence names the
    targeted state only by its people ("60 North Korean workers were still employed in
    the capital"): another state the sentence names (a place, a capital; not the
    speaker's own), else the state the sentence before was about."""
    text, at = f.sentence.text, f.sentence.start
    if any(
        h.iso2 == target and h.how != "demonym" and not modifies_people(text, h.end - at)
        for h in f.countries
    ):
        return []  # "North Korea sent workers abroad": the targeted state acts itself
    here = [
        h.iso2
        for h in f.countries
        if h.iso2 not in (target, speaker_state) and not (places_only and h.how == "demonym")
    ]
    if here:
        # people seen at work in several places: each host ("operating from China and
        # Russia"); otherwise the first state named
        return list(dict.fromkeys(here)) if places_only else here[:1]
    prev = [p for p in prev_subjects if p not in (target, "ALL")]
    return prev[:1]


def clause_claims(
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
    duty: Duty,
) -> list[Found]:
    att = f.attribution
    category, target, limits = duty.category, duty.target, duty.limits
    # cue words read through quotation marks: had "always strictly implemented" resolutions
    content = content.translate(NO_QUOTES)
    subjects: list[str] = []
    all_states = gaz.patterns["all_states"].search(content)
    if all_states and re.search(
        r"\b(?:to|with|among|from|by|of)\s+$", content[: all_states.start()]
    ):
        all_states = None  # "presented evidence to UN member states": recipients, not subject
    obligation = gaz.patterns["obligation_statement"].search(content)
    if (
        obligation
        and re.match(r"(?:UN\s+|U\.N\.\s+)?(?:Security\s+)?Council\b", obligation.group(0))
        and _TOLD_IN_PASSING.search(content[: obligation.start()])
        and not _COUNCIL_GOES_ON.match(content, obligation.end())
    ):
        # "the annual limit the Security Council imposed", "when the Council adopted
        # resolution 2270": a duty named in passing, not stated
        obligation = None
    if all_states and not obligation:
        # "all countries" is general only under an obligation ("were ordered to",
        # "demanded that all countries"), which may sit in the attribution
        obligation = gaz.patterns["obligation_statement"].search(text)
        if not obligation:
            all_states = None
    pressed = next(
        (m for m in gaz.patterns["pressure"].finditer(content) if m.group("who") is not None),
        None,
    )
    if pressed:
        # "Washington urged Beijing to do more": the state pressed is the one spoken of
        lo, hi = c_start + pressed.start("who"), c_start + pressed.end("who")
        pressed_states = list(dict.fromkeys(h.iso2 for h in hits if lo <= h.start < hi))
        if pressed_states:
            return [(st, "other", [pressed.group(0)], 0.45, None) for st in pressed_states]
    parties = hits  # the states a banned transfer may have at its two ends
    pair = _PAIR.search(content)
    if pair:
        here = list(dict.fromkeys(h.iso2 for h in hits if h.start < c_start + pair.start()))
        subjects = here[-2:] if len(here) >= 2 else previous_pair(prev_subjects, prev_countries)
    else:
        # a state in a condition does not act: "will comply if Washington lifts sanctions"
        cond = _CONDITION.search(content)
        main = hits if cond is None else [h for h in hits if h.start < c_start + cond.start()]
        accused = _ACCUSED.search(content) or _BLAMED.search(content)
        if accused:
            who = next((g for g in ("who", "what") if accused.groupdict().get(g)), None)
            lo = c_start + accused.start(who or "that")
            hi = c_start + (accused.end(who) if who else len(content))
            charged_here = [h for h in main if lo <= h.start < hi]
            parties = [h for h in hits if h.start >= lo]  # the accusers are no party
            if charged_here:
                # "accused 28 North Koreans and five Chinese nationals of": their states
                subjects = subjects_of(content, c_start, charged_here, gaz, skip) or list(
                    dict.fromkeys(h.iso2 for h in charged_here)
                )
        lead = _LEADING_CLAUSE.match(content)
        if lead and not subjects:
            after = [h for h in main if h.start >= c_start + lead.end()]
            subjects = subjects_of(content, c_start, after, gaz, skip)
        if not subjects:
            subjects = subjects_of(content, c_start, main, gaz, skip)
        voicing = _voicing(content, c_start, hits, subjects)
        if voicing:
            # "The EU condemns the transfers of arms from the DPRK to Russia": the state
            # that condemns speaks; the breach is told of the others
            subjects = [x for x in subjects if x not in voicing]
            if att is None and speaker_state is None:
                speaker_state = voicing[0]
    sent_by_target = False
    if (
        target not in subjects
        and category in LABOUR
        and target is not None
        and workers_were_sent(content)
        and any(h.iso2 == target and modifies_people(text, h.end - f.sentence.start) for h in hits)
    ):
        # "North Korean labourers were sent to Russia": the target sends, Russia is where
        subjects, sent_by_target = [target], True
    others_named = [h for h in hits if h.iso2 != target]
    if not subjects and att is not None and not att.direct and not others_named:
        # "Both governments said they had complied": the speakers are what it is about,
        # unless what they said names states of its own ("between Russia and North Korea")
        a_start = att.attribution_start - f.sentence.start
        a_text = text[a_start : att.attribution_end - f.sentence.start]
        a_hits = [h for h in f.countries if att.attribution_start <= h.start < att.attribution_end]
        speakers = subjects_of(a_text, att.attribution_start, a_hits, gaz, None)
        if len(speakers) > 1:
            subjects, content = speakers, text  # the speakers are what the sentence is about
    pair_speaking = False  # the subjects speak for themselves
    label = att.speaker.label if att is not None else ""
    both = re.fullmatch(r"\W*both\W*", label, re.I) and _PAIR.match(f.sentence.text)
    if not subjects and (_PAIR.search(label) or both):
        # "Both countries said they complied": the last two states speak for themselves
        subjects = previous_pair(prev_subjects, prev_countries)
        pair_speaking = len(subjects) == 2
    if not subjects:
        if (
            att
            and _FIRST_PERSON.search(content)
            and speaker_state
            and speaker_state not in STATE_KINDS
        ):
            subjects = [speaker_state]
        elif (
            att
            and _FIRST_PERSON.search(content)
            and speaker_state is None
            and is_official(att)
            and prev_subjects
            and prev_subjects[0] != "ALL"
        ):
            # '"We are implementing the resolution," the deputy minister said', just after
            # a sentence about that minister's state: the official speaks for it
            subjects = prev_subjects[:1]
            pair_speaking = True
        elif (
            (_PRONOUN_START.match(content) or _STATE_BACK_REF.match(content))
            and speaker_state
            and speaker_state not in STATE_KINDS
        ):
            subjects = [speaker_state]  # "Qatar said it was in full compliance"
        elif (
            _PRONOUN_START.match(content)
            or _THAT_START.match(content)
            or _STATE_BACK_REF.match(content)
        ) and prev_subjects:
            subjects = prev_subjects[:1]  # "It", "The country", "The government" go on
        elif (
            att
            and speaker_state
            and speaker_state not in STATE_KINDS
            and (is_official(att) or _names_state(att.speaker.label, speaker_state, gaz))
            and not (
                # "The UK said workers earned revenue in Russia, in violation of ...", "Japan
                # said a North Korean tanker ... in a transfer banned by": the breach is
                # told of the states named (the targeted one by more than its people), not
                # of the speaker's own
                any(
                    h.iso2 not in (speaker_state, target)
                    or (h.iso2 == target and not modifies_people(text, h.end - f.sentence.start))
                    for h in hits
                )
                and _breach_told(content, gaz)
            )
        ):
            subjects = [speaker_state]  # a state's official or the state itself, not its press
    charged = False  # a breach charged to a state no word names as acting
    if not subjects and not (all_states or obligation):
        subjects = fallback_subjects(content, c_start, hits, f.quantities, prev_subjects)
    if not subjects and not (all_states or obligation):
        subjects = sent_via(content, c_start, hits, target, category)
    if not subjects and not (all_states or obligation) and _breach_told(content, gaz):
        subjects = _charged(hits, f.countries, prev_subjects if att else [], target)
        charged = bool(subjects)
    if not subjects and category in LABOUR and people_at_work(content, hits, target, c_start):
        # "he had seen North Korean plasterers on two sites there": the host state, a place
        # the clause names or the state the text was about
        subjects = _host_state(f, target, prev_subjects, speaker_state, places_only=True)
    if not subjects and speaker_state is None and _cues("denial", content, gaz):
        spoken_for = official_of(f, prev_subjects, target)
        subjects = [spoken_for] if spoken_for else []
    if (
        category in ("labour", "joint ventures")
        and target
        and subjects == [target]
        and not (charged or sent_by_target)
    ):
        subjects = _host_state(f, target, prev_subjects, speaker_state) or subjects
    sub = _SUBORDINATE.search(content[: obligation.start()]) if obligation else None
    if (
        sub is not None
        and not all_states
        and any(h.iso2 in subjects and h.start < c_start + sub.start() for h in hits)
    ):
        # "Laos sent them home when the Council ordered it": the state's act is told, the
        # duty is its time or reason
        obligation = None
    if (all_states or obligation) and (obligation or not subjects):
        return [("ALL", "other", [m.group(0) for m in (all_states, obligation) if m], 0.6, None)]
    if _COUNTED_STATES.search(content) or _REPORTING_COUNT.search(content):
        # "43 Member States had submitted reports": a group, not one state; counted as
        # the reporting states when it is the reports that are counted
        return _reporting_count(content, [r.resolved or r.number for r in f.references])
    if not subjects:
        return []
    violation, _ = _split_negated("violation", content, gaz)
    compliance, not_complying = _split_negated("compliance", content, gaz)
    violation += not_complying  # "was not complying with": a breach
    admission = _cues("admission", content, gaz)
    denial = _cues("denial", content, gaz) or (
        _cues("denial", text, gaz) if att and not att.direct else []
    )
    measure, _ = _split_negated("measure", content, gaz)
    statistic = _cues("statistic", content, gaz)
    pressure = _cues("pressure", content, gaz)
    dispute = _cues("soft_dispute", content, gaz)
    hedged = bool(gaz.patterns["hedge"].search(content))
    figures = within(f.quantities, c_start, content)
    # deliveries under a cap, in the cap's unit and below it ("200,000 barrels"): allowed
    within_cap = bool(
        limits
        and any(unit_key(q.unit) in limits for q in figures)
        and not over_cap(figures, limits)
    )
    enforcing = enforcers(content, c_start, hits, subjects, target) if violation else set()
    out: list[Found] = []
    for subject in subjects:
        self_speaker = (
            speaker_state == subject
            or pair_speaking
            or (att is None and self_statement(text, subject, f.countries, f.sentence.start))
        )
        third = speaker_state is not None and speaker_state != subject
        # a named speaker whose state is not known is taken to speak for the state only
        # when defending it ("will fulfil", "missed the deadline"), never when accusing it
        unknown = (
            att is not None
            and speaker_state is None
            and (att.speaker.name is not None or is_official(att) or att.direct)
        )
        stances: list[tuple[str, list[str], float]] = []
        elsewhere: str | None = None  # the obligation of goods named beside the sentence's
        if denial and (self_speaker or not third or _DENIED_BY.search(content)):
            stances.append(("denies_violation", denial, 0.75))
        elif dispute and not third:
            stances.append(("other", dispute, 0.5))  # "China's reservations about the findings"
        elif pressure and not self_speaker and not violation:
            stances.append(("other", pressure, 0.45))  # "Russia needs to do more"
        elif (
            measure
            and compliance
            and self_speaker
            and all(_ADVERBIAL.match(c) for c in compliance)
            and not admission
        ):
            # a measure taken "in line with resolution 2375" is the measure, told by the
            # state itself ("closed the restaurant, in line with the resolution")
            stances.append(("reports_measure", measure, 0.65))
        elif (
            self_speaker
            and att is not None
            and _ADMITTING.fullmatch(att.cue)
            and not compliance
            and (not measure or violation or _NEGATED.search(content))
        ):
            # "Malaysia acknowledged that the joint venture had not been closed by the
            # deadline": the state concedes what follows
            stances.append(("admits_noncompliance", admission or [att.cue], 0.7))
        elif compliance and (self_speaker or (unknown and not measure)):
            if admission:
                stances.append(("admits_noncompliance", admission, 0.7))
            stances.append(("asserts_compliance", compliance, 0.8))
        elif (
            admission
            and unknown
            and not self_speaker
            and att is not None
            and not is_official(att)
            and all(_FACT_OF_STAYING.search(a) for a in admission)
        ):
            # "workers remain in China, the Sankei Shimbun reported": a fact a newspaper
            # or an unplaced speaker tells of a state, not that state's admission
            stances.append(("alleges_violation", admission, 0.6))
        elif admission and (self_speaker or unknown):
            stances.append(("admits_noncompliance", admission, 0.7))
        elif measure and violation and content.find(measure[0]) < content.find(violation[0]):
            # the state acts first, the breach is someone else's: "South Korea seized a
            # tanker suspected of ... in violation of UN sanctions"
            stances.append(("reports_measure", measure, 0.65))
        elif violation and subject in enforcing:
            # "South Korean customs inspected a tanker suspected of transferring oil": the
            # state enforces; the breach is the ship's or its owners'
            stances.append(("reports_measure", measure or violation, 0.6))
        elif violation and not self_speaker:
            stances.append(("alleges_violation", violation, 0.6 if hedged else 0.75))
        elif measure or (compliance and not self_speaker):
            stances.append(("reports_measure", measure or compliance, 0.65))
        elif (
            speaker_state != subject
            and not within_cap
            and (
                # goods the linked ban forbids: traded by the targeted state ("exported 3.7m
                # tons of coal"), received from it or supplied to it by another state
                trade := goods_violation(
                    content, c_start, subject, target, category, hits, duty.overdue
                )
            )
        ):
            stances.append(("alleges_violation", [trade], 0.55))
        elif speaker_state != subject and (
            other := _other_goods(content, c_start, subject, hits, duty)
        ):
            # "North Korean coal reached Vietnam through transfers at sea": the sentence
            # is linked to the transfers, the receiving state breaches the coal ban
            elsewhere, trade = other
            stances.append(("alleges_violation", [trade], 0.55))
        elif veto := vetoed(content):
            stances.append(("other", [veto], 0.5))  # "a Russian veto": conduct, no stance
        elif subject == target and (over := over_cap(figures, limits)):
            # the targeted state's own figure above the linked cap: "stockpile of 3,241 kg"
            stances.append(("alleges_violation", [over], 0.55))
        elif (
            subject not in (target, speaker_state)
            and any(h.iso2 == target for h in hits)
            and _SUPPLIED.search(content)
            and (over := over_cap(figures, limits))
        ):
            # a supplier's deliveries above the target's cap: "Russia delivered more than
            # a million barrels of petroleum to North Korea"
            stances.append(("alleges_violation", [over], 0.55))
        elif any(q.unit not in COUNT_ONLY and not at_cap(q, limits) for q in figures):
            stances.append(("other", statistic or ["quantity"], 0.5))
        elif statistic and re.search(r"\bthe\s+number\s+of\b", content, re.I):
            stances.append(("other", statistic, 0.45))
        for stance, cues, conf in stances:
            out.append((subject, stance, cues, conf * (0.85 if att is None else 1.0), elsewhere))
    if category not in GOODS:
        return out  # only goods traded have two ends; workers sent home do not
    # a supply ban or a cap binds the suppliers only: the targeted state that receives the
    # goods ("Russia shipped 165,000 barrels to North Korea") is no party to its breach
    receiver_free = target if category in _SUPPLIERS_ONLY else None
    return out + _other_party(
        out, content, c_start, parties, subjects, target, speaker_state, receiver_free
    )


# a state that voices a view of others' conduct: "The EU condemns", "Japan is deeply
# concerned by", "the United States urged"
_VOICES = re.compile(
    r"(?:['’]s\s+\w+)?\s+(?:(?:is|are|was|were|remains?|has\s+been)\s+)?(?:(?:deeply|gravely|equally"
    r"|seriously|also|strongly|firmly|once\s+again|again)\s+)*(?:concerned|condemn(?:s|ed)?"
    r"|deplor(?:es|ed)|denounc(?:es|ed)|protest(?:s|ed)|regrets?|alarmed|troubled)\b",
    re.IGNORECASE,
)


def _voicing(content: str, c_start: int, hits: list[CountryHit], subjects: list[str]) -> list[str]:
    """The subjects whose verb voices a view ("condemns", "is concerned by")."""
    return [
        h.iso2
        for h in hits
        if h.iso2 in subjects and h.how != "demonym" and _VOICES.match(content, h.end - c_start)
    ]


def _other_party(
    found: list[Found],
    content: str,
    c_start: int,
    hits: list[CountryHit],
    subjects: list[str],
    target: str | None,
    speaker_state: str | None,
    receiver_free: str | None = None,
) -> list[Found]:
    """A banned transfer has two ends: "North Korea had delivered munitions to Russia, in
    violation of ..." charges both the sender and the receiver (``receiver_free``: a state
    that is never charged as the receiving end)."""
    charged = [x for x in found if x[1] == "alleges_violation"]
    if not charged:
        return []
    told = {x[0] for x in found}
    parties = transfer_parties(content, c_start, hits, subjects, target)
    return [
        (st, "alleges_violation", charged[0][2], charged[0][3] * 0.9, charged[0][4])
        for st in parties
        if st not in told
        and st != speaker_state
        and st not in STATE_KINDS
        and not (st == receiver_free and told - {st})
    ]


_REPORTED = re.compile(r"reported|reports|notified|told", re.IGNORECASE)
_OWN_TRADE = re.compile(
    r"\b(?:deliver\w*|suppl(?:y|ied|ies|ying)|shipped|export\w*|sold|sales|barrels|tonnes|tons)\b",
    re.IGNORECASE,
)
_OTHERS_ACTS = re.compile(r"\b(?:suspected|illicit|illegal|transfers?|smuggl\w*)\b", re.IGNORECASE)


# a state's own report inside a sentence: "..., while Russia reported 8,910 barrels"
_REPORTS_FIGURE = re.compile(
    r"(?:['’]s)?\s+(?:also\s+)?(?:reported|notified\s+the\s+(?:[\w'’-]+\s+){0,4}committee\s+of)"
    r"\s+(?:(?:deliveries|sales|exports|supplies|shipments)\s+(?:totall?ing|of)\s+)?"
    r"(?:about\s+|some\s+|around\s+|nearly\s+)?\d[\d,.]*\s+(?:million\s+)?(?:barrels|tonnes|tons)\b",
    re.IGNORECASE,
)


def reporting_states(f: SentenceFacts, gaz: Gazetteer, target: str | None) -> list[str]:
    """States that report figures of their own to the UN: "Russia and China reported
    delivering 38,000 barrels", "China notified the committee of 29,450 barrels"; each
    state of a sentence told so of several ("China reported deliveries totalling 42,000
    barrels, and the Russian Federation reported 31,000 barrels")."""
    text, at = f.sentence.text, f.sentence.start
    own = [
        h.iso2
        for h in f.countries
        if h.how == "name" and h.iso2 != target and _REPORTS_FIGURE.match(text, h.end - at)
    ]
    if len(own) > 1 or (own and (f.attribution is None or f.attribution.direct)):
        return list(dict.fromkeys(own))
    att = f.attribution
    if att is None or att.direct or not _REPORTED.fullmatch(att.cue.split()[0]):
        return own
    if not any(att.content_start <= q.start < att.content_end for q in f.quantities):
        return []  # figures of its own
    content = f.sentence.text[
        att.content_start - f.sentence.start : att.content_end - f.sentence.start
    ]
    if not _OWN_TRADE.search(content) or _OTHERS_ACTS.search(content):
        return []  # "Japan reported 12 suspected transfers": what others did
    states = [
        h.iso2
        for h in f.countries
        if att.attribution_start <= h.start < att.attribution_end and h.how == "name"
    ]
    if not states or target in states or len(states) != len(gaz.countries(att.speaker.text)):
        return []  # a state and not its press ("Chinese media reported"), never the target
    if att.cue.split()[0].lower() == "told" and "committee" not in f.sentence.text.lower():
        return []  # "told reporters": speech, not a report to the UN
    return list(dict.fromkeys(states))


def _charged(
    hits: list[CountryHit],
    named: list[CountryHit],
    prev_subjects: list[str],
    target: str | None,
) -> list[str]:
    """Who a breach with no state acting is charged to: the targeted state where the
    clause names it ("missiles of Iranian origin ... shipped in breach of"), else, for
    what someone said, the state the text was about where the sentence names no state
    (``named``: "a clinic that still employs ..." after sentences on Uganda)."""
    if target is not None and any(h.iso2 == target for h in hits):
        return [target]
    if not named and prev_subjects and prev_subjects[0] != "ALL":
        return prev_subjects[:1]
    return []


# a breach named again or only asked about: "concern over the violations", "probing
# whether the sanctions are being violated"
_NOT_TOLD = re.compile(
    r"\b(?:the|these|those|such|any|possible|potential|alleged)\s+$|\b(?:whether|if)\b[^.;]*$",
    re.IGNORECASE,
)


def _breach_told(content: str, gaz: Gazetteer) -> bool:
    """Does the clause tell of a breach (not name one again or ask about one)?"""
    plain, _ = _split_negated("violation", content, gaz)
    for cue in plain:
        at = content.find(cue)
        if at >= 0 and not _NOT_TOLD.search(content[:at]):
            return True
    return False


def _other_goods(
    content: str, c_start: int, subject: str, hits: list[CountryHit], duty: Duty
) -> tuple[str, str] | None:
    """(obligation id, trade verb) of a ban on goods that the sentence names beside its
    own obligation, where ``subject`` breaches that ban instead."""
    for ob_id, category in duty.others:
        if category == duty.category:
            continue
        trade = goods_violation(content, c_start, subject, duty.target, category, hits)
        if trade:
            return ob_id, trade
    return None


# admission cues that tell a fact (people still in a state), not a state's own words
_FACT_OF_STAYING = re.compile(
    r"^(?:still|remain(?:s|ed)?)\s+in$|^(?:not|n.t)\s+(?:yet\s+)?(?:left|departed|gone\s+home"
    r"|returned\s+home|been\s+(?:repatriated|sent\s+home|deported))$",
    re.IGNORECASE,
)
_ADMITTING = re.compile(r"acknowledg\w*|admit\w*|conced\w*", re.I)  # speech verbs
_NEGATED = re.compile(
    r"\b(?:not|never|no|yet\s+to|failed|failings?|delay\w*|still|remained)\b", re.I
)

# compliance named only as the manner of a measure: "in line with", "in compliance with"
_ADVERBIAL = re.compile(r"in\s+(?:full\s+)?(?:line|accordance|keeping|compliance)\s+with\b", re.I)


def _names_state(label: str, iso2: str, gaz: Gazetteer) -> bool:
    """Is the speaker the state itself ("Poland said"), not its press ("a South Korean
    think tank")?"""
    return any(h.iso2 == iso2 and h.how != "demonym" for h in gaz.countries(label))
