"""Factual checks on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.arithmetic import check_sums
from sanctionwatch.documents.checks import (
    check_changes,
    check_conversions,
    check_deadline,
    check_lists,
    check_names,
    check_ratios,
)
from sanctionwatch.documents.dates import find_dates
from sanctionwatch.documents.gazetteer import gazetteer
from sanctionwatch.documents.model import Sentence
from sanctionwatch.documents.quantities import find_quantities


def sents(*texts: str) -> list[Sentence]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def ratio_issues(*texts: str) -> list[str]:
    ss = sents(*texts)
    qs = [q for s in ss for q in find_quantities(s.text, s.start)]
    return [i.text for i in check_ratios(ss, qs)]


@pytest.mark.parametrize(
    ("texts", "flagged"),
    [
        (("The port handled more than 12 times its quota.", "It moved 4,400 tonnes.",
          "The quota was 400 tonnes."), ["more than 12 times"]),  # 11.0
        (("The port handled more than 10 times its quota.", "It moved 4,400 tonnes.",
          "The quota was 400 tonnes."), []),
        (("Exports grew 4-fold, from 300 barrels to 900 barrels a day.",), ["4-fold"]),
        (("Exports grew 3-fold, from 300 barrels to 900 barrels a day.",), []),
        (("The stock of 950 kg is nearly five times the 200 kg limit.",), []),  # 4.75
        (("The stock of 1,150 kg is nearly five times the 200 kg limit.",), ["nearly five times"]),
        (("He visited the site three times, seeing 40 vessels and 12 vessels.",), []),
    ],
)  # fmt: skip
def test_ratio_statements(texts: tuple[str, ...], flagged: list[str]) -> None:
    assert ratio_issues(*texts) == flagged


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("The hull is 200 metres (656 feet) long.", False),
        ("The hull is 200 metres (600 feet) long.", True),
        ("The canal is 50 km (31 miles) long.", False),
        ("The canal is 50 km (40 miles) long.", True),
        ("The cargo was 5,000 tons (4,536 tonnes) of coal.", False),  # short tons
        ("The tower is 300 feet (about 90 meters) tall.", False),
        ("The tower is 300 feet, 120 meters tall.", True),
        ("The strait is 12 nautical miles (22 km) wide.", False),
        ("The dam is 110 metres, or 361 feet, high.", False),
        ("The dam is 110 metres, or 300 feet, high.", True),
        ("A 2,000-ton tanker took 500 tonnes, or 3,700 barrels of oil.", False),  # not a pair
    ],
)
def test_unit_conversions(text: str, bad: bool) -> None:
    issues = check_conversions(sents(text))
    assert bool(issues) is bad
    if bad:
        assert issues[0].kind == "unit_conversion" and "about" in issues[0].explanation


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Five countries signed: Peru, Chile, Brazil, Uruguay and Ecuador.", False),
        ("Six countries signed: Peru, Chile, Brazil, Uruguay and Ecuador.", True),
        ("The 4 countries were Norway, Iceland, Trinidad and Tobago, and Fiji.", False),
        ("Three companies (Alpha Shipping, Beta Trading and Gamma Ltd) were named.", False),
        ("Three companies (Alpha Shipping and Beta Trading) were named.", True),
        ("Ten countries, including Peru and Chile, signed.", False),  # a partial list
    ],
)
def test_counted_lists(text: str, bad: bool) -> None:
    issues = check_lists(sents(text), gazetteer().is_name)
    assert bool(issues) is bad


def test_deadline_against_the_obligation() -> None:
    deadline = date(2020, 6, 30)
    for text, bad in [
        ("States must close the plants by June 30, 2020.", False),
        ("States must close the plants by July 2, 2020.", True),
        ("The deadline of 1 July 2020 for closing the plants passed.", True),
        ("The plants were inspected on March 3, 2020, before the deadline.", False),  # far off
        ("The plants were closed on Wednesday.", False),
        ("By July 2, 2020, nine plants had been closed.", False),  # progress, not a deadline
        ("The resolution gave states until July 3, 2020 to close the plants.", True),
        # the deadline's own day and month in another year is a wrong year, not an event
        ("The resolution gave states until June 30, 2021 to close the plants.", True),
        ("States had until June 30, 2019 to close the plants.", True),
        ("The plants were inspected on June 30, 2019.", False),
    ]:
        s = sents(text)[0]
        ds = find_dates(text, date(2020, 7, 10))
        assert bool(check_deadline(s, ds, "X-OP1", deadline)) is bad, text


def test_end_of_year_is_imprecise_not_wrong() -> None:
    text = "States must close the plants by the end of 2020."
    (issue,) = check_deadline(sents(text)[0], find_dates(text, None), "X-OP1", date(2020, 6, 30))
    assert issue.confidence < 0.5 and "imprecise" in issue.explanation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The UN Securities Council met on Monday.", "institution_name"),
        ("The Panel of Expert said nothing.", "institution_name"),
        ("The Multinational Sanctions Monitoring Team reported.", "institution_name"),
        ("The International Atomic Energy Agencies said so.", None),  # a plural only
        ("The UN Security Council and the Human Rights Council met.", None),
        ("The Security Committee met.", None),
        ("Iran left the JCPOA of 2016 last year.", "agreement_year"),
        ("Iran is bound by the JCPOA (2015).", None),
        ("Iran is bound by the 2015 JCPOA and the 2010 New START is another matter.", None),
        ("the 2014 Joint Comprehensive Plan of Action", "agreement_year"),
        # one body noun put for another at the end of a long name
        (
            "Iran cut its cooperation with the International Atomic Energy Commission.",
            "institution_name",
        ),
        ("South Korea's National Human Rights Commission said so.", None),
        ("The group gave its evidence to the Human Rights Commission of Malaysia.", None),
        # a Security Council resolution given to the General Assembly
        (
            "Resolution 2397, adopted by the UN General Assembly in 2017, set a deadline.",
            "institution_name",
        ),
        ("Resolution 2397 was welcomed in the General Assembly.", None),
    ],
)
def test_names(text: str, kind: str | None) -> None:
    assert [i.kind for i in check_names(text)] == ([kind] if kind else [])


def test_pipeline_reports_issues_with_the_knowledge_base_deadline() -> None:
    text = (
        "Under the Security Council resolution of December 2017, states had to repatriate "
        "all North Korean workers by December 29, 2019. The report said the company "
        "employed 30 workers in 2018 and 3 workers in 2019, more than 12 times fewer."
    )
    an = analyse_text(text, published=date(2020, 1, 5))
    kinds = {e["kind"]: e for e in an.factual_errors}
    assert "2019-12-22" in kinds["deadline"]["message"]
    assert kinds["deadline"]["text"] == "December 29, 2019"
    assert "30 workers / 3 workers = 10" in kinds["arithmetic"]["message"]
    right = analyse_text(text.replace("December 29", "December 22"), published=date(2020, 1, 5))
    assert not [e for e in right.factual_errors if e["kind"] == "deadline"]
    fixed = analyse_text(text.replace("more than 12", "ten"), published=date(2020, 1, 5))
    assert not [e for e in fixed.factual_errors if e["kind"] == "arithmetic"]


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Imports rose 80 percent, from 500 barrels to 900 barrels a day.", False),
        ("Imports rose 40 percent, from 500 barrels to 900 barrels a day.", True),
        ("Imports fell by 25% from 800 tonnes to 600 tonnes.", False),
        ("Imports fell by 40% from 800 tonnes to 600 tonnes.", True),
        ("Imports rose more than 79 percent from 500 barrels to 900 barrels.", False),
        ("Imports rose 40 percent in 2019.", False),
    ],
)
def test_percentage_changes(text: str, bad: bool) -> None:
    ss = sents(text)
    issues = check_changes(ss, find_quantities(text))
    assert bool(issues) is bad
    if bad:
        assert issues[0].kind == "arithmetic"


def test_kilograms_given_in_short_tons_unsaid_are_flagged() -> None:
    (issue,) = check_conversions(sents("The stockpile stood at 2,105 kg (2.32 tons) in May."))
    assert issue.kind == "unit_conversion" and "short tons" in issue.explanation
    assert "2.1" in issue.explanation
    # must not: metric tons as the text weighs, or tons given first and tonnes after
    assert check_conversions(sents("The stockpile stood at 2,105 kg (2.1 tons) in May.")) == []
    assert check_conversions(sents("The cargo was 5,000 tons (4,536 tonnes) of coal.")) == []
    assert check_conversions(sents("The ship carried 2,000 pounds (1 ton) of it.")) == []


_LENGTHS = {"metres": 1.0, "km": 1000.0, "feet": 0.3048, "miles": 1609.344}


@given(
    value=st.integers(min_value=1, max_value=99_999),
    units=st.permutations(list(_LENGTHS)).map(lambda u: (u[0], u[1])),
)
def test_correct_conversions_never_fire(value: int, units: tuple[str, str]) -> None:
    u1, u2 = units
    converted = value * _LENGTHS[u1] / _LENGTHS[u2]
    shown = f"{converted:,.1f}" if converted < 100 else f"{round(converted):,}"
    text = f"The line is {value:,} {u1} ({shown} {u2}) long."
    assert check_conversions(sents(text)) == []


@given(
    small=st.integers(min_value=2, max_value=5_000),
    factor=st.integers(min_value=2, max_value=40),
)
def test_correct_ratios_never_fire(small: int, factor: int) -> None:
    text = (
        f"Output was {factor} times the limit.",
        f"It reached {small * factor:,} tonnes.",
        f"The limit was {small:,} tonnes.",
    )
    assert ratio_issues(*text) == []


def test_a_wrong_year_for_a_numbered_resolution_is_a_factual_error() -> None:
    text = "The 2016 resolution 2397 ordered states to send North Korean workers home."
    errors = analyse_text(text, published="2020-02-01").factual_errors
    assert [(e["kind"], e.get("number")) for e in errors] == [("resolution_date", 2397)]
    assert "22 Dec 2017" in errors[0]["message"]
    text = "The 2017 resolution 2397 ordered states to send North Korean workers home."
    assert analyse_text(text, published="2020-02-01").factual_errors == []


def test_a_date_of_another_resolution_on_the_same_state_is_a_date_error() -> None:
    # 17 March 2011 is resolution 1973's date (Libya's no-fly zone); the embargo is 1970's
    text = (
        "The embargo on Libya was imposed by resolution 1970, which the Security Council "
        "adopted unanimously on March 17, 2011."
    )
    errors = analyse_text(text, published="2021-02-01").factual_errors
    assert [(e["kind"], e.get("number")) for e in errors] == [("resolution_date", 1970)]
    # must not: the no-fly zone, which is 1973's, with 1970 written is a number error
    flights = text.replace("The embargo on Libya was imposed", "The no-fly zone over Libya was set")
    errors = analyse_text(flights, published="2021-02-01").factual_errors
    assert [e["kind"] for e in errors] == ["resolution_number"]


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Russia reported 8,900 tonnes and China 6,300 tonnes, a combined 15,200 tonnes.", False),
        ("Russia reported 8,900 tonnes and China 6,300 tonnes, a combined 16,200 tonnes.", True),
        (
            "Russia reported about 8,900 tonnes and China about 6,300, a combined 15,000 tonnes.",
            False,
        ),
        (
            "Supplies were cut to 500,000 barrels, a 75 percent reduction from 2 million barrels.",
            False,
        ),
        (
            "Supplies were cut to 500,000 barrels, a 90 percent reduction from 2 million barrels.",
            True,
        ),
        (
            "Supplies rose to 3 million barrels, a 50 percent increase from 2 million barrels.",
            False,
        ),
        ("A total of 40 workers left in 2019.", False),
    ],
)
def test_totals_and_reductions(text: str, bad: bool) -> None:
    issues = check_sums(sents(text), find_quantities(text))
    assert bool(issues) is bad, issues
    if bad:
        assert issues[0].kind == "arithmetic"


@given(
    a=st.integers(min_value=1, max_value=900_000),
    b=st.integers(min_value=1, max_value=900_000),
)
def test_correct_totals_never_fire(a: int, b: int) -> None:
    text = f"One shipped {a:,} tonnes and another {b:,} tonnes, a combined {a + b:,} tonnes."
    assert check_sums(sents(text), find_quantities(text)) == []


def test_a_share_of_the_cap_is_checked_against_the_knowledge_base() -> None:
    text = (
        "UN sanctions cap refined petroleum supplies to North Korea. Russia and China "
        "reported deliveries of 397,000 barrels through August, or about {} percent of the "
        "yearly cap."
    )
    errors = analyse_text(text.format(60), published="2019-10-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"] and "79.4" in errors[0]["message"]
    # must not: the right share, or a share of something that is not the cap
    assert analyse_text(text.format(80), published="2019-10-01").factual_errors == []
    other = text.format(60).replace("of the yearly cap", "of their exports")
    assert analyse_text(other, published="2019-10-01").factual_errors == []
    # "per cent" written apart, and "about" allows rounding, not a share four points off
    spaced = text.replace("percent", "per cent").replace("397,000", "73,000")
    errors = analyse_text(spaced.format(19), published="2019-10-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"] and "14.6" in errors[0]["message"]
    assert analyse_text(spaced.format(15), published="2019-10-01").factual_errors == []


def test_a_share_of_the_cap_in_a_text_about_transfers_at_sea() -> None:
    # the text is about ship-to-ship transfers, a duty with no cap of its own; the share
    # is still checked against the cap in force when the report came out
    text = (
        "Tankers kept transferring oil to North Korean ships at sea, UN experts said. "
        "Their report lists ship-to-ship transfers to North Korean vessels off Ningbo and "
        "in the Yellow Sea. Russia and China notified deliveries of some 118,100 barrels, "
        "or roughly {} percent of the annual cap."
    )
    errors = analyse_text(text.format(31), published="2019-09-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"] and "23.6" in errors[0]["message"]
    # must not: the right share; a share of something that is not a cap
    assert analyse_text(text.format(24), published="2019-09-01").factual_errors == []
    other = text.format(31).replace("of the annual cap", "of their exports")
    assert analyse_text(other, published="2019-09-01").factual_errors == []


def test_a_change_between_bare_numbers() -> None:
    text = (
        "The number of North Koreans entering China for work fell from 3,100 in 2017 to "
        "1,240 last year, a drop of {} percent."
    )
    (issue,) = check_sums(sents(text.format(40)), find_quantities(text.format(40)))
    assert "60 percent" in issue.explanation
    assert check_sums(sents(text.format(60)), find_quantities(text.format(60))) == []
    start = text.replace("in 2017", "at the start of 2018")
    assert check_sums(sents(start.format(40)), find_quantities(start.format(40)))
    # must not: years are no figures
    years = "Exports fell from 2017 to 2019, a drop of 40 percent."
    assert check_sums(sents(years), find_quantities(years)) == []


def test_a_date_written_with_one_resolution_is_not_anothers() -> None:
    text = (
        "Resolution 2397, adopted in December 2017, set a deadline of 22 December 2019, "
        "after resolution 2375 had already barred new work authorisations."
    )
    assert analyse_text(text, published="2020-10-23").factual_errors == []
    # must not: a date written with the wrong resolution is still flagged
    wrong = "Resolution 2375, adopted in December 2017, barred new work authorisations."
    errors = analyse_text(wrong, published="2020-10-23").factual_errors
    assert [e["kind"] for e in errors] == ["resolution_date"]


def test_more_arithmetic_deadline_date_and_count_checks() -> None:
    def kinds(text: str) -> list[str]:
        return [e["kind"] for e in analyse_text(text, published="2019-10-01").factual_errors]

    drop = (
        "Under UN sanctions, China's imports of North Korean textiles fell to $12 million this "
        "year from $480 million a year earlier, a drop of {} percent."
    )
    assert kinds(drop.format(85)) == ["arithmetic"]
    assert kinds(drop.format("97.5")) == []
    late = "Under resolution 2397, states must send home all North Korean workers by the end of {}."
    assert kinds(late.format(2020)) == ["deadline"]
    # a period that starts on a date is no adoption date of the resolution named later
    since = (
        "Since August 2017, states have been required to ban coal from North Korea, and "
        "UNSCR 2375 prohibits ship-to-ship transfers with North Korean vessels."
    )
    assert kinds(since) == []
    reports = (
        "The 1718 Committee received {} national implementation reports during the period, "
        "from Viet Nam, Oman and Nigeria."
    )
    assert kinds(reports.format("four")) == ["list_count"]
    assert kinds(reports.format("three")) == []


def test_a_running_total_across_two_sentences() -> None:
    text = (
        "UN sanctions cap refined petroleum to North Korea. For 2023, the committee lists "
        "deliveries of 136,500 barrels from Russia. China's reported deliveries came to 67,400 "
        "barrels, bringing the total reported by the two suppliers to {} barrels."
    )
    errors = analyse_text(text.format("214,000"), published="2024-03-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"] and "203,900" in errors[0]["message"]
    assert analyse_text(text.format("203,900"), published="2024-03-01").factual_errors == []


def test_a_fall_by_a_fraction() -> None:
    text = (
        "Under UN sanctions, the number of North Koreans working in Liaoning fell by {} "
        "between 2017 and 2019, from about 30,000 to roughly 15,000, a rights group said."
    )
    errors = analyse_text(text.format("two thirds"), published="2020-03-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"]
    assert analyse_text(text.format("half"), published="2020-03-01").factual_errors == []


def test_a_committee_of_another_regime() -> None:
    dprk = (
        "Zimbabwe pointed to its report on the North Korean statues to the UN Security "
        "Council's {} Committee in 2017."
    )
    errors = analyse_text(dprk.format(1267), published="2019-05-01").factual_errors
    assert [e["kind"] for e in errors] == ["institution_name"]
    assert "1267" in errors[0]["message"]
    assert analyse_text(dprk.format(1718), published="2019-05-01").factual_errors == []
    # must not: a committee of a regime the knowledge base does not hold, in a text on it
    somalia = "Somalia reported to the 2713 Committee on the charcoal ban."
    assert analyse_text(somalia, published="2024-05-01").factual_errors == []


def test_a_date_told_against_the_deadline_is_an_event() -> None:
    text = (
        "Resolution 2397 required states to repatriate North Korean workers. The report "
        "said 23 workers did not depart until 9 January, more than two weeks after the "
        "deadline set by the Council."
    )
    assert analyse_text(text, published="2020-03-01").factual_errors == []
    wrong = "Resolution 2397 required states to repatriate North Korean workers by 9 January 2020."
    errors = analyse_text(wrong, published="2020-03-01").factual_errors
    assert [e["kind"] for e in errors] == ["deadline"]


def test_a_share_out_of_a_total() -> None:
    text = (
        "Analysts put the figure at $660 million stolen by North Korea-linked groups out of "
        "$1.7 billion taken across the industry, or about {} percent of the total."
    )
    (issue,) = check_sums(sents(text.format(48)), find_quantities(text.format(48)))
    assert "38.82 percent" in issue.explanation
    assert check_sums(sents(text.format(39)), find_quantities(text.format(39))) == []


def test_dates_beside_the_deadline_are_events() -> None:
    stated = (
        "Resolution 2397 required states to repatriate North Korean workers. Angola said "
        "they had all left before the end of 2018, well ahead of the deadline of 22 "
        "December 2019 set by the Security Council."
    )
    assert analyse_text(stated, published="2020-03-01").factual_errors == []
    figure = (
        "Resolution 2397 required states to repatriate North Korean workers. Their number "
        "fell from 30,000 at the end of 2017 to a few hundred by the deadline."
    )
    assert analyse_text(figure, published="2020-03-01").factual_errors == []
    # must not: a year-off deadline given as the deadline is still flagged
    late = "Resolution 2397 required states to repatriate North Korean workers by the end of 2020."
    errors = analyse_text(late, published="2020-03-01").factual_errors
    assert [e["kind"] for e in errors] == ["deadline"]


def test_a_committee_named_after_a_later_resolution_of_its_regime() -> None:
    text = "The UN's {} Committee said North Korea exported coal in violation of resolution 2371."
    errors = analyse_text(text.format(1874), published="2018-08-01").factual_errors
    assert [e["kind"] for e in errors] == ["institution_name"] and "1718" in errors[0]["message"]
    assert analyse_text(text.format(1718), published="2018-08-01").factual_errors == []


def test_a_full_adoption_date_wrong_beside_a_right_year() -> None:
    text = (
        "The Council met on the implementation of resolution 2231 (2015), which the Council "
        "adopted on 20 July {} to endorse the nuclear deal with Iran."
    )
    errors = analyse_text(text.format(2016), published="2019-08-01").factual_errors
    assert [e["kind"] for e in errors] == ["resolution_date"]
    assert analyse_text(text.format(2015), published="2019-08-01").factual_errors == []
    # must not: a date when the restrictions expired is no adoption date
    expired = (
        "The provisions of annex B of resolution 2231 had required states to obtain the "
        "council's approval, and they expired in October 2023."
    )
    assert analyse_text(expired, published="2024-08-01").factual_errors == []


def test_a_change_against_a_number_compared_with() -> None:
    text = (
        "Kuwait hosted 1,200 North Korean workers as of June, compared with 2,400 a year "
        "earlier, a drop of {} percent, according to the foreign ministry report."
    )
    errors = analyse_text(text.format(60), published="2019-10-01").factual_errors
    assert [e["kind"] for e in errors] == ["arithmetic"] and "50 percent" in errors[0]["message"]
    assert analyse_text(text.format(50), published="2019-10-01").factual_errors == []


def test_the_deadlines_day_without_a_year_is_the_deadline() -> None:
    text = (
        "Resolution 2397 requires states to send North Korean workers home. Analysts said "
        "the timing was meant to press Moscow ahead of the Dec. 22 repatriation deadline."
    )
    assert analyse_text(text, published="2019-10-01").factual_errors == []
    # must not: another day is still flagged
    wrong = text.replace("Dec. 22", "Dec. 29, 2019,")
    assert [e["kind"] for e in analyse_text(wrong, published="2019-10-01").factual_errors] == [
        "deadline"
    ]


def test_a_deadline_ruled_or_required_by_another_duty_is_checked_and_an_adoption_is_not() -> None:
    def flagged(text: str) -> list[str]:
        an = analyse_text(text, published="2020-10-01")
        return [e["text"] for e in an.factual_errors if e["kind"] == "deadline"]

    # "ruled that ... be repatriated by": a deadline stated, and a wrong one
    assert flagged(
        "Resolution 2397, adopted after the missile tests, ruled that every North Korean "
        "labourer abroad be sent home by Dec. 12, 2019."
    ) == ["Dec. 12, 2019"]
    # the sentence's best duty ("the number of workers") has no deadline; its other one does
    assert flagged(
        "The envoy said the number of North Korean workers had halved and that the rest "
        "would leave Russia by November 29th, 2019 as required by the UN sanctions."
    ) == ["November 29th, 2019"]
    # must not: the day the Council adopted the measure is no deadline
    assert (
        flagged(
            "The measure adopted by the U.N. Security Council on Dec. 22, 2017, requires "
            "every member country to send North Korean workers home by the deadline."
        )
        == []
    )
