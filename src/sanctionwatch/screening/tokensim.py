"""Similarity of two name tokens, and a per-query memo of it.

:func:`token_similarity` compares one query token with one list token.
:class:`TokenMatcher` keeps, for one query form, the list tokens met so far and the
query tokens each one pairs with, so that a token shared by many list names is
compared once per query and aligning a name visits each of its tokens once.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from sanctionwatch import names
from sanctionwatch.names.arabic import WRITTEN_I, merge_doubles
from sanctionwatch.names.glossary import brand_sound, gloss_words
from sanctionwatch.names.hangul import romanized_syllables
from sanctionwatch.screening.index import NameForm

__all__ = [
    "ARTICLES",
    "PAIR_MIN",
    "Pairing",
    "TokenMatcher",
    "is_guessed",
    "is_patronymic",
    "is_syllabic",
    "short_consonants",
    "skeleton_similarity",
    "token_similarity",
    "written_i",
]

PAIR_MIN = 0.6
FUZZY_MIN = 0.7  # spelling alone (no key, no sound) must agree this much
SHORT_MIN = 0.9  # tokens of 3 letters or fewer pair only when (nearly) equal
PHONETIC = 0.88
PHONETIC_FLOOR = 0.65  # sounding alike counts only for spellings already close
SKELETON = 0.9  # consonants agree: vowels unknown, so never certain
VARIANT = 0.99  # a typed spelling that is a listed variant, not the listed spelling
INITIAL = 0.9  # a lone letter of the query and a word it starts
# The Arabic article as its own token ("AL-AMIN" -> al amin): part of the next word,
# not a name part of its own. An initial may stand for it ("A." for AL-AMIN), but a
# little less surely than for the word itself.
INITIAL_ARTICLE = 0.85
ARTICLES = frozenset({"al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az"})
# East Slavic patronymics: a patronymic is another name part than the given name it is
# made from ("Konstantinovich" is Konstantin's son, not Konstantin).
PATRONYMIC = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna", "ich")
# Romanisations of syllabic scripts (Hangul, Han): each token is one syllable from a
# small inventory, where one letter more or less is another syllable ("cheng" and
# "chen", "jing" and "jinghe"): such tokens pair only by variant key.
SYLLABIC_METHODS = ("mr", "rr", "popular", "pinyin", "hanja")
VOWELS = frozenset("aeiouy")
# A proper name spelt out in Chinese characters and a Latin word of the same consonants
# as Chinese writes them (names.glossary.brand_sound): pulaimile / Premera.
BRAND = 0.8
similarity = Indel.normalized_similarity

# (similarity, query token position, how) for each query token a list token pairs with
Pairing = tuple[tuple[float, int, str], ...]


def token_similarity(
    qt: str,
    qk: str,
    qp: str,
    ct: str,
    ck: str,
    cp: str,
    q_known: bool = True,
    guessed: bool = False,
    typed: bool = False,
    arabic: bool = False,
) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found.

    Short tokens are syllables (Korean, Chinese, Vietnamese names) or short words where
    one letter makes another name ("yong" / "myong", "song" / "bong"), so the shorter
    the pair, the more an edit costs: 3 letters or fewer must agree by key, 4-5
    letters lose twice the edit distance, and phonetic agreement counts only from 4.
    A query token no list uses (``q_known`` false) is more likely a misspelling than
    another name, so 4-5 letter tokens are then compared without the extra cost.
    Spelling alone must agree to :data:`FUZZY_MIN` (one typo in a word of five
    letters or more stays above it; "ashley" / "alexey" do not), except for
    ``guessed`` spellings (see :func:`is_guessed`). Two neighbours swapped count as one
    edit, not two. A ``typed`` query token (a Latin query, not a transliteration) that
    is a variant of the listed spelling scores :data:`VARIANT`: the spelling as listed
    is a little stronger evidence. A patronymic does not pair by spelling with the name
    it is made from ("konstantinovich" / "konstantin"); nor, for a query token
    transliterated from ``arabic`` script, does a long i the script writes with a
    spelling that ends in a consonant, or a consonant the word ends in with a spelling
    that ends in such an i (see :func:`written_i`).
    """
    if qk == ck:
        return (1.0, "same") if qt == ct else ((VARIANT if typed else 1.0), "variant")
    if arabic and (ends := _ending(qt)) and ends + (_ending(ct) or 2) == 0:
        return 0.0, "none"
    lq, lc = len(qt), len(ct)
    if lq == 1 or lc == 1:
        # A query initial stands for a name; a lone letter in the entry is often just
        # a particle ("Jihad-e-Islami") and is not expanded.
        if lq == 1 and qt[0] == ct[0]:
            return (INITIAL_ARTICLE if ct in ARTICLES else INITIAL), "initial"
        return 0.0, "none"
    shortest = lq if lq < lc else lc
    if shortest <= 3:
        # Two different tokens, one of 3 letters or fewer, never reach SHORT_MIN in
        # edit similarity (that needs them equal, hence equal keys): only keys can, or
        # for a transliteration from Arabic script the consonants (short_consonants).
        sim = similarity(qk, ck)
        if sim >= SHORT_MIN:
            return sim, "fuzzy"
        if arabic and (sc := short_consonants(qt)) and sc == short_consonants(ct):
            return SKELETON, "skeleton"
        return 0.0, "none"
    sim = max(similarity(qk, ck), similarity(qt, ct))
    if lq == lc and sim < 1.0 and sim * lq > lq - 1.5 and (_swapped(qt, ct) or _swapped(qk, ck)):
        sim = max(sim, 1.0 - 0.5 / lq)
    if (lq - lc >= 3 or lc - lq >= 3) and is_patronymic(qt) != is_patronymic(ct):
        return 0.0, "none"
    how = "fuzzy"
    if qp and qp == cp and qt[0] == ct[0] and PHONETIC_FLOOR <= sim < PHONETIC:
        sim, how = PHONETIC, "phonetic"
    elif sim < FUZZY_MIN and not guessed:
        return 0.0, "none"
    if shortest <= 5 and q_known:
        sim = 2.0 * sim - 1.0
    return sim, how


