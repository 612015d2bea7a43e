"""What states say about themselves and what they report: admissions told by the verb,
denials by the facts a state gives, compliance in the words of its statements, measures
told as outcomes; the EU and counted groups of reporting states as subjects. Each rule
has a text that must give the reading and one that must not.

Every text here is written for these tests.
"""

from __future__ import annotations

from typing import Any

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer

CONTEXT = "UN experts said the sanctions on North Korea were being evaded. "
JV = "The UN panel said Malaysia had hosted a joint venture with a North Korean firm. "


def claims(text: str, published: str = "2021-03-10") -> list[tuple[str, str]]:
    an = analyse_text(text, published=published)
    return [(c.subject_state, c.stance) for c in an.claims]


def test_a_state_that_acknowledges_concedes(kb: Any) -> None:
    late = "that the joint venture had not been closed by the deadline."
    text = JV + "In its reply, Malaysia acknowledged " + late
    assert ("MY", "admits_noncompliance") in claims(text)
    # must not: what a third party acknowledges is no admission by the state
    other = JV + "In its reply, the panel acknowledged " + late
    assert ("MY", "admits_noncompliance") not in claims(other)
    # must not: a state acknowledging a measure it took reports the measure
    done = JV + "Malaysia acknowledged that it had closed the joint venture in 2019."
    assert ("MY", "admits_noncompliance") not in claims(done)


def test_a_phrase_quoted_inside_reported_speech(kb: Any) -> None:
    text = (
        "Vietnam sent the North Korean workers home before the UN deadline, spokeswoman "
        'Le Thi Hoa said. Hoa said Vietnam "has always seriously implemented" the '
        "resolutions of the Security Council on North Korea."
    )
    assert ("VN", "asserts_compliance") in claims(text)
    # must not: the quoted fragment alone, with no object, asserts nothing
    bare = (
        "Vietnam sent the North Korean workers home before the UN deadline, spokeswoman "
        'Le Thi Hoa said. "We have always worked hard," Hoa said.'
    )
    assert ("VN", "asserts_compliance") not in claims(bare)


def test_compliance_told_in_a_states_own_words(kb: Any) -> None:
    for said in (
        "Serbia's ministry said every export licence was issued in full accordance with "
        "national law and Serbia's international obligations.",
        "Egypt is committed to the full implementation of all Security Council "
        "resolutions, the ministry spokesman said.",
        "The Belarusian ministry said that Belarus consistently and in good faith fulfils "
        "its obligations arising from the resolutions of the UN Security Council.",
        "Thailand will not allow its territory to be used for activities that violate "
        "United Nations sanctions, a government spokesman said.",
    ):
        got = claims(CONTEXT + said)
        assert any(st == "asserts_compliance" for _, st in got), (said, got)
    # must not: a breach of the same words by a third party
    charged = CONTEXT + "The panel said Serbia had not acted in accordance with its obligations."
    assert ("RS", "asserts_compliance") not in claims(charged)


def test_denials_by_the_facts_a_state_gives(kb: Any) -> None:
    charge = "The UN panel accused Serbia of supplying mortar rounds in breach of the embargo. "
    assert ("RS", "denies_violation") in claims(
        charge + "Serbia's defence ministry rejected any suggestion of wrongdoing."
    )
    congo = "The UN panel said Congo had bought pistols from North Korea in breach of the embargo. "
    assert ("CD", "denies_violation") in claims(
        congo + "Congolese officials told the panel that the pistols had been bought before "
        "the embargo."
    )
    # must not: a purchase told without a denial
    assert ("CD", "denies_violation") not in claims(
        congo + "Congolese officials told the panel that more pistols had been bought."
    )


