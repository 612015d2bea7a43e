"""What the organisation glossaries tell the scorer: which English words they supply
(generic company words: technology, trading, industrial), and how a proper name spelt
out in Chinese characters sounds in consonants (普萊米樂 pulaimile for Premera)."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_table

__all__ = ["GLOSS_TABLES", "brand_sound", "gloss_words"]

GLOSS_TABLES = ("chinese_gloss.tsv", "korean_gloss.tsv", "cyrillic_gloss.tsv", "arabic_gloss.tsv")


@lru_cache(maxsize=1)
def gloss_words() -> frozenset[str]:
    """Every English word of the organisation glossaries' renderings."""
    words: set[str] = set()
    for table in GLOSS_TABLES:
        for row in read_table(table):
            if len(row) > 1:
                for rendering in row[1].split("|"):
                    words.update(rendering.lower().split())
    return frozenset(words)


# Chinese writes a foreign name with the syllables nearest its sounds: no r (l stands
# for it), no voiced stops (b, d, g for p, t, k and the other way), pinyin x for s and
# sh, q, zh and j for ch and j; vowels and h vary freely. Folded so, both spellings
# give one key: S for the s-like sounds, C for the ch-like ones, a leading "_" for a
# word that starts with a vowel (Yason is not Xinnuo).
_DIGRAPHS = (("sch", "S"), ("tch", "C"), ("zh", "C"), ("ch", "C"), ("sh", "S"), ("ph", "f"),
             ("th", "t"), ("ck", "k"), ("ts", "C"), ("tz", "C"), ("ng", "n"))  # fmt: skip
_FOLD = str.maketrans("rbdgvxsqjzc", "lptkwSSCCCk", "aeiouyh")


@lru_cache(maxsize=1 << 14)
def brand_sound(token: str) -> str:
    """The consonants of a Latin token as Chinese transliteration keeps them: "pulaimile"
    and "premera" give "plml", "xinnuo" and "sinno" "Sn" ("china" "Cn"), "baoli" and
    "poly" "pl", "niuwei" and "neway" "n" + "w"."""
    text = token
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    lead = "_" if text[:1] in "aeiouyw" else ""
    text = text.translate(_FOLD)
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return lead + "".join(out)