def _swapped(a: str, b: str) -> bool:
    """Whether two words of one length differ only by two neighbours swapped."""
    if len(a) != len(b):
        return False
    for i in range(len(a) - 1):
        if a[i] != b[i]:
            return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return False


def written_i(token: str) -> bool:
    """Whether a token ends in an i after three consonants or more: in a transliteration
    from Arabic script, a long i the script writes (محمدي muhammadi, الحسيني husayni).
    Such a name is made from another (Muhammad, Husayn) and is not that name, which
    the script would write without the i: a query in Arabic script that has the i (or
    lacks it) pairs with no Latin spelling that lacks it (or has it). Short names (علي
    ali, هاني hani) are left alone."""
    return (
        len(token) >= 5
        and token[-1] == "i"
        and token[-2] not in VOWELS
        and len(names.consonant_skeleton(token[:-1])) >= 3
    )


def short_consonants(token: str) -> str:
    """The consonants of a short token, w and y kept ("awl" and "awal" give "wl", "qal"
    and "qul" "kl"), "" for fewer than two: a short word transliterated from Arabic
    script, whose vowels are guesses, pairs with a spelling of the same consonants."""
    found = _SHORT_CONSONANTS.get(token)
    if found is None:
        letters = merge_doubles(token.translate(_VOWELS_ONLY).replace("q", "k"))
        found = _SHORT_CONSONANTS[token] = letters if len(letters) >= 2 else ""
    return found


_VOWELS_ONLY = str.maketrans("", "", "aeiou")
_SHORT_CONSONANTS: dict[str, str] = {}


def _ending(token: str) -> int:
    """1 for a token that ends in a written long i (see written_i), -1 for one that
    ends in a consonant, 0 otherwise."""
    return 1 if written_i(token) else -1 if token[-1:] not in VOWELS else 0


def is_patronymic(token: str) -> bool:
    """Whether a token ends like an East Slavic patronymic (Ivanovich, Petrovna, Ilyich)."""
    return len(token) >= 6 and token.endswith(PATRONYMIC)


# A final -ah or -eh of a Latin spelling may be the ta marbuta (ة), which the script's
# skeleton leaves out: عودة is ODEH, حمزة HAMZAH.
_TA_MARBUTA = ("ah", "eh")


