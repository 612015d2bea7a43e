"""Arabic letters read differently from country to country (ظ as d or dh, ذ as z), and
two words of a query that a list writes as one. Names from the UN list."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.names.arabic import romanize_arabic
from sanctionwatch.screening import Query, Screener

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
