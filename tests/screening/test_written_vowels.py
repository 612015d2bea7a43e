"""A long i that Arabic script writes at the end of a name (محمدی, Mohammadi) makes a
name of its own: it pairs with no Latin spelling that lacks it, and a word that ends in
a consonant pairs with no spelling that adds it. Names from the UN, OFAC and UK lists."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.names.arabic import WRITTEN_I, romanize_arabic
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.tokensim import skeleton_similarity, token_similarity, written_i


def _person(ref: str, *names: str) -> Entity:
    return Entity(
        "ofac_sdn",
        ref,
        EntityKind.PERSON,
        [
            Name(n, NameKind.PRIMARY if i == 0 else NameKind.STRONG_ALIAS)
            for i, n in enumerate(names)
        ],
    )


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [
            _person("21977", "HUSAYN, Muhammad"),
            _person("uk12204", "Hussein MUHAMMAD"),
            _person("36003", "HOSSEINI, Mohammad Ali", "HOSEINI, Mohammadali", "HOSSENI, M. Ali"),
            _person("TAi.099", "MOHAMMAD SHAFIQ MOHAMMADI"),
            _person("40298", "HOSSEINI, Seyed Sadegh"),
            _person("IQi.009", "MUHAMMAD HAMZA ZUBAIDI"),
            _person("IQi.044", "YAHIA ABDALLAH AL-UBAIDI"),
            _person("IQi.001", "SADDAM HUSSEIN AL-TIKRITI"),
            _person("12112", "MUSAVI, Hossein"),
        ]
    )


def _top(screener: Screener, name: str) -> list[str]:
    return [m.entity.ref for m in screener.screen(Query(name, kind=EntityKind.PERSON))]


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("محمد شفیق محمدی", "TAi.099"),  # the UN's own original-script name
        ("سید صادق حسینی", "40298"),
        ("محمد حمزة زبيدي", "IQi.009"),
        ("يحيى عبد الله العبيدي", "IQi.044"),
        ("صدام حسين التكريتي", "IQi.001"),
        ("حسین موسوی", "12112"),  # -avi: و before the final ی is a consonant
    ],
)
def test_names_with_and_without_the_i_still_match(screener: Screener, name: str, ref: str) -> None:
    assert _top(screener, name)[:1] == [ref]


def test_a_name_made_with_the_i_is_not_the_name_it_is_made_from(screener: Screener) -> None:
    # Hossein Mohammadi (a clean name) is neither Husayn Muhammad nor Hosseini Mohammadali
    assert _top(screener, "حسین محمدی") == []
    found = screener.screen(Query("حسین محمدی", kind=EntityKind.PERSON), threshold=0.3)
    detail = {m.entity.ref: m.explanation[0].detail for m in found}
    assert "mohammadi unmatched in query (ends in a long i the script writes)" in detail["21977"]
    assert "muhammad unmatched in entry" in detail["21977"]


def test_skeleton_marks_the_written_i() -> None:
    forms = dict((m, t) for t, m in romanize_arabic(("حسین", "محمدی")))
    assert forms["arabic-skeleton"] == f"hsn mhmd{WRITTEN_I}"
    # short names and words ending in another letter are not marked
    assert dict((m, t) for t, m in romanize_arabic(("علي",))).get("arabic-skeleton", "l") == "l"
    assert dict((m, t) for t, m in romanize_arabic(("محمد",)))["arabic-skeleton"] == "mhmd"


@pytest.mark.parametrize(
    ("skeleton", "latin", "pairs"),
    [
        ("mhmdi", "mohammadi", True),
        ("mhmdi", "muhammady", True),
        ("mhmdi", "muhammad", False),
        ("hsni", "hosseini", True),
        ("hsn", "hosseini", False),
        ("hsn", "hussein", True),
        ("msbi", "musavi", True),
    ],
)
def test_skeleton_similarity(skeleton: str, latin: str, pairs: bool) -> None:
    assert (skeleton_similarity(skeleton, latin)[0] > 0) is pairs


def test_written_i() -> None:
    assert written_i("muhammadi") and written_i("hosseini") and written_i("zubaidi")
    assert not written_i("ali") and not written_i("hani") and not written_i("rezaei")


def test_token_similarity_of_transliterated_tokens() -> None:
    def sim(q: str, c: str, arabic: bool) -> float:
        return token_similarity(q, q, "", c, c, "", arabic=arabic, guessed=arabic)[0]

    assert sim("muhammadi", "muhammad", arabic=True) == 0.0
    assert sim("husayn", "husaini", arabic=True) == 0.0
    # a typed Latin name keeps its spelling variants ("Anatoli" / "Anatol")
    assert sim("muhammadi", "muhammad", arabic=False) > 0.9
