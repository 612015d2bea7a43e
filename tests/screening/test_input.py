"""Bad queries give clear errors; hostile Unicode never crashes the screener."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Query, Screener, imo_valid, parse_kind


@pytest.mark.parametrize("name", ["", "   ", "\x00\x01", "\t\n"])
def test_empty_name_is_refused(name: str) -> None:
    with pytest.raises(InputError, match="empty"):
        Query(name)


def test_enormous_name_is_refused() -> None:
    with pytest.raises(InputError, match="10,000 characters"):
        Query("a" * 10_000)


def test_control_characters_are_dropped(screener: Screener) -> None:
    q = Query("Kim\x00 Jong\x07 Un\x1b")
    assert "\x00" not in q.name
    assert screener.screen(q)[0].entity.ref == "T.001"


@pytest.mark.parametrize("dob", ["1984-13-01", "84", "yesterday", "1984-02-30"])
def test_bad_birth_date(dob: str) -> None:
    with pytest.raises(InputError, match="birth date"):
        Query("Kim Jong Un", birth_date=dob)


def test_bad_kind() -> None:
    with pytest.raises(InputError, match="unknown kind"):
        parse_kind("planet")
    assert parse_kind("Company").value == "organisation"


def test_unknown_country_is_noted_not_fatal(screener: Screener) -> None:
    m = screener.screen(Query("Kim Jong Un", country="Atlantis"))[0]
    assert any("not recognised" in f.detail for f in m.explanation)


def test_mixed_scripts_and_homoglyphs(screener: Screener) -> None:
    # Cyrillic "К" and "о" inside a Latin name; a mixed Latin/Hangul query.
    assert screener.screen(Query("Kim Jong Un 김"), threshold=0.0)
    assert screener.screen(Query("Кim Jоng Un"), threshold=0.0)


def test_imo_check_digit() -> None:
    assert imo_valid("9074729")  # the example in IMO's own numbering scheme
    assert imo_valid("8660313")
    assert not imo_valid("9074728")
    assert not imo_valid("907472")
    assert not imo_valid("abcdefg")


def test_limit_must_be_positive(screener: Screener) -> None:
    with pytest.raises(InputError):
        screener.screen(Query("Kim"), limit=0)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_any_text_screens_or_is_refused_clearly(screener: Screener, text: str) -> None:
    try:
        query = Query(text)
    except InputError:
        return
    for m in screener.screen(query, threshold=0.0):
        assert 0.0 <= m.score <= 1.0
        assert m.explanation
