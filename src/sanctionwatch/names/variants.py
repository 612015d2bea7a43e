"""Name-part variant classes and phonetic keys."""

from __future__ import annotations

from functools import lru_cache

from rigour.text.phonetics import metaphone

from sanctionwatch.errors import InputError
from sanctionwatch.names._data import read_lines
from sanctionwatch.names.glossary import gloss_words

__all__ = ["phonetic", "variant_classes", "variant_key"]


@lru_cache(maxsize=1)
def variant_classes() -> dict[str, str]:
    """spelling -> class key, from data/name_variants.txt. A line whose spellings already
    belong to a class joins that class. The English plural of a word the organisation
    glossaries supply is in the word's class (technologies: technology, systems:
    system): a glossed query says "technology" where the list may say "technologies"."""
    key_of: dict[str, str] = {}
    for line in read_lines("name_variants.txt"):
        members = line.split()
        key = next((key_of[m] for m in members if m in key_of), members[0])
        for member in members:
            key_of.setdefault(member, key)
    for word in sorted(gloss_words(), key=lambda w: (len(w), w)):  # singulars first
        if len(word) >= 4:
            key_of.setdefault(english_plural(word), key_of.setdefault(word, word))
    return key_of


def english_plural(word: str) -> str:
    """The regular English plural of a lower-case noun: industry -> industries, service
    -> services, bus -> buses."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u", ""):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def variant_key(token: str) -> str:
    """One key per name-part variant class (ri/lee/yi/rhee -> "ri"; pak/park/bak -> "pak");
    a token outside every class is its own key. Expects a normalised token; other
    capitalisations are looked up case-folded ("Lee" -> "ri")."""
    classes = variant_classes()
    key = classes.get(token)
    if key is None:
        key = classes.get(token.casefold(), token)
    return key


@lru_cache(maxsize=1 << 16)
def phonetic(token: str) -> str:
    """Metaphone key of a normalised Latin token ("" when it has no Latin letters);
    tokens in other scripts are folded to ASCII first."""
    if not isinstance(token, str):
        raise InputError(f"a name part must be a string, not {type(token).__name__}")
    if not token.isascii():
        from sanctionwatch.names.translit import ascii_fold

        token = ascii_fold(token)
    return metaphone(token)
