"""Small text helpers shared by the list parsers."""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.text.scripts import text_scripts

__all__ = ["clean", "clean_name", "script_code", "split_alias_notes", "split_programmes"]


# Unicode script long names (as rigour reports them) -> ISO 15924 codes.
_ISO15924 = {
    "Latin": "Latn",
    "Hangul": "Hang",
    "Han": "Hani",
    "Hiragana": "Jpan",
    "Katakana": "Jpan",
    "Cyrillic": "Cyrl",
    "Arabic": "Arab",
    "Greek": "Grek",
    "Hebrew": "Hebr",
    "Thai": "Thai",
    "Devanagari": "Deva",
    "Georgian": "Geor",
    "Armenian": "Armn",
    "Syriac": "Syrc",
    "Thaana": "Thaa",
    "Bengali": "Beng",
    "Ethiopic": "Ethi",
    "Myanmar": "Mymr",
    "Khmer": "Khmr",
    "Tamil": "Taml",
    "Gurmukhi": "Guru",
    "Tibetan": "Tibt",
    "Mongolian": "Mong",
    "Lao": "Laoo",
}


# Invisible format characters that can hide or reorder text (bidi overrides, zero-width
# spaces, BOM...). ZWJ/ZWNJ (U+200D/U+200C) stay: they change how Persian/Indic words read.
_FORMAT_CHARS = re.compile(
    r"[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str | None) -> str | None:
    """Whitespace collapsed and trimmed, control and invisible format characters removed;
    ``None`` for empty or ``-0-`` values."""
    if not text:
        return None
    if not text.isascii():
        text = _FORMAT_CHARS.sub("", text)
    if not text.isprintable():
        text = _CONTROL_CHARS.sub("", text)
    out = " ".join(text.split())
    if not out or out == "-0-":
        return None
    return out


# Quote pairs wrapped around whole names. A single ASCII apostrophe is left alone: it
# transliterates the Arabic ayn ("'ABD ALLAH, 'Issam 'Ali").
_QUOTE_PAIRS = {('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’")}


def clean_name(text: str | None) -> str | None:
    """:func:`clean`, then quotes wrapped around the whole name removed."""
    value = clean(text)
    while value and len(value) > 1 and (value[0], value[-1]) in _QUOTE_PAIRS:
        value = clean(value[1:-1])
    return value


@lru_cache(maxsize=4096)
def script_code(text: str) -> str | None:
    """ISO 15924 code of the dominant script of ``text`` (``None`` if it has no letters).

    Han mixed with Hangul counts as Hangul, Han with kana as Japanese.
    """
    if text.isascii():
        return "Latn" if any(ch.isalpha() for ch in text) else None
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            scripts = text_scripts(ch)
            if scripts:
                name = next(iter(scripts))
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    if "Hangul" in counts:
        return "Hang"
    if "Hiragana" in counts or "Katakana" in counts:
        return "Jpan"
    name = max(counts, key=lambda k: counts[k])
    return _ISO15924.get(name, name[:4].title())


def split_programmes(text: str | None) -> list[str]:
    """OFAC-style program fields: ``"DPRK3] [DPRK4"`` -> ``["DPRK3", "DPRK4"]``."""
    if not text:
        return []
    out: list[str] = []
    for part in re.split(r"[\[\];]+", text):
        value = clean(part.strip("[] "))
        if value and value not in out:
            out.append(value)
    return out


# Other names written into a name field: "X (Aliases: A, B)", "X A.K.A Y", "f.k.a.: Y".
_ALIAS_NOTE = re.compile(r"\s*\((?:aliases|alias|a\.k\.a\.?|aka)\s*:?\s*([^()]+)\)\s*$", re.I)
_AKA_INSIDE = re.compile(r"\s+a\.k\.a\.?:?\s+", re.I)
_FORMER_NOTE = re.compile(r"^f\.k\.a\.?\s*:?\s*", re.I)


def split_alias_notes(text: str) -> tuple[str, list[str], bool]:
    """A name field that also gives other names, split: the name itself, the other
    names, and whether the name is marked as a former one. "Korea General Corporation
    for External Construction (Aliases: KOGEN, GENCO)" -> ("Korea General Corporation
    for External Construction", ["KOGEN", "GENCO"], False); "DANA HOLDINGS A.K.A DANA
    ASTRA" -> ("DANA HOLDINGS", ["DANA ASTRA"], False); "f.k.a.: NADA" -> ("NADA", [],
    True). A name without such a note comes back as it is."""
    former = False
    marked = _FORMER_NOTE.match(text)
    if marked and marked.end() < len(text):
        text, former = text[marked.end() :], True
    others: list[str] = []
    note = _ALIAS_NOTE.search(text)
    if note and note.start() > 0:
        others = [p.strip() for p in re.split(r"[,;]", note.group(1)) if p.strip()]
        text = text[: note.start()]
    parts = _AKA_INSIDE.split(text)
    if len(parts) > 1 and all(p.strip() for p in parts):
        text, others = parts[0], [p.strip() for p in parts[1:]] + others
    return text.strip(), others, former