def test_measures_told_as_outcomes(kb: Any) -> None:
    for said in (
        "Georgian officials said the country had never issued a work visa to a North "
        "Korean citizen under the UN sanctions.",
        "Mongolia's Maritime Administration said the tanker's registration had been "
        "cancelled after a breach of UN sanctions.",
        "Thai police said they had detained six North Korean men who were running a "
        "software business in breach of UN sanctions.",
        "Angola told the UN experts that all North Korean workers had left the country "
        "by the end of 2018.",
    ):
        got = claims(CONTEXT + said)
        assert any(st == "reports_measure" for _, st in got), (said, got)
    # must not: a visa issued is no measure
    issued = CONTEXT + "Georgian officials said the country had issued a visa to a North Korean."
    assert not any(st == "reports_measure" for _, st in claims(issued))


def test_the_eu_as_a_subject(kb: Any) -> None:
    text = (
        "The European Union on Monday added four North Korean individuals to its sanctions "
        "list over the country's weapons programmes, in line with UN sanctions."
    )
    assert ("EU", "reports_measure") in claims(text)
    # must not: EU sanctions named as the rules broken are no act of the EU
    broken = "Prosecutors said a Latvian firm shipped drones to Russia in breach of EU sanctions."
    assert not any(s == "EU" for s, _ in claims(broken))


def test_a_count_of_reporting_states(kb: Any) -> None:
    text = (
        "The Chair said that 71 Member States had so far submitted national reports on "
        "the implementation of resolution 2397 (2017)."
    )
    an = analyse_text(text, published="2019-01-10")
    (claim,) = an.claims
    assert (claim.subject_state, claim.stance) == ("multiple (71 reporting states)", "other")
    words = analyse_text(
        "Forty-three countries have submitted reports on the UN sanctions on North Korea, "
        "the committee said.",
        published="2019-01-10",
    )
    assert [c.subject_state for c in words.claims] == ["multiple (43 reporting states)"]
    # must not: states counted for something else than reports
    other = analyse_text(
        "Forty-three countries have voted for the UN sanctions on North Korea, the committee said.",
        published="2019-01-10",
    )
    assert not any(c.subject_state.startswith("multiple") for c in other.claims)


def test_background_duties_told_by_the_council(kb: Any) -> None:
    for said in (
        "The Security Council barred North Korea from selling fishing rights in December 2017.",
        "Resolution 2094 (2013) prohibits the provision of financial services that could "
        "contribute to North Korea's weapons programmes.",
        "Resolution 2321, adopted in November 2016, added statues and monuments to the list "
        "of North Korean exports that countries may no longer buy.",
    ):
        got = claims(said)
        assert got == [("ALL", "other")], (said, got)
    # must not: the Council meeting is no duty
    assert claims("The Security Council met on Monday to discuss North Korea.") == []


def test_a_breach_told_of_the_states_named_not_of_the_speaker(kb: Any) -> None:
    text = (
        "The representative of the United Kingdom said workers from the DPRK continued to "
        "earn revenue in the Russian Federation and China, in violation of resolution 2397."
    )
    got = claims(text)
    assert {s for s, st in got if st == "alleges_violation"} == {"RU", "CN"}
    assert not any(s == "GB" for s, _ in got)
    # must not: the speaker's own measure, with the same places named, stays its own
    own = (
        "The representative of the United Kingdom said it had frozen the assets of firms "
        "in Russia and China under resolution 2397."
    )
    assert ("GB", "reports_measure") in claims(own)


def test_a_firm_still_operating_after_the_deadline(kb: Any) -> None:
    text = (
        "Under UN sanctions, joint ventures with North Korean firms had to close by January "
        "2018. The panel said a mining joint venture co-owned by a North Korean company "
        "continued to operate in China well after the closure deadline."
    )
    assert ("CN", "alleges_violation") in claims(text)
    # must not: a firm that closed before the deadline
    closed = text.replace("continued to operate in China well after", "closed in China before")
    assert ("CN", "alleges_violation") not in claims(closed)


def test_a_duty_named_in_passing_is_no_background_statement(kb: Any) -> None:
    for passing in (
        "Deliveries would reach twice the annual limit the Security Council imposed on "
        "refined petroleum supplies to North Korea.",
        "When the Security Council adopted resolution 2270 in March 2016, few noticed its "
        "paragraph on banks.",
    ):
        assert ("ALL", "other") not in claims(passing), passing
    # must not: the duty told in its own sentence, with a time before it
    told = "Last year the Security Council banned coal exports from North Korea."
    assert claims(told) == [("ALL", "other")]


