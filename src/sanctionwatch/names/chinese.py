"""Chinese characters: pinyin with family/given segmentation, and the Korean (Hanja)
reading of Korean names written in Chinese characters."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sanctionwatch.names._data import read_lines, read_table
from sanctionwatch.names.chinese_gloss import gloss_chinese_words
from sanctionwatch.names.hangul import romanize_hangul_name

__all__ = [
    "chinese_surnames",
    "gloss_han",
    "hanja_to_hangul",
    "romanize_chinese",
    "split_chinese_name",
]


@lru_cache(maxsize=1)
def chinese_surnames() -> dict[str, str | None]:
    """Family name -> its pinyin where the surname reading differs from the usual one."""
    table: dict[str, str | None] = {}
    for line in read_lines("chinese_surnames.txt"):
        parts = line.split()
        table.setdefault(parts[0], parts[1] if len(parts) > 1 else None)
    return table


@lru_cache(maxsize=1)
def _hanja() -> dict[str, str]:
    table: dict[str, str] = {}
    for reading, chars in read_table("hanja_korean.tsv"):
        for ch in chars:
            table.setdefault(ch, reading)
    return table


def hanja_to_hangul(text: str) -> str | None:
    """Korean reading of a name in Chinese characters (金正恩 -> 김정은), or None when a
    character is missing from the table."""
    table = _hanja()
    out = []
    for ch in text:
        reading = table.get(ch)
        if reading is None:
            return None
        out.append(reading)
    return "".join(out)


def split_chinese_name(name: str) -> tuple[str, str] | None:
    """(family, given) of a 2-4 character personal name starting with a known family
    name (two-character family names first), else None."""
    if not 2 <= len(name) <= 4:
        return None
    table = chinese_surnames()
    if len(name) >= 3 and name[:2] in table:
        return name[:2], name[2:]
    if name[0] in table:
        return name[0], name[1:]
    return None


@lru_cache(maxsize=1 << 14)
def _pinyin(text: str) -> tuple[str, ...]:
    """Pinyin syllables of a phrase (pypinyin's phrase dictionary picks readings)."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: its tables are large

    out = lazy_pinyin(text, style=Style.NORMAL, errors="ignore", v_to_u=True)
    return tuple(p.replace("ü", "u") for p in out if p.isalpha())


@lru_cache(maxsize=1)
def _name_readings() -> dict[str, str]:
    return {ch: reading for ch, reading in read_table("pinyin_name_readings.tsv")}


@lru_cache(maxsize=1 << 15)
def _char_readings(ch: str) -> tuple[str, ...]:
    """Readings of one character in names, tone marks removed, usual one first."""
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(ch))
    if not raw:
        return _pinyin(ch)[:1]
    readings: list[str] = []
    preferred = _name_readings().get(ch)
    if preferred:
        readings.append(preferred)
    for reading in raw.split(","):
        plain = "".join(c for c in unicodedata.normalize("NFD", reading) if c.isascii())
        if plain and plain not in readings:
            readings.append(plain)
    return tuple(readings)


def _name_pinyin(text: str, alternative: bool = False) -> list[str]:
    out = []
    for ch in text:
        readings = _char_readings(ch)
        if readings:
            out.append(readings[1] if alternative and len(readings) > 1 else readings[0])
    return out


def gloss_han(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The glossed forms of Chinese-character words that are not a personal name (see
    gloss_chinese_words); () when no word is known."""
    return gloss_chinese_words(words, _pinyin)


@lru_cache(maxsize=1 << 14)
def romanize_chinese(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Latin forms of Chinese-character words: ((text, method), ...).

    A personal name (one word of 2-4 characters starting with a family name) gives
    "pinyin" (jin zheng en), "pinyin-joined" (jin zhengen), "pinyin-alt" (the given name
    with the second reading of characters that have two) and, when every character has
    a Korean reading, the Korean forms of that reading ("hanja-mr": kim jong un, ...).
    Anything else gives the pinyin syllables of each word ("pinyin"), each word's
    syllables joined ("pinyin-joined") and, for names with words of the company glossary,
    the glossed forms of :func:`gloss_chinese_words` ("zh-gloss", "zh-gloss-pairs")."""
    out: list[tuple[str, str]] = []
    split = split_chinese_name(words[0]) if len(words) == 1 else None
    if len(words) == 2 and words[0] in chinese_surnames() and len(words[0] + words[1]) <= 4:
        split = words[0], words[1]  # written with a space: 金 正恩
    if split is not None:
        family, given = split
        reading = chinese_surnames().get(family)
        fam = reading or "".join(_name_pinyin(family))
        given_syllables = _name_pinyin(given)
        out.append((" ".join([fam, *given_syllables]), "pinyin"))
        out.append((f"{fam} {''.join(given_syllables)}", "pinyin-joined"))
        alt_syllables = _name_pinyin(given, alternative=True)
        if alt_syllables != given_syllables:  # a character with another reading
            out.append((f"{fam} {''.join(alt_syllables)}", "pinyin-alt"))
        fam_ko, given_ko = hanja_to_hangul(family), hanja_to_hangul(given)
        if fam_ko and given_ko:
            for text, method in romanize_hangul_name(fam_ko, (given_ko,)):
                out.append((text, f"hanja-{method}"))
    else:
        syllables = [_pinyin(w) for w in words]
        out.append((" ".join(s for word in syllables for s in word), "pinyin"))
        out.append((" ".join("".join(word) for word in syllables), "pinyin-joined"))
        out.extend(gloss_chinese_words(words, _pinyin))
    seen: set[str] = set()
    unique = []
    for text, method in out:
        if text and text not in seen:
            seen.add(text)
            unique.append((text, method))
    return tuple(unique)
