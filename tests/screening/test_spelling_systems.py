"""Spellings a list mixes or splits: a plural of a glossary word (POLY TECHNOLOGIES for a
name glossed "technology"), a Russian name whose words are romanised by different
systems, a Korean given name whose glide is written as two syllables. Names from the
UK, OFAC and EU lists."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.names.hangul import contract_glides
from sanctionwatch.names.variants import english_plural, variant_key
from sanctionwatch.screening import Query, Screener

ORG, PERSON = EntityKind.ORGANISATION, EntityKind.PERSON
LISTED = {
    "uk:16828": (ORG, "POLY TECHNOLOGIES, INC"),
    "uk:14397": (PERSON, "Zurab Gayozovich MAKIEV"),
    "ofac:35676": (PERSON, "MAKIYEV, Zurab Gayozovich"),
    "uk:14317": (PERSON, "Ahmed Shamkhanovich DOGAEV"),
    "ofac:35609": (PERSON, "DOGAYEV, Akhmed Shamkhanovich"),
    "ofac:26121": (PERSON, "DOGAEV, Andrey"),
    "uk:13595": (PERSON, "Su Nyo RYANG"),
    "ofac:ri-su-yong": (PERSON, "RI, Su Yong"),
    "ofac:boyle": (ORG, "BOYLE CHEMICAL CO., LTD."),
    "eu:XVI.A/7": (PERSON, "DJANG Tcheul Hy"),
    "uk:jang-chol": (PERSON, "JANG Chol"),
}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [Entity(ref.split(":")[0], ref, kind, [Name(name)]) for ref, (kind, name) in LISTED.items()]
    )


def _found(screener: Screener, name: str, kind: EntityKind) -> list[tuple[str, float]]:
    return [(m.entity.ref, m.score) for m in screener.screen(Query(name, kind=kind))]


def test_glossary_plurals_share_a_key() -> None:
    assert variant_key("technologies") == variant_key("technology")
    assert variant_key("industries") == variant_key("industry")
    assert variant_key("services") == "service"
    assert variant_key("news") == "news"  # "new" is too short to count
    assert english_plural("industry") == "industries"
    assert english_plural("bus") == "buses"
    assert english_plural("day") == "days"


def test_plural_of_a_glossed_word_is_reached(screener: Screener) -> None:
    found = _found(screener, "保利科技有限公司", ORG)
    assert [ref for ref, _ in found] == ["uk:16828"]


@pytest.mark.parametrize(
    ("name", "refs"),
    [
        ("Макиев Зураб Гайозович", {"uk:14397", "ofac:35676"}),
        ("Догаев Ахмед Шамханович", {"uk:14317", "ofac:35609"}),
    ],
)
def test_words_romanised_by_different_systems(
    screener: Screener, name: str, refs: set[str]
) -> None:
    found = _found(screener, name, PERSON)
    # Both spellings are exact: MAKIEV (passport) with Gayozovich (BGN/PCGN).
    assert {ref for ref, score in found if score == 1.0} == refs
    assert "ofac:26121" not in {ref for ref, _ in found}  # another Dogaev


def test_split_glide_is_joined(screener: Screener) -> None:
    assert contract_glides("수니오") == "수뇨"
    assert contract_glides("수용") is None
    assert contract_glides("니") is None
    found = _found(screener, "량수니오", PERSON)
    assert [ref for ref, _ in found][:1] == ["uk:13595"]
    assert "ofac:ri-su-yong" not in {ref for ref, _ in found}


def test_french_romanisation_of_a_korean_name(screener: Screener) -> None:
    assert variant_key("djang") == variant_key("jang")
    assert variant_key("tcheul") == variant_key("chol")
    found = _found(screener, "장철희", PERSON)
    assert [ref for ref, _ in found][:1] == ["eu:XVI.A/7"]
    # 장철 is JANG Chol, not DJANG Tcheul Hy first
    assert [ref for ref, _ in _found(screener, "장철", PERSON)][:1] == ["uk:jang-chol"]