def test_authorities_in_a_state_act_for_it(kb: Any) -> None:
    text = (
        "Authorities in Kazakhstan have revoked the registration of a software company that "
        "a U.S. advisory identified as a front for North Korean IT workers under UN sanctions."
    )
    assert ("KZ", "reports_measure") in claims(text)
    assert not any(s == "US" for s, _ in claims(text))
    # must not: a firm in a state is no act of its authorities
    firm = "A firm in Kazakhstan hired North Korean IT workers in breach of UN sanctions."
    assert ("KZ", "reports_measure") not in claims(firm)


def test_the_state_a_clause_opens_with_is_it_in_the_next(kb: Any) -> None:
    text = (
        "The panel said Turkey and the UAE had breached the Libya arms embargo. The UAE did "
        "not respond to a request for comment; it has previously denied breaching the embargo."
    )
    assert ("AE", "denies_violation") in claims(text)
    assert ("TR", "denies_violation") not in claims(text)


def test_a_quoted_compliance_statement_by_an_unknown_speaker(kb: Any) -> None:
    text = (
        'Moscow rejects the claims about North Korean workers. "Russia strictly fulfils its '
        'international obligations, including those under UN sanctions," the diplomat said.'
    )
    assert ("RU", "asserts_compliance") in claims(text)
    # must not: a third state's official telling another state's compliance
    third = (
        "Moscow rejects the claims about North Korean workers. The US envoy said Russia had "
        "complied with the resolution by sending workers home."
    )
    assert ("RU", "asserts_compliance") not in claims(third)


def test_deliveries_reported_by_two_states_in_one_sentence(kb: Any) -> None:
    text = (
        "Under UN sanctions, states must report refined petroleum deliveries to North Korea. "
        "China notified the committee of 29,450 barrels of diesel shipped in 2020, while "
        "Russia reported 8,910 barrels, the figures show."
    )
    got = claims(text)
    assert ("CN", "reports_measure") in got and ("RU", "reports_measure") in got
    # must not: "while Russia reported 8,910" is no speaker of what China did
    an = analyse_text(text, published="2021-03-10")
    assert all(c.speaker != "Russia" for c in an.claims)


def test_a_ship_struck_off_a_register(kb: Any) -> None:
    text = (
        "Ship-to-ship transfers with North Korean tankers breach UN sanctions. One tanker was "
        "registered in Belize until 2018, when the Belize registry struck it off."
    )
    assert ("BZ", "reports_measure") in claims(text)
    # must not: a ship merely registered there
    kept = text.replace(", when the Belize registry struck it off", "")
    assert ("BZ", "reports_measure") not in claims(kept)


def test_more_wordings_of_duties_measures_and_compliance(kb: Any) -> None:
    duties = (
        "Under resolution 2397, any country that sells diesel to North Korea must notify "
        "the committee of each delivery.",
        "Resolution 2397 cut the refined petroleum that all countries may supply to North "
        "Korea to 500,000 barrels a year.",
    )
    for said in duties:
        assert ("ALL", "other") in claims(said), said
    measures = (
        "Malta's ministry said it had not renewed the work permit of any North Korean "
        "national since the UN ban.",
        "Poland's ministry said no Polish work permit had been granted to a North Korean since "
        "the UN sanctions of 2017.",
        "Mongolia's registry said it had removed the tanker from its books after a breach of UN "
        "sanctions.",
    )
    for said in measures:
        assert any(st == "reports_measure" for _, st in claims(CONTEXT + said)), said
    for said in (
        '"Mongolia does not allow its flag to be used to get around the sanctions," the '
        "registry's director said.",
        '"Cambodia respects every resolution of the Security Council," the ministry said.',
    ):
        assert any(st == "asserts_compliance" for _, st in claims(CONTEXT + said)), said
    # must not: permits renewed, a flag allowed to be used
    renewed = CONTEXT + "Malta's ministry said it had renewed the work permit of a North Korean."
    assert not any(st == "reports_measure" for _, st in claims(renewed))


