"""Property tests: normalisation is idempotent, never crashes, leaves no invisible
characters; Latin forms are lower-case ASCII tokens."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.names import (
    compact,
    latin_forms,
    legal_form,
    normalize,
    phonetic,
    script_of,
    strip_titles,
    tokens,
    variant_key,
)

# Any code point, surrogates and controls included.
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
# Name-like text in the scripts the package handles, with separators and invisibles.
name_chars = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzKIMJONG -'.,")
    + list("김정은리학철박최수광")
    + list("金正恩李朴有限公司")
    + list("путинвладимирхщжё")
    + list("محمدعبدالله")
    + ["\u200b", "\u00ad", "\ufeff", "\u202e", "\x00", "\ud800", "ـ", "і", "Ο"]
)
name_text = st.text(alphabet=name_chars, max_size=30)
texts = st.one_of(any_text, name_text)

_BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_output_is_clean(text: str) -> None:
    out = normalize(text)
    assert all(unicodedata.category(ch) not in _BAD_CATEGORIES for ch in out)
    assert out == out.strip()
    assert "  " not in out
    assert out == " ".join(tokens(text))
    assert compact(text) == out.replace(" ", "")
    assert isinstance(script_of(text), str)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_latin_forms_are_ascii_lowercase_tokens(text: str) -> None:
    for form in latin_forms(text):
        assert form.text
        assert form.text.isascii()
        assert form.text == form.text.lower()
        assert form.text == " ".join(form.text.split())
        assert all(tok.isalnum() for tok in form.text.split())
        assert form.method


@settings(max_examples=200, deadline=None)
@given(texts)
def test_other_functions_never_crash(text: str) -> None:
    toks = tokens(text)
    stripped = strip_titles(toks)
    assert set(stripped) <= set(toks)
    rest, form = legal_form(text)
    assert isinstance(rest, str)
    assert form is None or isinstance(form, str)
    for tok in toks:
        assert isinstance(variant_key(tok), str)
        assert isinstance(phonetic(tok), str)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_variant_key_is_stable(text: str) -> None:
    for tok in tokens(text):
        key = variant_key(tok)
        assert variant_key(key) == key


# Lower-case Cyrillic words with at least one Ukrainian і and more other Cyrillic letters.
ukrainian_words = st.text(
    alphabet=st.sampled_from(list("абвгдекмнопрстухцчшщюяї")), min_size=2
).flatmap(
    lambda rest: st.lists(st.integers(0, len(rest)), min_size=1, max_size=len(rest) - 1).map(
        lambda spots: "".join(
            ("і" if i in spots else "") + ch for i, ch in enumerate(rest + " ")
        ).strip()
    )
)


@settings(max_examples=300, deadline=None)
@given(ukrainian_words)
def test_ukrainian_i_typed_as_latin_i_reads_as_written(word: str) -> None:
    """A Cyrillic word whose і are typed as Latin i normalises as the word itself,
    whichever of its other letters have Latin look-alikes."""
    assert normalize(word.replace("і", "i")) == normalize(word)
