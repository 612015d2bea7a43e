"""Dates resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents.dates import find_dates

PUB = date(2021, 3, 11)  # a Thursday


def values(text: str, published: date | None = PUB) -> list[tuple[str, bool]]:
    return [(d.value, d.inferred) for d in find_dates(text, published)]


def test_relative_expressions() -> None:
    assert values("The figures from last year were released yesterday.") == [
        ("2020", True),
        ("2021-03-10", True),
    ]
    assert values("The envoy spoke on Monday.") == [("2021-03-08", True)]
    assert values("The envoy spoke on Thursday.") == [("2021-03-11", True)]


def test_month_day_without_year_takes_the_nearest_past_year() -> None:
    assert values("Workers had to leave by Dec. 22.") == [("2020-12-22", True)]
    assert values("The deadline of Dec. 22 last year passed.") == [("2020-12-22", True)]
    assert values("The list was updated on 2 March.") == [("2021-03-02", True)]


def test_explicit_dates_keep_their_precision() -> None:
    assert values("It was adopted in November 2016 and due by April 30, 2017, in 2018 too.") == [
        ("2016-11", False),
        ("2017-04-30", False),
        ("2018", False),
    ]
    assert values("by the end of 2019") == [("2019-12-31", False)]


def test_may_as_a_verb_is_not_a_date() -> None:
    assert values("They may have broken the rules.") == []


def test_without_a_publication_date_relative_dates_are_skipped() -> None:
    assert values("last year on Friday", None) == []


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))  # fmt: skip
def test_weekday_resolves_within_the_week_before(published: date, weekday: str) -> None:
    (found,) = find_dates(f"She said on {weekday} that", published)
    day = date.fromisoformat(found.value)
    assert published - timedelta(days=6) <= day <= published
    assert day.strftime("%A") == weekday
