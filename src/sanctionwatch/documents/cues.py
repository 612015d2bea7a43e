"""Stance cues read from a clause: which fired, which are negated, which are only topics.

Besides the cue patterns of ``data/cues.yaml`` this module holds the rules about goods
and a state's conduct that do not rest on a single cue word:

- a state receiving goods that the linked ban forbids from the targeted state ("China
  imported coal from North Korea"), supplying goods to it ("sold refined petroleum to
  North Korea") or hiring its workers is alleged to breach the ban; the targeted state
  trading the goods itself ("North Korea exported coal"), making transfers at sea or
  sending workers abroad likewise;
- a state's veto ("a Russian veto", "China vetoed") is conduct on the sanctions, with no
  stance on compliance (``other``);
- the targeted state's own figure above the linked obligation's cap (from the knowledge
  base: "a stockpile of 3,241 kg" against 300 kg) is alleged to breach it;
- cues that assert nothing are dropped: breaches named only as what reports are about
  ("reports on sanctions breaches") or as what someone is urged to fight ("crack down on
  evasion"), violations of something else ("of its sovereignty"), measures and
  compliance under "whether" or "if", and measures someone is urged or proposes to take
  ("urged countries to expel", "a proposal to blacklist"), and breaches only foreseen
  as what something will bring ("likely to lead to accusations").
"""

from __future__ import annotations

import re

from sanctionwatch.documents.gazetteer import CountryHit, Gazetteer
from sanctionwatch.documents.links import unit_key
from sanctionwatch.documents.model import Quantity
from sanctionwatch.documents.subjects import listed_on

__all__ = [
    "at_cap",
    "cues",
    "goods_violation",
    "hypothetical",
    "modifies_people",
    "over_cap",
    "people_at_work",
    "sent_via",
    "split_negated",
    "transfer_parties",
    "vetoed",
]

