"""Sentences that state no compliance position must give no claim: breaches that are only
supposed, policies that fail, calls on others to act. A near sentence that does state one
must still give it.

Every text here is written for these tests.
"""

from __future__ import annotations

from sanctionwatch.documents import analyse_text

HEAD = (
    "Officials met on Tuesday to discuss UN sanctions on North Korea, including resolution "
    "2397, which ordered member states to send North Korean workers home by December 2019.\n"
)


def claims(text: str) -> list[tuple[str, str]]:
    an = analyse_text(HEAD + text, published="2020-01-10")
    return [(c.subject_state, c.stance) for c in an.claims if c.start >= len(HEAD)]


def test_a_breach_that_would_happen_under_a_condition_is_not_alleged() -> None:
    assert ("RU", "alleges_violation") in claims(
        "Russia violated the resolution by keeping the workers, experts said."
    )
    assert ("RU", "alleges_violation") not in claims(
        "Russia would violate the resolution if it kept the workers, experts said."
    )
    assert ("RU", "alleges_violation") not in claims(
        "Experts said that if Russia kept the workers, it breached the resolution."
    )


def test_a_modal_before_the_breach_is_a_supposition_but_a_hedge_on_the_past_is_not() -> None:
    assert ("CN", "alleges_violation") not in claims(
        "Diplomats warned that China could breach the resolution."
    )
    # hedged allegations about what happened stay allegations
    assert ("CN", "alleges_violation") in claims(
        "Diplomats said China may have breached the resolution."
    )


def test_a_trade_expected_in_future_is_not_alleged() -> None:
    assert ("KP", "alleges_violation") in claims(
        "Analysts say North Korea sent more workers abroad last year."
    )
    assert ("KP", "alleges_violation") not in claims(
        "Analysts say North Korea may try to send more workers abroad next year."
    )


def test_sanctions_that_failed_are_no_admission_by_a_state() -> None:
    got = claims("Critics say the sanctions have failed to stop North Korea's weapons programme.")
    assert not any(s in ("admits_noncompliance", "alleges_violation") for _, s in got), got
    # a state that failed to act is still alleged to breach
    assert ("MN", "alleges_violation") in claims(
        "The panel said Mongolia failed to repatriate the workers by the deadline."
    )


def test_urging_a_state_to_implement_is_neither_a_measure_nor_compliance() -> None:
    got = claims("Japan urged China to fully implement the sanctions.")
    assert not any(st in ("JP", "CN") for st, _ in got), got
    assert ("CN", "asserts_compliance") in claims(
        "China said it would fully implement the sanctions."
    )


def test_a_state_committed_to_the_resolutions_asserts_compliance() -> None:
    got = claims("The United States remains committed to implementing the UN resolutions.")
    assert ("US", "asserts_compliance") in got
    assert ("US", "reports_measure") not in got
    # a pledge in a side clause does not make a breach the state's own statement
    got = claims(
        "Russia, which has pledged to implement the sanctions, continued to import North "
        "Korean coal last year."
    )
    assert ("RU", "alleges_violation") in got, got


COAL = (
    "A UN report said on Monday that North Korea shipped coal to China in violation of the "
    "2017 ban on its coal exports under resolution 2371.\n"
)


def coal_claims(text: str) -> list[tuple[str, str]]:
    an = analyse_text(COAL + text, published="2020-01-10")
    return [(c.subject_state, c.stance) for c in an.claims if c.start >= len(COAL)]


def test_trade_before_the_ban_is_no_breach() -> None:
    assert ("CN", "alleges_violation") in coal_claims(
        "Last year, China bought North Korean coal worth $20 million."
    )
    got = coal_claims("Before the ban, China bought North Korean coal worth $20 million a year.")
    assert ("CN", "alleges_violation") not in got, got
    got = coal_claims(
        "North Korea exported coal to China in 2016, before the sanctions took effect."
    )
    assert ("KP", "alleges_violation") not in got, got


def test_a_measure_only_weighed_or_possible_is_not_reported() -> None:
    assert ("RU", "reports_measure") in claims("Russia expelled the workers last month.")
    assert ("RU", "reports_measure") not in claims(
        "Russia has said it will consider expelling the workers."
    )
    assert ("RU", "reports_measure") not in claims(
        "Russia could expel the workers if the Council insisted."
    )
    # a decision announced for the future is a measure
    assert ("QA", "reports_measure") in claims(
        "Qatar said it would stop renewing visas for North Korean workers."
    )


IRAN = (
    "The UN atomic agency said on Wednesday that Iran's enriched uranium stockpile had "
    "grown again, according to a confidential report on the 2015 nuclear deal.\n"
)


def iran_claims(text: str) -> list[tuple[str, str]]:
    an = analyse_text(IRAN + text, published="2021-06-01")
    return [(c.subject_state, c.stance) for c in an.claims if c.start >= len(IRAN)]


def test_the_cap_itself_is_a_recap_of_the_rule_not_a_figure_about_the_state() -> None:
    got = iran_claims("Under the deal, Iran agreed to limit enrichment to 3.67 percent purity.")
    assert not any(st == "IR" for st, _ in got), got
    # the state's own figure is about its conduct
    assert any(
        st == "IR" for st, _ in iran_claims("Iran has enriched uranium to 20 percent purity.")
    )


def full_claims(text: str) -> list[tuple[str, str, str | None]]:
    an = analyse_text(HEAD + text, published="2020-01-10")
    return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims if c.start >= len(HEAD)]


def test_a_breach_of_one_blocs_sanctions_names_no_un_obligation() -> None:
    got = full_claims("Prosecutors said Latvia breached EU sanctions by buying Russian steel.")
    assert ("LV", "alleges_violation", None) in got, got
    # the same breach of the UN resolution keeps its obligation
    got = full_claims("Prosecutors said Latvia breached the UN resolution by hiring the workers.")
    assert any(st == "LV" and ob is not None for st, _, ob in got), got


def test_detaining_a_ship_is_a_measure_not_a_breach_by_the_detaining_state() -> None:
    got = full_claims(
        "Polish customs officers have detained a cargo ship on suspicion that it was "
        "carrying Russian steel in breach of EU sanctions."
    )
    assert ("PL", "reports_measure", None) in got, got
    assert not any(st == "PL" and s == "alleges_violation" for st, s, _ in got), got
    # detaining people is no measure on a ship or its cargo
    got = full_claims("Polish police detained two activists protesting against the sanctions.")
    assert not any(s == "reports_measure" for _, s, _ in got), got