def skeleton_similarity(qs: str, ct: str) -> tuple[float, str]:
    """A consonant skeleton from unvowelled script (Arabic) against a Latin token. A
    skeleton marked as ending in a written long i (see names.arabic.WRITTEN_I) pairs
    only with a spelling that ends in a vowel (محمدی is Mohammadi, not Muhammad), and
    one of three consonants or more without it with none that ends in such an i (see
    :func:`written_i`)."""
    if qs.endswith(WRITTEN_I):
        if not ct or ct[-1] not in VOWELS:
            return 0.0, "none"
        qs = qs[:-1]
    elif len(qs) >= 3 and written_i(ct):
        return 0.0, "none"  # "حسين" is Husayn, not Husayni
    cs = names.consonant_skeleton(ct)
    if not qs or not cs:
        return 0.0, "none"
    if qs == cs or (cs[-1] == "h" and ct.endswith(_TA_MARBUTA) and cs[:-1] == qs):
        return SKELETON, "skeleton"
    if min(len(qs), len(cs)) <= 3:
        return 0.0, "none"
    return SKELETON * (2.0 * similarity(qs, cs) - 1.0), "skeleton"


def is_guessed(method: str) -> bool:
    """Whether a transliteration method guesses at a Latin spelling: Arabic script
    leaves out short vowels, and a foreign name written in Chinese or Korean
    characters ("麥克維爾" for Makewell), kept in a gloss or joined into one word, only
    approximates its sounds."""
    base = method.split("+")[0]
    return base.startswith("arabic") or "gloss" in base or base.endswith("-joined")


def is_syllabic(method: str) -> bool:
    """Whether a transliteration method writes each Hangul or Han character as a
    token of its own (not "pinyin-joined": names spelt out in characters, such as
    Uyghur names in Chinese, whose syllables are joined into words)."""
    base = method.split("+")[0]
    return base.startswith(SYLLABIC_METHODS) and not base.endswith("-joined")


def _korean_in_latin(form: NameForm) -> bool:
    """A Latin name of two or more parts, each one romanised Korean syllable
    ("Young Kim", "Ri Jang Su")."""
    toks = form.tokens
    if len(toks) < 2 or not form.method.startswith("latin"):
        return False
    # What names.korean_syllables(t) == (t,) says, without segmenting each token.
    inventory = romanized_syllables()
    return all(t in inventory for t in toks)