def test_neither_nor_denials_and_more_measures(kb: Any) -> None:
    text = (
        "Under UN sanctions every state had to file a final report on repatriation. Neither "
        "Russia nor China had submitted a final report by the deadline, the panel said."
    )
    got = claims(text)
    assert ("RU", "alleges_violation") in got and ("CN", "alleges_violation") in got
    assert not any(st == "reports_measure" for _, st in got)
    charge = "A US official said Russian forces used Iranian drones in breach of UN sanctions. "
    denied = charge + "Russia's UN envoy said Moscow's forces were not using Iranian drones."
    assert ("RU", "denies_violation") in claims(denied)
    for said in (
        "Uganda's minister said the government had terminated all police and security "
        "training contracts with North Korea under UN sanctions.",
        "Malaysia said its Immigration Department had cancelled all remaining employment "
        "passes held by North Korean nationals under UN sanctions.",
    ):
        assert any(st == "reports_measure" for _, st in claims(CONTEXT + said)), said
    # must not: contracts signed, passes issued
    signed = CONTEXT + "Uganda's minister said the government had signed training contracts."
    assert not any(st == "reports_measure" for _, st in claims(signed))


def test_a_measure_on_the_targeted_states_people_is_the_host_states(kb: Any) -> None:
    text = (
        "The Ministry of Foreign Affairs of Mongolia informs that it has submitted its final "
        "report under resolution 2397 to the Security Council Committee. The report states "
        "that 1,012 nationals of the Democratic People's Republic of Korea who earned income "
        "in the jurisdiction of Mongolia were repatriated before 22 December 2019."
    )
    got = claims(text, published="2020-03-20")
    assert ("MN", "reports_measure") in got
    assert not any(s == "KP" for s, st in got if st == "reports_measure")
    # must not: the targeted state's own act is no measure of anyone's
    own = (
        "UN sanctions ban North Korean coal. North Korea repatriated its diplomats from "
        "Pyongyang's embassy."
    )
    assert not any(st == "reports_measure" for _, st in claims(own))


def test_an_official_of_the_state_a_sentence_opens_with(kb: Any) -> None:
    text = (
        "UN sanctions required North Korean workers to go home. In neighbouring Angola, the "
        "foreign ministry said in a report to the UN sanctions committee that it had sent "
        "home 156 North Korean nationals. The ministry conceded that a provincial labour "
        "office had issued new work permits to 12 North Koreans after the UN ban."
    )
    got = claims(text, published="2020-04-01")
    assert ("AO", "reports_measure") in got and ("AO", "admits_noncompliance") in got
    # must not: a researcher in that state does not speak for it
    other = (
        "UN sanctions required North Korean workers to go home. In neighbouring Angola, a "
        "local researcher conceded that a labour office had issued new work permits to 12 "
        "North Koreans after the UN ban."
    )
    assert ("AO", "admits_noncompliance") not in claims(other, published="2020-04-01")


def test_restaurants_shut_and_staff_gone_home(kb: Any) -> None:
    text = CONTEXT + (
        '"These restaurants were shut and their staff went home before the deadline," '
        "Cambodia's government spokesman told AFP."
    )
    assert ("KH", "reports_measure") in claims(text)
    still = CONTEXT + (
        '"These restaurants were busy and their staff stayed," Cambodia’s government '
        "spokesman told AFP."
    )
    assert ("KH", "reports_measure") not in claims(still)


def test_a_sports_registration_embargo_is_no_sanctions_text(kb: Any) -> None:
    text = (
        "A Kuwaiti club has been barred from registering new players after failing to pay a "
        "transfer fee owed to a Senegalese club. The club said it would comply with the "
        "decision. The registration embargo will be lifted once the payment is confirmed."
    )
    assert claims(text) == []
    # must not: an arms embargo is a sanctions text
    arms = "The panel said Kuwait had breached the UN arms embargo on Libya."
    assert ("KW", "alleges_violation") in claims(arms)


