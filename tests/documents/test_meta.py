"""Datelines, year inference, partial dates, language share."""

from __future__ import annotations

from datetime import date

import pytest

from sanctionwatch.documents.meta import (
    english_share,
    find_dateline,
    infer_year,
    parse_partial_date,
)


def test_dateline_with_agency_and_day() -> None:
    d = find_dateline("Seoul, Mar 3 (Yonhap) South Korea said on Friday ...")
    assert d is not None and (d.place, d.agency, d.month, d.day) == ("Seoul", "Yonhap", 3, 3)


def test_dateline_in_capitals_with_dash_on_a_later_line() -> None:
    d = find_dateline("Some headline here\n\nBEIJING (AFP) - China said ...")
    assert d is not None and d.place == "Beijing" and d.agency == "AFP" and d.month is None


def test_plain_sentence_is_not_a_dateline() -> None:
    assert find_dateline("The Security Council met on Monday.") is None


def test_year_of_a_dateline_from_hint_or_text() -> None:
    assert infer_year(12, 17, "anything", parse_partial_date("2023")) == 2023
    # the text mentions a full date in 2019: the dateline day must come after it
    assert infer_year(12, 17, "States had to act by December 22, 2019.") == 2020
    assert infer_year(12, 17, "No years at all here.") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023", (2023, None, None)), ("2019-12", (2019, 12, None)), ("2020-01-16", (2020, 1, 16))],
)
def test_partial_dates(value: str, expected: tuple[int, int | None, int | None]) -> None:
    p = parse_partial_date(value)
    assert p is not None and (p.year, p.month, p.day) == expected


@pytest.mark.parametrize("value", ["20", "2020-13", "2021-02-30", "yesterday"])
def test_bad_partial_dates(value: str) -> None:
    assert parse_partial_date(value) is None


def test_partial_date_from_a_date() -> None:
    p = parse_partial_date(date(2020, 1, 2))
    assert p is not None and p.full() == date(2020, 1, 2)


def test_english_share_separates_languages() -> None:
    en = "The government said that it would stop issuing permits to the workers from the country."
    de = (
        "Die Regierung hat gesagt, dass sie keine Genehmigungen mehr an die Arbeiter ausgeben wird."
    )
    assert english_share(en) > 0.25
    assert english_share(de) < 0.1
