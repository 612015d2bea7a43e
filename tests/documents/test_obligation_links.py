"""Which obligation a claim is linked to, and the attribution and subject rules that
the articles written for the tests showed up. Each rule has a text that must give the
reading and one that must not.

Every text here is written for these tests.
"""

from __future__ import annotations

from typing import Any

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.links import ObligationIndex
from sanctionwatch.regimes.keywords import keyword_index


def claims(text: str, published: str = "2020-03-02") -> list[tuple[str, str, str | None]]:
    an = analyse_text(text, published=published)
    return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]


def speakers(text: str) -> list[tuple[str, str | None]]:
    an = analyse_text(text, published="2020-03-02")
    return [(q.speaker or "", q.speaker_country) for q in an.quotes]


# ---- names of firms, bodies and places support an obligation, never select one --------


def test_a_firm_name_alone_selects_no_obligation(kb: Any) -> None:
    index = ObligationIndex(kb)
    index.new_document("North Korea")
    # must find: the goods the ban names, the firm beside them
    best = index.score("Zambia paid Mansudae to build bronze statues in Lusaka.", None)
    assert best and best[0][1].id == "2321-metals-statues"
    # must not: the firm alone ("contracts with Mansudae") says nothing about statues
    assert index.score("Zambia ended its contracts with Mansudae last year.", None) == []
    hits = keyword_index(kb).hits("Zambia ended its contracts with Mansudae last year.")
    assert "2321-metals-statues" not in hits


def test_the_watchdog_named_as_a_source_selects_no_limit(kb: Any) -> None:
    text = (
        "The IAEA said Iran's stock of enriched uranium had reached 4,100 kg. "
        "Iran has not explained traces of nuclear material found at two sites, the IAEA said."
    )
    got = claims(text, "2024-02-01")
    assert ("IR", "alleges_violation", "2231-annexA-stockpile") in got, got
    assert not any(ob == "2231-annexA-stockpile" for _, _, ob in got[1:]), got


def test_weapons_programmes_are_no_arms_transfer(kb: Any) -> None:
    got = claims(
        "North Korea kept exporting coal in defiance of UN sanctions to pay for its "
        "weapons programmes, a Treasury official said."
    )
    assert ("KP", "alleges_violation", "2371-OP8") in got, got
    got = claims(
        "Tanzania bought weapons from North Korea in breach of UN sanctions, experts said."
    )
    assert any(ob == "1718-OP8ab" for _, _, ob in got), got
    # a buyer under an arms embargo of its own breaches both: either embargo is the duty
    got = claims("Eritrea bought weapons from North Korea in breach of UN sanctions, experts said.")
    assert got and all(ob in ("1718-OP8ab", "1907-OP5") for _, _, ob in got), got


# ---- a thing named again takes the obligation of the sentence that named it ------------


def test_the_transfers_named_again_take_their_obligation(kb: Any) -> None:
    text = (
        "North Korea received fuel through ship-to-ship transfers in breach of UN "
        "sanctions, UN experts said. Tuvalu denied that ships on its registry took part "
        "in the transfers."
    )
    assert ("TV", "denies_violation", "2375-OP11") in claims(text)
    # must not: "the transfers" with nothing named before is about no obligation
    text = "Tuvalu denied a UN panel's claim that its ships took part in the transfers."
    assert ("TV", "denies_violation", None) in claims(text)


# ---- a document's resolution overrides one keyword only where it frames the text -------


def test_a_resolution_stated_as_the_frame_outweighs_one_keyword(kb: Any) -> None:
    framed = (
        "Poland issued work visas to 420 North Koreans in 2019, official data show. "
        "Under resolution 2397, all member states had to send North Korean workers home "
        "by December 2019."
    )
    assert ("PL", "other", "2397-OP8") in claims(framed)
    # must not: a resolution named for one measure frames nothing else
    single = (
        "Peru has submitted its implementation report to the UN sanctions committee, the "
        "foreign ministry said. The report said customs officers had seized luxury cars bound for "
        "North Korea. Peru also closed a North Korean restaurant in Lima, in line with "
        "resolution 2375."
    )
    got = claims(single, "2018-11-02")
    assert ("PE", "reports_measure", "1718-OP8a-iii") in got, got


# ---- stance and subject rules ----------------------------------------------------------


def test_a_measure_in_line_with_a_resolution_is_the_measure(kb: Any) -> None:
    got = claims("Fiji said it had closed a North Korean restaurant, in line with resolution 2375.")
    assert ("FJ", "reports_measure", "2375-OP18") in got, got
    got = claims("Fiji said it was acting in line with resolution 2375.")
    assert ("FJ", "asserts_compliance", None) in [(s, st, None) for s, st, _ in got], got


