"""Hangul: syllable decomposition, McCune-Reischauer (as on sanctions lists) and Revised
Romanization, and family/given segmentation of personal names."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from sanctionwatch.names._data import read_table
from sanctionwatch.names.variants import variant_classes

__all__ = [
    "HangulSurname",
    "contract_glides",
    "decompose",
    "is_hangul_syllable",
    "korean_syllables",
    "romanize_hangul_name",
    "romanize_hangul_word",
    "romanized_syllables",
    "split_hangul_name",
    "surnames",
]

_BASE = 0xAC00
_LAST = 0xD7A3

# Initial consonants: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_MR_INITIAL = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h")  # fmt: skip
_MR_CH_INITIAL = (*_MR_INITIAL[:12], "ch", "tch", *_MR_INITIAL[14:])
_MR_VOICED = {0: "g", 3: "d", 7: "b", 12: "j"}  # after a vowel or a sonorant final
_RR_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h")  # fmt: skip
# Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_MR_VOWEL = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "u", "ui", "i")  # fmt: skip
_RR_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
# Common South Korean spellings of name syllables: ㅓ -> u (sung, chul), ㅕ -> yu (hyun).
_POP_VOWEL = ("a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
# Finals: (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
          "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
_SONORANT_FINALS = frozenset({0, 4, 8, 16, 21})  # none, ㄴ, ㄹ, ㅁ, ㅇ


class HangulSurname(NamedTuple):
    hangul: str
    mr: tuple[str, ...]  # first: the usual spelling on sanctions lists
    rr: str
    popular: tuple[str, ...]


@lru_cache(maxsize=1)
def surnames() -> dict[str, HangulSurname]:
    """Korean family names from data/korean_surnames.tsv, keyed by Hangul."""
    table: dict[str, HangulSurname] = {}
    for hangul, mr, rr, popular in read_table("korean_surnames.tsv"):
        table.setdefault(
            hangul, HangulSurname(hangul, tuple(mr.split("|")), rr, tuple(popular.split("|")))
        )
    return table


def is_hangul_syllable(ch: str) -> bool:
    return _BASE <= ord(ch) <= _LAST


def decompose(ch: str) -> tuple[int, int, int]:
    """(initial, vowel, final) jamo indexes of a precomposed Hangul syllable."""
    index = ord(ch) - _BASE
    if not 0 <= index <= _LAST - _BASE:
        raise ValueError(f"not a Hangul syllable: {ch!r}")
    return index // 588, (index % 588) // 28, index % 28


# A vowel and the same vowel after a y glide (jamo indexes): a ㅏ, ae ㅐ, eo ㅓ, e ㅔ, o ㅗ,
# u ㅜ and ya ㅑ, yae ㅒ, yeo ㅕ, ye ㅖ, yo ㅛ, yu ㅠ.
_GLIDES = {0: 2, 1: 3, 4: 6, 5: 7, 8: 12, 13: 17}
_I, _NO_ONSET = 20, 11  # the vowel ㅣ, the silent initial ㅇ


def contract_glides(given: str) -> str | None:
    """The given name with each syllable in i and no final that is followed by a vowel
    alone (니오 ni-o) written as one syllable with a y glide (뇨 nyo), as a foreign or
    hurried spelling splits it (량수니오 for RYANG Su Nyo); None when it has none."""
    out: list[str] = []
    changed = False
    k = 0
    while k < len(given):
        ch = given[k]
        nxt = given[k + 1] if k + 1 < len(given) else ""
        if is_hangul_syllable(ch) and nxt and is_hangul_syllable(nxt):
            initial, vowel, final = decompose(ch)
            initial2, vowel2, final2 = decompose(nxt)
            if vowel == _I and final == 0 and initial2 == _NO_ONSET and vowel2 in _GLIDES:
                out.append(chr(_BASE + (initial * 21 + _GLIDES[vowel2]) * 28 + final2))
                changed = True
                k += 2
                continue
        out.append(ch)
        k += 1
    return "".join(out) if changed else None


@lru_cache(maxsize=1 << 15)
def _syllable(ch: str, system: str, prev_final: int | None) -> str:
    """One syllable. prev_final is the previous syllable's final inside the same word
    (None at the start of a word): McCune-Reischauer voices k/t/p/ch after vowels and
    sonorants there."""
    initial, vowel, final = decompose(ch)
    if system == "rr":
        onset = _RR_INITIAL[initial]
        nucleus = _RR_VOWEL[vowel]
    else:
        onset = (_MR_CH_INITIAL if system == "mr-ch" else _MR_INITIAL)[initial]
        if prev_final is not None and prev_final in _SONORANT_FINALS and initial in _MR_VOICED:
            onset = _MR_VOICED[initial]
        nucleus = _POP_VOWEL[vowel] if system == "popular" else _MR_VOWEL[vowel]
    if initial == 5 and prev_final in (4, 8):  # ㄴ/ㄹ + ㄹ -> l
        onset = "l"
    return onset + nucleus + _FINAL[final]


def romanize_hangul_word(word: str, system: str = "mr") -> str:
    """A Hangul word as one Latin word (organisations, places): "조선" -> "joson" (mr),
    "joseon" (rr). Non-Hangul characters are kept as they are."""
    out: list[str] = []
    prev: int | None = None
    for ch in word:
        if is_hangul_syllable(ch):
            out.append(_syllable(ch, system, prev))
            prev = decompose(ch)[2]
        else:
            out.append(ch)
            prev = None
    return "".join(out)


def split_hangul_name(name: str) -> tuple[str, str] | None:
    """(family, given) of an unspaced Hangul personal name, or None when it does not look
    like one (2 to 5 syllables starting with a known family name)."""
    if not 2 <= len(name) <= 5 or not all(is_hangul_syllable(ch) for ch in name):
        return None
    table = surnames()
    if len(name) >= 3 and name[:2] in table:
        return name[:2], name[2:]
    if name[0] in table and len(name) <= 4:
        return name[0], name[1:]
    return None


def _surname_forms(family: str, system: str) -> tuple[str, ...]:
    entry = surnames().get(family)
    if entry is None:
        return (romanize_hangul_word(family, "rr" if system == "rr" else "mr"),)
    if system == "rr":
        return (entry.rr,)
    if system == "popular":
        return entry.popular
    if system == "mr-ch":
        return entry.mr[1:2] or entry.mr[:1]
    return entry.mr[:1]


@lru_cache(maxsize=1 << 14)
def romanize_hangul_name(family: str, given: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Romanisations of a Korean personal name, one syllable per token as on DPRK list
    entries: ((text, method), ...). Methods: "mr" (McCune-Reischauer as used on UN/OFAC
    entries: 김정은 -> kim jong un), "mr-ch" (ㅈ as ch: kim chong un), "mr-voiced" (medial
    voicing in the given name: kim su gwang), "rr" (Revised Romanization: gim jeong eun),
    "rr-kim" (RR with the customary family name spelling: kim jeong eun), "popular"
    (common South Korean spellings: lee young chul)."""
    syllables = [ch for part in given for ch in part if is_hangul_syllable(ch)]
    if not syllables:
        return ()
    mr = _given_text(given, "mr", False)
    rr = _given_text(given, "rr", False)
    candidates = [(fam, mr, "mr") for fam in _surname_forms(family, "mr")]
    candidates += [(fam, _given_text(given, "mr-ch", False), "mr-ch")
                   for fam in _surname_forms(family, "mr-ch")]  # fmt: skip
    candidates.append((candidates[0][0], _given_text(given, "mr", True), "mr-voiced"))
    candidates += [(fam, rr, "rr") for fam in _surname_forms(family, "rr")]
    entry = surnames().get(family)
    if entry is not None:
        candidates.append((entry.popular[0], rr, "rr-kim"))
        popular = _given_text(given, "popular", False)
        candidates += [(fam, popular, "popular") for fam in entry.popular]
    results: dict[str, str] = {}
    for fam, given_text, method in candidates:
        results.setdefault(f"{fam} {given_text}", method)
    return tuple(results.items())


