"""Arabic script (Arabic, Persian, Pashto, Urdu letters) to Latin."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.names._data import read_table

__all__ = ["WRITTEN_I", "consonant_skeleton", "merge_doubles", "romanize_arabic"]

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
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ی": "ي",
        "ى": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ۀ": "ه",
        "ھ": "ه",
    }
)


@lru_cache(maxsize=1 << 14)
def _unify(word: str) -> str:
    """A word with its letter forms unified (see _UNIFY)."""
    return word.translate(_UNIFY)


_SKELETON_DROP = frozenset("اويىةءؤئعیۍېےۓ")
_LATIN_VOWELS = str.maketrans("", "", "aeiouyw")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for word, spellings in read_table("arabic_names.tsv"):
        table.setdefault(_unify(word), tuple(spellings.split("|")))
    return table


_CONSONANT_END = frozenset("bcdfghjklmnpqrstvxz")


# Persian readings where they differ from the Arabic ones (ض ذ ظ z, ث ص s, ق gh, و v).
_PERSIAN = {"ض": "z", "ذ": "z", "ظ": "z", "ث": "s", "ص": "s", "ق": "gh"}
_PERSIAN_LETTERS = frozenset("پچژگکیۀ")


def _letters(word: str, persian: bool = False) -> str:
    """Letter-by-letter reading of a unified word (see _UNIFY). Long vowels come from the
    letters (ا a, و u, ي i between consonants); short vowels are guessed: a after the
    first consonant when a second follows, i in the pattern CāCiC (طاهر tahir), an initial
    ع as a, a final ه after a consonant as a (زاده zada), a final زي as zai (اچکزي achakzai)."""
    if len(word) > 3 and word.endswith("زي"):
        return _letters(word[:-2], persian) + "zai"
    if persian and len(word) == 5 and word[1] == "ا" and word[-1] == "ي" and word[-2] not in "اوي":
        return _letters(word[:-1], persian) + "i"  # Persian واحدی vahedi: CāCeC and -i
    if len(word) > 3 and word[-2:] in ("يه", "ية") and word[-3] not in "اوي":
        return _letters(word[:-2], persian) + "iya"  # زينيه zayniya, -iyah / -iye
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        value = _LETTERS.get(ch, ch)
        if persian:
            value = _PERSIAN.get(ch, value)
        if ch == "و" and i > 0 and persian and _persian_v(word, i):
            # Persian v after a consonant: before a long a (صلوات salvat), and in the
            # ending -avi (موسوی musavi, صفوی safavi)
            value = "av" if i == last - 1 else "v"
        elif ch == "و" and i > 0:
            # w after a long a or before one (نوال nawal, تایدواتر taydwatr), else u
            value = "w" if word[i - 1] == "ا" or (i < last and word[i + 1] == "ا") else "u"
        elif ch == "و" and persian:
            value = "v"
        elif ch == "ي" and 0 < i < last:
            # Persian -ian after a stem of 3 letters or more (فاضلیان fazelian, بنیان bonyan)
            vowel_next = word[i + 1] == "ا" and not (persian and i >= 3 and word[i + 1 :] == "ان")
            value = "i" if word[i - 1] not in "اوي" and not vowel_next else "y"
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
        and (word[0] in "وي" or _LETTERS.get(word[0], "a")[-1:] in _CONSONANT_END)
        and all(_LETTERS.get(c, "a")[-1:] in _CONSONANT_END for c in (word[2], word[3]))
    ):
        out[2] += "e" if persian else "i"
    if persian and len(out) > 1 and word[-1] == "ه" and out[-1] == "a":
        out[-1] = "eh"  # زاده zadeh
    text = "".join(out)
    # ع and ء are not written: the next letter is the second consonant (يعقوب yaqub)
    second_at = 2 if len(out) > 2 and not out[1] and word[1] in "عء" else 1
    first, second = [*out, "", "", ""][0], [*out, "", "", ""][second_at]
    if first and second and first[-1] not in "aeiou" and second[0] not in "aeiou":
        text = first + "a" + "".join(out[1:])
    return text


def _persian_v(word: str, i: int) -> bool:
    """Whether the و at ``i`` of a unified Persian word is the consonant v: after a
    consonant, before a long a or before a final ی (-avi)."""
    if i == 0 or word[i - 1] in "اوي" or i + 1 >= len(word):
        return False
    return word[i + 1] == "ا" or (i + 2 == len(word) and word[i + 1] == "ي")


# First names that Persian and Afghan names join to the next one (Mohammadreza, Alireza).
_JOINED_HEADS = ("محمد", "علي", "احمد")


def _split_head(key: str) -> tuple[str, str] | None:
    """(head, rest) of a unified word that joins a first name of _JOINED_HEADS to a
    known name (محمدتقی), else None."""
    for head in _JOINED_HEADS:
        if key.startswith(head) and key[len(head) :] in _lexicon():
            return head, key[len(head) :]
    return None


# Persian name suffixes written joined to the name on the lists (Hassanzadeh, Rezapour),
# and the Pashto clan suffix khel (شهيد خيل: SHAHIDKHEL).
_SUFFIXES = (("زاده", ("zadeh", "zada")), ("پور", ("pour", "pur")), ("خيل", ("khel", "khail")))
_SUFFIX_WORDS = frozenset(suffix for suffix, _ in _SUFFIXES)


@lru_cache(maxsize=1 << 14)
def _word_forms(word: str, persian: bool = False) -> tuple[str, ...]:
    key = _unify(word)
    lex = _lexicon()
    if key in lex:
        return lex[key]
    if len(key) > 4 and key.endswith("زي") and key[:-2] in lex:  # اسحاقزي ishaqzai
        return tuple(f"{h}zai" for h in lex[key[:-2]][:2])
    for suffix, latin in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            head = _word_forms(key[: -len(suffix)], persian)
            return tuple(f"{h.replace(' ', '')}{tail}" for tail in latin for h in head[:2])
    split = _split_head(key)
    if split is not None:  # محمدتقی, علیرضا: two names written as one word
        first, tail = lex[split[0]], lex[split[1]]
        return tuple(
            dict.fromkeys(f"{first[i % len(first)]} {tail[i % len(tail)]}" for i in (0, 1))
        )
    if key.startswith("ال") and len(key) > 3:
        rest = _word_forms(key[2:], persian)
        return tuple(f"al {r}" for r in rest)
    if key.startswith("ابوال") and len(key) > 6:
        # Abu joined to the article (ابوالقاسم): abu al qasim, and as the lists join it,
        # Abulqasim, or in Persian names Abolghasem
        after = _word_forms(key[3:], persian)[0]
        return (f"abu {after}", f"{'abol' if persian else 'abul'}{after[3:]}")
    if key.startswith("بن") and key[2:] in lex and len(key) > 4:
        # bin written joined to the father's name (بنحسين): ben hassine
        father = lex[key[2:]]
        return (f"bin {father[0]}", f"ben {father[-1]}")
    if key.startswith("وال") and len(key) > 5:
        # the conjunction wa before the article (والجهاد): wal jihad
        after = _word_forms(key[1:], persian)[0]
        return (f"wal {after[3:]}", f"wa {after}")
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
    return (_letters(key, persian),)


@lru_cache(maxsize=1 << 14)
def romanize_arabic(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Latin forms of Arabic-script words: ((text, method), ...) with methods "arabic"
    (usual spellings), "arabic-alt" (second spellings), "arabic-fa" (Persian readings,
    for names with Persian letters), "arabic-skeleton" (consonants only, as
    consonant_skeleton gives for a Latin spelling), "arabic-gloss" (organisation words
    in English, see _gloss) and, for compounds such as عز الدين,
    "arabic-joined" (izzuddin), "arabic-joined-alt" (ezzeddine) and
    "arabic-joined-skeleton" (zdn); "arabic-joined-name" for two first names written
    as one word (علیرضا: "ali reza" above, "alireza" here). A name whose last words
    repeat the ones before them ("شيخ الفاتح ، الفاتح") also gets the forms without the
    repeat, their methods as "arabic-unique", "arabic-unique-skeleton" ..."""
    n = len(words)
    for k in range(1, n // 2 + 1):
        if words[n - 2 * k : n - k] == words[n - k :]:
            # A name written twice ("شيخ الفاتح ، الفاتح"): also read once.
            once = tuple(
                (text, f"arabic-unique{method[6:]}") for text, method in _forms(words[: n - k])
            )
            return (*_forms(words), *once)
    return _forms(words)


def _forms(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    persian = not _PERSIAN_LETTERS.isdisjoint("".join(words))
    words = _join_compounds(words)
    forms = [_word_forms(w) for w in words]
    primary = " ".join(f[0] for f in forms)
    alternative = " ".join(f[1] if len(f) > 1 else f[0] for f in forms)
    skeleton = " ".join(_skeleton_word(w) for w in words)
    out = [(primary, "arabic")]
    if alternative != primary:
        out.append((alternative, "arabic-alt"))
    if persian:
        fa_forms = [_word_forms(w, persian=True) for w in words]
        farsi = " ".join(f[1] if len(f) > 1 else f[0] for f in fa_forms)
        if farsi not in (primary, alternative):
            out.append((farsi, "arabic-fa"))
    # A skeleton of lone consonants ("b d" for أبو دعاء) pairs with too many names.
    longest = max((len(t.removesuffix(WRITTEN_I)) for t in skeleton.split()), default=0)
    if longest > 1 and skeleton not in (primary, alternative):
        out.append((skeleton, "arabic-skeleton"))
    if persian:
        fa_skeleton = " ".join(_skeleton_word(w, persian=True) for w in words)
        if fa_skeleton != skeleton:
            out.append((fa_skeleton, "arabic-fa-skeleton"))
    if longest > 1:
        # ذ ظ ض ث are read differently from country to country: ظ as dh in Iraq and the
        # Gulf (كاظم Kadhim as well as Kazim), ذ ظ ض as z and ث as s in the Levant,
        # Egypt, Turkey and Iran (منذر Munzir as well as Mundhir).
        done = {skeleton, fa_skeleton} if persian else {skeleton}
        for letters, method in (
            (_DH_READING, "arabic-dh-skeleton"),
            (_Z_READING, "arabic-z-skeleton"),
        ):
            if persian and method == "arabic-z-skeleton":
                continue  # the Persian skeleton reads them so already
            other = " ".join(_skeleton_word(w.translate(letters)) for w in words)
            if other not in done:
                done.add(other)
                out.append((other, method))
    if any(_split_head(_unify(w)) is not None for w in words):
        # the two names also joined, as the lists often write them (Alireza)
        joined_names = " ".join(
            f[-1].replace(" ", "") if _split_head(_unify(w)) else f[0]
            for w, f in zip(words, forms, strict=True)
        )
        out.append((joined_names, "arabic-joined-name"))
    glossed = _gloss(words)
    if glossed is not None:
        out.append((glossed[0], "arabic-gloss"))
        if glossed[1] != glossed[0]:
            out.append((glossed[1], "arabic-gloss-alt"))
    joined = _join_din(words)
    if joined != words:
        text = " ".join(_joined_word(w) for w in joined)
        out.append((text, "arabic-joined"))
        alt = " ".join(_joined_word(w, 1) for w in joined)
        if alt != text:
            out.append((alt, "arabic-joined-alt"))
        out.append((" ".join(_skeleton_word(w) for w in joined), "arabic-joined-skeleton"))
    return tuple(out)


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    return {_unify(word): english for word, english in read_table("arabic_gloss.tsv")}


def _gloss(words: tuple[str, ...]) -> tuple[str, str] | None:
    """Organisation words in English, the rest romanised (الجماعة الاسلامية المقاتلة
    الليبية -> "group islamic fighting libyan"): with each word's first rendering, and
    with its second where it has one ("fighting|combatant"). None when no word is
    known."""
    table = _glossary()
    first: list[str] = []
    second: list[str] = []
    found = False
    for word in words:
        key = _unify(word)
        english = _gloss_word(table, key)
        if english is None and key.startswith("و") and len(key) > 3:
            inner = _gloss_word(table, key[1:])  # the conjunction wa: والشام and levant
            english = None if inner is None else "|".join(f"and {e}" for e in inner.split("|"))
        if english is None:
            first.append(_word_forms(word)[0])
            second.append(first[-1])
            continue
        found = True
        choices = english.split("|")
        first.append(choices[0])
        second.append(choices[-1])
    return (" ".join(first), " ".join(second)) if found else None


def _gloss_word(table: dict[str, str], key: str) -> str | None:
    """The English of a unified word: whole, without the article ال, or with ة written
    as ه."""
    english = table.get(key)
    if english is None and key.startswith("ال") and len(key) > 3:
        english = table.get(key[2:])
    if english is None and key.endswith("ه"):  # ة written as ه
        english = table.get(key[:-1] + "ة") or table.get(key[2:-1] + "ة")
    return english


# Second parts of compound names ('Izz al-Din, 'Aziz al-Rahman) that the lists often
# write joined to the first (Ezzedine, Azizirahman, Najmuddin), with the joined endings
# (eastern, and North African as in Ezzeddine, Abderrahmane).
_JOINED_ENDS = {
    "الدين": ("uddin", "eddine"),
    "الرحمن": ("urrahman", "errahmane"),
    "الرحمان": ("urrahman", "errahmane"),
    "الحق": ("ulhaq", "elhak"),
}


def _join_din(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for word in words:
        key = _unify(word)
        # one end per word: "الدين الدين" joins once, the second stays a word
        joinable = out and "|" not in out[-1] and not _unify(out[-1]).startswith("ال")
        if key in _JOINED_ENDS and joinable:
            out[-1] = f"{out[-1]}|{key}"
        else:
            out.append(word)
    return tuple(out)


def _joined_word(word: str, which: int = 0) -> str:
    forms = _word_forms(word.split("|")[0])
    first = forms[which] if which < len(forms) else forms[0]
    if "|" not in word:
        return first
    return first.replace(" ", "") + _JOINED_ENDS[word.split("|")[1]][which]


def _join_compounds(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "عبد" + next word and word + "الله" are one name: عبد الله -> abdullah."""
    out: list[str] = []
    for word in words:
        key = _unify(word)
        if len(key) > 4 and key.endswith("عبد"):  # written without its space: محمدعبد
            out.append(word[:-3])
            word = key = "عبد"
        last = _unify(out[-1]) if out else ""
        if last == "عبد" or (
            last and ((key == "الله" and not last.endswith("الله")) or key in _SUFFIX_WORDS)
        ):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


# A skeleton token ends in this letter (never one of a skeleton's consonants) where the
# word ends in a written long i (ي, Persian ی) after a consonant: the script writes that
# vowel, so a Latin spelling that ends in a consonant is another name ("محمدی",
# Mohammadi, is not Muhammad; "الحسيني" is al-Husseini, not Hussein). See
# screening.tokensim.skeleton_similarity.
WRITTEN_I = "i"
_FINAL_I = frozenset("يی")
_LONG_VOWELS = frozenset("اآأإيىی")  # و before a final ي is a consonant: -awi, -avi


def _skeleton_word(word: str, persian: bool = False) -> str:
    """A word's consonant skeleton, marked with :data:`WRITTEN_I` where the word ends in
    a written long i after a consonant and the skeleton has three consonants or more
    (a short name such as علي is left as it is)."""
    skeleton = _skeleton_arabic(word, persian)
    if (
        len(word) >= 3
        and word[-1] in _FINAL_I
        and word[-2] not in _LONG_VOWELS
        and len(skeleton.rsplit(" ", 1)[-1]) >= 3
    ):
        return skeleton + WRITTEN_I
    return skeleton


@lru_cache(maxsize=1 << 14)
def _skeleton_arabic(word: str, persian: bool = False) -> str:
    key = _unify(word)
    if "|" in key:  # a joined compound (see _join_din): its article assimilated
        head, end = key.split("|")
        return merge_doubles(_skeleton_arabic(head).replace(" ", "") + _skeleton_arabic(end[2:]))
    if key.endswith("الله"):
        return merge_doubles(_skeleton_arabic(key[:-4]) + "lh") if len(key) > 4 else "lh"
    if key.startswith("ال") and len(key) > 3:
        return "l " + _skeleton_arabic(key[2:], persian)
    table = _skeleton_table(persian)
    letters = [table.get(ch, "") for ch in key]
    if persian:
        for i, ch in enumerate(key):
            if ch == "و" and _persian_v(key, i):
                letters[i] = "b"  # v, as consonant_skeleton folds it
    return merge_doubles("".join(letters))


@lru_cache(maxsize=2)
def _skeleton_table(persian: bool) -> dict[str, str]:
    """Arabic letter -> its consonant in skeleton terms ("" for vowel letters)."""
    table = {ch: _skeleton_letter(ch) for ch in _LETTERS if ch not in _SKELETON_DROP}
    if persian:
        table.update(_PERSIAN_SKELETON)
    return table


_PERSIAN_SKELETON = {"ض": "z", "ذ": "z", "ظ": "z", "ث": "s"}
# The other readings of those letters, as substitutions of letters (see _forms).
_DH_READING = str.maketrans({"ظ": "ذ"})
_Z_READING = str.maketrans({"ذ": "ز", "ظ": "ز", "ض": "ز", "ث": "س"})


def _skeleton_letter(ch: str) -> str:
    """One Arabic letter in consonant_skeleton's terms (folded, never a digraph)."""
    value = _LETTERS.get(ch, "")
    for digraph, single in _DIGRAPHS:
        if value == digraph:
            return single
    return value.translate(_FOLD).translate(_LATIN_VOWELS)


def merge_doubles(text: str) -> str:
    """Runs of one letter merged into one: "mhhmd" -> "mhmd"."""
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


# Spellings of one consonant folded together: digraphs (dh/d, kh/k, th/t, gh/g, sh/s,
# ph/f, tz/ts, and French dj/j: Djamel), q/k, and v/b, f/p (one Hebrew letter each;
# Arabic has no p or v).
_DIGRAPHS = (("dh", "d"), ("kh", "k"), ("th", "t"), ("gh", "g"), ("sh", "s"), ("ph", "p"),
             ("tz", "ts"), ("dj", "j"))  # fmt: skip
_FOLD = str.maketrans({"q": "k", "v": "b", "f": "p"})


@lru_cache(maxsize=1 << 16)
def consonant_skeleton(token: str) -> str:
    """Consonants of a Latin token, doubled letters merged, spellings of one consonant
    folded together (dh/d, kh/k, th/t, gh/g, sh/s, dj/j, q/k, v/b, f/p): "mohammed",
    "muhammad" and Arabic محمد all give "mhmd", "fadhil" and فاضل "pdl"."""
    text = token
    if "h" in text or "z" in text or "dj" in text:
        for digraph, single in _DIGRAPHS:
            text = text.replace(digraph, single)
    return merge_doubles(text.translate(_FOLD).translate(_LATIN_VOWELS))
