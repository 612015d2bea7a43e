"""Who is speaking: a state's own government, another government, or someone else.

A small table of country names, demonyms, capitals and government bodies maps the
speaker's name and affiliation to an ISO 3166-1 alpha-2 code. Independent sources
(UN panel of experts, "experts", analysts) are recognised by keywords.
"""

from __future__ import annotations

import re

from sanctionwatch.compliance.model import SourceKind

__all__ = ["INDEPENDENT_WORDS", "STATE_WORDS", "classify", "state_in"]

# Words that name a state or its government. Longest phrases are tried first.
STATE_WORDS: dict[str, str] = {
    "russia": "RU",
    "russian federation": "RU",
    "russian": "RU",
    "moscow": "RU",
    "kremlin": "RU",
    "china": "CN",
    "chinese": "CN",
    "beijing": "CN",
    "people's republic of china": "CN",
    "united states": "US",
    "u.s.": "US",
    "us": "US",
    "american": "US",
    "washington": "US",
    "white house": "US",
    "state department": "US",
    "treasury": "US",
    "north korea": "KP",
    "north korean": "KP",
    "dprk": "KP",
    "pyongyang": "KP",
    "south korea": "KR",
    "south korean": "KR",
    "seoul": "KR",
    "japan": "JP",
    "japanese": "JP",
    "tokyo": "JP",
    "united kingdom": "GB",
    "britain": "GB",
    "british": "GB",
    "london": "GB",
    "european union": "EU",
    "mongolia": "MN",
    "mongolian": "MN",
    "vietnam": "VN",
    "vietnamese": "VN",
    "poland": "PL",
    "polish": "PL",
    "qatar": "QA",
    "qatari": "QA",
    "kuwait": "KW",
    "malaysia": "MY",
    "nepal": "NP",
    "cambodia": "KH",
    "laos": "LA",
    "uganda": "UG",
    "ugandan": "UG",
    "kuwaiti": "KW",
    "malaysian": "MY",
    "nepalese": "NP",
    "cambodian": "KH",
    "namibia": "NA",
    "namibian": "NA",
    "iran": "IR",
    "iranian": "IR",
    "tehran": "IR",
    "syria": "SY",
    "syrian": "SY",
    "germany": "DE",
    "german": "DE",
    "berlin": "DE",
    "france": "FR",
    "french": "FR",
    "paris": "FR",
    "india": "IN",
    "indian": "IN",
    "singapore": "SG",
    "singaporean": "SG",
    "indonesia": "ID",
    "indonesian": "ID",
    "thailand": "TH",
    "thai": "TH",
    "myanmar": "MM",
    "philippines": "PH",
    "taiwan": "TW",
    "taiwanese": "TW",
    "hong kong": "HK",
    "ukraine": "UA",
    "ukrainian": "UA",
    "kyiv": "UA",
    "belarus": "BY",
    "belarusian": "BY",
    "egypt": "EG",
    "egyptian": "EG",
    "united arab emirates": "AE",
    "uae": "AE",
    "emirati": "AE",
    "angola": "AO",
    "angolan": "AO",
    "tanzania": "TZ",
    "mozambique": "MZ",
    "equatorial guinea": "GQ",
    "senegal": "SN",
    "nigeria": "NG",
    "nigerian": "NG",
}

# Words that mark a source as independent of any government.
INDEPENDENT_WORDS = (
    "panel of experts",
    "experts",
    "expert",
    "analyst",
    "analysts",
    "researcher",
    "researchers",
    "monitors",
    "un panel",
    "1718 committee",
    "ngo",
    "think tank",
    "iaea",
    "international atomic energy agency",
    "newspaper",
    "broadcaster",
    "news agency",
    "television network",
    "msmt",
)

_STATE_RE = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(w) for w in sorted(STATE_WORDS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
# "US" in upper case only, to avoid the pronoun "us".
_AMBIGUOUS = {"us"}


def state_in(text: str | None, *, exclude: tuple[str, ...] = ()) -> str | None:
    """The first state a piece of text names (ISO2), skipping those in ``exclude``."""
    if not text:
        return None
    for match in _STATE_RE.finditer(text):
        word = match.group(1)
        if word.lower() in _AMBIGUOUS and word != word.upper():
            continue
        code = STATE_WORDS[word.lower()]
        if code not in exclude:
            return code
    return None


def _independent(text: str) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in INDEPENDENT_WORDS)


def classify(
    subject_state: str, speaker: str | None, affiliation: str | None
) -> tuple[str | None, SourceKind]:
    """(speaker's state, source kind) for a statement about ``subject_state``."""
    text = " ".join(p for p in (affiliation, speaker) if p)
    if not text:
        return None, SourceKind.UNKNOWN
    if _independent(text) and not re.search(r"ministry|government|official", text, re.I):
        return None, SourceKind.INDEPENDENT
    # A UN body speaks for no state.
    if re.search(r"\b(united nations|u\.n\.|un)\b", text) and not state_in(text):
        return None, SourceKind.INDEPENDENT
    code = state_in(affiliation) or state_in(speaker)
    if code is None:
        return None, SourceKind.UNKNOWN
    if code == subject_state.upper():
        return code, SourceKind.OWN
    return code, SourceKind.THIRD_STATE
