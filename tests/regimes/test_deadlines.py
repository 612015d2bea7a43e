"""Deadline rules (calendar arithmetic) and the deadline calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.regimes import add_months, deadlines, load_kb, resolve_rule

ADOPTED = date(2017, 12, 22)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("24 months after adoption", date(2019, 12, 22)),
        ("within 15 months of adoption", date(2019, 3, 22)),
        ("27 months from the date of adoption", date(2020, 3, 22)),
        ("120 days after adoption", date(2018, 4, 21)),
        ("1 year after adoption", date(2018, 12, 22)),
        ("5 years after 2015-10-18", date(2020, 10, 18)),
        ("2019-12-22", date(2019, 12, 22)),
        (date(2020, 1, 1), date(2020, 1, 1)),
        ("immediately", None),
        (None, None),
    ],
)
def test_rules(rule: str | date | None, expected: date | None) -> None:
    assert resolve_rule(rule, ADOPTED) == expected


@pytest.mark.parametrize("rule", ["soon", "24 fortnights after adoption", "2019-02-30", ""])
def test_unreadable_rules_raise(rule: str) -> None:
    with pytest.raises(ValueError, match="cannot read deadline rule"):
        resolve_rule(rule, ADOPTED)


def test_month_end_is_clamped() -> None:
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2019, 1, 31), 1) == date(2019, 2, 28)
    assert add_months(date(2019, 3, 31), -1) == date(2019, 2, 28)
    assert add_months(date(2019, 12, 15), 1) == date(2020, 1, 15)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 1, 1)), st.integers(-600, 600))
def test_add_months_moves_whole_months(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    if moved.day != start.day:  # clamped: the start day does not exist in that month
        assert moved.day < start.day
        assert (moved + timedelta(days=1)).month != moved.month


def test_missed_and_upcoming_split_the_calendar() -> None:
    kb = load_kb()
    as_of = date(2019, 6, 1)
    every = deadlines(kb, as_of=as_of)
    missed = deadlines(kb, as_of=as_of, which="missed")
    upcoming = deadlines(kb, as_of=as_of, which="upcoming")
    assert len(missed) + len(upcoming) == len(every)
    assert all(d.due < as_of for d in missed) and all(d.due >= as_of for d in upcoming)
    assert [d.due for d in every] == sorted(d.due for d in every)
    op8 = [(d.kind, d.due) for d in every if d.obligation_id == "2397-OP8"]
    assert op8 == [
        ("report", date(2019, 3, 22)),
        ("obligation", date(2019, 12, 22)),
        ("report", date(2020, 3, 22)),
    ]
    assert ("report", date(2019, 3, 22)) in [(d.kind, d.due) for d in missed]
    assert {d.regime for d in deadlines(kb, regime="iran")} == {"iran"}


@given(st.text(max_size=60), st.dates(min_value=date(1946, 1, 1), max_value=date(2100, 1, 1)))
def test_any_rule_text_gives_a_date_or_a_clear_error(rule: str, adopted: date) -> None:
    try:
        result = resolve_rule(rule, adopted)
    except ValueError as exc:
        assert "deadline rule" in str(exc) or "date" in str(exc)
    else:
        assert result is None or isinstance(result, date)


@given(st.integers(0, 9999), st.dates(min_value=date(1946, 1, 1), max_value=date(2100, 1, 1)))
def test_day_rules_count_days(days: int, adopted: date) -> None:
    assert resolve_rule(f"{days} days after adoption", adopted) == adopted + timedelta(days=days)


def test_rule_past_the_calendar_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="out of range"):
        resolve_rule("9999 years after adoption", ADOPTED)


def test_rule_with_an_impossible_anchor_date() -> None:
    with pytest.raises(ValueError, match="0000-00-00 is not a date"):
        resolve_rule("0 days after 0000-00-00", ADOPTED)


def test_panel_reports_are_on_the_calendar() -> None:
    kb = load_kb()
    assert all(d.kind != "panel report" for d in deadlines(kb))
    panel = [d for d in deadlines(kb, regime="dprk", panel=True) if d.kind == "panel report"]
    assert ("2018-09-07", 2407) in [(d.due.isoformat(), d.resolution) for d in panel]
    assert all(d.obligation_id == "1874-OP26" and d.regime == "dprk" for d in panel)
    assert [d for d in deadlines(kb, regime="iran", panel=True) if d.kind == "panel report"] == []