_NEGATOR = re.compile(r"\b(?:not|never|no|without)\b|n['’]t\b", re.IGNORECASE)
# "reports on sanctions breaches", "information about violations": breaches as a topic
_TOPIC_OF = re.compile(
    r"\b(?:reports?|reporting|information|briefings?|studies|research|data|findings)"
    r"\s+(?:on|about|regarding|concerning)\s+(?:possible\s+|potential\s+|any\s+)?"
    r"(?:sanctions?\s+|the\s+)?$",
    re.IGNORECASE,
)
_NOT_SANCTIONS = re.compile(
    r"\s+(?:of|against|on)\s+(?:its|their|his|her|our|the\s+country['’]s|the)?\s*(?:own\s+)?"
    r"(?:sovereignty|human\s+rights|rights|airspace|territor\w+|ceasefire|armistice|dignity)\b",
    re.IGNORECASE,
)
_COUNTERING = re.compile(
    r"\b(?:crack\w*\s+down\s+on|clamp\w*\s+down\s+on|combat\w*|fight\w*(?:\s+against)?"
    r"|prevent\w*|tackl\w*|curb\w*|counter(?:s|ed|ing)?|detect\w*|deter\w*"
    r"|stop(?:s|ped|ping)?|halt\w*|end(?:s|ed|ing)?|eliminat\w*|root\w*\s+out)"
    r"\s+(?:the\s+|any\s+|possible\s+)?(?:UN\s+)?(?:sanctions?\s+)?$",
    re.IGNORECASE,
)
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b[^.;,]{0,50}$", re.IGNORECASE)
_URGED = re.compile(
    r"\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)?\s+on|ask(?:ed|s|ing)|press(?:ed|es|ing)"
    r"|want(?:s|ed)?|push(?:ed|es|ing)|encourag(?:ed|es|ing))\b[^.;]{0,40}\bto\s+(?:\w+ly\s+)?$"
    r"|\b(?:proposals?|plans?|bids?|efforts?|attempts?|moves?|calls?|requests?|motions?"
    r"|pressure|demands?)"
    r"\s+to\s+(?:\w+ly\s+)?$"
    # "called for more vessels to be designated": wanted, not done
    r"|\b(?:call(?:ed|s|ing)?\s+for|want(?:s|ed)?|seek(?:s|ing)?|sought)\b[^.;]{0,40}\bto\s+be\s+$",
    re.IGNORECASE,
)
# a breach only supposed or expected, not one that happened: "would violate", "could
# breach", "if Russia kept the workers", "may try to send", "plans to export"; hedges on
# what happened ("may have", "could be violating") stay allegations
_HYPOTHETICAL = re.compile(
    r"\bwould\s+(?!have\b)(?:\w+\s+){0,2}$"
    r"|\b(?:could|might|may)\s+(?:\w+ly\s+)?$"
    r"|\b(?:will|would|could|might|may)\s+(?:\w+\s+)?(?:try|seek|attempt|want)\s+to\s+$"
    r"|\bplan(?:s|ned|ning)?\s+to\s+$"
    r"|\b(?:if|unless)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
# a measure only weighed or possible, not decided ("would stop renewing" is decided)
_MEASURE_OPEN = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+ly\s+)?$"
    r"|\b(?:consider\w*|weigh\w*|mull\w*|discuss\w*|debat\w*)\s+(?:\w+ly\s+)?$"
    r"|\b(?:threaten\w*|offer\w*|propos\w*)\s+to\s+$",
    re.IGNORECASE,
)
# a measure named as what someone criticises: "condemned the designations", "called the
# sanctions illegitimate" (the measure is someone else's)
_CRITICISED = re.compile(
    r"\b(?:call(?:ed|s|ing)?|condemn\w*|criticis\w*|criticiz\w*|denounc\w*|oppos\w*"
    r"|slam\w*|decr(?:y|ied|ies)|protest\w*)\s+(?:the\s+|these\s+|those\s+|such\s+|new\s+"
    r"|latest\s+|us\s+|u\.s\.\s+|american\s+|western\s+){0,3}$",
    re.IGNORECASE,
)
# a measure named again by its noun: "these designations", "the seizure"
_NAMED_AGAIN = re.compile(r"\b(?:these|those|such|the|this|that)\s+(?:new\s+|latest\s+)?$", re.I)
_NOUNS = {"designation", "designations"}
# trade dated before the ban: "before the sanctions took effect", "prior to the ban"
_BEFORE_BAN = re.compile(
    r"\b(?:before|prior\s+to|until|ahead\s+of)\s+(?:the\s+)?(?:UN\s+|U\.N\.\s+|latest\s+)?"
    r"(?:ban|bans|sanctions|resolutions?|embargo|cap|measures)\b",
    re.IGNORECASE,
)
_POLICY_FAILED = re.compile(
    r"\b(?:sanctions|measures|resolutions?|efforts|pressure|diplomacy|talks|polic(?:y|ies)"
    r"|bans?|embargo(?:es)?)\s+(?:have\s+|has\s+|had\s+)?(?:so\s+far\s+|largely\s+|also\s+)?$",
    re.IGNORECASE,
)
# a breach named as what something is expected to bring, not as said: "the findings are
# expected to bring new rows and accusations", "could prompt charges of evasion"
_FORESEEN = re.compile(
    r"\b(?:(?:likely|expected|set|poised|bound|certain)\s+to|will|would|could|may|might)"
    r"\s+(?:\w+ly\s+)?(?:lead\s+to|prompt|trigger|spark|fuel|provoke|draw|invite|bring)\b"
    r"(?:(?!\b(?:after|as|because|since|when|while|said|says|who|which)\b)[^.;:]){0,90}$",
    re.IGNORECASE,
)
_AGENT_AFTER = re.compile(r"\s+(?:by|of|involving|committed)\b", re.IGNORECASE)


def cues(name: str, text: str, gaz: Gazetteer) -> list[str]:
    return [
        m.group(0)
        for m in gaz.patterns[name].finditer(text)
        if not (name == "admission" and (_no_actor(text, m) or _NO_ONE.search(text, 0, m.start())))
    ]


# nobody is left behind: "none remained in the country", "no workers are still in Laos"
_NO_ONE = re.compile(
    r"\b(?:none|nobody|no\s+one|no(?:\s+[\w-]+){1,3}?)\s+(?:(?:had|has|have|is|are|was|were)\s+)?$",
    re.IGNORECASE,
)


