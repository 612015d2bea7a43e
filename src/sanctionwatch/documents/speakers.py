"""Speakers: "Russian Foreign Ministry spokeswoman Maria Zakharova" split into name, role,
affiliation and the state the speaker stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.documents.gazetteer import Gazetteer

__all__ = ["BACK_REFERENCE", "Speaker", "clean_speaker", "parse_speaker"]


@dataclass(slots=True)
class Speaker:
    text: str
    name: str | None
    role: str | None
    affiliation: str | None
    country: str | None  # ISO2, "UN", "INT", "MEDIA" or None

    @property
    def label(self) -> str:
        return self.name or self.text


_ORG_WORD = (
    r"Ministry|Department|Office|Council|Embassy|Government|Agency|Committee|Commission|Panel|"
    r"Treasury|Team|Service|Bureau|Administration|Mission|Parliament|Court|Secretariat"
)
_AFFIL_RE = re.compile(
    rf"(?:[A-Z][\w’'.-]*\s+){{0,4}}(?:{_ORG_WORD})(?:\s+of(?:\s+the)?\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})?"
)
BACK_REFERENCE = re.compile(
    r"^(?:he|she|it|they|the\s+(?:diplomat|minister|official|spokesman|spokeswoman|spokesperson|"
    r"ministry|paper|newspaper|agency|panel|report|government|ambassador|embassy|source|committee|"
    r"statement|office|department|team|organisation|organization|watchdog))$",
    re.IGNORECASE,
)

# a quote followed by its attribution: ,” said Zakharova / ,” Ilyichev said / ," it said
_BAD_SPEAKER = re.compile(
    r"\b(?:that|which|who|whether|because|if|when|while|and\s+that|will|would|after|before|since|"
    r"are|is|were|was|has|have|had|can|could|should|must|comes|came|as)\b|^(?:the\s+)?(?:data|number|report\s+that|text)\b",
    re.IGNORECASE,
)


_POSTED = re.compile(
    r"\b(?:diplomats?|envoys?|embass(?:y|ies)|ambassadors?|foreign|western|european|"
    r"correspondents?|journalists?|reporters?|analysts?)\b",
    re.IGNORECASE,
)


_POSTED_TO = re.compile(r"\b(?:to|at|before|with)\s+(?:the\s+)?$", re.IGNORECASE)


# a relative clause after the speaker: "diplomats who have seen the report"
_RELATIVE = re.compile(r"(?<=\w)\s+(?:who|that|which)\s+\w.*$", re.IGNORECASE)
_NAME_THEN_ROLE = re.compile(r"^([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+(?:a|an|the)\s+")
# a role that speaks for the state it is "of": "the representative of China"
_ROLE_OF = re.compile(
    r"\b(?:representatives?|ambassadors?|delegat(?:e|es|ion)|government|minister|ministry"
    r"|president|prime\s+minister|mission|embassy|spokes(?:man|woman|person)|envoy"
    r"|authorities|leader|foreign\s+minister)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def parse_speaker(text: str, gaz: Gazetteer, persons: list[str]) -> Speaker:
    """Split "Russian Foreign Ministry spokeswoman Maria Zakharova" into its parts."""
    text = _RELATIVE.sub("", text.strip().strip(","))  # "diplomats who have seen it"
    name = None
    for person in persons:
        if person and person in text:
            name = person
            break
    if name is None and (m := _NAME_THEN_ROLE.match(text)):
        name = m.group(1)  # "Grace Atim Akello, a state minister for foreign affairs"
    if name is None:
        name = _trailing_name(text, gaz)
    if name is None and _lone_surname(text, gaz):
        name = text  # a surname on its own: "Topilin told reporters"
    affiliation = None
    affs = _AFFIL_RE.findall(text)
    if affs:
        affiliation = affs[-1].strip()
    country = None
    for hit in gaz.countries(text):
        before = text[: hit.start].split()
        if before and before[-1].lower() in ("detailing", "about", "regarding", "concerning"):
            continue  # "a report detailing Iran's programme" is not Iran speaking
        if _ROLE_OF.search(text, 0, hit.start):
            country = hit.iso2  # "the representative of China", "the Government of Japan"
            break
        if before and before[-1].lower() in gaz.non_actor_preceders - {"in", "at", "inside"}:
            continue  # "ambassador to North Korea"; but "officials in Moscow" speak for Russia
        if before and before[-1].lower() in ("in", "at") and _POSTED.search(text, 0, hit.start):
            continue  # "a Western diplomat in Vientiane" is posted there, not Laos speaking
        if re.match(r"\s*-\s*(?:based|headquartered|registered|flagged)\b", text[hit.end :]):
            continue  # "a Seoul-based research group": located there, not the state speaking
        country = hit.iso2
        break
    if country is None:
        # "its envoy to the IAEA", "ambassador to the UN": posted to the body, not its voice
        orgs = [o for o in gaz.organisations(text) if not _POSTED_TO.search(text, 0, o.start)]
        if orgs:
            country = orgs[0].state
            affiliation = affiliation or orgs[0].canonical
    role = text
    if name:
        role = text.replace(name, "").strip(" ,")
    if affiliation and role:
        role = role.replace(affiliation, "").strip(" ,")
    role_text = re.sub(r"^(?:the|a|an|of|of\s+the)\s+|\s+(?:of|of\s+the)$", "", role).strip()
    return Speaker(text, name, role_text or None, affiliation, country)


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z’'-]+|[A-Z]\.|[A-Z][a-z]+-[A-Z][a-z]+)$")


def _lone_surname(text: str, gaz: Gazetteer) -> bool:
    if not _NAME_WORD.match(text) or text.lower() in gaz.titles or BACK_REFERENCE.match(text):
        return False
    if _GROUP_NOUN.fullmatch(text):
        return False  # "Diplomats said": a group, not a surname
    return not gaz.countries(text) and not gaz.organisations(text)


def _trailing_name(text: str, gaz: Gazetteer) -> str | None:
    """The capitalised words that end the phrase after its title or role words:
    "Mongolian Deputy Foreign Minister Batbayar Dorj" -> "Batbayar Dorj"."""
    words = text.split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip(",")
        if not _NAME_WORD.match(bare) or bare.lower().rstrip(".") in gaz.titles:
            break
        if gaz.countries(bare) or gaz.organisations(bare):
            break
        name.insert(0, bare)
    if len(name) < 2:
        return None  # a lone surname is resolved against earlier speakers instead
    candidate = " ".join(name)
    start = len(text.rstrip(", ")) - len(candidate)
    if any(h.end > start for h in gaz.countries(text)) or any(
        o.end > start for o in gaz.organisations(text)
    ):
        return None  # "The United States", "the Security Council"
    return candidate


_LEAD_WORD = re.compile(
    r"(?:a|an|the|he|she|it|they|officials|diplomats|experts|analysts|sources|authorities|"
    r"investigators|inspectors|prosecutors|lawmakers)\b"
    # a title written in lower case before a name: "deputy labour minister Khamla Vongsa",
    # "foreign ministry spokesman Sok Pheap"
    r"|(?-i:(?:deputy|vice|acting|senior|chief|foreign|labou?r|interior|defen[cs]e|trade|"
    r"finance|ministry|minister|spokes(?:man|woman|person)|ambassador|envoy|secretary|under|"
    r"prime|president|director|official)\b(?:\s+[a-z-]+){0,4}\s+[A-Z])",
    re.IGNORECASE,
)


# people who speak as a group: "diplomats said", "diplomats who have seen the report"
_GROUPS = (
    r"diplomats|officials|sources|experts|analysts|people|investigators|inspectors"
    r"|researchers|officers|lawmakers|members|critics|observers|activists|witnesses"
)
_GROUP_NOUN = re.compile(_GROUPS, re.IGNORECASE)
# a relative clause cut from a group that speaks: "diplomats who have seen"
_RELATIVE_HEAD = re.compile(
    rf"\b({_GROUPS}|group|website|organi[sz]ation|institute|centre|center|agency|body|team"
    r"|panel|monitor|watchdog|firm|company|outlet|newspaper|service)"
    r"\s+(?:who|that|which)\s+\w.*$",
    re.IGNORECASE,
)


def clean_speaker(spk: str) -> str | None:
    spk = spk.strip()
    spk = re.sub(r"^(?:and|but|while|as|also|then|however|meanwhile)\s+", "", spk, flags=re.I)
    spk = _RELATIVE_HEAD.sub(r"\1", spk)  # "diplomats who have seen the report"
    if not spk or len(spk.split()) > 16 or _BAD_SPEAKER.search(spk):
        return None
    if re.search(r"\s(?:a|an|the)$", spk, re.I):
        return None  # "North Korea earned an estimated": the verb is an adjective here
    if not (spk[0].isupper() or _LEAD_WORD.match(spk)):
        return None
    return spk
