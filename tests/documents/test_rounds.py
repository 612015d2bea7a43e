"""Rounds of UN sanctions dated to a year with no such resolution (texts written here)."""

from __future__ import annotations

from datetime import date

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.model import Sentence
from sanctionwatch.documents.rounds import check_sanction_years, measure_years
from sanctionwatch.regimes import load_kb


def flags(text: str, published: str = "2018-01-10") -> list[dict[str, object]]:
    an = analyse_text(text, published=published)
    return [e for e in an.factual_errors if e["kind"] == "sanctions_year"]


def test_measure_years_come_from_the_knowledge_base() -> None:
    years = measure_years(load_kb(), "dprk")
    assert 2397 in years[2017] and 2270 in years[2016] and 2094 in years[2013]
    assert 2015 not in years and 2014 not in years


def test_a_round_of_un_sanctions_in_a_year_without_one_is_flagged() -> None:
    text = (
        "Kuwait said it complied with all UN sanctions on North Korea and had stopped "
        "issuing visas after the last round of sanctions in 2014."
    )
    found = flags(text)
    assert len(found) == 1
    assert found[0]["text"] == "round of sanctions in 2014"
    assert "2094 in 2013" in str(found[0]["message"]) and "2016" in str(found[0]["message"])
    found = flags("In 2015, the UN Security Council imposed new sanctions on North Korea.")
    assert [f["text"] for f in found] == ["In 2015, the UN Security Council imposed new sanctions"]


def test_rounds_in_years_with_resolutions_and_national_sanctions_are_not_flagged() -> None:
    # 2016 and 2017 had DPRK resolutions
    assert not flags(
        "Kuwait said it complied with all UN sanctions on North Korea after the round of "
        "sanctions in 2016 and the new UN sanctions imposed in 2017."
    )
    # a state's own sanctions are not the Council's
    assert not flags(
        "The Treasury imposed a round of sanctions in 2015 on North Korean banks, beside "
        "the UN measures."
    )
    # no UN words at all
    assert not flags("Japan added a round of sanctions in 2015 on North Korean ships.")
    # a year after the document's date is another matter (a plan, or a wrong date guess)
    assert not flags(
        "UN diplomats expect a round of sanctions in 2019 on North Korea.", "2018-01-10"
    )


def test_no_regime_no_check() -> None:
    s = Sentence(0, 0, 50, "A new round of UN sanctions in 2015 was expected.")
    assert check_sanction_years([s], load_kb(), None, date(2018, 1, 1)) == []
    assert check_sanction_years([s], None, "dprk", date(2018, 1, 1)) == []