def _no_actor(text: str, m: re.Match[str]) -> bool:
    """'the sanctions have failed to stop ...': what failed is a policy, not a state."""
    before = text[max(0, m.start() - 60) : m.start()]
    return m.group(0).lower().startswith("fail") and bool(_POLICY_FAILED.search(before))


def hypothetical(before: str) -> bool:
    """Is a breach cue preceded by ``before`` only supposed, not alleged to have happened?"""
    return bool(_HYPOTHETICAL.search(before))


def split_negated(name: str, text: str, gaz: Gazetteer) -> tuple[list[str], list[str]]:
    """Cues of one kind, as (plain, negated): negated when a negator stands in the few
    words before the cue ("did not accuse any countries of illicitly providing").
    Cues that assert nothing (see the module's notes) are left out of both."""
    plain: list[str] = []
    negated: list[str] = []
    for m in gaz.patterns[name].finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if (
            name == "violation"
            and _TOPIC_OF.search(before)
            and not _AGENT_AFTER.match(text, m.end())
        ):
            continue  # "will release reports on sanctions breaches": accuses no one
        if name == "violation" and _COUNTERING.search(before):
            continue  # "urged China to crack down on sanctions evasion": evasion to fight
        if name == "violation" and (hypothetical(before) or _no_actor(text, m)):
            continue  # "would violate", "if it kept them", "the sanctions failed to"
        if name == "violation" and _FORESEEN.search(text[max(0, m.start() - 130) : m.start()]):
            continue  # "likely to lead to accusations": an allegation foreseen, not made
        if name == "violation" and _NOT_SANCTIONS.match(text, m.end()):
            continue  # "a violation of its sovereignty": not of the sanctions
        if name in ("measure", "compliance") and _OPEN_QUESTION.search(before):
            continue  # "it is unclear whether China has repatriated them"
        if name == "measure" and _CRITICISED.search(before):
            continue  # "Russia called the designations illegitimate": another's measure
        if name == "measure" and _NAMED_AGAIN.search(before) and m.group(0).lower() in _NOUNS:
            continue  # "These designations show that ...": the measure just told, again
        if name == "measure" and _MEASURE_OPEN.search(before):
            continue  # "will consider expelling", "could expel": not decided
        if name in ("measure", "compliance") and _URGED.search(before):
            continue  # "urged countries to expel", "urged China to implement": not done
        window = re.split(r"[,;:]|\bbut\b", before[-40:])[-1]
        if _NEGATOR.search(window) and not _NEGATOR.search(m.group(0)):
            negated.append(m.group(0))
        else:
            plain.append(m.group(0))
    return plain, negated


# ---- goods ---------------------------------------------------------------------------

