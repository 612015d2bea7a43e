"""Small text helpers shared by the list parsers."""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.text.scripts import text_scripts

__all__ = ["clean", "script_code", "split_programmes"]

_WS = re.compile(r"\s+")

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


def clean(text: str | None) -> str | None:
    """Whitespace collapsed and trimmed; ``None`` for empty or ``-0-`` values."""
    if text is None:
        return None
    out = _WS.sub(" ", text).strip()
    if not out or out == "-0-":
        return None
    return out


@lru_cache(maxsize=4096)
def script_code(text: str) -> str | None:
    """ISO 15924 code of the dominant script of ``text`` (``None`` if it has no letters).

    Han mixed with Hangul counts as Hangul, Han with kana as Japanese.
    """
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
