"""Hebrew script to Latin: unvowelled, so a consonant reading and consonant skeletons.

Hebrew writes few vowels: א ע ה (at the end) and the matres lectionis ו י stand for
vowels or for nothing, ב כ פ read b/v, k/kh, p/f. A name is given a plain consonant
reading ("hebrew": עדן לוי -> "edn lvi") and two consonant skeletons of the kind
:func:`sanctionwatch.names.arabic.consonant_skeleton` gives for a Latin spelling (Eden
-> "dn", Levy -> "lb", Federman -> "pdrmn"): one with ו read as a vowel, one with ו
read as v. Skeleton forms are compared by skeleton, never by spelling.
"""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names.arabic import merge_doubles

__all__ = ["romanize_hebrew"]

MIN_SKELETON = 3  # consonants a skeleton form needs in all

# Plain reading of each letter (final forms included); vowels and points drop out.
_READING = {
    "א": "a", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "v", "ז": "z", "ח": "kh",
    "ט": "t", "י": "i", "כ": "k", "ך": "kh", "ל": "l", "מ": "m", "ם": "m", "נ": "n",
    "ן": "n", "ס": "s", "ע": "e", "פ": "p", "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k",
    "ר": "r", "ש": "sh", "ת": "t",
}  # fmt: skip
# Consonant of each letter in skeleton terms (see arabic.consonant_skeleton: vowels and
# y, w dropped, v read as b, f as p, digraphs as their first letter); "" for letters
# that stand for a vowel or a glottal stop.
_SKELETON = {
    "א": "", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "", "ז": "z", "ח": "k",
    "ט": "t", "י": "", "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n",
    "ן": "n", "ס": "s", "ע": "", "פ": "p", "ף": "p", "צ": "ts", "ץ": "ts", "ק": "k",
    "ר": "r", "ש": "s", "ת": "t",
}  # fmt: skip


# Letters read without dagesh (the usual reading inside a word): b -> v, k -> kh, p -> f.
_VOWELS = frozenset("aeiou")
_SOFT = {"ב": "v", "כ": "kh", "פ": "f"}


def _vav_consonant(word: str, i: int) -> bool:
    """Whether the ו at i reads v: first in the word, doubled (וו), or before a final
    י (Levi); elsewhere it is taken for the vowel o or u."""
    last = len(word) - 1
    return i == 0 or (i < last and word[i + 1] == "ו") or (i == last - 1 and word[last] == "י")


def _skeleton(word: str, every_vav: bool) -> str:
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        if ch == "ה" and i == last and i > 0:
            value = ""  # final he: a vowel (Amana, Lehava)
        elif ch == "ו" and (every_vav or _vav_consonant(word, i)):
            value = "b"  # v, folded to b as consonant_skeleton folds Latin v
        else:
            value = _SKELETON.get(ch, "")
        out.append(value)
    return merge_doubles("".join(out))


def _reading(word: str, soft: bool, vowels: bool = False) -> str:
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        value = _READING.get(ch, "")
        if ch == "ה" and i == last and i > 0:
            value = "a"
        elif ch == "ו":
            value = "v" if _vav_consonant(word, i) else "o"
        elif soft and ch in _SOFT and i > 0:
            value = _SOFT[ch]
        elif soft and ch == "פ":
            value = "f"  # initial p/f: foreign names (Federman) have f
        out.append(value)
    if (
        len(out) > 2
        and out[0]
        and out[1]
        and out[0][-1] not in _VOWELS
        and out[1][0] not in _VOWELS
    ):
        out[0] += "e"  # two consonants first: a vowel between them (להבה lehava)
    if vowels:  # a between every two consonants (אמנה amana)
        for i in range(len(out) - 1):
            nxt = out[i + 1]
            if out[i] and nxt and out[i][-1] not in _VOWELS and nxt[0] not in _VOWELS:
                out[i] += "a"
    return "".join(out)


@lru_cache(maxsize=1 << 12)
def romanize_hebrew(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Latin forms of Hebrew words: ((text, method), ...) with methods "hebrew" (a
    letter-by-letter reading, e after a first consonant followed by another),
    "hebrew-alt" (b, k, p read v, kh, f inside a word and an initial p read f),
    "hebrew-a" (the alt reading with a between any two consonants: אמנה amana),
    "hebrew-skeleton" (ו read as in the reading) and "hebrew-v-skeleton" (every ו as
    v); skeletons only with MIN_SKELETON consonants or more. A word with no consonant
    in skeleton terms keeps "a" there, so that every word stays a token."""
    out: list[tuple[str, str]] = []
    for soft, vowels, method in ((False, False, "hebrew"), (True, False, "hebrew-alt"),
                                 (True, True, "hebrew-a")):  # fmt: skip
        reading = " ".join(r for r in (_reading(w, soft, vowels) for w in words) if r)
        if reading and all(reading != text for text, _ in out):
            out.append((reading, method))
    for vav, method in ((False, "hebrew-skeleton"), (True, "hebrew-v-skeleton")):
        parts = [_skeleton(w, vav) or "a" for w in words if w]
        skeleton = " ".join(parts)
        if sum(len(p) for p in parts) < MIN_SKELETON:
            continue  # one or two consonants match too many names
        if all(skeleton != text for text, _ in out):
            out.append((skeleton, method))
    return tuple(out)