_RECEIVE = re.compile(
    r"\b(?:import(?:ed|s|ing)?|bought|buy(?:s|ing)?|purchas(?:ed|es|ing)|receiv(?:ed|es|ing)"
    r"|took\s+(?:in|delivery\s+of)|obtain(?:ed|s|ing)|acquir(?:ed|es|ing)|brought\s+in"
    # "North Korean coal continued to reach Vietnam", "ended up in Chinese ports"
    r"|reach(?:ed|es|ing)?|arriv(?:ed|es|ing)\s+(?:in|at)|ended\s+up\s+in"
    r"|flow(?:ed|s|ing)?\s+(?:in)?to"
    r"|(?:made|make|makes|making|found|find|finds|finding)\s+(?:its|their)\s+way\s+(?:to|into)"
    # "North Korean coal was delivered to ports in Vietnam"
    r"|(?:was|were|had\s+been|have\s+been)\s+(?:delivered|shipped|sold|exported|sent|unloaded"
    r"|transferred)\s+(?:from\s+[^.;]{0,40}?\s+)?(?:to|in|at|onto|into))\b",
    re.IGNORECASE,
)
_SUPPLY = re.compile(
    r"\b(?:export(?:ed|s|ing)|s(?:old|ells|elling)|suppl(?:ied|ies|ying)|ship(?:ped|s|ping)"
    r"|sen(?:t|ds|ding)|fl(?:ew|own|ies)"
    r"|deliver(?:ed|s|ing)|provid(?:ed|es|ing)|transferr(?:ed|ing)|smuggl(?:ed|es|ing))\b",
    re.IGNORECASE,
)
_ARMS_SUPPLIED = re.compile(
    r"\b(?:s(?:old|ells|elling)|suppl(?:ied|ies|ying)|ship(?:ped|s|ping)|sen(?:t|ds|ding)"
    r"|deliver(?:ed|s|ing)|provid(?:ed|es|ing)|transferr(?:ed|ing)|smuggl(?:ed|es|ing)"
    r"|fl(?:ew|own)\s+in|arm(?:ed|s|ing))\b"
    r"(?=[^.;]{0,60}?\b(?:weapons|arms|ammunition|munitions|missiles|drones|rockets|artillery"
    r"|shells|armou?red\s+vehicles|military\s+(?:equipment|hardware|materiel)"
    r"|air[- ]defen[cs]e\s+systems|rifles|grenades|fighter\s+jets"
    r"|the\s+(?:militia|Houthis|rebels|forces)))",
    re.IGNORECASE,
)
_TRADE_SELF = re.compile(
    r"\b(?:export(?:ed|ing)|import(?:ed|ing)|shipp(?:ed|ing)|s(?:old|elling)|bought"
    r"|deliver(?:ed|ing)|smuggl(?:ed|ing)|transferr(?:ed|ing)|suppl(?:ied|ying)"
    r"|procur(?:ed|ing)|sent|sending|provid(?:ed|ing)"
    r"|made\s+(?:[\w,]+\s+){0,4}?shipments)\b",
    re.IGNORECASE,
)
_TRANSFERS = re.compile(
    r"\b(?:made|mak(?:es|ing)|conduct(?:ed|s|ing)|carr(?:ied|ies|ying)\s+out|engag(?:ed|es|ing)"
    r"\s+in|suspected)\b(?=[^.;]{0,50}\b(?:transfers?|transshipments?)\b)",
    re.IGNORECASE,
)
_SENDS_WORKERS = re.compile(
    r"\b(?:send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?)\b"
    r"(?=[^.;]{0,40}\b(?:workers|labou?rers|labou?r|nationals)\b[^.;]{0,30}"
    r"\b(?:abroad|overseas|to)\b)",
    re.IGNORECASE,
)
# the same told in the passive: "thousands of North Korean labourers were sent to Russia"
_SENT_PASSIVE = re.compile(
    r"\b(?:workers|labou?rers|nationals|North\s+Koreans|specialists)\s+(?:were|was|have\s+been"
    r"|had\s+been|are\s+being|has\s+been)\s+(?:\w+ly\s+)?(?:sent|dispatched|deployed)\s+"
    r"(?:abroad|overseas|to)\b",
    re.IGNORECASE,
)


def workers_were_sent(text: str) -> bool:
    """Does the text tell, in the passive, of workers sent abroad ("labourers were sent to
    Russia")?"""
    return bool(_SENT_PASSIVE.search(text))


def _workers_sent(text: str) -> re.Match[str] | None:
    """Workers sent abroad, told actively or in the passive."""
    return _SENDS_WORKERS.search(text) or _SENT_PASSIVE.search(text)


def sends_workers(text: str) -> bool:
    """Does the text tell of workers sent abroad ("sent thousands of workers to Russia",
    "labourers were dispatched to China")?"""
    return _workers_sent(text) is not None