@lru_cache(maxsize=1 << 14)
def _given_text(given: tuple[str, ...], system: str, voiced: bool) -> str:
    """Given name syllable by syllable; with voiced, medial consonants inside each part
    are voiced as in running McCune-Reischauer (수광 -> su gwang)."""
    out: list[str] = []
    for part in given:
        prev: int | None = None
        for ch in part:
            if _BASE <= ord(ch) <= _LAST:
                out.append(_syllable(ch, system, prev if voiced else None))
                prev = (ord(ch) - _BASE) % 28
    return " ".join(out)


@lru_cache(maxsize=1)
def romanized_syllables() -> frozenset[str]:
    """Latin spellings of Hangul syllables: every onset, vowel and final spelling of
    McCune-Reischauer (with and without voicing, ㅈ as j and ch), Revised Romanization and
    popular usage combined, plus the surname table's spellings and the name-part variant
    classes whose key is such a syllable ("soo", "hoon", "young")."""
    onsets = {*_MR_INITIAL, *_MR_CH_INITIAL, *_RR_INITIAL, *_MR_VOICED.values(), "l"}
    vowels = {*_MR_VOWEL, *_RR_VOWEL, *_POP_VOWEL}
    finals = set(_FINAL)
    out = {o + v + f for o in onsets for v in vowels for f in finals}
    for entry in surnames().values():
        if len(entry.hangul) == 1:
            out.update(entry.mr)
            out.update(entry.popular)
    for spelling, key in variant_classes().items():
        if key in out:
            out.add(spelling)
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def korean_syllables(token: str, extra: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """Split a romanised Korean word into syllables: "kyongchol" -> ("kyong", "chol"),
    "jongun" -> ("jong", "un"). Fewest syllables win, then the longest first syllable.
    None when the token cannot be read as romanised Korean syllables. Many short
    non-Korean name parts also split (ali -> a li), so use it where Korean names are
    expected. extra adds spellings to the inventory."""
    inventory = romanized_syllables() | extra if extra else romanized_syllables()
    n = len(token)
    if not token.isascii() or not token.isalpha() or n > 24:
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 1, -1, -1):
        choice: tuple[str, ...] | None = None
        for j in range(min(n, i + 7), i, -1):  # longest first piece first
            rest = best[j]
            if rest is not None and token[i:j] in inventory:
                candidate = (token[i:j], *rest)
                if choice is None or len(candidate) < len(choice):
                    choice = candidate
        best[i] = choice
    return best[0]