def test_compliance_denials_and_measures_in_more_words(kb: Any) -> None:
    for said in (
        '"We have always taken our international obligations seriously," China\'s '
        "spokesman Li said.",
        '"Poland has met every obligation under the resolutions," the Polish ministry said.',
        '"Panama applies the Security Council resolutions fully and without exception," '
        "Panama's maritime authority said.",
        '"Malta will not be a transit point for weapons to Libya," the Maltese ministry said.',
        "Malaysia remains committed to the full and effective implementation of all relevant "
        "Security Council resolutions, the Malaysian ministry said.",
    ):
        got = claims(CONTEXT + said)
        assert any(st == "asserts_compliance" for _, st in got), (said, got)
    charge = "The UN panel said ship-to-ship transfers took place in Malaysian waters. "
    denied = charge + (
        "Malaysia's foreign ministry said its maritime agency had found no evidence that any "
        "transfer took place."
    )
    assert ("MY", "denies_violation") in claims(denied)
    for said in (
        "Belize said it had opened an inquiry into the vessel's owners after the breach of "
        "UN sanctions.",
        "Uganda informed the Panel that all 14 North Korean instructors had left the country.",
    ):
        assert any(st == "reports_measure" for _, st in claims(CONTEXT + said)), said


def test_an_eu_sanctions_regulation_is_sanctions_context(kb: Any) -> None:
    text = (
        "Council Regulation (EU) No 833/2014 prohibits the export of dual-use goods to Russia. "
        "Poland has informed the Commission that its customs administration opened 47 "
        "criminal proceedings concerning suspected breaches of the export prohibitions."
    )
    assert ("PL", "reports_measure") in claims(text)
    # must not: a regulation on something else is no sanctions text
    other = text.replace("Council Regulation (EU) No 833/2014", "The fisheries rules")
    assert claims(other.replace("Russia", "Norway")) == []


def test_a_banned_transfer_charges_both_ends(kb: Any) -> None:
    sent = (
        "US officials said North Korea had delivered more than 1,000 containers of "
        "munitions to Russia, in violation of UN Security Council resolutions."
    )
    got = claims(sent)
    assert ("KP", "alleges_violation") in got
    assert ("RU", "alleges_violation") in got
    bought = (
        "The envoy said Myanmar had bought missile components from North Korea, in "
        "breach of the UN arms embargo."
    )
    got = claims(bought)
    assert ("MM", "alleges_violation") in got
    assert ("KP", "alleges_violation") in got
    # must not: the targeted state's ships only carry; the receiving state is charged
    carried = (
        "A UN panel said North Korea violated the ban on coal exports. Most of the coal "
        "was transferred from North Korean ships to Chinese barges in violation of the "
        "ban, it said."
    )
    second = [
        c for c in analyse_text(carried, published="2021-03-10").claims if "barges" in c.evidence
    ]
    assert {(c.subject_state, c.stance) for c in second} == {("CN", "alleges_violation")}
    # must not: workers sent home are no goods traded
    home = (
        "China could not send the workers home to North Korea before the deadline in "
        "violation of resolution 2397, the report said."
    )
    assert ("KP", "alleges_violation") not in claims(home)


LABOUR_TEXT = (
    "Hundreds of North Korean workers remain in Russia after the UN deadline for sending "
    "them home under resolution 2397, sources said. "
)


