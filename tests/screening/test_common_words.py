"""Names made of common words, lone initials, title words as family names, weak
aliases found whole and queries in two scripts, against the real OFAC, UN and UK
lists."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import EntityKind
from sanctionwatch.lists.registry import parse_file
from sanctionwatch.names import variant_key
from sanctionwatch.screening import Match, Query, Screener
from sanctionwatch.screening.candidates import COMMON_POSTING
from tests.conftest import shared_file

LISTS = (
    "lists/ofac/sdn_csv_2024-05-03/sdn.csv",
    "lists/un/consolidated_2026-02-27.xml",
    "lists/uk/ConList_2025-04-14.xlsx",
)


@pytest.fixture(scope="module")
def lists() -> Screener:
    entities = [e for rel in LISTS for e in parse_file(shared_file(rel)).entities]
    return Screener.from_entities(entities)


def _found(s: Screener, name: str) -> list[Match]:
    return s.screen(Query(name, kind=EntityKind.PERSON), limit=10)


def _top(s: Screener, name: str) -> set[str]:
    found = _found(s, name)
    return {m.entity.primary_name for m in found if m.score == found[0].score} if found else set()


def test_a_name_of_common_words_only_is_found(lists: Screener) -> None:
    postings = lists.index.by_key
    common = postings.get(variant_key("al"))
    assert common is not None and len(common) > COMMON_POSTING  # fetched by no query alone
    assert _top(lists, "AL-MUHAMMAD, Muhammad") == {"AL-MUHAMMAD, Muhammad"}
    assert _top(lists, "Muhammad AL MUHAMMAD") == {"AL-MUHAMMAD, Muhammad"}


def test_a_lone_initial_is_scored_against_the_names_the_other_words_reach(
    lists: Screener,
) -> None:
    found = _found(lists, "S. AL ABDULLAH")
    scores = {m.entity.primary_name: m.score for m in found}
    top = max(scores.values())
    # Saleh and Suhail AL-ABDULLAH fit alike; Nabeul does not start with S.
    assert scores.get("Saleh AL ABDULLAH") == top
    assert scores.get("Suhail AL-ABDULLAH") == top
    assert scores.get("Nabeul AL-ABDULLAH", 0.0) < top


def test_a_title_word_as_family_name_is_kept(lists: Screener) -> None:
    assert _top(lists, "SHEIKH, Qari Muhammad Yaqoob") >= {"SHEIKH, Qari Muhammad Yaqoob"}
    # The initial stands for the family name SHEIKH: before MCLINTOCK's "YAQOOB,
    # Muhammad", which has no part starting with S.
    assert _top(lists, "S. Qari Muhammad Yaqoob") == {"SHEIKH, Qari Muhammad Yaqoob"}


def test_a_weak_alias_found_whole_beats_a_name_found_in_part(lists: Screener) -> None:
    # "Abu Bilal" is a weak alias of Tarkhan GAZIEV (UN) and part of "AL-HARBI,
    # Abu-Bilal" (OFAC), the family name left out.
    for query in ("Абу-Билал", "Abu Bilal"):
        found = _found(lists, query)
        assert found[0].entity.primary_name == "TARKHAN ISMAILOVICH GAZIEV", query
        un = [m for m in found if m.entity.source == "un"]
        assert un and un[0].entity.primary_name == "TARKHAN ISMAILOVICH GAZIEV"
        assert un[0].matched_name == "Abu Bilal"
        weak = [f for f in un[0].explanation if f.name == "weak_alias"]
        assert weak and weak[0].weight < 0.0  # a weak alias still costs something
        partial = [m for m in found if "HARBI" in m.entity.primary_name]
        assert partial and partial[0].score < un[0].score


@pytest.mark.parametrize(
    "query",
    ["179 SRZ \u0410\u041e", "179 SRZ AO"],  # the legal form in Cyrillic letters, or not
)
def test_a_query_in_two_scripts_is_found_whole(lists: Screener, query: str) -> None:
    want = "AKTSIONERNOYE OBSHCHESTVO 179 SUDOREMONTNYY ZAVOD"
    found = lists.screen(Query(query, kind=EntityKind.ORGANISATION), limit=3)
    assert found and found[0].entity.primary_name == want
    assert found[0].score == 1.0
