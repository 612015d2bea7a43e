"""The per-query token matcher gives exactly what token_similarity gives, pair by pair."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch import names
from sanctionwatch.screening.index import NameForm
from sanctionwatch.screening.tokensim import (
    INITIAL,
    INITIAL_ARTICLE,
    PAIR_MIN,
    VARIANT,
    TokenMatcher,
    token_similarity,
)

# Real name parts: variant classes (ri/lee, pak/park, jong/chong), initials, short
# syllables, long words one edit apart, and sound-alikes.
WORDS = [
    "ri", "lee", "yi", "rhee", "pak", "park", "bak", "jong", "chong", "jung", "un", "eun",
    "kim", "gim", "k", "j", "a", "al", "abd", "abud", "abdul", "abdel", "rahman", "rahmane",
    "mohammed", "muhammad", "mohamad", "yong", "myong", "song", "bong", "miller", "mueller",
    "alexey", "ashley", "catherine", "katerina", "tikhonova", "hussein", "husain", "yasin",
]  # fmt: skip
token = st.one_of(st.sampled_from(WORDS), st.text("abcdehijklmnorsuy", min_size=1, max_size=9))


def _form(toks: list[str], known: tuple[bool, ...], method: str = "latin") -> NameForm:
    form = NameForm(tuple(toks), method, None)
    form.known = known
    return form


@settings(max_examples=300, deadline=None)
@given(
    st.lists(token, min_size=1, max_size=4),
    st.lists(token, min_size=1, max_size=6),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_matcher_agrees_with_token_similarity(
    query: list[str], entry: list[str], known: list[bool]
) -> None:
    flags = tuple(known[: len(query)])
    matcher = TokenMatcher(_form(query, flags))
    cf = NameForm(tuple(entry), "latin", None)
    # A Latin name made only of romanised Korean syllables pairs by variant key only.
    korean = len(query) >= 2 and all(names.korean_syllables(t) == (t,) for t in query)
    assert matcher.by_key_only == korean
    # ... and a lone letter of such a name is an initial ("O. Ko Ko").
    korean_pairs = ("same", "variant", "initial")
    for ct, ck, cp in zip(cf.tokens, cf.keys, cf.phon, strict=True):
        expected = []
        for i, qt in enumerate(query):
            sim, how = token_similarity(
                qt, names.variant_key(qt), names.phonetic(qt), ct, ck, cp, flags[i], typed=True
            )
            if sim >= PAIR_MIN and (not korean or how in korean_pairs):
                expected.append((sim, i, how))
        assert sorted(matcher.pairing(ct, ck, cp)) == sorted(expected), (query, ct)


def test_matcher_pairs_variants_initials_and_misspellings() -> None:
    matcher = TokenMatcher(_form(["lee", "j", "tikhonova"], (True, True, True)))
    got = {ct: matcher.pairing(ct, names.variant_key(ct), names.phonetic(ct)) for ct in
           ["ri", "jong", "tikhanova", "song"]}  # fmt: skip
    assert got["ri"] == ((VARIANT, 0, "variant"),)  # a typed variant: a little below 1
    assert got["jong"] == ((0.9, 1, "initial"),)
    assert [(i, how) for _, i, how in got["tikhanova"]] == [(2, "fuzzy")]
    assert got["song"] == ()


def _sim(qt: str, ct: str, known: bool = True) -> tuple[float, str]:
    qk, ck = names.variant_key(qt), names.variant_key(ct)
    return token_similarity(qt, qk, names.phonetic(qt), ct, ck, names.phonetic(ct), known)


def test_variant_spelling_counts_fully_for_transliterations() -> None:
    # A romanisation from Hangul is ours, not the user's: its spelling is no evidence.
    matcher = TokenMatcher(_form(["ri", "jong"], (True, True), method="mr"))
    assert matcher.pairing("lee", names.variant_key("lee"), names.phonetic("lee")) == (
        (1.0, 0, "variant"),
    )


def test_a_patronymic_is_not_the_name_it_is_made_from() -> None:
    assert _sim("konstantinovich", "konstantin") == (0.0, "none")
    assert _sim("konstantin", "konstantinovich") == (0.0, "none")
    assert _sim("sergeyevna", "sergey") == (0.0, "none")
    # ... but a misspelt patronymic, or the other gender's, still pairs.
    assert _sim("konstantinovih", "konstantinovich")[0] >= PAIR_MIN
    assert _sim("konstantinovna", "konstantinovich")[0] >= PAIR_MIN


def test_two_neighbours_swapped_cost_one_edit() -> None:
    swapped, _ = _sim("usdak", "sudak", known=False)
    changed, _ = _sim("usdak", "sedak", known=False)  # one letter changed
    assert swapped == 0.9
    assert changed == 0.8
    assert _sim("myachou", "maychou", known=False)[0] > _sim("mxychou", "maychou", known=False)[0]
    # Two swaps are two edits.
    assert _sim("usdka", "sudak", known=False)[0] < changed


def test_an_initial_stands_for_a_word_before_an_article() -> None:
    assert _sim("a", "amin") == (INITIAL, "initial")
    assert _sim("a", "al") == (INITIAL_ARTICLE, "initial")
    assert INITIAL_ARTICLE < INITIAL


def test_lone_letter_of_a_korean_looking_name_is_an_initial() -> None:
    matcher = TokenMatcher(_form(["o", "ko", "ko"], (True, True, True)))
    assert matcher.by_key_only
    assert matcher.pairing("oo", names.variant_key("oo"), names.phonetic("oo")) == (
        (INITIAL, 0, "initial"),
    )
    # Syllables themselves still pair only by key.
    assert matcher.pairing("kon", names.variant_key("kon"), names.phonetic("kon")) == ()


@settings(max_examples=200, deadline=None)
@given(st.text("abdehiklmnorsu", min_size=5, max_size=12), st.data())
def test_any_swap_of_neighbours_is_one_edit(word: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(word) - 2))
    typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    sim, how = _sim(typo, word, known=False)
    if names.variant_key(typo) == names.variant_key(word):
        assert sim == 1.0 or how == "variant"
    else:
        assert (sim, how) == (1.0 - 0.5 / len(word), "fuzzy")