def test_the_targeted_states_people_seen_at_work_after_the_deadline(kb: Any) -> None:
    seen = "A second source said he had seen North Korean plasterers on two sites there in January."
    second = [
        c
        for c in analyse_text(LABOUR_TEXT + seen, published="2020-03-01").claims
        if "plasterers" in c.evidence
    ]
    assert [(c.subject_state, c.stance, c.obligation_id) for c in second] == [
        ("RU", "alleges_violation", "2397-OP8")
    ]
    # must not: before the deadline the same sight breaches nothing
    early = [
        c
        for c in analyse_text(LABOUR_TEXT + seen, published="2019-03-01").claims
        if "plasterers" in c.evidence
    ]
    assert not [c for c in early if c.stance == "alleges_violation"]
    # must not: people who worked there once
    once = "A second source said North Korean plasterers had once been seen on sites there."
    assert not [
        c
        for c in analyse_text(LABOUR_TEXT + once, published="2020-03-01").claims
        if "once" in c.evidence
    ]


def test_a_speaker_named_with_an_appositive(kb: Any) -> None:
    text = LABOUR_TEXT + (
        "A second source, a Chinese national who supplies building materials in the city, "
        "said he had seen North Korean plasterers on two sites there in January."
    )
    second = [
        c for c in analyse_text(text, published="2020-03-01").claims if "plasterers" in c.evidence
    ]
    assert [(c.subject_state, c.speaker) for c in second] == [("RU", "A second source")]


LIBYA = (
    "Weapons kept arriving in Libya last year in breach of the arms embargo imposed by "
    "resolution 1970, a panel of UN experts said. "
)


def test_arms_supplied_into_an_embargoed_war(kb: Any) -> None:
    text = LIBYA + (
        "The panel said the United Arab Emirates had supplied armoured vehicles and "
        "air-defence systems to eastern-based forces."
    )
    assert ("AE", "alleges_violation") in claims(text)
    # must not: arms sent to another state named as their recipient
    other = LIBYA + "The panel said the United Arab Emirates had sold armoured vehicles to India."
    assert ("AE", "alleges_violation") not in claims(other)
    # must not: brokers of arms are no supplying state
    brokers = LIBYA + "The panel said Emirati arms brokers had met officials."
    assert ("AE", "alleges_violation") not in claims(brokers)


def test_an_official_named_with_a_role_speaks_for_the_state(kb: Any) -> None:
    text = (
        "Cambodia has sent home all North Korean workers under resolution 2397, the "
        "ministry said. Lieutenant General Chhay Sopheap, a ministry spokesman, said the "
        'last of them had left in December. "We respect every resolution of the Security '
        'Council," he said.'
    )
    got = analyse_text(text, published="2020-01-10").claims
    quote = [c for c in got if "respect" in c.evidence]
    assert [(c.subject_state, c.stance) for c in quote] == [("KH", "asserts_compliance")]


def test_informing_the_committee_of_steps_is_a_measure(kb: Any) -> None:
    text = CONTEXT + (
        "Uganda has informed the Security Council Committee established pursuant to "
        "resolution 1718 (2006) of these steps in its national implementation report."
    )
    assert ("UG", "reports_measure") in claims(text)
    own = CONTEXT + "The Belarusian side submitted its midterm and final reports to the Committee."
    assert ("BY", "reports_measure") in claims(own)
    # must not: what a state informed the committee of that others did is no measure of its
    told = (
        CONTEXT
        + "Japan informed the Committee that North Korea had violated the ban on coal exports."
    )
    assert ("JP", "reports_measure") not in claims(told)


def test_two_states_that_deny_together(kb: Any) -> None:
    told = (
        "Russia has fired North Korean missiles at Ukraine in violation of UN sanctions, "
        "US officials said. "
    )
    both = told + "Both Moscow and Pyongyang have repeatedly denied that any weapons changed hands."
    got = claims(both)
    assert ("RU", "denies_violation") in got and ("KP", "denies_violation") in got
    # must not: one state's denial is not the other's
    one = told + "Moscow has repeatedly denied that any weapons changed hands."
    assert ("KP", "denies_violation") not in claims(one)


def test_a_sea_named_after_a_state_is_not_the_state(kb: Any) -> None:
    text = (
        "Japan's foreign ministry said a North Korean-flagged tanker was seen alongside "
        "another vessel in the East China Sea, in a suspected ship-to-ship transfer banned "
        "by UN sanctions."
    )
    got = claims(text)
    assert ("KP", "alleges_violation") in got
    assert not [c for c in got if c[0] == "CN"]
    # must not: the state itself is still the state
    china = text.replace("in the East China Sea", "off the coast of China")
    assert "CN" in {h.iso2 for h in gazetteer().countries(china)}


