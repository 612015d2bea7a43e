"""Quantities: numbers in digits and words, scales, units, approximations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents.quantities import find_quantities, words_to_number


def q(text: str) -> list[tuple[float, str, str | None]]:
    return [(x.value, x.unit, x.approx) for x in find_quantities(text)]


def test_money_scales_and_approximation() -> None:
    text = "The scheme brings in more than $700 million a year from about 80,000 labourers."
    assert q(text) == [(700_000_000, "USD", "more than"), (80_000, "workers", "about")]


def test_bare_numbers_take_the_unit_before_them() -> None:
    text = (
        "Some 60,000 workers are abroad, of which 20,000 were in one country and 15,000 in another."
    )
    assert q(text) == [
        (60_000, "workers", "about"),
        (20_000, "workers", None),
        (15_000, "workers", None),
    ]


def test_coordinated_numbers_share_the_later_unit() -> None:
    text = "The ministry issued 4,210 tourist and 1,003 student visas."
    assert [(v, u) for v, u, _ in q(text)] == [(4210, "visas"), (1003, "visas")]


def test_numbers_written_in_words_and_hyphenated() -> None:
    text = "It granted tourist visas to two-thousand-41 and student visas to one-thousand-9 people."
    assert [(v, u) for v, u, _ in q(text)][:2] == [(2041, "visas"), (1009, "visas")]
    assert words_to_number("three hundred and twelve") == 312
    assert words_to_number("seven") == 7
    assert words_to_number("banana") is None


def test_suffix_scales_tonnes_kg_percent_and_ratio() -> None:
    text = "Exports hit 2.5m tons of ore, some 1,150 kg were seized, 45 percent fell, over 9 times."
    assert q(text) == [
        (2_500_000, "tonnes", None),
        (1150, "kg", "about"),
        (45, "percent", None),
        (9, "ratio", "more than"),  # "over" is read as "more than"
    ]


def test_definite_number_words_refer_back_and_are_not_counted() -> None:
    assert q("After the two countries said so, two countries followed.") == [(2, "countries", None)]


def test_years_and_unitless_numbers_are_not_quantities() -> None:
    assert q("In 2019 the resolution 2397 was cited, and the 2022 World Cup was held.") == []
    assert q("They work 10-hour shifts for one-year contracts.") == []


def test_offsets_point_at_the_number() -> None:
    text = "Roughly 3,400 people left."
    (found,) = find_quantities(text, offset=100)
    assert text[found.start - 100 : found.end - 100].startswith("3,400")


@given(st.integers(min_value=1, max_value=999_999_999))
def test_any_grouped_integer_with_a_unit_is_read_back(n: int) -> None:
    (found,) = find_quantities(f"They counted {n:,} workers there.")
    assert found.value == n and found.unit == "workers"


@given(st.integers(min_value=0, max_value=99))
def test_words_to_number_matches_digits(n: int) -> None:
    small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen"]  # fmt: skip
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    words = small[n] if n < 20 else tens[n // 10] + (f"-{small[n % 10]}" if n % 10 else "")
    assert words_to_number(words) == n


def test_the_size_of_a_place_is_not_a_count() -> None:
    assert q("About 900 workers live in the island nation of 5 million people.") == [
        (900, "workers", "about")
    ]
    assert q("Officials expelled 40 people from a city of 80,000 people.") == [
        (40, "persons", None)
    ]
    assert q("The region has a population of 2 million.") == []
    assert q("Some 2 million people crossed the border.") == [(2_000_000, "persons", "about")]


def test_a_percentage_that_grades_a_measured_material_is_left_out() -> None:
    assert q("The plant holds 12.5 kg of uranium enriched to 45 percent purity.") == [
        (12.5, "kg", None)
    ]
    assert q("Inspectors found 8 kg of 30%-enriched material.") == [(8, "kg", None)]
    # without a mass it is the figure itself; a change in a mass stays a percentage
    assert q("The plant enriched uranium to 45 percent purity.") == [(45, "percent", None)]
    assert q("Coal exports rose 15 percent to 9,000 tonnes.") == [
        (15, "percent", None),
        (9_000, "tonnes", None),
    ]


def test_vague_multiples_state_no_number() -> None:
    assert q("Several thousand labourers stayed behind.") == []
    assert q("A few hundred vessels were inspected.") == []
    assert q("A thousand workers left and three hundred workers stayed.") == [
        (1_000, "workers", None),
        (300, "workers", None),
    ]


def test_a_day_of_the_month_is_not_a_count() -> None:
    from sanctionwatch.documents.quantities import find_quantities

    got = [
        (q.value, q.unit)
        for q in find_quantities("Its stock stood at 4,100 kg as of May 11, up from 3,900.")
    ]
    assert (11, "kg") not in got, got
    assert (4100, "kg") in got, got
    got = [(q.value, q.unit) for q in find_quantities("It held 300 kg in May and 450 in June.")]
    assert (450, "kg") in got, got
    got = [(q.value, q.unit) for q in find_quantities("By 22 December, 500 workers had left.")]
    assert got == [(500, "workers")], got


def test_a_compound_is_no_unit_and_counts_of_goods_have_theirs() -> None:
    got = [(q.value, q.unit) for q in find_quantities("12 suspected ship-to-ship transfers")]
    assert got == [(12.0, "transfers")]  # not 12 ships
    text = "140 luxury vehicles, 24 missiles, 6 clinics and 13,000 containers"
    units = [(q.value, q.unit) for q in find_quantities(text)]
    assert units == [
        (140.0, "vehicles"),
        (24.0, "missiles"),
        (6.0, "clinics"),
        (13000.0, "containers"),
    ]
    # must not: a ship named on its own keeps its unit
    assert [(q.value, q.unit) for q in find_quantities("two ships")] == [(2.0, "ships")]


def test_numbers_that_name_a_resolution_or_paragraph_are_not_counts() -> None:
    text = (
        "Resolution 2397 requires Member States to report, and paragraph 8 of resolutions "
        "2375 and 2397 sets the deadline."
    )
    assert find_quantities(text) == []
    # the count after a list of resolutions is still a count
    (q,) = find_quantities("Under resolutions 1718 and 1874, 12 countries must report.")
    assert (q.value, q.unit) == (12, "countries")
    (q,) = find_quantities(
        "This brings to 94 the number of Member States that had reported on resolution 2397."
    )
    assert (q.value, q.unit) == (94, "countries")


def qv(text: str) -> list[tuple[float, str]]:
    return [(x.value, x.unit) for x in find_quantities(text)]


def test_thousands_grouped_by_spaces() -> None:
    assert qv("Russia sent more than 165 000 barrels of fuel in March.") == [(165000, "barrels")]
    assert qv("The cap is 500\u00a0000 barrels a year.") == [(500000, "barrels")]
    # a year and a count side by side stay apart
    assert qv("In 2019 500 workers went home.") == [(500, "workers")]


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_any_integer_grouped_by_spaces_is_read_back(n: int) -> None:
    grouped = f"{n:,}".replace(",", " ")
    assert qv(f"They counted {grouped} tonnes.") == [(n, "tonnes")]


def test_a_range_states_its_scale_once() -> None:
    assert qv("Each year 12 to 15 thousand workers arrive.") == [
        (12000, "workers"),
        (15000, "workers"),
    ]
    assert qv("A value of US $360 - $384 million, the group said.") == [
        (360_000_000, "USD"),
        (384_000_000, "USD"),
    ]
    # no range: the scale of a later figure is its own
    assert qv("It sold 5 ships and 2 million barrels.") == [(5, "ships"), (2_000_000, "barrels")]
    assert qv("From 2017 to 2019 the workers stayed on.") == []


def test_other_currencies_and_counts_of_people_and_organisations() -> None:
    assert qv("Singapore fined the firm S$180,000.") == [(180000, "SGD")]
    assert qv("Imports fell to 690 million yuan.") == [(690_000_000, "CNY")]
    assert qv("Assets of four Russian organisations and six North Korean individuals.") == [
        (4, "entities"),
        (6, "individuals"),
    ]
    assert qv("A total of 97 North Korean doctors are working there.") == [(97, "workers")]
    assert qv("Nine North Korean diplomats stayed.") == [(9, "persons")]
