"""The name functions screening uses, taken from :mod:`sanctionwatch.names`.

Until that package provides them, a minimal stand-in keeps screening usable on Latin
names: NFKC + casefold, invisible characters dropped, punctuation to spaces, and an
ASCII transliteration. It is replaced by the real functions as soon as they exist.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

__all__ = [
    "LatinForm",
    "latin_forms",
    "legal_form",
    "normalize",
    "phonetic",
    "script_of",
    "strip_titles",
    "tokens",
    "variant_key",
]


class LatinForm(NamedTuple):
    text: str
    method: str


def _fallback_normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(
        " " if unicodedata.category(ch)[0] in "PZS" or ch in "\t\n\r" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cf", "Cc", "Mn") or ch in "\t\n\r"
    )
    return " ".join(text.split())


def _fallback_tokens(text: str) -> list[str]:
    return _fallback_normalize(text).split()


def _fallback_script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("HANGUL"):
                return "Hang"
            if name.startswith("CJK"):
                return "Hani"
            if name.startswith("CYRILLIC"):
                return "Cyrl"
            if name.startswith("ARABIC"):
                return "Arab"
            return "Latn"
    return "Zyyy"


def _fallback_latin_forms(text: str) -> list[Any]:
    from anyascii import anyascii

    norm = _fallback_normalize(text)
    ascii_form = _fallback_normalize(anyascii(norm))
    if ascii_form == norm:
        return [LatinForm(norm, "latin")]
    return [LatinForm(ascii_form, "anyascii")]


def _fallback_strip_titles(toks: list[str]) -> list[str]:
    return toks


_LEGAL = re.compile(
    r"\b(ltd|limited|llc|inc|co|corp|corporation|company|gmbh|jsc|ojsc|pjsc|sa|ag|plc)\b\.?$"
)


def _fallback_legal_form(text: str) -> tuple[str, str | None]:
    match = _LEGAL.search(text)
    if match is None:
        return text, None
    return text[: match.start()].strip(), match.group(1)


def _fallback_variant_key(token: str) -> str:
    return token


@lru_cache(maxsize=65536)
def _fallback_phonetic(token: str) -> str:
    import jellyfish

    return str(jellyfish.metaphone(token))


def _pick(name: str, fallback: Callable[..., Any]) -> Callable[..., Any]:
    from sanctionwatch import names

    found = getattr(names, name, None)
    return found if callable(found) else fallback


normalize: Callable[[str], str] = _pick("normalize", _fallback_normalize)
tokens: Callable[[str], list[str]] = _pick("tokens", _fallback_tokens)
script_of: Callable[[str], str] = _pick("script_of", _fallback_script_of)
latin_forms: Callable[[str], list[Any]] = _pick("latin_forms", _fallback_latin_forms)
strip_titles: Callable[[list[str]], list[str]] = _pick("strip_titles", _fallback_strip_titles)
legal_form: Callable[[str], tuple[str, str | None]] = _pick("legal_form", _fallback_legal_form)
variant_key: Callable[[str], str] = _pick("variant_key", _fallback_variant_key)
phonetic: Callable[[str], str] = _pick("phonetic", _fallback_phonetic)
