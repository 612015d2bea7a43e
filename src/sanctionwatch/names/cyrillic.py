"""Cyrillic to Latin: several romanisation systems, ASCII output."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["CYRILLIC_SYSTEMS", "romanize_cyrillic"]

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian, Belarusian, Serbian, Macedonian, Kazakh and other letters
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w", "ђ": "dj", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ә": "a", "ғ": "gh",
    "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ӣ": "i", "ӯ": "u",
    "ҷ": "j", "ҳ": "h", "ӑ": "a", "ӗ": "e", "ҫ": "s", "ӳ": "u",
}  # fmt: skip

# system -> (overrides of _COMMON, letters written with a leading y at the start of a word
# and after a vowel, hard or soft sign)
CYRILLIC_SYSTEMS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    # BGN/PCGN 1947 (Russian), apostrophes for the hard and soft signs dropped.
    "bgn": ({"ё": "yo"}, {"е": "ye", "ё": "yo"}),
    # Russian passports since 2013 (ICAO Doc 9303).
    "passport": ({"й": "i", "ю": "iu", "я": "ia", "ъ": "ie"}, {}),
    # ISO 9 / GOST 7.79-2000 system B, ASCII.
    "iso9": ({"й": "j", "х": "x", "ц": "cz", "щ": "shh", "ё": "yo"}, {}),
    # Scholarly transliteration with the diacritics dropped (ž z, č c, š s, x).
    "scholarly": (
        {"ж": "z", "х": "x", "ц": "c", "ч": "c", "ш": "s", "щ": "sc", "й": "j", "ю": "ju"}
        | {"я": "ja", "ё": "e"},
        {},
    ),
    # Simplified spellings common in the press and in western European usage.
    "simple": ({"х": "h", "щ": "sch", "ж": "j", "й": "i", "ё": "e", "ц": "c"}, {}),
}

_VOWELS = "аеёиоуыэюяіїєъьй"
_UKRAINIAN = re.compile("[іїєґ]")
_UKRAINIAN_OVERRIDES = {ord("г"): "h", ord("и"): "y"}


@lru_cache(maxsize=16)
def _tables(system: str) -> tuple[dict[int, str], dict[int, str], re.Pattern[str] | None]:
    """(translate table, the same for Ukrainian words, pattern of iotated letters)."""
    overrides, iotated = CYRILLIC_SYSTEMS[system]
    table = {ord(k): v for k, v in {**_COMMON, **overrides}.items()}
    pattern = None
    if iotated:
        letters = "".join(iotated)
        pattern = re.compile(f"(?:^|(?<=[{_VOWELS}\\s]))[{letters}]")
    return table, {**table, **_UKRAINIAN_OVERRIDES}, pattern


def romanize_cyrillic(word: str, system: str = "bgn") -> str:
    """Lower-case Cyrillic words in the given system ("bgn", "passport", "iso9",
    "scholarly", "simple"). Other characters pass through unchanged. Words with
    Ukrainian letters read г as h and и as y (Ukrainian national system)."""
    table, ukrainian_table, pattern = _tables(system)
    if pattern is not None:
        iotated = CYRILLIC_SYSTEMS[system][1]
        word = pattern.sub(lambda m: iotated[m.group(0)], word)
    if _UKRAINIAN.search(word):
        return word.translate(ukrainian_table)
    return word.translate(table)
