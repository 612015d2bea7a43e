"""The state that accuses is not the one accused: "condemned X for", "described X's
supply as a violation", "has long maintained that X"; and money or an origin written
with a state's name ("US$", "US-made") names no actor. Each rule has a text that must
give the reading and one that must not. Every text here is written for these tests."""

from __future__ import annotations

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer


def charged(text: str, published: str = "2023-10-01") -> set[str]:
    an = analyse_text(text, published=published)
    return {c.subject_state for c in an.claims if c.stance == "alleges_violation"}


def test_condemned_for_charges_the_state_condemned() -> None:
    text = (
        "Japan condemned Russia for buying artillery shells from North Korea in violation "
        "of UN Security Council resolutions."
    )
    got = charged(text)
    assert "RU" in got and "JP" not in got
    # the condemning state that is itself charged by another clause stays charged
    own = "Japan violated the arms embargo, the panel said."
    assert charged(own) == {"JP"}


def test_described_as_a_violation_charges_the_state_described() -> None:
    text = (
        "Britain and France described Iran's transfer of drones to Russia as a clear "
        "violation of resolution 2231."
    )
    got = charged(text)
    assert "IR" in got and not {"GB", "FR"} & got


def test_maintained_that_charges_the_state_in_the_clause() -> None:
    text = (
        "Washington has long maintained that Iran is supplying drones to Russia in breach "
        "of resolution 2231."
    )
    got = charged(text)
    assert "IR" in got and "US" not in got


def test_dollars_and_origins_name_no_actor() -> None:
    gaz = gazetteer()
    assert [h.iso2 for h in gaz.countries("hackers stole US$316 million")] == []
    assert [h.iso2 for h in gaz.countries("paid in US dollars")] == []
    assert [h.iso2 for h in gaz.countries("The US said")] == ["US"]
    text = "North Korean hackers stole US$316 million in violation of UN sanctions, the panel said."
    assert charged(text) == {"KP"}
    made = "US-made rifles reached the Houthis in breach of the arms embargo, the panel said."
    assert "US" not in charged(made)


def test_a_state_that_enforces_against_a_breach_is_not_charged_with_it() -> None:
    def read(text: str) -> list[tuple[str, str]]:
        an = analyse_text(text, published="2019-05-10")
        return [(c.subject_state, c.stance) for c in an.claims]

    text = (
        "Canada, Britain and France are monitoring illicit ship-to-ship transfers to North "
        "Korean tankers in the East China Sea."
    )
    got = read(text)
    assert ("CA", "reports_measure") in got and ("FR", "reports_measure") in got
    assert not [s for s, stance in got if stance == "alleges_violation" and s != "KP"]
    seized = (
        "Indonesia's navy took control of the freighter after finding it had breached UN sanctions."
    )
    assert ("ID", "alleges_violation") not in read(seized)
    # the same state named as doing the banned trade is charged
    traded = "Canada illicitly shipped refined oil to North Korean tankers, the panel said."
    assert ("CA", "alleges_violation") in read(traded)
