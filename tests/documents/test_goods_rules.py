"""Allegations told without a breach word: banned goods that reach a state, the targeted
state's workers still employed after the deadline, its arms fired by another state's
forces, its firms hired; and a speaker posted to a body, not speaking for it. Each rule
has a text that must give the reading and one that must not.

Every text here is written for these tests.
"""

from __future__ import annotations

from typing import Any

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer
from sanctionwatch.documents.speakers import parse_speaker

LABOUR = (
    "A 2017 UN Security Council resolution required all member states to repatriate "
    "North Korean workers by December 22, 2019. "
)
CONTEXT = "Diplomats discussed UN sanctions on North Korea. "
COAL = "Resolution 2371 banned all imports of coal from North Korea in 2017. "
ARMS = "Resolution 1718 bans all states from buying arms and related materiel from North Korea. "


def claims(text: str, published: str = "2021-03-10") -> list[tuple[str, str, str | None]]:
    an = analyse_text(text, published=published)
    return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]


def alleged(text: str, published: str = "2021-03-10") -> set[str]:
    return {c[0] for c in claims(text, published) if c[1] == "alleges_violation"}


def test_banned_goods_that_reach_a_state_under_another_duty(kb: Any) -> None:
    text = COAL + (
        "The monitors said North Korean coal kept reaching Oman and Yemen through "
        "ship-to-ship transfers last year."
    )
    got = claims(text)
    # the sentence links the transfers; the receiving states breach the coal ban
    assert {c[0] for c in got if c[1] == "alleges_violation"} >= {"OM", "YE"}
    ids = {c[2] for c in got if c[0] in ("OM", "YE")}
    assert ids and all(i is not None and i.startswith("2371") for i in ids), got
    # must not: the same states named as where coal was sold by someone else, not reached
    other = COAL + "The monitors said Oman and Yemen had asked about ship-to-ship transfers."
    assert not alleged(other) & {"OM", "YE"}


def test_workers_still_employed_after_the_deadline(kb: Any) -> None:
    text = LABOUR + (
        "A labour rights group said at least 80 North Korean workers were employed at "
        "fish farms in Chile."
    )
    assert "CL" in alleged(text, published="2021-03-10")
    # must not: the same count before the deadline is a figure, not a breach
    assert "CL" not in alleged(text, published="2019-03-10")
    # must not: workers employed there once, before the deadline
    before = LABOUR + (
        "A labour rights group said North Korean workers were previously employed at "
        "fish farms in Chile."
    )
    assert "CL" not in alleged(before)


def test_the_targeted_states_arms_fired_by_another_states_forces(kb: Any) -> None:
    text = ARMS + "The ministry said Belarusian troops had fired North Korean artillery shells."
    assert "BY" in alleged(text)
    # must not: rockets fired by the targeted state itself name no receiving state
    own = ARMS + "The ministry said North Korean artillery shells had been fired near Belarus."
    assert "BY" not in alleged(own)


def test_a_firm_of_the_targeted_state_hired(kb: Any) -> None:
    text = ARMS + (
        "The panel said that Gabon had hired a North Korean construction company to "
        "build an arms depot."
    )
    assert "GA" in alleged(text)
    # must not: a firm of another state hired
    other = ARMS + "The panel said that Gabon had hired a Turkish construction company."
    assert "GA" not in alleged(other)


def test_a_speaker_posted_to_a_body_does_not_speak_for_it() -> None:
    gaz = gazetteer()
    posted = parse_speaker("Its envoy to the IAEA", gaz, [])
    assert posted.country is None  # the envoy is a state's, not the agency's
    own = parse_speaker("an IAEA spokesman", gaz, [])
    assert own.country == "INT"


# ---- speakers and quotes ------------------------------------------------------------


def test_a_quote_of_its_own_sentence_goes_on_with_the_last_speaker(kb: Any) -> None:
    text = LABOUR + (
        '"All of them have gone home," Ana Quispe, a deputy minister, told reporters. '
        '"Peru is in full compliance with the resolution."'
    )
    an = analyse_text(text, published="2020-01-10")
    said = [c for c in an.claims if c.stance == "asserts_compliance"]
    assert [(c.subject_state, c.speaker) for c in said] == [("PE", "Ana Quispe")]
    # must not: a quote with no speaker after unquoted text stays the outlet's
    bare = LABOUR + 'Peru sent its workers home. "Peru is in full compliance with the resolution."'
    an = analyse_text(bare, published="2020-01-10")
    assert all(c.speaker is None for c in an.claims if c.stance != "other")


