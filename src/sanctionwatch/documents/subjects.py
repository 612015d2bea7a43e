"""Which state a sentence is about: countries in actor position, not places or targets.

"Moscow has rejected", "Russia's transfer of technology", "the government of North Korea",
"violations ... by the DPRK" and government bodies ("OFAC designated") act; "sanctions
against North Korea", "workers in Russia", "North Korean workers" and "the North Korea
sanctions committee" do not. Two states joined by "and" act together, or neither does.
"""

from __future__ import annotations

import itertools
import re

from sanctionwatch.documents.gazetteer import CountryHit, Gazetteer
from sanctionwatch.documents.model import Quantity
from sanctionwatch.documents.quotes import Attribution

__all__ = [
    "COUNT_ONLY",
    "enforcers",
    "fallback_subjects",
    "is_actor",
    "is_official",
    "last_pair",
    "listed_on",
    "previous_pair",
    "self_statement",
    "subjects_of",
    "within",
]

# counts that do not make a statement about compliance on their own ("11 participating nations")
# counts that are no statistic of compliance on their own ("six clinics", "two cases")
COUNT_ONLY = {
    "countries",
    "flights",
    "locations",
    "clinics",
    "cases",
    "accounts",
    "crews",
    "factories",
    "attacks",
    "vehicles",
    "missiles",
    "shells",
    "containers",
}

_AGENT_BY = re.compile(
    r"(?:\b(?:violat\w+|breach\w*|evasion|exports?|transfers?|shipments?|deliveries|sales|vetoe?s?)\b"
    r"(?:\s+[\w’'-]+){0,8}?|\b(?:issued|granted|sold|exported|imported|shipped|supplied|vetoed"
    r"|sent|repatriated|expelled|deported|seized|detained|impounded|designated|imposed|banned"
    r"|closed|blacklisted|sanctioned|frozen|employed|hired|hosted|bought|purchased|received"
    r"|denied|rejected|dismissed)"
    r"(?:\s+[\w’'-]+){0,4}?)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GOV_OF = re.compile(
    r"(?:government|authorities|regime|leadership|ministry|embassy|mission|delegation"
    r"|representative)\s+of\s+(?:the\s+)?$"
    # "Authorities in Kazakhstan have revoked", "Prosecutors in Taiwan indicted"
    r"|^\W*(?:the\s+)?(?:authorities|officials|police|prosecutors|investigators|customs"
    r"|courts?|regulators?)\s+in\s+(?:the\s+)?$",
    re.I,
)


_AND = r"and|,|or|nor|,?\s*as\s+well\s+as|,?\s*along\s+with|,?\s*together\s+with|,\s*and"
_JOINED = re.compile(rf"\s*(?:{_AND})\s*")


_MORE_DEMONYMS = re.compile(r"^(?:\s*(?:,|,?\s*and|,?\s*or)\s+(?:North\s+|South\s+)?[A-Z][a-z]+)+")


def is_actor(hit: CountryHit, text: str, base: int, gaz: Gazetteer) -> bool:
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
        # "Chinese, Russian and Vietnamese firms": each demonym of the list qualifies the noun
        after = _MORE_DEMONYMS.sub("", text[hit.end - base : hit.end - base + 120])[:40]
        tail = _OWNED.sub("", after.lower().lstrip())  # "a Chilean-owned tanker"
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
        flag = is_actor(h, text, base, gaz)
        possessive = bool(re.match(r"['’]s\b", text[h.end - base :]))
        between = text[prev[0].end - base : h.start - base] if prev is not None else ""
        if (
            prev is not None
            and not possessive
            and _JOINED.fullmatch(between)
            and not (between.strip() == "," and _BESIDES.search(text, 0, prev[0].start - base))
        ):
            flag = prev[1]  # "between Russia and China": both, or neither, act
        prev = (h, flag)
        if flag:
            actors.append(h)
    helpers = [
        h
        for h in hits
        if not (skip and skip[0] <= h.start < skip[1]) and _helps(h, text, base, gaz)
    ]
    if not actors:
        return list(dict.fromkeys(h.iso2 for h in helpers))
    first = actors[0]
    out.append(first.iso2)
    for nxt in actors[1:]:
        between = text[first.end - base : nxt.start - base]
        if (
            re.fullmatch(rf"\s*(?:['’]s)?\s*(?:{_AND})\s*(?:the\s+)?", between)
            and nxt.iso2 not in out
        ):
            out.append(nxt.iso2)
            first = nxt
        else:
            break
    out = listed_on(out, hits, text, base, skip)  # "Jordan, the UAE (...) and Turkey"
    if re.match(r"['’]s\b", text[first.end - base :]):
        # "Iran's sale of drones to Russia, Russia's sale of jets"
        for h in actors:
            if h.iso2 not in out and re.match(r"['’]s\b", text[h.end - base :]):
                out.append(h.iso2)
    for h in helpers:  # "with the help of Thai shipping firms": a party to the act
        if h.iso2 not in out:
            out.append(h.iso2)
    return out