class TokenMatcher:
    """For one query form: each list token seen so far, and the query tokens it pairs
    with (similarity at least :data:`PAIR_MIN`), usually none.

    Keyed by the list token itself, not its variant key: tokens sharing a key ("abd",
    "abud") can differ in edit similarity, and a score must not depend on which
    entries were scored before.
    """

    __slots__ = (
        "alts",
        "arabic",
        "brands",
        "by_key_only",
        "floor",
        "form",
        "generic",
        "guessed",
        "initials",
        "memo",
        "rows",
        "skeletal",
        "syllabic",
        "variant",
    )

    def __init__(self, form: NameForm) -> None:
        self.form = form
        self.skeletal = form.method.endswith("skeleton")
        self.guessed = is_guessed(form.method)
        # The least a query token left unpaired costs: the mean token weight.
        self.floor = sum(form.weights) / len(form.weights) if form.weights else 0.0
        # Syllables from a transliteration pair only by key and lose when one is left
        # over; a Latin name of romanised Korean syllables pairs only by key (one left
        # over may be a dropped part: "Pak Sik" for "Pak Yong Sik").
        self.syllabic = is_syllabic(form.method)
        self.by_key_only = self.syllabic or _korean_in_latin(form)
        # A typed name (not a transliteration): its own spelling is evidence.
        self.variant = VARIANT if form.method.startswith("latin") else 1.0
        # A lone letter of a typed Korean-looking name ("O. Ko Ko") is an initial.
        self.initials = not self.syllabic and any(len(t) == 1 for t in form.tokens)
        self.memo: dict[str, Pairing] = {}
        # Other systems' spellings of each word (see NameForm.alts), the same word.
        self.alts = form.alts
        # A glossed form (see names.glossary): which words the glossary supplied, and
        # for Chinese the sounds of the other words, proper names spelt out in
        # characters ("普萊米樂" pulaimile, Premera), as (position, brand_sound) pairs.
        self.generic: tuple[bool, ...] = ()
        self.brands: tuple[tuple[int, str], ...] = ()
        if "gloss" in form.method:
            words = gloss_words()
            self.generic = tuple(t in words for t in form.tokens)
            if form.method.startswith("zh-gloss"):
                self.brands = tuple(
                    (i, sound)
                    for i, t in enumerate(form.tokens)
                    if len(t) >= 4
                    and not self.generic[i]
                    and len((sound := brand_sound(t)).lstrip("_")) >= 2
                )
        known = form.known or (True,) * len(form.tokens)
        arabic = self.arabic = form.method.startswith("arabic") and not self.skeletal
        # What token_similarity needs of each query token, computed once, and for a
        # transliteration from Arabic script how it ends (see written_i): 1, in a long
        # i the script writes; -1, in a consonant; 0 otherwise.
        self.rows = [
            (i, qt, qk, qp, len(qt), qt[:1], kn, _ending(qt) if arabic else 0)
            for i, (qt, qk, qp, kn) in enumerate(
                zip(form.tokens, form.keys, form.phon, known, strict=True)
            )
        ]

    def pairing(self, ct: str, ck: str, cp: str) -> Pairing:
        """The query tokens that list token ``ct`` (key ``ck``, phonetic ``cp``) pairs with."""
        found = self.memo.get(ct)
        if found is None:
            found = self.memo[ct] = self._compare(ct, ck, cp)
        return found

    def _compare(self, ct: str, ck: str, cp: str) -> Pairing:
        """:func:`token_similarity` against every query token, inlined (this is the
        innermost loop of screening), keeping the pairs at or above PAIR_MIN."""
        out: list[tuple[float, int, str]] = []
        if self.skeletal:
            for i, qt, *_ in self.rows:
                sim, how = skeleton_similarity(qt, ct)
                if sim >= PAIR_MIN:
                    out.append((sim, i, how))
            return tuple(out)
        variant = self.variant
        lc = len(ct)
        c0 = ct[:1]
        if self.by_key_only:
            initials = self.initials and lc > 1
            for i, qt, qk, _, lq, q0, _, _ in self.rows:
                if qk == ck:
                    out.append((1.0, i, "same") if qt == ct else (variant, i, "variant"))
                elif initials and lq == 1 and q0 == c0:
                    out.append((INITIAL_ARTICLE if ct in ARTICLES else INITIAL, i, "initial"))
            return tuple(out)
        plain = ct == ck
        guessed = self.guessed
        brands = self.brands
        arabic = self.arabic
        ending = 0  # the list token's ending, computed when a query token needs it
        alts = self.alts
        for i, qt, qk, qp, lq, q0, known, ends in self.rows:
            if qk == ck:
                out.append((1.0, i, "same") if qt == ct else (variant, i, "variant"))
                continue
            if alts and ct in alts[i]:
                out.append((1.0, i, "same"))
                continue
            if ends:
                ending = ending or (1 if written_i(ct) else -1 if ct[-1] not in VOWELS else 2)
                if ends + ending == 0:
                    continue
            if lq == 1 or lc == 1:
                if lq == 1 and q0 == c0:
                    out.append((INITIAL_ARTICLE if ct in ARTICLES else INITIAL, i, "initial"))
                continue
            shortest = lq if lq < lc else lc
            if shortest <= 3:
                sim = similarity(qk, ck, score_cutoff=SHORT_MIN)
                if sim >= SHORT_MIN:
                    out.append((sim, i, "fuzzy"))
                elif arabic and (sc := short_consonants(qt)) and sc == short_consonants(ct):
                    out.append((SKELETON, i, "skeleton"))
                continue
            sim = similarity(qk, ck)
            if not plain or qt != qk:
                other = similarity(qt, ct)
                if other > sim:
                    sim = other
            if (
                lq == lc
                and sim < 1.0
                and sim * lq > lq - 1.5
                and (_swapped(qt, ct) or _swapped(qk, ck))
            ):
                sim = max(sim, 1.0 - 0.5 / lq)
            how = "fuzzy"
            if qp and qp == cp and q0 == c0 and PHONETIC_FLOOR <= sim < PHONETIC:
                sim, how = PHONETIC, "phonetic"
            elif sim < FUZZY_MIN and (not guessed or (brands and q0 != c0)):
                # A Chinese proper name whose spelling is a guess pairs by sound (see
                # brands) or, starting with the same letter, by a loose spelling; not
                # "pulaimile" with "limited" nor "guangzhou" with "suzhou".
                continue
            if shortest <= 5 and known:
                sim = 2.0 * sim - 1.0
            if sim >= PAIR_MIN:
                if (lq - lc >= 3 or lc - lq >= 3) and is_patronymic(qt) != is_patronymic(ct):
                    continue
                out.append((sim, i, how))
        if brands and lc >= 3:
            sound = brand_sound(ct)
            for i, brand in brands:
                if brand == sound and all(j != i for _, j, _ in out):
                    out.append((BRAND, i, "sound"))
        return tuple(out)
