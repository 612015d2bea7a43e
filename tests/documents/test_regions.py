"""Region adjectives checked against UN M49 regions (texts written for these tests)."""

from __future__ import annotations

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer
from sanctionwatch.documents.regions import check_regions, in_region


def flags(text: str) -> list[str]:
    return [i.text for i in check_regions(text, gazetteer().countries(text))]


def test_in_region_reads_m49() -> None:
    assert in_region("VN", "Southeast Asian") is True
    assert in_region("MN", "South-East Asian") is False
    assert in_region("MN", "East Asian") is True
    assert in_region("QA", "Gulf") is True and in_region("PL", "Gulf") is False
    assert in_region("IR", "Middle Eastern") is True
    assert in_region("MN", "Martian") is None


def test_apposition_with_the_wrong_region_is_flagged() -> None:
    assert flags("Mongolia, a Southeast Asian country, sent the workers home.") == [
        "Southeast Asian country"
    ]
    assert flags("Vietnam, a Southeast Asian country, sent the workers home.") == []


def test_a_back_reference_is_flagged_only_when_no_recent_state_fits() -> None:
    text = (
        "Mongolia hosted 1,200 North Korean workers in 2017. "
        "The Southeast Asian country has since sent most of them home."
    )
    assert flags(text) == ["Southeast Asian country"]
    # Vietnam, named just before, fits: no flag even though Mongolia came last
    text = (
        "Vietnam and Mongolia hosted North Korean workers in 2017. "
        "The Southeast Asian country has since sent most of them home."
    )
    assert flags(text) == []
    # an indefinite phrase may mean a state not named
    assert flags("Mongolia said a Southeast Asian country also hosted workers.") == []


def test_region_flag_reaches_the_analysis() -> None:
    text = (
        "UN sanctions require states to send North Korean workers home.\n"
        "Mongolia, a Southeast Asian country, sent 1,200 workers home in 2018."
    )
    kinds = [e["kind"] for e in analyse_text(text, published="2019-01-01").factual_errors]
    assert kinds == ["region"]