def test_a_role_of_a_state_speaks_for_it() -> None:
    gaz = gazetteer()
    assert parse_speaker("The representative of China", gaz, []).country == "CN"
    assert parse_speaker("the Government of Japan", gaz, []).country == "JP"
    # must not: posted to a state is not speaking for it
    assert parse_speaker("the Chilean ambassador to China", gaz, []).country == "CL"
    named = parse_speaker("Grace Atim Akello, a state minister for foreign affairs", gaz, [])
    assert named.name == "Grace Atim Akello"


def test_a_speaker_with_a_relative_clause(kb: Any) -> None:
    text = LABOUR + (
        "Diplomats who have read the report said Peru had failed to send home 30 workers."
    )
    got = [c for c in analyse_text(text, published="2020-03-10").claims if c.subject_state == "PE"]
    assert [(c.stance, c.speaker) for c in got] == [("alleges_violation", "Diplomats")]


def test_a_breach_told_with_no_state_acting(kb: Any) -> None:
    arms = ARMS + (
        "Rifles of North Korean make were shipped in breach of the embargo, the panel said."
    )
    assert "KP" in alleged(arms)
    # must not: a breach only asked about, or named again
    asked = ARMS + "The panel is asking whether the embargo on North Korea was breached."
    assert "KP" not in alleged(asked)
    again = ARMS + "The panel voiced concern over the violations by North Korea."
    assert not alleged(again) - {"KP"} and "KP" not in alleged(again.replace("by North Korea", ""))


def test_duties_told_with_an_appositive_and_states_that_notified(kb: Any) -> None:
    duty = (
        "Resolution 2397, adopted in December 2017, caps refined petroleum deliveries to "
        "North Korea at 500,000 barrels a year. "
    )
    got = claims(duty + "Peru notified the committee of 1,200 barrels shipped in 2020.")
    assert ("ALL", "other") in {(c[0], c[1]) for c in got}
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in got}
    # must not: a resolution only named, with no duty told
    named = "Resolution 2397, adopted in December 2017, was discussed by the council."
    assert not any(c[0] == "ALL" for c in claims(named))


def test_his_country_is_the_speakers_state(kb: Any) -> None:
    text = LABOUR + (
        "The representative of Peru said his country had fully implemented the council's "
        "resolutions."
    )
    assert ("PE", "asserts_compliance") in {(c[0], c[1]) for c in claims(text)}


CAP = "Resolution 2397 caps refined petroleum deliveries to North Korea at 500,000 barrels a year. "


def test_states_that_report_their_own_deliveries(kb: Any) -> None:
    got = claims(CAP + "Peru and Chile reported delivering 4,100 barrels to North Korea last year.")
    assert {("PE", "reports_measure"), ("CL", "reports_measure")} <= {(c[0], c[1]) for c in got}
    # must not: a state reporting what others did, or its press reporting
    others = claims(CAP + "Japan reported 12 suspected ship-to-ship transfers by North Korea.")
    assert ("JP", "reports_measure") not in {(c[0], c[1]) for c in others}
    press = claims(CAP + "Peruvian media reported deliveries of 4,100 barrels to North Korea.")
    assert ("PE", "reports_measure") not in {(c[0], c[1]) for c in press}


def test_done_nothing_to_stop_and_the_targeted_state_takes_no_measures(kb: Any) -> None:
    text = CAP + "Peru has done nothing to stop refined petroleum deliveries, a U.S. official said."
    assert "PE" in alleged(text)
    # must not: a measure is never the targeted state's own
    listed = CAP + "North Korean firms were added to the list of those subject to an asset freeze."
    assert ("KP", "reports_measure") not in {(c[0], c[1]) for c in claims(listed)}


def test_a_place_stands_for_its_state(kb: Any) -> None:
    text = LABOUR + "Factories in Liaoning still employ North Korean workers, the group said."
    assert "CN" in alleged(text)
    # must not: a place of another state
    other = LABOUR + "Factories in Gdansk still employ North Korean workers, the group said."
    assert "CN" not in alleged(other) and "PL" in alleged(other)


