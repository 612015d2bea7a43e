"""Titles in names on the real UN list: at the start of the given names of "FAMILY,
Given", and abbreviated before the name they precede."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.registry import parse_file
from sanctionwatch.screening import Query, Screener
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def un() -> Screener:
    snapshot = parse_file(shared_file("lists/un/consolidated_2026-02-27.xml"))
    return Screener.from_entities(snapshot.entities)


def _top(screener: Screener, query: str) -> set[str]:
    found = screener.screen(Query(query), limit=10)
    return {m.entity.ref for m in found if m.score == found[0].score} if found else set()


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        # ABDUL BARI AKHUND (TAi.094), also listed as "Haji Mullah Sahib"
        ("AKHUND, Mullah Abdul Bari", "TAi.094"),  # a title at the start of the given names
        ("H. Mullah SAHIB", "TAi.094"),  # "H." for Haji: the name as listed, abbreviated
        ("SAHIB, Haji Mullah", "TAi.094"),
    ],
)
def test_names_with_titles_find_their_entry(un: Screener, query: str, ref: str) -> None:
    assert _top(un, query) == {ref}


@pytest.mark.parametrize(
    "query",
    [
        "M. Mullah SAHIB",  # no listed name has a part starting with M before Mullah SAHIB
        "H. Mullah Sahib Khan",  # a part more than any listed name
        "KHAN, Mullah Abdul Bari",  # another family name
    ],
)
def test_titles_alone_do_not_make_a_match(un: Screener, query: str) -> None:
    assert not un.screen(Query(query), limit=3)
