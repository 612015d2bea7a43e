"""Name-part variant classes and phonetic keys."""

from __future__ import annotations

from functools import lru_cache

from rigour.text.phonetics import metaphone

from sanctionwatch.errors import InputError
from sanctionwatch.names._data import read_lines

__all__ = ["phonetic", "variant_classes", "variant_key"]


@lru_cache(maxsize=1)
def variant_classes() -> dict[str, str]:
    """spelling -> class key, from data/name_variants.txt. A line whose spellings already
    belong to a class joins that class."""
    key_of: dict[str, str] = {}
    for line in read_lines("name_variants.txt"):
        members = line.split()
        key = next((key_of[m] for m in members if m in key_of), members[0])
        for member in members:
            key_of.setdefault(member, key)
    return key_of


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