def test_goods_shipped_through_a_state_under_a_supply_ban(kb: Any) -> None:
    luxury = "Resolution 1718 bans the supply of luxury goods to North Korea. "
    text = luxury + "Luxury cars were shipped from the Peruvian port of Callao, the report said."
    assert "PE" in alleged(text)
    # must not: goods shipped from a state under no ban the sentence names
    plain = "Bananas were shipped from the Peruvian port of Callao, the report said."
    assert "PE" not in alleged(plain)


def test_the_targeted_states_doctors_still_working_after_the_deadline(kb: Any) -> None:
    said = (
        "According to the panel, 30 DPRK doctors were working in clinics in Chile, earning income."
    )
    text = LABOUR + said
    assert "CL" in alleged(text, published="2021-03-10")
    assert "CL" not in alleged(text, published="2019-03-10")


def test_permits_withdrawn_and_decisions_applied(kb: Any) -> None:
    text = LABOUR + (
        '"The residence permits of all North Korean nationals in Peru have been withdrawn. '
        'Our country applies the decisions of the Security Council to the letter," '
        "ministry spokesman Ana Quispe told reporters."
    )
    got = {(c[0], c[1], c[2]) for c in claims(text, published="2019-12-20")}
    assert ("PE", "reports_measure", "2397-OP8") in got
    assert ("PE", "asserts_compliance", None) in got  # the decisions as a whole
    # must not: permits issued are no measure
    issued = LABOUR + "Peru has issued residence permits to 20 North Korean nationals."
    assert ("PE", "reports_measure") not in {(c[0], c[1]) for c in claims(issued)}


def test_every_member_state_must_is_a_general_duty(kb: Any) -> None:
    text = "Under resolution 2397, every UN member state must repatriate North Korean workers."
    assert ("ALL", "other", "2397-OP8") in claims(text)
    assert not any(c[0] == "ALL" for c in claims("Every state has its own labour laws."))


def test_a_speaker_with_that_clause_and_called_as_a_speech_verb() -> None:
    gaz = gazetteer()
    sp = parse_speaker("a Seoul-based website that tracks North Korea's business", gaz, [])
    assert sp.text == "a Seoul-based website" and sp.country is None
    text = LABOUR + (
        "Peru's labour ministry said all workers had left. The ministry called the report "
        '"unfounded", saying inspectors had found no foreign workers.'
    )
    assert ("PE", "denies_violation") in {(c[0], c[1]) for c in claims(text, "2020-02-01")}


def test_the_north_is_north_korea_but_not_before_a_name() -> None:
    gaz = gazetteer()
    assert [h.iso2 for h in gaz.countries("Moscow is supplying the North with fuel.")] == [
        "RU",
        "KP",
    ]
    assert [h.iso2 for h in gaz.countries("The North has denied it.")] == ["KP"]
    # must not: a sea, an ocean, a compound
    for text in ("ships in the North Sea", "the North Atlantic", "the North-South talks"):
        assert gaz.countries(text) == []


def test_a_government_statement_rejecting_insinuations(kb: Any) -> None:
    text = LABOUR + (
        "The Peruvian side categorically rejects these insinuations, which have nothing to "
        "do with reality. The Republic of Peru fulfils its obligations under the resolution."
    )
    got = {(c[0], c[1]) for c in claims(text, "2020-02-01")}
    assert ("PE", "denies_violation") in got
    # must not: rejecting a proposal is no denial
    other = LABOUR + "The Peruvian side rejects the proposal to build a new port."
    assert ("PE", "denies_violation") not in {(c[0], c[1]) for c in claims(other, "2020-02-01")}


def test_ships_banned_from_ports_and_no_worker_remaining(kb: Any) -> None:
    coal = COAL + "Peru has banned three foreign-flagged ships from entering its ports."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(coal)}
    gone = LABOUR + "Peru said that no North Korean worker remained in the country."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(gone, "2020-02-01")}
    # must not: workers who remain are no measure
    left = LABOUR + "Peru said that some North Korean workers remained in the country."
    assert ("PE", "reports_measure") not in {(c[0], c[1]) for c in claims(left, "2020-02-01")}