def test_each_state_that_reports_its_own_figure(kb: Any) -> None:
    cap = "UN sanctions cap refined petroleum supplies to North Korea at 500,000 barrels a year. "
    text = cap + (
        "China notified the committee of 29,450 barrels of diesel shipped in 2020, while "
        "Russia reported 8,910 barrels, the figures show."
    )
    got = claims(text)
    assert ("CN", "reports_measure") in got and ("RU", "reports_measure") in got
    # must not: a count of what others did is no report of a state's own deliveries
    others = cap + "Japan reported 12 suspected transfers involving North Korean tankers."
    assert ("JP", "reports_measure") not in claims(others)


def test_people_who_worked_there_for_years_before(kb: Any) -> None:
    past = (
        "For years North Korean crews were a fixture on building sites across Kuwait, "
        "valued by contractors for long hours."
    )
    got = analyse_text(LABOUR_TEXT + past, published="2020-03-01").claims
    assert not [c for c in got if "fixture" in c.evidence]


def test_people_at_work_operating_from_several_states(kb: Any) -> None:
    text = (
        LABOUR_TEXT + "It said North Korean IT workers were operating from Laos as well as China."
    )
    got = [
        c for c in analyse_text(text, published="2022-03-01").claims if "IT workers" in c.evidence
    ]
    assert {(c.subject_state, c.stance) for c in got} == {
        ("LA", "alleges_violation"),
        ("CN", "alleges_violation"),
    }
    # must not: firms operating from a state are not the targeted state's people at work
    firms = LABOUR_TEXT + "It said shipping firms were operating from Laos as well as China."
    assert not [
        c for c in analyse_text(firms, published="2022-03-01").claims if "firms" in c.evidence
    ]


def test_a_representative_who_countered_speaks_next_too(kb: Any) -> None:
    text = (
        "The United States said Iran had sent drones to Russia in violation of resolution "
        "2231. The representative of the Russian Federation countered that the Secretariat "
        "had no mandate to investigate. Russia, he said, had not violated any provision of "
        'the resolution. Iran, its envoy said, had "never transferred any drone for use in '
        'the war in Ukraine".'
    )
    got = claims(text)
    assert ("RU", "denies_violation") in got
    assert ("IR", "denies_violation") in got  # read through the quotation marks
    # must not: "countered" with an object is no speech ("countered the drones")
    shot = "The United States said Iran had sent drones to Russia in violation of resolution 2231. "
    assert ("RU", "denies_violation") not in claims(
        shot + "Ukraine countered the drones with guns."
    )


def test_a_state_named_before_a_quoted_predicate(kb: Any) -> None:
    told = "A UN panel said North Korea exported coal to China in violation of UN sanctions. "
    quoted = (
        'Foreign ministry spokesman Gao Wenbin said China "has always implemented Security '
        'Council resolutions in a strict and comprehensive manner."'
    )
    assert ("CN", "asserts_compliance") in claims(told + quoted)
    # must not: a quotation with no state before it is not given one
    bare = quoted.replace("said China ", "said ")
    assert ("CN", "asserts_compliance") not in claims(told + bare.replace("has always", "we have"))


def test_compliance_with_the_resolutions_as_a_whole_names_no_duty(kb: Any) -> None:
    labour = (
        "Resolution 2397 required all states to send North Korean workers home by 22 "
        "December 2019. "
    )
    said = (
        'The spokeswoman said: "Viet Nam has always seriously and fully implemented the '
        'resolutions of the Security Council on the DPRK."'
    )
    got = [
        c
        for c in analyse_text(labour + said, published="2020-02-11").claims
        if "Viet" in c.evidence
    ]
    assert [(c.subject_state, c.stance, c.obligation_id) for c in got] == [
        ("VN", "asserts_compliance", None)
    ]
    # must not: compliance with the duty named keeps it
    named = said.replace("the resolutions of the Security Council on the DPRK", "resolution 2397")
    got = [
        c
        for c in analyse_text(labour + named, published="2020-02-11").claims
        if "Viet" in c.evidence
    ]
    assert [c.obligation_id for c in got] == ["2397-OP8"]


