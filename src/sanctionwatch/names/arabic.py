"""Arabic script (Arabic, Persian, Pashto, Urdu letters) to Latin."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_table

__all__ = ["consonant_skeleton", "romanize_arabic"]

_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "", "ؤ": "", "ئ": "",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ټ": "t", "ځ": "z",
    "ډ": "d", "ړ": "r", "ږ": "zh", "ښ": "sh", "ګ": "g", "ڼ": "n", "ۍ": "ai", "ې": "e",
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ھ": "h", "ہ": "h", "ۀ": "h", "ۓ": "e", "ے": "e",
    "ڤ": "v", "ڨ": "g",
}  # fmt: skip
# Letter forms unified before looking a word up.
_UNIFY = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ی": "ي", "ى": "ي", "ک": "ك", "ہ": "ه", "ۀ": "ه"}
)
_SKELETON_DROP = frozenset("اويىةءؤئعیۍېےۓ")
_LATIN_VOWELS = str.maketrans("", "", "aeiouyw")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for word, spellings in read_table("arabic_names.tsv"):
        table.setdefault(word.translate(_UNIFY), tuple(spellings.split("|")))
    return table


_CONSONANT_END = frozenset("bcdfghjklmnpqrstvxz")


def _letters(word: str) -> str:
    """Letter-by-letter reading of a unified word (see _UNIFY). Long vowels come from the
    letters (ا a, و u, ي i between consonants); short vowels are guessed: a after the
    first consonant when a second follows, i in the pattern CāCiC (طاهر tahir), an initial
    ع as a, a final ه after a consonant as a (زاده zada), a final زي as zai (اچکزي achakzai)."""
    if len(word) > 3 and word.endswith("زي"):
        return _letters(word[:-2]) + "zai"
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        value = _LETTERS.get(ch, ch)
        if ch == "و" and i > 0:
            value = "u" if word[i - 1] != "ا" else "w"
        elif ch == "ي" and 0 < i < last:
            value = "i" if word[i - 1] not in "اوي" else "y"
        elif ch == "ي" and i == last and i > 0:
            value = "i"
        elif (ch == "ع" and i == 0 and last > 0 and word[1] not in "اوي") or (
            ch == "ه" and i == last and i > 1 and out[-1][-1:] in _CONSONANT_END
        ):
            value = "a"
        out.append(value)
    if (
        len(word) == 4
        and word[1] == "ا"
        and word[3] not in "هة"
        and all(_LETTERS.get(c, "a")[-1:] in _CONSONANT_END for c in (word[0], word[2], word[3]))
    ):
        out[2] += "i"
    text = "".join(out)
    first, second = [*out, "", ""][:2]
    if first and second and first[-1] not in "aeiou" and second[0] not in "aeiou":
        text = first + "a" + "".join(out[1:])
    return text


def _word_forms(word: str) -> tuple[str, ...]:
    key = word.translate(_UNIFY)
    lex = _lexicon()
    if key in lex:
        return lex[key]
    if key.startswith("ال") and len(key) > 3:
        rest = _word_forms(key[2:])
        return tuple(f"al {r}" for r in rest)
    if key.startswith("عبد") and len(key) > 4:
        rest = _word_forms(key[3:])
        if rest[0].startswith("al "):
            return (f"abd {rest[0]}", f"abdul {rest[0][3:]}", f"abd{rest[0][3:]}")
        return (f"abd {rest[0]}", f"abdul {rest[0]}")
    if key.endswith("الله") and len(key) > 4:
        rest = _word_forms(key[:-4])
        return (f"{rest[0]}ullah", f"{rest[0]} allah")
    if key.startswith("عبد") and len(key) > 3 and key[3:].startswith("ال"):
        rest = _word_forms(key[3:])
        return (f"abd {rest[0]}", f"abdul {rest[0][3:]}")
    return (_letters(key),)


@lru_cache(maxsize=1 << 14)
def romanize_arabic(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Latin forms of Arabic-script words: ((text, method), ...) with methods "arabic"
    (usual spellings), "arabic-alt" (second spellings) and "arabic-skeleton"
    (consonants only, as consonant_skeleton gives for a Latin spelling)."""
    words = _join_compounds(words)
    forms = [_word_forms(w) for w in words]
    primary = " ".join(f[0] for f in forms)
    alternative = " ".join(f[1] if len(f) > 1 else f[0] for f in forms)
    skeleton = " ".join(_skeleton_arabic(w) for w in words)
    out = [(primary, "arabic")]
    if alternative != primary:
        out.append((alternative, "arabic-alt"))
    if skeleton and skeleton not in (primary, alternative):
        out.append((skeleton, "arabic-skeleton"))
    return tuple(out)


def _join_compounds(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "عبد" + next word and word + "الله" are one name: عبد الله -> abdullah."""
    out: list[str] = []
    for word in words:
        key = word.translate(_UNIFY)
        last = out[-1].translate(_UNIFY) if out else ""
        if last == "عبد" or (key == "الله" and last and not last.endswith("الله")):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def _skeleton_arabic(word: str) -> str:
    key = word.translate(_UNIFY)
    if key.endswith("الله"):
        return consonant_skeleton(_skeleton_arabic(key[:-4]) + "lh") if len(key) > 4 else "lh"
    if key.startswith("ال") and len(key) > 3:
        return "l " + _skeleton_arabic(key[2:])
    letters = "".join(_LETTERS.get(ch, "") for ch in key if ch not in _SKELETON_DROP)
    return consonant_skeleton(letters)


# Spellings of one consonant folded together: digraphs (dh/d, kh/k, th/t, gh/g, sh/s,
# ph/f, tz/ts), q/k, and v/b, f/p (one Hebrew letter each; Arabic has no p or v).
_DIGRAPHS = (("dh", "d"), ("kh", "k"), ("th", "t"), ("gh", "g"), ("sh", "s"), ("ph", "p"),
             ("tz", "ts"))  # fmt: skip
_FOLD = str.maketrans({"q": "k", "v": "b", "f": "p"})


@lru_cache(maxsize=1 << 16)
def consonant_skeleton(token: str) -> str:
    """Consonants of a Latin token, doubled letters merged, spellings of one consonant
    folded together (dh/d, kh/k, th/t, gh/g, sh/s, q/k, v/b, f/p): "mohammed",
    "muhammad" and Arabic محمد all give "mhmd", "fadhil" and فاضل "pdl"."""
    text = token
    if "h" in text or "z" in text:
        for digraph, single in _DIGRAPHS:
            text = text.replace(digraph, single)
    text = text.translate(_FOLD).translate(_LATIN_VOWELS)
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