def test_the_ministry_of_a_state_speaks_for_it_in_the_next_sentence(kb: Any) -> None:
    text = (
        "Peru has submitted its implementation report to the UN sanctions committee, the "
        "foreign ministry said. "
        "The report said customs officers had seized a shipment of luxury cars bound for "
        "North Korea."
    )
    got = claims(text)
    assert [s for s, st, _ in got if st == "reports_measure"] == ["PE", "PE"], got
    # must not: a ministry whose state is not named says nothing about Peru
    text = "The report said customs officers had seized a shipment of luxury cars."
    assert not any(s == "PE" for s, _, _ in claims(text))


def test_workers_named_by_nationality_under_a_labour_duty_are_the_hosts(kb: Any) -> None:
    text = (
        "Officials in Ulaanbaatar met on Monday. A Western diplomat in Ulaanbaatar said about "
        "70 North Korean workers were still employed in the capital, in breach of "
        "resolution 2397."
    )
    got = claims(text)
    assert ("MN", "alleges_violation", "2397-OP8") in got, got
    # must not: the targeted state named as the actor stays the subject
    got = claims(
        "North Korea sent 70 workers to building sites abroad in breach of resolution 2397."
    )
    assert any(s == "KP" for s, _, _ in got), got


def test_a_diplomat_posted_in_a_capital_does_not_speak_for_its_state() -> None:
    text = "A Western diplomat in Ulaanbaatar said the sanctions were being enforced."
    assert speakers(text)[0][1] is None
    text = "Officials in Moscow said the sanctions were being enforced."
    assert speakers(text)[0][1] == "RU"


def test_a_title_in_lower_case_before_a_name_attributes_a_quote() -> None:
    text = '"Fiji has fully complied with the UN resolution," deputy trade minister Ana Tora said.'
    assert speakers(text) == [("Ana Tora", None)]
    assert claims(text)[0][:2] == ("FJ", "asserts_compliance")
    text = '"We want our wages," foreign workers said on Monday.'
    assert speakers(text) == []


def test_a_noun_that_is_estimated_does_not_speak() -> None:
    text = "According to the agency, Iran's stock of uranium is estimated to be 3,000 kg."
    assert [s for s, _ in speakers(text)] == ["the agency"]
    text = "The agency estimated that Iran's stock of uranium reached 3,000 kg."
    assert [s for s, _ in speakers(text)] == ["The agency"]


def test_new_cues_from_the_genres() -> None:
    # "complied fully with", listing and freezing, banned under, findings called unverified
    got = claims('"Samoa has complied fully with resolution 2397," its envoy Tui Lemalu said.')
    assert [(st, stance) for st, stance, _ in got] == [("WS", "asserts_compliance")], got
    got = claims(
        "The Canadian government added two firms to its North Korea sanctions list, freezing "
        "their assets. The firms had shipped coal in breach of UN Security Council resolutions."
    )
    assert ("CA", "reports_measure", None) in got, got
    assert claims("Canada discussed the sanctions list.") == []
    got = claims("Such transfers are banned under a UN Security Council resolution.")
    assert got and got[0][:2] == ("ALL", "other"), got
    got = claims(
        "Belarus said the UN panel's findings on North Korea were based on unverified data."
    )
    assert ("BY", "other", None) in got, got
    assert claims("The UN panel's findings on North Korea were published on Monday.") == []


def test_the_limit_named_again_is_the_one_just_named(kb: Any) -> None:
    text = (
        "Iran's enriched uranium stockpile is capped at 202.8 kg under the nuclear deal, "
        "the IAEA said. Diplomats said Tehran had exceeded the limit by 90 kg."
    )
    assert ("IR", "alleges_violation", "2231-annexA-stockpile") in claims(text, "2021-05-01")
    # must not: "the limit" with no obligation before it links none
    text = "Diplomats said Tehran had exceeded the limit, the IAEA said."
    assert all(ob is None for _, _, ob in claims(text, "2021-05-01"))


def test_a_pledge_to_stay_within_a_limit_asserts_compliance(kb: Any) -> None:
    got = claims("Iran said it would keep its uranium stockpile within the limit of the JCPOA.")
    assert [st for _, st, _ in got] == ["asserts_compliance"], got
    got = claims("Iran kept its stockpile in a tunnel near the limit of the site, the IAEA said.")
    assert "asserts_compliance" not in [st for _, st, _ in got], got


def test_a_transfer_banned_under_a_resolution_and_its_receiving_ship(kb: Any) -> None:
    text = (
        "A Chilean-owned tanker transferred fuel oil to a North Korean vessel, in a "
        "transfer banned under resolution 2375, UN experts said."
    )
    got = {(s, st) for s, st, _ in claims(text, "2021-05-01")}
    assert {("CL", "alleges_violation"), ("KP", "alleges_violation")} <= got, got
    # must not: the ban stated, no act described: a background statement
    got = claims("Ship-to-ship transfers are banned under resolution 2375.", "2021-05-01")
    assert [(s, st) for s, st, _ in got] == [("ALL", "other")], got


