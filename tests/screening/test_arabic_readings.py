"""Arabic letters read differently from country to country (ظ as d or dh, ذ as z), and
two words of a query that a list writes as one. Names from the UN list."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.names.arabic import romanize_arabic
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.tokensim import skeleton_similarity

PERSON = EntityKind.PERSON
LISTED = {
    "un:QDi.075": "ABDELHALIM HAFED ABDELFATTAH REMADNA",
    "un:TAi.095": "WALIJAN",
    "un:other-wali": "WALI, Jan Mohammad",
    "un:other-hafez": "ABDELHALIM HAMED ABDELFATTAH RAMADAN",
}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [Entity("un", ref, PERSON, [Name(name)]) for ref, name in LISTED.items()]
    )


def _found(screener: Screener, name: str) -> list[str]:
    return [m.entity.ref for m in screener.screen(Query(name, kind=PERSON))]


def test_other_readings_of_the_letters() -> None:
    forms = dict((method, text) for text, method in romanize_arabic(("كاظم",)))
    assert forms["arabic-skeleton"] == "kzm"  # Kazim
    assert forms["arabic-dh-skeleton"] == "kdm"  # Kadhim
    forms = dict((method, text) for text, method in romanize_arabic(("منذر",)))
    assert forms["arabic-z-skeleton"] == "mnzr"  # Munzir
    methods = [method for _, method in romanize_arabic(("محمد",))]
    assert not any(m.endswith(("dh-skeleton", "z-skeleton")) for m in methods)


def test_zah_read_as_d(screener: Screener) -> None:
    # حافظ: HAFED on the list
    found = _found(screener, "عبدالحليم حافظ عبدالفتاح رمادنا")
    assert found == ["un:QDi.075"]


def test_two_words_written_as_one(screener: Screener) -> None:
    found = _found(screener, "ولی جان")
    assert found[:1] == ["un:TAi.095"]
    assert _found(screener, "Wali Jan")[:1] == ["un:TAi.095"]


@pytest.mark.parametrize(
    ("skeleton", "latin", "pairs"),
    [
        ("d", "odeh", True),  # عودة: the ta marbuta written -eh
        ("hmz", "hamzah", True),
        ("hmz", "hamza", True),
        ("d", "odah", True),
        ("d", "dih", False),  # -ih is no ta marbuta
        ("hmz", "hamzeh", True),
        ("hm", "hamzeh", False),
    ],
)
def test_final_ta_marbuta(skeleton: str, latin: str, pairs: bool) -> None:
    assert (skeleton_similarity(skeleton, latin)[0] > 0) is pairs


def test_family_name_ending_in_ta_marbuta() -> None:
    screener = Screener.from_entities(
        [
            Entity("uk", "uk:16342", PERSON, [Name("Ahmed Sharif Abdallah ODEH")]),
            Entity("ofac", "ofac:other", PERSON, [Name("Ahmed Sharif Abdallah AL-ATTAR")]),
        ]
    )
    assert _found(screener, "أحمد شريف عبد الله عودة") == ["uk:16342"]
