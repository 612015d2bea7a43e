from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.compliance.contradictions import (
    Kind,
    ReferenceIssue,
    find_contradictions,
    number_contradictions,
)
from tests.compliance.facts import (
    ADMISSION,
    EXPERTS,
    ILYICHEV,
    REMAINING,
    SAME_DAY_CLAIM,
    US_ESTIMATE,
    US_ON_CHINA,
)


def kinds(items: list) -> list[str]:
    return sorted(c.kind.value for c in items)


def test_own_statements_over_time_and_same_day() -> None:
    found = find_contradictions([ADMISSION, SAME_DAY_CLAIM, ILYICHEV])
    own = [c for c in found if c.kind is Kind.OWN_OVER_TIME]
    assert len(own) == 2
    texts = " ".join(c.summary for c in own)
    assert "on the same day" in texts
    assert "on 2020-01-16 and then on 2023-12-17" in texts


def test_claim_against_third_party() -> None:
    found = find_contradictions([ILYICHEV, EXPERTS, US_ON_CHINA])
    assert kinds(found) == ["claim-vs-third-party"]
    assert found[0].evidence == (ILYICHEV, EXPERTS)


def test_numbers_30000_vs_1000_not_explained_without_as_of() -> None:
    found = find_contradictions(observations=[US_ESTIMATE, REMAINING])
    assert kinds(found) == ["numbers"]
    c = found[0]
    assert c.explained is None
    assert "30,000" in c.summary and "about 1,000" in c.summary and "(x30)" in c.summary
    assert "no as-of date (stated in a document of 2020-01-16)" in c.explanation


def test_numbers_explained_or_not_by_as_of_dates() -> None:
    old = replace(US_ESTIMATE, as_of=date(2017, 12, 1))
    c = find_contradictions(observations=[old, REMAINING], deadline=date(2019, 12, 22))[0]
    assert c.explained is True
    assert "the deadline 2019-12-22 lies between them" in c.explanation
    near = replace(US_ESTIMATE, as_of=date(2019, 12, 1))
    c = find_contradictions(observations=[near, REMAINING])[0]
    assert c.explained is False
    assert "46 days apart" in c.explanation


def test_similar_numbers_and_other_states_do_not_contradict() -> None:
    close = replace(REMAINING, value=1200)
    china = replace(US_ESTIMATE, state="CN")
    assert find_contradictions(observations=[REMAINING, close, china]) == []


def test_document_against_knowledge_base() -> None:
    issue = ReferenceIssue("uni", "UNI, 17 Dec", date(2023, 12, 17), "2379",
                           "2379 (21 Sep 2017) is on ISIL crimes in Iraq; the December 2017 "
                           "DPRK resolution is 2397", resolved=2397)  # fmt: skip
    found = find_contradictions(issues=[issue])
    assert kinds(found) == ["document-vs-kb"]
    assert "cites resolution 2379" in found[0].summary and "2397" in found[0].summary


def test_no_duplicates() -> None:
    found = find_contradictions([ILYICHEV, EXPERTS, ILYICHEV, EXPERTS])
    assert len(found) == 1


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 10**6), st.sampled_from(["RU", "CN"]), st.integers(0, 2000)),
        max_size=8,
    )
)
def test_number_pairs_match_a_plain_recount(items: list[tuple[int, str, int]]) -> None:
    base = date(2018, 1, 1)
    obs = [
        replace(REMAINING, value=float(v), state=s, as_of=base + timedelta(days=d), sentence=f"{i}")
        for i, (v, s, d) in enumerate(items)
    ]
    found = number_contradictions(obs)
    expected = 0
    for i, a in enumerate(obs):
        for b in obs[i + 1 :]:
            if a.state == b.state and max(a.value, b.value) / min(a.value, b.value) >= 1.5:
                expected += 1
    assert len(found) == expected
    for c in found:
        hi, lo = c.observations
        gap = abs(((hi.as_of or base) - (lo.as_of or base)).days)
        assert c.explained is (gap >= 180)


def test_one_sentence_change_and_flows_are_not_contradictions() -> None:
    said = "Workers fell from 34,000 to 11,000 since the resolution."
    before = replace(REMAINING, value=34000, sentence=said, as_of=None)
    after = replace(REMAINING, value=11000, sentence=said, as_of=None)
    assert number_contradictions([before, after]) == []
    visas = [replace(REMAINING, unit="visas", value=v, sentence=str(v)) for v in (3067, 753)]
    assert number_contradictions(visas) == []