def test_a_tanker_struck_off_a_register_is_the_vessel_duty_not_the_fuel_cap(kb: Any) -> None:
    text = (
        "UN experts said two oil tankers had transferred fuel to North Korean ships. "
        "Sierra Leone deleted one of the tankers from its register within a week."
    )
    got = [c for c in claims(text) if c[0] == "SL"]
    assert got and got[0][1] == "reports_measure" and got[0][2] == "2397-OP9-15", got
    # must not: a tanker named in the fuel cap's own terms keeps the cap
    cap = "UN experts said an oil tanker delivered refined petroleum to North Korea above the cap."
    assert all(c[2] != "2397-OP9-15" for c in claims(cap))


def test_a_text_on_a_regime_the_base_does_not_hold(kb: Any) -> None:
    text = (
        "The Security Council set up the arms embargo on Lebanon in resolution 1701 in "
        "August 2006. Police in Lebanon seized 14 rifles smuggled from Cyprus in violation "
        "of the UN arms embargo, officials said."
    )
    got = analyse_text(text, published="2023-05-01").claims
    # the resolution the text names, never another regime's arms embargo by its keywords
    assert got and all(c.obligation_id is None for c in got)
    assert {c.obligation_label for c in got} == {"UNSCR 1701"}
    # must not: a text on Libya's embargo keeps its obligation
    libya = (
        text.replace("Police in Lebanon", "Police in Tunisia")
        .replace("Lebanon", "Libya")
        .replace("resolution 1701 in August 2006", "resolution 1970")
    )
    assert any(
        c.obligation_id == "1970-OP9" for c in analyse_text(libya, published="2023-05-01").claims
    )


def test_a_measure_told_of_the_target_keeps_its_obligation(kb: Any) -> None:
    # the state that sent the workers home is the subject, and the claim keeps the
    # duty the sentence names: never the state's code in place of an obligation
    text = (
        "Statement of the Ministry of Foreign Affairs of Mongolia. "
        "The report states that a total of 980 nationals of the Democratic People's "
        "Republic of Korea who earned income in the jurisdiction of Mongolia were "
        "repatriated before 22 December 2019."
    )
    got = claims(text)
    assert ("MN", "reports_measure", "2397-OP8") in got, got
    assert not any(ob == "MN" for _, _, ob in got), got


def test_a_text_on_a_duty_needs_no_word_sanctions(kb: Any) -> None:
    # must find: the duty is named by its own words (workers sent home, the target)
    got = claims("Mongolia said it had repatriated 980 North Korean workers before the deadline.")
    assert got == [("MN", "reports_measure", "2397-OP8")], got
    # must not: the same state and the target, but no duty of the knowledge base
    got = claims("Mongolia said its trade with North Korea had grown by a fifth last year.")
    assert got == [], got


def test_iranian_drones_name_the_missile_technology_paragraph(kb: Any) -> None:
    got = claims(
        "Iran's arms transfers are limited by resolution 2231.\n"
        "Britain said Iran's supply of Shahed drones to Russia breached resolution 2231.",
        "2022-11-01",
    )
    assert ("IR", "alleges_violation", "2231-annexB-4") in got, got
    # must not: rifles for the Houthis are arms, not missile technology
    got = claims(
        "Iran's arms transfers are limited by resolution 2231.\n"
        "The US Navy said Iran had supplied rifles to the Houthis in breach of the arms embargo.",
        "2019-11-01",
    )
    assert not any(ob == "2231-annexB-4" for _, _, ob in got), got


def test_weapons_for_the_houthis_name_the_yemen_arms_embargo(kb: Any) -> None:
    got = claims(
        "The Houthis in Yemen are under a UN arms embargo.\n"
        "The US Navy said it had intercepted a dhow carrying 1,900 assault rifles bound for the "
        "Houthis, and that the weapons had come from Iran.",
        "2021-05-10",
    )
    assert ("US", "reports_measure", "2216-OP14") in got, got
    # must not: Iran's own nuclear limits stay with resolution 2231
    got = claims(
        "Iran's stockpile of enriched uranium is limited by resolution 2231.\n"
        "The IAEA said Iran's stockpile had reached 4,100 kg, far above the limit.",
        "2021-05-10",
    )
    assert not any(ob == "2216-OP14" for _, _, ob in got), got