# new hires, not the stock of workers ("employed 30,000" is a figure, not a breach)
_HIRES = re.compile(
    r"\b(?:hir(?:e|es|ed|ing)|recruit(?:s|ed|ing)?|took\s+on|taken\s+on|brought\s+in)\b"
    r"(?=[^.;]{0,40}\b(?:workers|labou?rers|nationals)\b)",
    re.IGNORECASE,
)
# goods sent on to the target from or through a state: "shipped from the Chinese port of
# Dalian", "carried by sea through Vladivostok"
_SENT_VIA = re.compile(
    r"\b(?:shipped|carried|sent|delivered|smuggled|transported|routed|trucked|flown)\b"
    r"[^.;]{0,40}?\b(?:from|through|via)\s+(?:the\s+)?(?:(?:port|city|border\s+town)\s+of\s+)?$",
    re.IGNORECASE,
)
_PEOPLE = (
    r"workers|labou?rers|nationals|doctors|nurses|crews?|staff|personnel|engineers"
    r"|technicians|instructors|trainers|employees|plasterers|builders|brigades|cooks"
    r"|waitress(?:es)?|waiters|seamstresses|loggers|fishermen"
)
# the target's workers still at work in a state after the deadline to send them home
_STILL_EMPLOYED = re.compile(
    r"\b(?:employ(?:s|ed|ing)|working|remain(?:s|ed|ing)?|stay(?:s|ed|ing)|still)\b"
    rf"(?=[^.;]{{0,60}}\b(?:{_PEOPLE})\b)"
    rf"|\b(?:{_PEOPLE})\b[^.;]{{0,60}}?"
    r"\b(?:employ(?:s|ed|ing)|working|remain(?:s|ed|ing)?|stay(?:s|ed|ing)|still)\b",
    re.IGNORECASE,
)
# people seen at work: "on two sites", "at a restaurant", "finishing apartment interiors"
_AT_WORK = re.compile(
    r"\b(?:at\s+work|on\s+(?:\w+\s+)?(?:building\s+|construction\s+)?sites?|seen|spotted"
    r"|sewing|finishing|serving|treating|training"
    # "IT workers operating from China and Russia", "based mainly in Shenyang"
    r"|operat(?:e|es|ed|ing)\s+(?:mainly\s+|mostly\s+|largely\s+|chiefly\s+)?(?:from|in|out\s+of)"
    r"|based\s+(?:mainly\s+|mostly\s+|largely\s+|chiefly\s+)?in)\b",
    re.IGNORECASE,
)
# the target's arms used by another state's forces: "fired North Korean missiles"
_USES_ARMS = re.compile(
    r"\b(?:fir(?:ed|es|ing)|launch(?:ed|es|ing)|us(?:ed|es|ing)|deploy(?:ed|s|ing))\s+"
    r"(?:\w+\s+){0,3}?(?=North\s+Korean|DPRK)",
    re.IGNORECASE,
)
# a firm of the target hired or paid: "hiring a North Korean state arms company"
_HIRES_FIRM = re.compile(
    r"\b(?:hir(?:e|es|ed|ing)|contract(?:s|ed|ing)|engag(?:e|es|ed|ing)|pa(?:id|ys|ying)"
    r"|commission(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}?(?=(?:North\s+Korean|DPRK)(?:\s+[\w-]+){0,3}?"
    r"\s+(?:compan(?:y|ies)|firms?|entit(?:y|ies)|contractors?|enterprises?)\b)",
    re.IGNORECASE,
)
# "DPRK doctors", "DPRK construction crews": the target's name used as a modifier
_MODIFIES_PEOPLE = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b", re.IGNORECASE)
_FORMERLY = re.compile(
    r"\b(?:previously|formerly|once|used\s+to|no\s+longer|before\s+the|for\s+(?:years|decades))\b",
    re.IGNORECASE,
)
ARMS = {"arms embargo"}
# categories of the linked obligation: goods leaving the target, goods reaching it,
# transfers at sea
EXPORT_BANS = {"export ban"}
SUPPLY_BANS = {"supply ban", "cap", "arms embargo"}
MARITIME = {"maritime"}
LABOUR = {"labour"}


def goods_violation(
    clause: str,
    base: int,
    subject: str,
    target: str | None,
    category: str | None,
    hits: list[CountryHit],
    overdue: bool = False,
) -> str | None:
    """The trade verb that makes ``subject`` breach the linked ban, or None. ``clause``
    starts at document offset ``base``; ``hits`` are the clause's country mentions;
    ``overdue``: the linked obligation's deadline had passed when the text was written
    (the target's workers still employed in a state are then an allegation)."""
    if target is None or category is None:
        return None
    found = _goods_violation(clause, base, subject, target, category, hits, overdue)
    if found is None:
        return None
    verb_at = found[1]
    before = clause[max(0, verb_at - 60) : verb_at]
    if _REPORTED_OF.search(before):
        return None  # "accused X of supplying": the subject accuses, someone else trades
    if _NEGATOR.search(re.split(r"[,;:]|\bbut\b", before[-40:])[-1]):
        return None  # "did not sell", "never imported"
    if hypothetical(before):
        return None  # "may try to send workers abroad": expected, not done
    if _BEFORE_BAN.search(clause):
        return None  # "before the ban, China bought ...": trade the ban did not yet forbid
    return found[0]