def test_a_state_that_condemns_is_not_the_one_charged(kb: Any) -> None:
    text = (
        "The EU condemns in the strongest possible terms the transfers of arms and "
        "ammunition from the DPRK to Russia, which constitute flagrant violations of UN "
        "Security Council resolutions 1718 and 1874."
    )
    got = claims(text, published="2023-10-01")
    assert ("KP", "alleges_violation") in got and ("RU", "alleges_violation") in got
    assert ("EU", "alleges_violation") not in got
    # must not: a state that breaches is still charged ("The EU exported arms ...")
    acts = "UN experts said Belarus exported arms to North Korea in violation of resolution 1718."
    assert ("BY", "alleges_violation") in claims(acts, published="2023-10-01")


def test_halting_the_issuance_of_visas_is_a_measure(kb: Any) -> None:
    for text in (
        "Peru announced on Thursday it would halt the issuance of visas to North Korean workers.",
        "Chile also said it no longer would issue visas to North Korean workers.",
        "Peru suspended the issuance of work permits for North Korean laborers in September.",
        "Malta has denied visa extensions for North Korean workers, effectively expelling them.",
    ):
        assert [c[1] for c in claims(text)] == ["reports_measure"], text
    # must not: a denial of an accusation about visas, or visas of other people
    denial = "Peru denied the allegation that it issued visas to North Korean workers."
    assert [c[1] for c in claims(denial)] == ["denies_violation"]
    assert claims("Peru said it would stop issuing visas to tourists from Europe.") == []


def test_workers_still_in_a_state_told_by_a_newspaper_are_an_allegation(kb: Any) -> None:
    past = "The deadline to send North Korean workers home passed in December 2019. "
    paper = (
        past + "Workers remain in China, partly due to the pandemic, the Sankei Shimbun reported."
    )
    assert [c[:2] for c in claims(paper, "2020-06-01")] == [("CN", "alleges_violation")]
    # must not: the state's own ministry telling it is an admission
    own = (
        past
        + "Workers remain in China, partly due to the pandemic, the Chinese foreign ministry said."
    )
    assert [c[:2] for c in claims(own, "2020-06-01")] == [("CN", "admits_noncompliance")]
    # nor an official whose state the speaker label leaves unsaid
    spokes = past + "About 1,000 North Korean workers remain in Russia, a spokesperson said."
    assert [c[:2] for c in claims(spokes, "2020-06-01")] == [("RU", "admits_noncompliance")]


def test_a_state_committed_in_its_own_quoted_words_asserts_compliance(kb: Any) -> None:
    ctx = "Libya is under a UN arms embargo. "
    quoted = (
        ctx + "Kenya was “firmly committed to complying with its obligations under the regime.”"
    )
    assert [c[:2] for c in claims(quoted)] == [("KE", "asserts_compliance")]
    # must not: a state said to be committed by another is that other's word
    urged = ctx + "Japan said Kenya should be “firmly committed to complying with its obligations.”"
    assert ("KE", "asserts_compliance") not in [c[:2] for c in claims(urged)]


def test_a_closing_attribution_to_others_is_not_the_state_speaking(kb: Any) -> None:
    ctx = "Libya is under a UN arms embargo. "
    told = ctx + "Russia deployed fighters to Libya in violation of the embargo, monitors said."
    assert ("RU", "alleges_violation") in [c[:2] for c in claims(told)]
    # must not: the state's own denial, whoever closes the sentence
    denied = ctx + "Russia denied sending fighters to Libya, the ministry said."
    assert [c[:2] for c in claims(denied)] == [("RU", "denies_violation")]