def test_duties_told_as_what_the_council_or_an_earlier_resolution_did(kb: Any) -> None:
    for text in (
        "An earlier resolution, passed that September, barred new work authorizations "
        "for North Korean workers.",
        "When the Security Council cut North Korea's supply of refined petroleum to "
        "500,000 barrels, it also banned ship-to-ship transfers.",
    ):
        an = analyse_text(CONTEXT + text, published="2021-03-10")
        assert [c.evidence for c in an.claims if c.subject_state == "ALL"] == [text]
    # must not: the Council meeting or issuing a statement
    assert not any(
        c[0] == "ALL" for c in claims(CONTEXT + "The Security Council adopted a statement.")
    )


def test_a_breach_with_no_topic_word_and_a_ban_with_an_adjective(kb: Any) -> None:
    text = COAL + (
        "The report finds that North Korean coal continued to flow to Peru, despite a total "
        "ban. The study says Peruvian authorities have done little to stop the trade."
    )
    got = claims(text)
    assert sum(1 for c in got if c[:2] == ("PE", "alleges_violation")) >= 1
    # must not: a flow of goods from elsewhere
    other = COAL + "The report finds that Australian coal continued to flow to Peru."
    assert "PE" not in alleged(other)


def test_a_duty_in_a_subordinate_clause_leaves_the_act(kb: Any) -> None:
    text = CONTEXT + (
        "Peru has sent home 40 North Koreans who were working in the country when the "
        "Security Council ordered their repatriation."
    )
    got = {(c[0], c[1]) for c in claims(text, "2019-06-01")}
    assert ("PE", "reports_measure") in got and ("ALL", "other") not in got
    # must not: a duty told on its own stays a general statement
    duty = CONTEXT + "The Security Council ordered the repatriation of North Korean workers."
    assert ("ALL", "other") in {(c[0], c[1]) for c in claims(duty, "2019-06-01")}


def test_clinics_closed_and_a_state_that_did_not_transfer(kb: Any) -> None:
    closed = LABOUR + "Peru has closed six clinics run by North Koreans."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(closed, "2019-12-01")}
    denied = ARMS + "The representative of Peru said his country had not transferred any arms."
    assert ("PE", "denies_violation") in {(c[0], c[1]) for c in claims(denied)}
    # must not: another state said not to have transferred them is no denial by Peru
    other = ARMS + "The representative of Peru said Chile had transferred arms to North Korea."
    assert ("PE", "denies_violation") not in {(c[0], c[1]) for c in claims(other)}


def test_a_speaker_after_an_opening_phrase_and_before_a_relative_clause(kb: Any) -> None:
    text = LABOUR + (
        "Asked about the account, an official at the Peruvian foreign ministry, who declined "
        'to be named, said the report was "groundless".'
    )
    an = analyse_text(text, published="2020-02-01")
    got = [(c.subject_state, c.stance, c.speaker) for c in an.claims if c.subject_state == "PE"]
    assert got and got[0][1] == "denies_violation"
    assert got[0][2] is not None and got[0][2].startswith("an official at the Peruvian")


def test_conduct_told_without_a_keyword_takes_the_documents_obligation(kb: Any) -> None:
    text = (
        "Resolution 2397 required all member states to repatriate North Korean workers by "
        "December 22, 2019. Peru has closed three clinics run by North Koreans, the ministry said."
    )
    got = claims(text, "2019-12-20")
    assert ("PE", "reports_measure", "2397-OP8") in got
    # must not: in a text that names no resolution, the act stays without one
    bare = "Diplomats discussed sanctions. Peru has closed three clinics run by North Koreans."
    assert all(c[2] is None for c in claims(bare, "2019-12-20") if c[0] == "PE")


def test_national_bans_arrests_and_duties_told_in_the_perfect(kb: Any) -> None:
    text = COAL + "Peru has banned all imports from North Korea since 2006."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(text)}
    arrests = COAL + "Police in Peru have made arrests over North Korean coal."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(arrests)}
    duty = CONTEXT + "Transfers between ships at sea have been banned since 2017."
    assert ("ALL", "other") in {(c[0], c[1]) for c in claims(duty)}
    # must not: a ban merely proposed
    proposed = COAL + "Peru is considering a ban on imports from North Korea."
    assert ("PE", "reports_measure") not in {(c[0], c[1]) for c in claims(proposed)}


def test_sanctions_on_people_for_fishing_are_no_sanctions_context(kb: Any) -> None:
    text = (
        "Peru's government has ordered provinces to impose administrative sanctions on "
        "vessel owners caught fishing illegally. More than 1,200 owners have been fined "
        "and several captains were prosecuted for violations."
    )
    assert analyse_text(text, published="2024-11-11").claims == []
    # must find: sanctions on a state are the context
    state = "The EU imposed sanctions on North Korea. Peru has fined 12 firms for violations."
    assert analyse_text(state, published="2024-11-11").claims