# the trade is what someone is accused of or asked about, not the subject's own act
_REPORTED_OF = re.compile(
    r"\b(?:accus\w*|alleg\w*|suspect\w*|charg\w*|investigat\w*)\b[^.;]{0,50}\bof\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _goods_violation(
    clause: str,
    base: int,
    subject: str,
    target: str,
    category: str,
    hits: list[CountryHit],
    overdue: bool = False,
) -> tuple[str, int] | None:
    if subject == target:
        m = _TRADE_SELF.search(clause)
        if m and category in EXPORT_BANS | SUPPLY_BANS:
            return m.group(0), m.start()
        m = _TRANSFERS.search(clause)  # "its vessels made 30 ship-to-ship transfers"
        if m and category in MARITIME:
            return m.group(0), m.start()
        # "continues to send labourers overseas", "labourers were sent to Russia"
        m = _workers_sent(clause)
        return (m.group(0), m.start()) if m and category in LABOUR else None
    if category in SUPPLY_BANS | ARMS:
        for h in hits:
            if h.iso2 == subject and (m := _SENT_VIA.search(clause[: h.start - base])):
                return m.group(0).strip(), m.start()  # "shipped from the Chinese port of"
    if category in ARMS and (m := _ARMS_SUPPLIED.search(clause)):
        # "the UAE had supplied armoured vehicles to eastern-based forces": arms supplied
        # into the embargoed state's war, its recipients not named as another state
        to_other = any(
            h.iso2 not in (target, subject)
            and h.start - base > m.start()
            and re.search(r"\bto\s+(?:the\s+)?$", clause[: h.start - base][-8:], re.I)
            for h in hits
        )
        if not to_other:
            return m.group(0), m.start()
    target_hits = [h for h in hits if h.iso2 == target]
    if not target_hits:
        return None
    if category in ARMS | LABOUR | SUPPLY_BANS:
        m = _HIRES_FIRM.search(clause)  # "hired a North Korean arms company"
        if m:
            return m.group(0), m.start()
    if category in ARMS:
        m = _USES_ARMS.search(clause)  # "Russian forces fired North Korean missiles"
        if m:
            return m.group(0), m.start()
    if category in EXPORT_BANS | ARMS:
        m = _RECEIVE.search(clause)
        # goods from the target: "from North Korea", or "North Korean coal"
        if m and any(
            h.how == "demonym"
            or re.search(r"\bfrom\s+(?:the\s+)?$", clause[: h.start - base][-12:], re.I)
            for h in target_hits
        ):
            return m.group(0), m.start()
    if category in LABOUR:
        m = _HIRES.search(clause)  # "Russian companies hired North Korean workers"
        if m:
            return m.group(0), m.start()
        m = (_STILL_EMPLOYED.search(clause) or _AT_WORK.search(clause)) if overdue else None
        if (
            m
            and any(
                h.how == "demonym" or _MODIFIES_PEOPLE.match(clause, h.end - base)
                for h in target_hits
            )
            and not _FORMERLY.search(clause[max(0, m.start() - 30) : m.end()])
        ):
            return m.group(0), m.start()
    if category in SUPPLY_BANS:
        m = _SUPPLY.search(clause)
        # "sold refined petroleum to North Korea", "supplied Pyongyang with"
        if m and any(
            h.start - base > m.start()
            and (
                re.search(r"\bto\s+(?:the\s+)?$", clause[: h.start - base][-8:], re.I)
                or m.end() + 2 >= h.start - base
            )
            for h in target_hits
        ):
            return m.group(0), m.start()
    return None


def people_at_work(clause: str, hits: list[CountryHit], target: str | None, base: int = 0) -> bool:
    """Does the clause tell of the targeted state's people at work ("had seen North Korean
    plasterers on two sites", "DPRK doctors were working in private clinics")?"""
    if target is None or (not _STILL_EMPLOYED.search(clause) and not _AT_WORK.search(clause)):
        return False
    return any(
        h.iso2 == target and _MODIFIES_PEOPLE.match(clause, h.end - base) for h in hits
    ) and not _FORMERLY.search(clause)


