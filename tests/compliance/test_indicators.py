from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.compliance.indicators import (
    Point,
    Series,
    detect_surges,
    obligation_for,
    parse_csv,
    read_csv,
    series_from_text,
)
from sanctionwatch.errors import InputError

# Two sentences in the shape of the Reuters seed (our own words, same figures).
TEXT = (
    "Interior Ministry figures released on Wednesday showed visas to North Koreans rose last "
    "year. The figures showed Russia issued 16,613 tourist and 10,345 student visas. That "
    "compared with 2,035 tourist and 2,610 student visas granted to North Koreans in 2018. "
    "Experts suspect that many of those issued tourist visas are working illegally in Russia."
)

CSV = """indicator,state,category,period,value,unit,source,note
visas,RU,tourist,2018,"2,035",visas,Interior Ministry,
visas,RU,tourist,2019,"16,613",visas,Interior Ministry,experts suspect work on tourist visas
visas,RU,student,2018,2610,visas,Interior Ministry,
visas,RU,student,2019,10345,visas,Interior Ministry,
trade,CN,coal imports,2016,22.5,Mt,customs,
trade,CN,coal imports,2017,5.0,Mt,customs,
"""


def test_series_from_text_reads_years_state_and_suspicion() -> None:
    series = series_from_text(TEXT, published=date(2020, 1, 16), source="reuters")
    got = {(s.state, s.category): [(p.period, p.value) for p in s.points] for s in series}
    assert got == {
        ("RU", "student"): [("2018", 2610.0), ("2019", 10345.0)],
        ("RU", "tourist"): [("2018", 2035.0), ("2019", 16613.0)],
    }
    assert all(s.suspicion and s.suspicion.startswith("Experts suspect") for s in series)


def test_series_from_text_needs_a_year() -> None:
    assert (
        series_from_text(TEXT.replace("last year", "recently"), published=None)[0].points[0].period
        == "2018"
    )
    only_relative = "The figures showed Russia issued 16,613 tourist visas last year."
    assert series_from_text(only_relative, published=None) == []


def test_surges_tourist_x8_2_student_x4_0_for_op8() -> None:
    surges = detect_surges(series_from_text(TEXT, published=date(2020, 1, 16)))
    labels = sorted(s.label for s in surges)
    assert labels == [
        "RU student visas 2018\u21922019: 2,610 \u2192 10,345 (x4.0)",
        "RU tourist visas 2018\u21922019: 2,035 \u2192 16,613 (x8.2)",
    ]
    assert {s.obligation_id for s in surges} == {"2397-OP8"}
    assert round(surges[1].ratio, 2) == round(16613 / 2035, 2)


def test_threshold_setting() -> None:
    series = series_from_text(TEXT, published=date(2020, 1, 16))
    assert [s.category for s in detect_surges(series, threshold=5.0)] == ["tourist"]
    assert detect_surges(series, threshold=9.0) == []
    with pytest.raises(InputError, match="above 1"):
        detect_surges(series, threshold=0.5)


def test_csv_import_and_surges(tmp_path: Path) -> None:
    path = tmp_path / "ind.csv"
    path.write_text(CSV, encoding="utf-8")
    series = read_csv(path)
    assert len(series) == 3
    assert sum(len(s.points) for s in series) == CSV.count("\n") - 1
    surges = detect_surges(series)
    assert [(s.category, round(s.ratio, 1)) for s in surges] == [("student", 4.0), ("tourist", 8.2)]
    tourist = next(s for s in surges if s.category == "tourist")
    assert tourist.suspicion == "experts suspect work on tourist visas"
    # a fall is not a surge
    assert not any(s.indicator == "trade" for s in surges)


def test_trade_surges_map_to_the_goods_obligation() -> None:
    text = CSV + "trade,CN,refined petroleum exports to KP,2018,1000,barrels,customs,\n"
    text += "trade,CN,refined petroleum exports to KP,2019,5000,barrels,customs,\n"
    text += "trade,XX,garden gnomes,2018,1,units,customs,\ntrade,XX,garden gnomes,2019,9,units,x,\n"
    surges = {s.category: s for s in detect_surges(parse_csv(text))}
    assert surges["refined petroleum exports to kp"].obligation_id == "2397-OP5"
    assert surges["garden gnomes"].obligation_id is None
    assert obligation_for("trade", "coal imports") == (
        "2371-OP8",
        "DPRK coal, iron and iron ore exports are banned",
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("indicator,state,value\nvisas,RU,1\n", "lacks column(s) period"),
        ("indicator,state,period,value,colour\n", "unknown column(s) colour"),
        ("indicator,state,period,value\n", "no data rows"),
        ("indicator,state,period,value\nvisas,RU,2019\n", "line 2: expected 4 fields, got 3"),
        ("indicator,state,period,value\nvisas,Russia,2019,5\n", "not an ISO 3166"),
        ("indicator,state,period,value\nvisas,RU,19,5\n", "period '19'"),
        ("indicator,state,period,value\nvisas,RU,2019,many\n", "'many' is not a number"),
        ("indicator,state,period,value\nvisas,RU,2019,-4\n", "finite number >= 0"),
        ("indicator,state,period,value\nvisas,RU,2019,nan\n", "finite number >= 0"),
        ("indicator,state,period,value\nvisas,RU,2019,5\nvisas,RU,2019,6\n", "given twice"),
        ('indicator,state,period,value\nvisas,RU,2019,"5\n', "line"),
    ],
)
def test_bad_csv_gives_clear_error(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=re.escape(problem)):
        parse_csv(text, origin="x.csv")


def test_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("indicator,state,period,value\nvisas,RU,2019,5 \xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_csv(path)
    with pytest.raises(InputError, match="cannot read"):
        read_csv(tmp_path / "missing.csv")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=10**7), min_size=2, max_size=8),
    st.floats(min_value=1.01, max_value=50),
)
def test_surges_match_a_plain_recount(values: list[int], threshold: float) -> None:
    pts = tuple(Point(str(2000 + i), float(v)) for i, v in enumerate(values))
    surges = detect_surges([Series("visas", "RU", "tourist", "visas", pts)], threshold)
    expected = [
        (str(2000 + i), str(2001 + i))
        for i, (a, b) in enumerate(itertools.pairwise(values))
        if a > 0 and b / a >= threshold
    ]
    assert [(s.period_from, s.period_to) for s in surges] == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_parse_csv_never_fails_unclearly(text: str) -> None:
    try:
        parse_csv(text)
    except InputError as exc:
        assert exc.message.startswith("<csv>")
