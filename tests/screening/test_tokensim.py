"""The per-query token matcher gives exactly what token_similarity gives, pair by pair."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch import names
from sanctionwatch.screening.index import NameForm
from sanctionwatch.screening.tokensim import PAIR_MIN, TokenMatcher, token_similarity

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
    for ct, ck, cp in zip(cf.tokens, cf.keys, cf.phon, strict=True):
        expected = []
        for i, qt in enumerate(query):
            sim, how = token_similarity(
                qt, names.variant_key(qt), names.phonetic(qt), ct, ck, cp, flags[i]
            )
            if sim >= PAIR_MIN and (not korean or how in ("same", "variant")):
                expected.append((sim, i, how))
        assert sorted(matcher.pairing(ct, ck, cp)) == sorted(expected), (query, ct)


def test_matcher_pairs_variants_initials_and_misspellings() -> None:
    matcher = TokenMatcher(_form(["lee", "j", "tikhonova"], (True, True, True)))
    got = {ct: matcher.pairing(ct, names.variant_key(ct), names.phonetic(ct)) for ct in
           ["ri", "jong", "tikhanova", "song"]}  # fmt: skip
    assert got["ri"] == ((1.0, 0, "variant"),)
    assert got["jong"] == ((0.9, 1, "initial"),)
    assert [(i, how) for _, i, how in got["tikhanova"]] == [(2, "fuzzy")]
    assert got["song"] == ()