# what joins the states of one list, beyond "and" and commas: an acronym in brackets
# ("the United Arab Emirates (UAE) and Turkey"), the two sides of a conflict ("the UAE and
# Jordan vs Turkey and Qatar") and the members of a group named after one ("to China and
# other countries including India and Malaysia")
_LIST_ON = re.compile(
    rf"(?:\)|\s*\([^()]{{1,30}}\))\s*(?:['’]s)?\s*(?:{_AND})\s*(?:the\s+)?"
    r"|\)?\s*(?:,?\s*(?:vs\.?|versus)"
    r"|,?\s*(?:and|or)\s+(?:\w+\s+)?other\s+(?:countries|states|nations)\s*,?\s*"
    r"(?:including|such\s+as|like|notably)"
    r"|,?\s*(?:including|such\s+as|notably|especially))\s*(?:the\s+)?",
    re.IGNORECASE,
)

# a sentence that opens on one state set beside the list that follows: "In addition to
# Mozambique, Angola, Namibia and Senegal are under investigation" (the list acts)
_BESIDES = re.compile(
    r"^\W*(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from|along\s+with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_LIST_GOES_ON = re.compile(rf"\s*(?:{_AND})\s*(?:the\s+)?", re.IGNORECASE)


def listed_on(
    out: list[str],
    hits: list[CountryHit],
    text: str,
    base: int,
    skip: tuple[int, int] | None = None,
) -> list[str]:
    """The states listed right after a subject found: "Jordan, the United Arab Emirates
    (UAE) and Turkey", "to China and other countries including India, Malaysia and Sri
    Lanka", "the UAE, Russia and Jordan vs Turkey and Qatar"."""
    if not out:
        return out
    shown = [h for h in hits if not (skip and skip[0] <= h.start < skip[1])]
    found = list(out)
    added: set[str] = set()  # listed here: the list goes on by commas and "and" too
    for prev, h in itertools.pairwise(shown):
        if prev.iso2 in found and h.iso2 not in found and h.how != "demonym":
            between = text[prev.end - base : h.start - base]
            if _LIST_ON.fullmatch(between) or (
                prev.iso2 in added and _LIST_GOES_ON.fullmatch(between)
            ):
                found.append(h.iso2)
                added.add(h.iso2)
    return found


# a state whose people or firms help the act: "through the help of China's shipping
# industry", "aided by Chinese brokers"
_HELP_OF = re.compile(
    r"\b(?:(?:help|assistance|aid|complicity|connivance|collusion)\s+of"
    r"|(?:helped|aided|assisted|abetted|facilitated)\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# goods handed over at sea or in port to another state's vessels or firms: "ore was
# unloaded from the target's freighters onto Thai lighters" (the passive names the goods)
# (or, told actively, "a tanker transferred diesel to a North Korean ship": the ship
# that takes the goods is a party too)
_HANDED_TO = re.compile(
    r"\b(?:(?:was|were|had\s+been|have\s+been|has\s+been|being)\s+(?:\w+ly\s+)?)?"
    r"(?:transferred|delivered|shipped|sold|unloaded|transshipped|supplied|smuggled)\b"
    r"[^.;]{0,60}?\b(?:to|onto|into)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


_OWNED = re.compile(r"^-?\s*(?:owned|operated|controlled|run|managed)\s+")


def _helps(hit: CountryHit, text: str, base: int, gaz: Gazetteer) -> bool:
    """Is this state, not the sentence's actor, a party to the act it reports?"""
    before = text[max(0, hit.start - base - 100) : hit.start - base]
    after = text[hit.end - base : hit.end - base + 40]
    possessive = bool(re.match(r"['’]s\b", after))
    qualifies = possessive or (
        hit.how == "demonym"
        and any(_OWNED.sub("", after.lower().lstrip()).startswith(n) for n in gaz.government_nouns)
    )
    if not qualifies and hit.how == "demonym":
        return False
    if _HELP_OF.search(before[-50:]):
        return True
    return hit.how == "demonym" and qualifies and bool(_HANDED_TO.search(before))


def within(quantities: list[Quantity], start: int, content: str) -> list[Quantity]:
    """The quantities inside one clause (``content`` starting at document offset ``start``)."""
    return [q for q in quantities if start <= q.start < start + len(content)]


_IN_COUNTRY = re.compile(r"\b(?:in|inside|within)\s+(?:the\s+)?$", re.IGNORECASE)


def fallback_subjects(
    content: str,
    c_start: int,
    hits: list[CountryHit],
    quantities: list[Quantity],
    prev_subjects: list[str],
) -> list[str]:
    """No state acts in the sentence: a state named as the place ("workers in Mongolia"),
    else, for a figure, the previous subject or the first state named."""
    for i, h in enumerate(hits):
        if _IN_COUNTRY.search(content[max(0, h.start - c_start - 12) : h.start - c_start]):
            out = [h.iso2]  # "workers in China and Russia": both places
            prev = h
            for nxt in hits[i + 1 :]:
                gap = content[prev.end - c_start : nxt.start - c_start]
                if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:in\s+)?(?:the\s+)?", gap):
                    break
                out.append(nxt.iso2)
                prev = nxt
            return list(dict.fromkeys(out))
    for i, h in enumerate(hits[:-1]):  # "cooperation between North Korea and Russia"
        if re.search(r"\bbetween\s+(?:the\s+)?$", content[: h.start - c_start]):
            return list(dict.fromkeys([h.iso2, hits[i + 1].iso2]))
    figures = within(quantities, c_start, content)
    if figures:
        if (
            re.match(r"\W*(?:there\s+(?:were|are|was|is)|the\s+number)\b", content, re.I)
            and prev_subjects
        ):
            return prev_subjects[:1]
        if hits:
            return [hits[0].iso2]
        if prev_subjects and any(q.unit not in COUNT_ONLY for q in figures):
            return prev_subjects[:1]  # figures that go on about the state just discussed
    return []


def last_pair(countries: list[str]) -> list[str]:
    out: list[str] = []
    for c in reversed(countries):
        if c not in out:
            out.append(c)
        if len(out) == 2:
            break
    return list(reversed(out))


_OFFICIAL = re.compile(
    r"\b(?:government|ministry|minister|officials?|spokes(?:man|woman|person)|ambassador|envoy"
    r"|embassy|authorities|administration|directorate|customs|police|prosecutors?|coast\s*guard"
    r"|navy|bureau|department|superintendence|registry|central\s+bank|immigration|migration"
    r"|(?<!news\s)agency|(?<!news\s)service)\b",
    re.IGNORECASE,
)


def is_official(att: Attribution) -> bool:
    """An official of a state not named ("a government official", "the deputy minister")."""
    sp = att.speaker
    return bool(_OFFICIAL.search(" ".join(x for x in (sp.text, sp.role, sp.affiliation) if x)))


def previous_pair(prev_subjects: list[str], prev_countries: list[str]) -> list[str]:
    """The two states "both countries" refers to: the last sentence's two subjects, else
    the last two states named."""
    subjects = list(dict.fromkeys(prev_subjects))
    return subjects[-2:] if len(subjects) >= 2 else last_pair(prev_countries)


def self_statement(text: str, subject: str, hits: list[CountryHit], offset: int = 0) -> bool:
    """Without a quoted speaker, "Moscow has rejected ..." speaks for itself when the
    subject is the sentence's first actor and a speech or stance verb follows it.
    ``offset`` is where ``text`` starts in the document (the hits' offsets)."""
    first = hits[0] if hits else None
    if first is None or first.iso2 != subject:
        return False
    said = re.search(
        r"\b(?:said|says|rejected|denied|insisted|maintains|maintained|agreed|announced|stated)\b",
        _TOLD_BY_OTHERS.sub("", text),
    )
    # its own position stated right after it: "The United States remains committed to"
    return bool(said or _POSITION.match(text, max(0, first.end - offset)))


# a closing attribution to someone else: "..., monitors said.", "..., according to experts"
_TOLD_BY_OTHERS = re.compile(
    r",\s+(?:(?:the|a|an|two|three|several|some|UN|U\.N\.)\s+)*[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?"
    r"\s+(?:said|say|says|reported|wrote|found|told\s+\w+)\W*$"
)

_POSITION = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:(?:is|are|was|were|remains?|remained|stays?)\s+"
    r"[\"“]?(?:fully\s+|firmly\s+|still\s+)?committed|pledged|pledges|vowed|vows|promised|promises"
    # its own conduct told in the present by its own statement: "Russia strictly fulfils its
    # obligations", "the Government of Nepal reiterates its commitment"
    r"|(?:(?:\w+ly|and|in|good|faith|with|full|responsibility)\s+){0,6}?"
    r"(?:fulfil+s|complies|abides|adheres|honou?rs|reiterates|reaffirms))\b",
    re.IGNORECASE,
)


# a state that enforces: its name (and its agency) right before the act of enforcement,
# "South Korean customs authorities inspected the vessel", "U.S. officials took control
# of the ship", "the U.S., Australia and France are sharing information"
_ENFORCES = re.compile(
    r"(?:['’]s)?\s+(?:(?:customs|coast\s+guard|navy|naval|maritime|self-defen[cs]e|force|forces"
    r"|authorities|officials|government|treasury|prosecutors|police|military|department"
    r"|of|the|justice|state)\s+)*(?:(?:has|have|had|is|are|was|were)\s+(?:also\s+)?)?"
    r"(?:seiz(?:e|es|ed|ing)|inspect(?:s|ed|ing)?|board(?:s|ed|ing)?|detain(?:s|ed|ing)?"
    r"|impound(?:s|ed|ing)?|intercept(?:s|ed|ing)?|t(?:ook|aken|ake|akes|aking)\s+control"
    r"|target(?:s|ed|ing)?|arrest(?:s|ed|ing)?|indict(?:s|ed|ing)?|prosecut(?:e|es|ed|ing)"
    r"|monitor(?:s|ed|ing)?|patrol(?:s|led|ling)?|sharing\s+information"
    r"|conduct(?:s|ed|ing)?\s+(?:surveillance|monitoring|patrols|information))\b",
    re.IGNORECASE,
)


def enforcers(
    content: str, base: int, hits: list[CountryHit], subjects: list[str], target: str | None
) -> set[str]:
    """The subjects (other than the targeted state) named right before an act of
    enforcement, alone or in a list ("the U.S., Australia and France are sharing
    information"): they act against a breach, they do not commit it."""
    ordered = sorted(hits, key=lambda h: h.start)
    out: set[str] = set()
    run: list[CountryHit] = []
    for i, h in enumerate(ordered):
        run.append(h)
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and _LIST_GOES_ON.fullmatch(content[h.end - base : nxt.start - base]):
            continue  # the list goes on: the act follows its last state
        if _ENFORCES.match(content, h.end - base):
            out |= {x.iso2 for x in run if x.iso2 in subjects and x.iso2 != target}
        run = []
    return out
