"""Splitting unspaced words into glossary words and the runs between them."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.names.chinese_gloss import segment_chinese_word
from sanctionwatch.names.korean_gloss import segment_hangul_word
from sanctionwatch.names.segment import segment_known

TABLE = {"무역": "trading", "회사": "company", "사": "company"}


def test_known_words_longest_first_and_names_between() -> None:
    assert segment_known("남강무역회사", TABLE, 2) == (
        ("남강", False),
        ("무역", True),
        ("회사", True),
    )
    # A one-character word counts at the end of the word, not at its start.
    assert segment_known("사남강", TABLE, 2) == (("사남강", False),)
    assert segment_known("남강사", TABLE, 2) == (("남강", False), ("사", True))


def test_the_glossaries_split_real_organisation_names() -> None:
    assert [s for s, known in segment_hangul_word("조선남강무역회사") if not known] == ["남강"]
    found = segment_chinese_word("东莞圣寅数控设备有限公司")
    assert "".join(s for s, _ in found) == "东莞圣寅数控设备有限公司"
    assert any(known for _, known in found)


@given(st.text(alphabet="남강무역회사조선abc", max_size=30))
def test_segments_rebuild_the_word_and_known_ones_are_in_the_table(word: str) -> None:
    parts = segment_known(word, TABLE, 2)
    assert "".join(s for s, _ in parts) == word
    assert all(s in TABLE for s, known in parts if known)
    assert all(s for s, _ in parts)
    # Unknown runs never sit next to each other.
    flags = [known for _, known in parts]
    assert not any(a is False and b is False for a, b in pairwise(flags))
