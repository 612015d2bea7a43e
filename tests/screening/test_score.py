"""sw-v1 on the cases that separate it from plain fuzzy matching."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import EntityKind
from sanctionwatch.screening import Match, Query, Screener


def top(screener: Screener, query: Query | str) -> Match:
    q = query if isinstance(query, Query) else Query(query)
    found = screener.screen(q, limit=3, threshold=0.0)
    assert found, f"no candidate at all for {q.name!r}"
    return found[0]


def score_of(screener: Screener, query: str, ref: str) -> float:
    for m in screener.screen(Query(query), limit=20, threshold=0.0):
        if m.entity.ref == ref:
            return m.score
    return 0.0


@pytest.mark.parametrize(
    "query",
    [
        "Kim Jong Un",
        "KIM JONG-UN",
        "Kim Jong-un",
        "kim  jong   un",
        "Jong Un Kim",
        "Kim, Jong Un",
        "Kim Jongun",
        "KimJongUn",
        "Kim Jomg Un",
        "Kim\u200bJong Un",
    ],
)
def test_variants_of_kim_jong_un_find_him_first(screener: Screener, query: str) -> None:
    m = top(screener, query)
    assert m.entity.ref == "T.001"
    assert m.score >= screener.threshold


def test_kim_yo_jong_is_not_kim_jong_un(screener: Screener) -> None:
    assert score_of(screener, "Kim Jong Un", "T.002") < screener.threshold
    assert score_of(screener, "Kim Yo Jong", "T.001") < screener.threshold
    assert score_of(screener, "Kim Jong Un", "T.003") < screener.threshold
    assert top(screener, "Kim Yo Jong").entity.ref == "T.002"


def test_shared_family_name_alone_is_no_match(screener: Screener) -> None:
    assert screener.screen(Query("Kim Chol Nam")) == []
    assert screener.screen(Query("Kim")) == []


def test_dropped_middle_part_and_initials(screener: Screener) -> None:
    assert top(screener, "Abdul Yasin").entity.ref == "T.005"
    assert top(screener, "Abdul Yasin").score >= screener.threshold
    m = top(screener, "A. R. Yasin")
    assert m.entity.ref == "T.005"
    assert any("initial" in f.detail for f in m.explanation)


def test_initial_in_the_entry_does_not_stand_for_a_whole_word(screener: Screener) -> None:
    assert score_of(screener, "Korea Ryonbong G Corp", "T.007") >= screener.threshold
    assert score_of(screener, "Kim Yasin", "T.005") < screener.threshold


def test_organisation_legal_form_and_typo(screener: Screener) -> None:
    m = top(screener, "Korea Ryongbong General Corp.")
    assert m.entity.ref == "T.007"
    assert m.score >= screener.threshold
    assert top(screener, "Ocean Maritime Management Co Ltd").entity.ref == "9002"


def test_similar_but_different_organisation_stays_below(screener: Screener) -> None:
    assert score_of(screener, "Korea Kwangson General Corporation", "T.007") < screener.threshold


def test_explanation_lists_aligned_parts(screener: Screener) -> None:
    m = top(screener, "Kim Jong Un")
    name = m.explanation[0]
    assert name.name == "name"
    assert "kim~kim" in name.detail and "jong~jong" in name.detail
    other = screener.screen(Query("Kim Jong Un"), limit=5, threshold=0.0)
    yo = next(x for x in other if x.entity.ref == "T.002")
    assert "un unmatched in query" in yo.explanation[0].detail
    assert "yo unmatched in entry" in yo.explanation[0].detail


def test_birth_date_agreement_and_conflict(screener: Screener) -> None:
    plain = top(screener, Query("Kim Jong Un")).score
    agree = top(screener, Query("Kim Jong Un", birth_date="1984-01-08"))
    assert agree.entity.ref == "T.001"
    assert any(f.name == "birth_date" and f.weight > 0 for f in agree.explanation)
    conflict = screener.screen(Query("Kim Jong Un", birth_date="1950"), threshold=0.0)[0]
    assert conflict.score < plain
    assert any(f.name == "birth_date" and f.weight < 0 for f in conflict.explanation)


def test_country_agreement_and_conflict(screener: Screener) -> None:
    agree = top(screener, Query("Abdul Yasin", country="Iraq"))
    conflict = top(screener, Query("Abdul Yasin", country="Norway"))
    assert agree.score > conflict.score
    assert any("agrees" in f.detail for f in agree.explanation if f.name == "country")


def test_valid_imo_number_matches_on_its_own(screener: Screener) -> None:
    m = top(screener, Query("Completely Different Name", identifiers=["IMO 8660313"]))
    assert m.entity.ref == "9001"
    assert m.score >= 0.95
    assert any("valid check digit" in f.detail for f in m.explanation)


def test_invalid_imo_number_is_reported_not_trusted(screener: Screener) -> None:
    found = screener.screen(Query("Something", identifiers=["IMO 8660314"]), threshold=0.0)
    assert all(m.entity.ref != "9001" or m.score < 0.9 for m in found)


def test_kind_filter(screener: Screener) -> None:
    found = screener.screen(Query("Chon Ma San", kind=EntityKind.PERSON), threshold=0.0)
    assert all(m.entity.kind is EntityKind.PERSON for m in found)
    assert top(screener, Query("Chon Ma San", kind=EntityKind.VESSEL)).entity.ref == "9001"


def test_weak_alias_scores_a_little_lower(screener: Screener) -> None:
    m = top(screener, "Ryonbong")
    assert m.entity.ref == "T.007"
    assert m.score < 1.0


def test_scores_are_in_unit_interval(screener: Screener) -> None:
    for q in ["Kim Jong Un", "x", "Korea", "Chon Ma San"]:
        for m in screener.screen(Query(q, birth_date="1984-01-08", country="kp"), threshold=0):
            assert 0.0 <= m.score <= 1.0


def test_a_score_does_not_depend_on_what_was_scored_before() -> None:
    """ "abd" and "abdul" share a variant key but not their edit similarity to "abud":
    the per-query token cache must not carry one's similarity over to the other."""
    from sanctionwatch.lists.model import Entity, Name

    screener = Screener.from_entities(
        [
            Entity("un", "QDi.001", EntityKind.PERSON, [Name("Abdul Rahman Yasin")]),
            Entity("ofac_sdn", "22150", EntityKind.PERSON, [Name("AL-'ABD, Ahmad")]),
        ]
    )
    yasin, abd = screener.index.records
    query = Query("Ahmad Abud")
    alone = screener.algorithm.score(screener.prepare(query), abd, screener.index)
    pq = screener.prepare(query)
    screener.algorithm.score(pq, yasin, screener.index)  # "abud" vs "abdul" first
    after = screener.algorithm.score(pq, abd, screener.index)
    assert after.score == alone.score
    assert "abud unmatched" in after.features[0].detail  # 3 letters: no fuzzy pairing
