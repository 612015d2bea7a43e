"""Keyword matching: whole words, overlapping phrases, prefixes, regimes."""

from __future__ import annotations

from sanctionwatch.regimes import load_kb, obligation_scores
from sanctionwatch.regimes.keywords import keyword_index

KB = load_kb()


def test_overlapping_phrases_are_all_counted() -> None:
    hits = keyword_index(KB).hits("a ban on the hiring of north korean workers")
    assert {"hiring of north korean", "north korean workers"} <= hits["2375-OP17"]


def test_shorter_keywords_inside_longer_ones_count() -> None:
    hits = keyword_index(KB).hits("Coal exports rose.")
    assert {"coal exports", "coal"} <= hits["2371-OP8"]


def test_whole_words_only_and_case_and_apostrophes() -> None:
    assert "2397-OP5" not in dict(obligation_scores("the undiesel fuelling"))
    assert "2397-OP5" in dict(obligation_scores("DIESEL shipments"))
    assert "1874-OP26" in dict(obligation_scores("the Panel’s mandate"))


def test_names_support_an_obligation_but_never_select_one() -> None:
    # a firm, a body or a place named alone: no obligation
    assert "2321-metals-statues" not in dict(obligation_scores("contracts with Mansudae"))
    assert "1874-OP26" not in dict(obligation_scores("the Panel’s report said"))
    assert "2231-annexA-stockpile" not in dict(obligation_scores("the IAEA said on Monday"))
    # beside a keyword of the same obligation they count
    hits = keyword_index(KB).hits("Mansudae built statues in Africa")
    assert hits["2321-metals-statues"] == {"mansudae", "statues"}
    assert "2231-annexA-stockpile" in dict(obligation_scores("the IAEA's stockpile figures"))


def test_regime_filter_and_regime_names() -> None:
    assert {i for i, _ in obligation_scores("arms embargo", regime="libya")} == {"1970-OP9"}
    index = keyword_index(KB)
    assert index.regimes("Pyongyang and Tehran") == {"dprk", "iran"}
    assert index.regimes("Gaddafi's assets") == {"libya"}
    assert index.regimes("Iranian-made drones and North Korean-flagged ships") == {"iran", "dprk"}
    assert index.regimes("Irani Street, Korean food") == set()


def test_libya_oil_exports_and_high_seas_inspections_have_their_own_duties() -> None:
    kb = load_kb()
    assert kb.regime_of(2146) == kb.regime_of(2292) == "libya"
    assert (kb.obligation("2146-OP10").paragraph, kb.obligation("2292-OP3").paragraph) == (
        "OP10",
        "OP3",
    )
    boarded = "The EU mission Irini boarded a freighter bound for Libya on the high seas."
    assert obligation_scores(boarded)[0][0] == "2292-OP3"
    tanker = "The committee blacklisted a tanker that took on crude oil from Libya illicitly."
    assert obligation_scores(tanker)[0][0] == "2146-OP10"
    # arms on their way to Libya stay under the embargo itself
    arms = "Armoured vehicles and ammunition reached Libya in breach of the arms embargo."
    assert obligation_scores(arms)[0][0] == "1970-OP9"


def test_the_african_and_haiti_regimes_hold_their_measures() -> None:
    kb = load_kb()
    assert {kb.regime_of(n) for n in (733, 2036, 2093)} == {"somalia"}
    assert (kb.regime_of(1807), kb.regime_of(2428), kb.regime_of(1591)) == (
        "drc",
        "south_sudan",
        "sudan",
    )
    assert (kb.regime_of(1907), kb.regime_of(2127), kb.regime_of(2752)) == (
        "eritrea",
        "car",
        "haiti",
    )
    assert kb.obligation("2036-OP22").paragraph == "OP22"
    assert kb.obligation("2127-OP54").status == "official summary"
    # a paragraph no source read confirms says so
    assert "paragraph" in kb.obligation("733-OP5").unconfirmed
    assert kb.obligation("1907-OP5").ends is not None  # lifted in 2018
    charcoal = "Dhows carried Somali charcoal to the Gulf."
    assert obligation_scores(charcoal)[0][0] == "2036-OP22"
    # must not: the same words on another regime's ground stay with that regime
    libya = "Armoured vehicles and ammunition reached Libya in breach of the arms embargo."
    assert obligation_scores(libya)[0][0] == "1970-OP9"
    assert not any(i.startswith("2428") for i, _ in obligation_scores(libya))


def test_words_every_conflict_uses_name_no_regime_duty() -> None:
    # a text that names no regime is matched against every regime's keywords, so the
    # African regimes' keywords are phrases of their measures, not words of any war
    generic = "Troops fought the rebels and armed groups with air strikes and bombing."
    assert obligation_scores(generic) == []
    # must not: the measure's own phrasing still finds it
    darfur = "The government kept up offensive military flights over the region."
    assert obligation_scores(darfur)[0][0] == "1591-OP6"
