"""latin_forms: Latin renderings of a name in any script, each labelled with its method."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

from sanctionwatch.names.arabic import romanize_arabic
from sanctionwatch.names.chinese import romanize_chinese
from sanctionwatch.names.cyrillic import CYRILLIC_SYSTEMS, romanize_cyrillic
from sanctionwatch.names.cyrillic_gloss import gloss_cyrillic_words
from sanctionwatch.names.hangul import (
    contract_glides,
    romanize_hangul_name,
    romanize_hangul_word,
    split_hangul_name,
    surnames,
)
from sanctionwatch.names.hebrew import romanize_hebrew
from sanctionwatch.names.japanese import gloss_japanese
from sanctionwatch.names.korean_gloss import gloss_hangul_words
from sanctionwatch.names.text import normalize, script_of

__all__ = ["LatinForm", "ascii_fold", "latin_forms"]

MAX_FORMS = 12


class LatinForm(NamedTuple):
    """A Latin rendering of a name: lower-case ASCII tokens separated by single spaces,
    and the method that produced it ("latin", "mr", "rr", "pinyin", "bgn", ...)."""

    text: str
    method: str


@lru_cache(maxsize=1 << 16)
def ascii_fold(text: str) -> str:
    """Normalised lower-case ASCII tokens of text (any script, via anyascii)."""
    if text.isascii():
        return normalize(text)
    return normalize(anyascii(text))


Forms = tuple[tuple[str, str], ...]


def _hangul(words: tuple[str, ...]) -> Forms:
    syllables = sum(len(w) for w in words)
    if len(words) == 1:
        split = split_hangul_name(words[0])
        if split is not None:
            return _hangul_name(split[0], (split[1],))
    elif syllables <= 5 and len(words) <= 3 and words[0] in surnames():
        return _hangul_name(words[0], words[1:])
    whole = tuple(
        (" ".join(romanize_hangul_word(w, system) for w in words), system)
        for system in ("mr", "mr-ch", "rr")
    )
    return whole + gloss_hangul_words(words)


def _hangul_name(family: str, given: tuple[str, ...]) -> Forms:
    """A Korean personal name's romanisations, and those of the given name with its
    split glides joined (names.hangul.contract_glides: 니오 as 뇨)."""
    forms = romanize_hangul_name(family, given)
    joined = tuple(contract_glides(g) or g for g in given)
    if joined == given:
        return forms
    more = romanize_hangul_name(family, joined)
    return forms + tuple(f for f in more if f not in forms)


def _cyrillic(words: tuple[str, ...]) -> Forms:
    text = " ".join(words)
    forms = tuple((romanize_cyrillic(text, system), system) for system in CYRILLIC_SYSTEMS)
    return forms + gloss_cyrillic_words(words, romanize_cyrillic)


# Greek digraphs read as in the Greek standard ELOT 743 (passports): ου -> ou, αυ -> av ...
_GREEK_DIGRAPHS = (("ου", "ou"), ("ού", "ou"), ("αυ", "av"), ("αύ", "av"), ("ευ", "ev"),
                   ("εύ", "ev"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"))  # fmt: skip


def _greek(words: tuple[str, ...]) -> Forms:
    text = " ".join(words)
    elot = text
    for digraph, latin in _GREEK_DIGRAPHS:
        elot = elot.replace(digraph, latin)
    return ((anyascii(elot), "elot"), (anyascii(text), "anyascii"))


def _other(words: tuple[str, ...]) -> Forms:
    return ((" ".join(anyascii(w) for w in words), "anyascii"),)


def _japanese(words: tuple[str, ...]) -> Forms:
    return _other(words) + gloss_japanese(words)


_HANDLERS: dict[str, Callable[[tuple[str, ...]], Forms]] = {
    "Hang": _hangul,
    "Hani": romanize_chinese,
    "Cyrl": _cyrillic,
    "Arab": romanize_arabic,
    "Grek": _greek,
    "Hebr": romanize_hebrew,
    "Jpan": _japanese,
}


def _segments(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Runs of consecutive words in the same script (digits join the run before)."""
    runs: list[tuple[str, list[str]]] = []
    for word in words:
        script = script_of(word)
        if script == "Zyyy" and runs:
            script = runs[-1][0]
        if runs and runs[-1][0] == script:
            runs[-1][1].append(word)
        else:
            runs.append((script, [word]))
    return [(script, tuple(ws)) for script, ws in runs]


@lru_cache(maxsize=1 << 16)
def _latin_forms(text: str) -> tuple[LatinForm, ...]:
    norm = normalize(text)
    if not norm:
        return ()
    if norm.isascii():
        return (LatinForm(norm, "latin"),)
    segments = _segments(norm.split())
    per_segment: list[Forms] = []
    main, main_len = 0, -1
    for i, (script, words) in enumerate(segments):
        if script in ("Latn", "Zyyy"):
            per_segment.append(((" ".join(words), "latin"),))
            continue
        handler = _HANDLERS.get(script, _other)
        forms = handler(words) or _other(words)
        per_segment.append(forms)
        if sum(len(w) for w in words) > main_len:
            main, main_len = i, sum(len(w) for w in words)
    if main_len < 0:  # Latin letters with diacritics, digits, marks
        folded = ascii_fold(norm)
        return (LatinForm(folded, "latin"),) if folded else ()
    out: list[LatinForm] = []
    seen: set[str] = set()
    latin = [forms[0][0] for forms in per_segment if forms[0][1] == "latin"]
    if latin and any(ch.isalpha() for text in latin for ch in text):
        # Two renderings side by side ("KIM Ho Kyu 김호규", "Jin Tiesan (金铁三)"): each
        # alone first, then the two together.
        for text, method in per_segment[main]:
            folded = ascii_fold(text)
            if folded and folded not in seen:
                seen.add(folded)
                out.append(LatinForm(folded, method))
        folded = ascii_fold(" ".join(latin))
        if folded and folded not in seen:
            seen.add(folded)
            out.append(LatinForm(folded, "latin"))
    for k in range(len(per_segment[main])):
        parts = [forms[k] if k < len(forms) else forms[0] for forms in per_segment]
        folded = ascii_fold(" ".join(p[0] for p in parts))
        if folded and folded not in seen:
            seen.add(folded)
            out.append(LatinForm(folded, per_segment[main][k][1]))
        if len(out) >= MAX_FORMS:
            break
    return tuple(out)


def latin_forms(text: str) -> list[LatinForm]:
    """Latin renderings of a name. Latin input gives [LatinForm(normalize(text), "latin")]
    (diacritics folded to ASCII); Hangul gives McCune-Reischauer and Revised Romanization
    forms with unspaced names segmented ("김정은" -> "kim jong un", "gim jeong eun", ...);
    Chinese gives pinyin (and the Korean reading of Korean names); Cyrillic gives BGN/PCGN,
    passport, ISO 9, scholarly and simple forms; Arabic gives usual spellings and a
    consonant skeleton; Hebrew gives a consonant reading and skeletons; Greek gives
    ELOT 743 digraphs and anyascii; other scripts go through anyascii. A name written
    in Latin and another script side by side gives the other script's forms alone and
    the Latin words alone before the forms of the whole. Every text is lower-case ASCII
    tokens separated by single spaces; an input without letters or digits gives []."""
    return list(_latin_forms(text))