def modifies_people(text: str, at: int) -> bool:
    """Does the name ending at ``at`` qualify people ("DPRK doctors", "DPRK nationals")?"""
    return bool(_MODIFIES_PEOPLE.match(text, at))


def sent_via(
    clause: str, base: int, hits: list[CountryHit], target: str | None, category: str | None
) -> list[str]:
    """States that goods of the linked supply ban went from or through, to the target:
    "shipped from the Chinese port of Dalian", "carried through Vladivostok"."""
    if target is None or category not in SUPPLY_BANS | ARMS:
        return []
    out = [
        h.iso2
        for h in hits
        if h.iso2 != target
        and _SENT_VIA.search(clause[max(0, h.start - base - 60) : h.start - base])
    ]
    return list(dict.fromkeys(out))


# a transfer between states: "delivered munitions to Russia", "the transfer of arms from
# the DPRK to Russia", "bought missile components from Pyongyang"
_TRANSFER_WORD = re.compile(
    r"\b(?:transfer\w*|deliver\w*|suppl(?:y|ied|ies|ying)|ship(?:ped|ping|ments?)"
    r"|export\w*|import\w*|sold|sell(?:s|ing)?|sales?|bought|buy(?:s|ing)?|purchas\w*"
    r"|procur\w*|provid\w*|sen(?:d|ds|ding|t)|smuggl\w*|receiv\w*|obtain\w*|acquir\w*"
    r"|fir(?:ed|ing)|launch(?:ed|ing))\b",
    re.IGNORECASE,
)
# the targeted state's ships carry, they are not what is sent: "from North Korean ships"
_CARRIER = re.compile(
    r"(?:-flagged)?\s+(?:ships?|vessels?|tankers?|freighters?|barges?|boats?|trawlers?)\b",
    re.IGNORECASE,
)
_PARTY_BEFORE = re.compile(r"\b(?:to|from|into|with)\s+(?:the\s+)?$", re.IGNORECASE)


def transfer_parties(
    clause: str, base: int, hits: list[CountryHit], subjects: list[str], target: str | None
) -> list[str]:
    """The states at both ends of a transfer with the targeted state: the clause's
    acting states and the states goods went to or came from ("North Korea had delivered
    munitions to Russia": KP and RU). Empty unless the targeted state is one of them and
    there is another."""
    if target is None or not _TRANSFER_WORD.search(clause):
        return []
    parties: list[str] = []
    for h in hits:
        before = clause[max(0, h.start - base - 12) : h.start - base]
        if h.how == "demonym" and (
            modifies_people(clause, h.end - base) or _CARRIER.match(clause, h.end - base)
        ):
            continue
        if (
            h.iso2 in subjects
            or _PARTY_BEFORE.search(before)
            or (h.iso2 == target and h.how == "demonym")
        ):
            parties.append(h.iso2)
    parties = list(dict.fromkeys(parties))
    if target not in parties or len(parties) < 2:
        return []
    # "to China and other countries including India and Malaysia": each state listed
    return listed_on(parties, hits, clause, base)


# ---- vetoes --------------------------------------------------------------------------

_VETO = re.compile(r"\bveto(?:ed|es|ing)?\b", re.IGNORECASE)


def vetoed(clause: str) -> str | None:
    """The veto word of a clause ("a Russian veto", "China vetoed the draft")."""
    m = _VETO.search(clause)
    return m.group(0) if m else None


def over_cap(quantities: list[Quantity], limits: dict[str, float] | None) -> str | None:
    """A figure above the linked obligation's cap in the same unit ("3241 kg over the cap
    of 300")."""
    if not limits:
        return None
    for q in quantities:
        cap = limits.get(unit_key(q.unit))
        if cap is not None and q.value > cap:
            return f"{q.value:g} {q.unit} over the cap of {cap:g}"
    return None


def at_cap(q: Quantity, limits: dict[str, float] | None) -> bool:
    """Is the figure the linked obligation's cap itself ("agreed to limit enrichment to
    3.67 percent"): a recap of the rule, not a figure about a state's conduct?"""
    cap = (limits or {}).get(unit_key(q.unit))
    return cap is not None and abs(q.value - cap) <= 0.01 * cap
