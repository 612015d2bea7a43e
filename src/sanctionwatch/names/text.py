"""Text normalisation for names: Unicode clean-up, case folding, homoglyphs, scripts."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from sanctionwatch.errors import InputError
from sanctionwatch.names._data import read_table

__all__ = ["compact", "fold_homoglyphs", "normalize", "script_of", "tokens"]

# Apostrophes and similar marks are dropped inside words ("Sa'd" -> "sad", "O'Brien" -> "obrien").
_APOSTROPHES = "'`´ʹʻʼʽʾʿˈ‘’‛′″"
# Arabic diacritics (harakat), tatweel, variation selectors, combining grapheme joiner.
_DROP_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x0640, 0x0640),
    (0x034F, 0x034F),
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)
_CACHE_LIMIT = 0x40000
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc"})
_DROP_CATEGORIES = frozenset({"Cf", "Cs", "Co", "Cn"})


class _CleanTable(dict[int, str | None]):
    """A str.translate table that fills itself in on first sight of a code point."""

    def __missing__(self, cp: int) -> str | None:
        value = _classify(cp)
        if cp < _CACHE_LIMIT:  # planes 4-16 (unassigned, private use) are not kept
            self[cp] = value
        return value


def _classify(cp: int) -> str | None:
    ch = chr(cp)
    if ch in _APOSTROPHES:
        return None
    for low, high in _DROP_RANGES:
        if low <= cp <= high:
            return None
    cat = unicodedata.category(ch)
    if cat in _SPACE_CATEGORIES:
        return " "
    if cat in _DROP_CATEGORIES:
        return None
    if cat[0] in "PS":
        return " "
    if cat == "Nd" and cp > 127:
        return str(unicodedata.decimal(ch))
    return ch


_CLEAN = _CleanTable()
_ASCII_CLEAN = {cp: _classify(cp) for cp in range(128)}
for _cp in range(ord("A"), ord("Z") + 1):
    _ASCII_CLEAN[_cp] = chr(_cp + 32)


def _load_homoglyphs() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """(to Latin, Latin to Cyrillic, Latin to Greek) translate tables."""
    to_latin: dict[int, str] = {}
    to_cyrillic: dict[int, str] = {}
    to_greek: dict[int, str] = {}
    for other, latin in read_table("homoglyphs.tsv"):
        to_latin[ord(other)] = latin
        if other.islower():
            reverse = to_greek if 0x0370 <= ord(other) <= 0x03FF else to_cyrillic
            reverse.setdefault(ord(latin), other)
    return to_latin, to_cyrillic, to_greek


_TO_LATIN, _TO_CYRILLIC, _TO_GREEK = _load_homoglyphs()

# ISO 15924 script of a code point, by ranges (start of range -> code).
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"),
    (0x0061, 0x007A, "Latn"),
    (0x00C0, 0x024F, "Latn"),
    (0x0250, 0x02AF, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0700, 0x074F, "Syrc"),
    (0x0750, 0x077F, "Arab"),
    (0x0780, 0x07BF, "Thaa"),
    (0x0860, 0x08FF, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"),
    (0x0A80, 0x0AFF, "Gujr"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Laoo"),
    (0x1000, 0x109F, "Mymr"),
    (0x10A0, 0x10FF, "Geor"),
    (0x1100, 0x11FF, "Hang"),
    (0x1200, 0x139F, "Ethi"),
    (0x1780, 0x17FF, "Khmr"),
    (0x1C80, 0x1C8F, "Cyrl"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2C00, 0x2C5F, "Glag"),
    (0x2C60, 0x2C7F, "Latn"),
    (0x2DE0, 0x2DFF, "Cyrl"),
    (0x2E80, 0x2FDF, "Hani"),
    (0x3005, 0x3007, "Hani"),
    (0x3040, 0x309F, "Hira"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA640, 0xA69F, "Cyrl"),
    (0xA720, 0xA7FF, "Latn"),
    (0xA960, 0xA97F, "Hang"),
    (0xAB30, 0xAB6F, "Latn"),
    (0xAC00, 0xD7AF, "Hang"),
    (0xD7B0, 0xD7FF, "Hang"),
    (0xF900, 0xFAFF, "Hani"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0xFF21, 0xFF3A, "Latn"),
    (0xFF41, 0xFF5A, "Latn"),
    (0xFFA0, 0xFFDC, "Hang"),
    (0x20000, 0x323AF, "Hani"),
)
_SCRIPT_STARTS = [start for start, _, _ in _SCRIPT_RANGES]


def char_script(ch: str) -> str | None:
    """ISO 15924 code of one letter, or None for a non-letter or an unlisted script."""
    cp = ord(ch)
    if cp < 128:
        return "Latn" if ch.isalpha() else None
    i = bisect_right(_SCRIPT_STARTS, cp) - 1
    if i >= 0:
        start, end, code = _SCRIPT_RANGES[i]
        if start <= cp <= end and ch.isalpha():
            return code
    return "Zyyy" if ch.isalpha() else None


class _ScriptTable(dict[int, str | None]):
    """str.translate table: code point -> one-character script tag (None: not a letter)."""

    def __missing__(self, cp: int) -> str | None:
        script = char_script(chr(cp))
        value = None if script is None else _SCRIPT_TAG[script]
        if cp < _CACHE_LIMIT:
            self[cp] = value
        return value


_SCRIPT_CODES = sorted({code for _, _, code in _SCRIPT_RANGES} | {"Zyyy"})
_SCRIPT_TAG = {code: chr(0x41 + i) for i, code in enumerate(_SCRIPT_CODES)}
_TAG_SCRIPT = {tag: code for code, tag in _SCRIPT_TAG.items()}
_SCRIPTS = _ScriptTable()
_LATN, _CYRL, _GREK = _SCRIPT_TAG["Latn"], _SCRIPT_TAG["Cyrl"], _SCRIPT_TAG["Grek"]
_KANA = frozenset({_SCRIPT_TAG["Hira"], _SCRIPT_TAG["Kana"]})


def fold_homoglyphs(word: str) -> str:
    """Fold look-alike letters in a word that mixes Latin with Cyrillic or Greek.

    The minority script is folded into the majority one: "Kіm" (Cyrillic і) -> "Kim";
    "Пyтин" (Latin y) -> "Путин". A word in one script is returned unchanged.
    """
    tags = word.translate(_SCRIPTS)
    latin = tags.count(_LATN)
    if not latin:
        return word
    cyrillic, greek = tags.count(_CYRL), tags.count(_GREK)
    other = cyrillic + greek
    if not other:
        return word
    if cyrillic > latin == word.count("i") + word.count("I"):
        # Only Latin i among more Cyrillic letters: Ukrainian or Belarusian і typed
        # on a keyboard without it ("Нiкiтiн" is Нікітін, not "hikitih")
        return word.translate(_TO_CYRILLIC)
    if latin >= other or all(
        ord(ch) in _TO_LATIN for ch in word if _SCRIPTS[ord(ch)] not in (_LATN, None)
    ):
        return word.translate(_TO_LATIN)
    return word.translate(_TO_GREEK if greek > cyrillic else _TO_CYRILLIC)


def _strip_marks(word: str) -> str:
    """Drop combining marks with no letter before them."""
    i = 0
    while i < len(word) and unicodedata.category(word[i])[0] == "M":
        i += 1
    return word[i:] if i else word


# Geresh and gershayim (or the ASCII quotes typed for them) inside a Hebrew word mark
# an abbreviation (להב"ה, צה"ל): part of the word, not punctuation.
_HEBREW_MARK = re.compile("(?<=[\u05d0-\u05ea])[\"'\u05f3\u05f4](?=[\u05d0-\u05ea])")


def _normalize_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if ('"' in text or "'" in text or "\u05f3" in text or "\u05f4" in text) and (
        _HEBREW_MARK.search(text)
    ):
        text = _HEBREW_MARK.sub("", text)
    text = text.translate(_CLEAN)
    words = text.split()
    if not text.isascii():
        words = [w if w.isascii() else fold_homoglyphs(_strip_marks(w)) for w in words]
        words = [w for w in words if w]
    text = " ".join(words)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text


def _is_stable(text: str) -> bool:
    """Whether _normalize_once would leave text as it is (checked cheaply)."""
    return (
        text.casefold() == text
        and unicodedata.is_normalized("NFKC", text)
        and text.translate(_CLEAN) == text
    )


@lru_cache(maxsize=1 << 17)
def normalize(text: str) -> str:
    """NFKC, case-folded, invisible/format characters removed, homoglyphs folded in
    mixed-script words, apostrophes dropped, other punctuation and hyphens turned into
    spaces, whitespace collapsed. Idempotent. Raises InputError for a non-string."""
    if not isinstance(text, str):
        raise InputError(f"a name must be a string, not {type(text).__name__}")
    if text.isascii():
        return " ".join(text.translate(_ASCII_CLEAN).split())
    result = _normalize_once(text)
    if _is_stable(result):
        return result
    for _ in range(4):  # NFKC and case folding do not always commute; settle on a fixpoint
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


def tokens(text: str) -> list[str]:
    """Normalised tokens of a name."""
    return list(_tokens(text))


def compact(text: str) -> str:
    """Normalised name with spaces removed: "Jong-un", "Jong Un", "Jongun" -> "jongun"."""
    return "".join(_tokens(text))


@lru_cache(maxsize=1 << 14)
def script_of(text: str) -> str:
    """Dominant ISO 15924 script code of the letters in text ("Latn", "Hang", "Hani",
    "Cyrl", "Arab", ...); "Zyyy" when there are no letters; "Jpan" when kana occur.
    Ties go to the script seen first."""
    if not isinstance(text, str):
        raise InputError(f"a name must be a string, not {type(text).__name__}")
    tags = text.translate(_SCRIPTS)
    if not tags:
        return "Zyyy"
    seen = dict.fromkeys(tags)
    if not _KANA.isdisjoint(seen):
        return "Jpan"
    if len(seen) == 1:
        return _TAG_SCRIPT[tags[0]]
    return _TAG_SCRIPT[max(seen, key=tags.count)]