def test_weaponry_and_missile_cooperation_name_the_arms_embargo(kb: Any) -> None:
    got = claims(
        "North Korea is under UN sanctions.\n"
        "Washington and Seoul have accused North Korea of selling weaponry to Russia, a "
        "claim denied by Moscow and Pyongyang.",
        "2024-01-10",
    )
    assert ("KP", "alleges_violation", "1718-OP8ab") in got, got
    assert ("RU", "denies_violation", "1718-OP8ab") in got, got


# ---- the African and Haiti regimes ------------------------------------------------------


def test_claims_on_other_regimes_link_their_own_arms_embargo(kb: Any) -> None:
    congo = (
        "UN experts said in a report that Rwanda had supported the M23 rebels in breach "
        "of the arms embargo on Congo. Rwanda denied the charge."
    )
    assert claims(congo) == [
        ("RW", "alleges_violation", "1807-OP1"),
        ("RW", "denies_violation", "1807-OP1"),
    ]
    charcoal = (
        "Kenyan troops in Kismayo profited from charcoal exports to the Gulf in violation "
        "of the UN ban, the monitors said."
    )
    assert ("KE", "alleges_violation", "2036-OP22") in claims(charcoal)
    # must not: "Sudan" inside "South Sudan" does not make a text about Darfur
    south = (
        "Monitors said Uganda had sent armoured vehicles to South Sudan in violation of "
        "the arms embargo."
    )
    assert ("UG", "alleges_violation", "2428-OP4") in claims(south)
    assert not any(c[2] and c[2].startswith(("1556", "1591")) for c in claims(south))
    # must not: a DPRK text that names a buyer of its arms stays on the DPRK embargo
    buyer = (
        "North Korea shipped rocket launchers to Sudan in breach of the UN arms embargo, "
        "the Panel of Experts on North Korea said."
    )
    assert ("KP", "alleges_violation", "1718-OP8ab") in claims(buyer)


def test_a_state_that_carries_out_its_regime_reports_its_own_measures(kb: Any) -> None:
    haiti = (
        "The Security Council set up the Haiti sanctions regime in resolution 2653 in "
        "October 2022. Police in Haiti seized 14 rifles smuggled from Florida in violation "
        "of the UN arms embargo, officials said."
    )
    assert ("HT", "reports_measure", "2653-arms-embargo") in claims(haiti, "2023-05-01")
    # must not: a state the measures are directed at is not credited with enforcing them
    dprk = (
        "Police in North Korea seized 14 rifles in violation of the UN arms embargo, "
        "officials said."
    )
    assert not any(c[:2] == ("KP", "reports_measure") for c in claims(dprk))


def test_a_car_is_not_the_central_african_republic(kb: Any) -> None:
    index = keyword_index(kb)
    assert index.regimes("The Central African Republic asked for an exemption.") == {"car"}
    # must not: the English word, in any case
    assert index.regimes("A car bomb went off; the CAR park was closed.") == set()
    assert index.regimes("Arms reached Juba, South Sudan.") == {"south_sudan"}
    assert index.regimes("Khartoum denied flights over Darfur.") == {"sudan"}


def test_a_seizure_told_with_what_the_ship_did_takes_that_measure(kb: Any) -> None:
    sts = (
        "Japan seized a Panama-flagged tanker suspected of transferring oil to a North "
        "Korean ship at sea, officials said."
    )
    assert claims(sts, "2019-01-10") == [("JP", "reports_measure", "2375-OP11")]
    coal = (
        "The United States seized a North Korean cargo ship used to export coal in "
        "violation of UN sanctions, prosecutors said."
    )
    assert claims(coal, "2019-01-10") == [("US", "reports_measure", "2371-OP8")]
    # must not: a seizure that names no measure stays a seizure
    seized = (
        "South Korea seized the North Korean freighter and impounded it in Busan under UN "
        "sanctions, officials said."
    )
    assert claims(seized, "2019-01-10") == [("KR", "reports_measure", "2397-OP9-15")]


def test_the_e3_triggering_the_snapback_is_three_states_measure(kb: Any) -> None:
    lead = "Iran broke its nuclear commitments, the European powers said. "
    e3 = (
        "The E3 formally notified the UN Security Council on Thursday that they were "
        "triggering the snapback mechanism."
    )
    got = claims(lead + e3, "2025-08-29")
    assert {c for c in got if c[1] == "reports_measure"} == {
        ("DE", "reports_measure", "2231-OP11"),
        ("FR", "reports_measure", "2231-OP11"),
        ("GB", "reports_measure", "2231-OP11"),
    }
    # must not: the mechanism only described, or another group of letters and digits
    told = lead + "The snapback mechanism was described in the resolution."
    assert not any(c[1] == "reports_measure" for c in claims(told, "2025-08-29"))
    assert "E3" not in {c[0] for c in claims(lead + e3, "2025-08-29")}
