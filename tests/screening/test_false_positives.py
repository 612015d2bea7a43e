"""Names that resemble a listed name without being it (from clean name sets), and the
variants of the same names that must still match."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.screening import Query, Screener

PERSON = EntityKind.PERSON


def _person(ref: str, *names: str) -> Entity:
    return Entity(
        "ofac_sdn",
        ref,
        PERSON,
        [
            Name(n, NameKind.PRIMARY if i == 0 else NameKind.STRONG_ALIAS)
            for i, n in enumerate(names)
        ],
    )


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [
            _person("1", "MOZHAEV, Alexander Vyacheslavovich", "GREEN", "ROCCO"),
            _person("2", "RYAN, Damion Patrick John"),
            _person("3", "Alexey MILLER"),
            _person("4", "CHEN, Zhu"),
            _person("5", "Ryu Jin"),
            _person("6", "Katerina TIKHONOVA"),
            _person("7", "Jong-Su RI"),
            Entity(
                "ofac_sdn",
                "8",
                EntityKind.ORGANISATION,
                [Name("KHOUZESTAN PETROCHEMICAL COMPANY")],
            ),
        ]
    )


def _refs(screener: Screener, name: str) -> list[str]:
    kind = EntityKind.ORGANISATION if name.isupper() else PERSON
    return [m.entity.ref for m in screener.screen(Query(name, kind=kind))]


@pytest.mark.parametrize(
    "name",
    [
        "Al Green",  # a common given name beside a one-word alias
        "Patrick Ryan",  # two of the entry's four parts missing, the first name among them
        "Ashley Mueller",  # ashley / alexey: another name, not a misspelling
        "成 朱",  # cheng zhu: cheng is not chen
        "유진 박",  # yu jin pak: the family name Pak is not in "Ryu Jin"
        "Октябрина Тихонова",  # oktyabrina / katerina
        "Ri Jang Su",  # Korean syllables: jang is not jong
        "K PETROCHEMICAL COMPANY",  # a letter in a company name stands for no word
    ],
)
def test_resemblance_is_not_a_match(screener: Screener, name: str) -> None:
    assert _refs(screener, name) == []


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("Green", "1"),
        ("Damion John Ryan", "2"),  # one middle name dropped
        ("Alexey Miler", "3"),  # one typo
        ("陈 朱", "4"),  # chen zhu
        ("류진", "5"),  # ryu jin in Hangul
        ("Катерина Тихонова", "6"),
        ("Ri Jong Su", "7"),
        ("KHUZESTAN PETROCHEMICAL COMPANY", "8"),
    ],
)
def test_the_same_names_still_match(screener: Screener, name: str, ref: str) -> None:
    assert _refs(screener, name)[:1] == [ref]
