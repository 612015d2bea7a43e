"""Datable events give a dateline its year (texts written for these tests)."""

from __future__ import annotations

from datetime import date

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.events import earliest_date, events
from sanctionwatch.documents.meta import infer_year


def test_events_load_with_sorted_dates() -> None:
    evs = events()
    assert len(evs) >= 5
    assert all(list(e.dates) == sorted(e.dates) for e in evs)


def test_single_events_set_a_lower_bound() -> None:
    text = "Officials said shells were sent to Russia for use in Ukraine."
    assert earliest_date(text) == date(2022, 2, 24)
    assert earliest_date(text, date(2023, 5, 1)) == date(2023, 5, 1)  # a later date wins
    assert earliest_date("The coronavirus closed the border.") == date(2020, 1, 20)
    assert earliest_date("Nothing datable is said here.") is None


def test_repeated_events_take_the_first_date_after_the_bound() -> None:
    summit = "Days after the summit between Putin and Kim Jong Un, the ministers met."
    assert earliest_date(summit) == date(2019, 4, 25)
    assert earliest_date(summit + " Both spoke of the war in Ukraine.") == date(2023, 9, 13)
    assert earliest_date(summit, date(2023, 10, 1)) == date(2024, 6, 19)
    # the words spread over two sentences are no mention of the summit
    assert earliest_date("Putin spoke at a summit. Kim Jong Un was not there.") is None


def test_dateline_year_from_events() -> None:
    text = (
        "Seoul, Dec 17 (Wire) - Officials said North Korea sent munitions to Russia for the "
        "war in Ukraine, in breach of UN sanctions. States had to repatriate workers by "
        "December 22, 2019."
    )
    assert infer_year(12, 17, text) == 2022
    meta = analyse_text(text).document
    assert (meta.published, meta.published_inferred) == (date(2022, 12, 17), True)
    # without the event: the day after the last full date
    assert infer_year(12, 17, "States had to repatriate workers by December 22, 2019.") == 2020
    # a day before the bound in the same year: the next year
    assert infer_year(1, 5, "Officials said munitions went to the war in Ukraine.") == 2023