def test_a_state_stating_its_own_conduct_and_counted_states(kb: Any) -> None:
    own = ARMS + "Peru strictly fulfils its international obligations under the resolutions."
    assert ("PE", "asserts_compliance") in {(c[0], c[1]) for c in claims(own)}
    # must not: a count of states that reported is no claim about the speaker's state
    counted = LABOUR + (
        "The representative of Peru, speaking as Chair of the Committee, said that 43 Member "
        "States had submitted the midterm reports."
    )
    assert not [c for c in claims(counted, "2019-06-01") if c[0] == "PE"]
    # must not: "to deny" the money is no denial
    deny = LABOUR + "Chile said the Council had voted to deny Pyongyang this money."
    assert ("CL", "denies_violation") not in {(c[0], c[1]) for c in claims(deny, "2020-02-01")}


def test_containers_impounded_permits_not_issued_and_contracts_cancelled(kb: Any) -> None:
    got = {(c[0], c[1]) for c in claims(COAL + "Peruvian customs have impounded a container.")}
    assert ("PE", "reports_measure") in got
    none = LABOUR + "The representative of Peru said her country had issued no work permits."
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(none, "2019-06-01")}
    cancelled = ARMS + (
        "Peru informed the Panel that contracts with a North Korean firm had been cancelled."
    )
    assert ("PE", "reports_measure") in {(c[0], c[1]) for c in claims(cancelled)}
    # must not: permits issued, contracts signed
    signed = ARMS + "Peru informed the Panel that contracts with a North Korean firm were signed."
    assert ("PE", "reports_measure") not in {(c[0], c[1]) for c in claims(signed)}


def test_commitments_decisions_carried_out_and_an_officials_denial(kb: Any) -> None:
    for said in (
        '"Peru remains fully committed to its obligations," the minister said.',
        '"Peru is carrying out the Security Council\'s decisions in full," the minister said.',
        '"Peru applies every measure decided by this Council," the minister said.',
    ):
        got = {(c[0], c[1]) for c in claims(LABOUR + said, "2020-02-01")}
        assert ("PE", "asserts_compliance") in got, said
    text = LABOUR + (
        "A researcher said 40 North Korean workers remained in Peru after the deadline. "
        "A spokesman for the State Migration Service rejected the claim."
    )
    assert ("PE", "denies_violation") in {(c[0], c[1]) for c in claims(text, "2020-02-01")}
    # must not: a rejected proposal is no denial on the state's behalf
    other = LABOUR + (
        "Peru sent 40 workers home. A spokesman for the State Migration Service rejected "
        "a proposal to hire more inspectors."
    )
    assert ("PE", "denies_violation") not in {(c[0], c[1]) for c in claims(other, "2020-02-01")}


def test_a_trailing_speaker_who_told_a_named_outlet(kb: Any) -> None:
    cap = CAP + (
        "Peru's maritime administration struck the tanker off its register last month, a "
        'Peruvian official told Kyodo News, citing "information from a member state".'
    )
    an = analyse_text(cap, published="2019-07-12")
    got = [(c.subject_state, c.stance, c.speaker) for c in an.claims if c.subject_state == "PE"]
    assert got == [("PE", "reports_measure", "a Peruvian official")]


def test_the_state_receiving_capped_goods_is_not_charged_with_the_suppliers_breach() -> None:
    ctx = "UN sanctions cap North Korea's imports of refined petroleum at 500,000 barrels a year. "
    sent = (
        "Russia shipped more than 165,000 barrels of refined petroleum to North Korea in "
        "March in defiance of UN sanctions, the White House said."
    )
    got = [
        (c.subject_state, c.stance) for c in analyse_text(ctx + sent, published="2024-06-01").claims
    ]
    assert ("RU", "alleges_violation") in got
    assert ("KP", "alleges_violation") not in got
    # must not: arms, banned both ways, still charge both ends
    arms = "North Korea had delivered munitions to Russia, in violation of UN resolutions."
    both = {(c.subject_state, c.stance) for c in analyse_text(arms, published="2024-06-01").claims}
    assert {("KP", "alleges_violation"), ("RU", "alleges_violation")} <= both
