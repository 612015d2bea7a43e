"""Rules on goods, vetoes, reports about breaches and states named again by a noun.

Every text here is written for these tests; each rule has a sentence it must turn into
a claim and a near sentence it must leave alone.
"""

from __future__ import annotations

from sanctionwatch.documents import analyse_text

HEAD = "UN Security Council sanctions on North Korea are in force.\n"


def claims(text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    an = analyse_text(HEAD + text, published="2019-06-01", **kw)  # type: ignore[arg-type]
    return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]


def pairs(text: str, published: str) -> list[tuple[str, str]]:
    """(state, stance) of each claim of ``text``, analysed as it is (no heading)."""
    return [(c.subject_state, c.stance) for c in analyse_text(text, published=published).claims]


def test_state_importing_banned_goods_from_the_target_is_alleged_to_breach() -> None:
    got = claims("Customs figures show China imported 20,000 tonnes of seafood from North Korea.")
    assert ("CN", "alleges_violation", "2371-lead-seafood") in got
    got = claims("Vietnamese companies bought North Korean seafood last year.")
    assert ("VN", "alleges_violation", "2371-lead-seafood") in got


def test_importing_other_goods_or_from_elsewhere_is_no_breach() -> None:
    # the goods come from another state: nothing banned reaches the importer
    got = claims("China imported 20,000 tonnes of seafood from Norway.")
    assert not any(s == "alleges_violation" for _, s, _ in got)
    # negated: "did not import"
    got = claims("China did not import seafood from North Korea last year.")
    assert ("CN", "alleges_violation", "2371-lead-seafood") not in got


def test_state_supplying_capped_goods_to_the_target() -> None:
    got = claims("Analysts say Russia supplied refined petroleum to North Korea through tankers.")
    assert ("RU", "alleges_violation", "2397-OP5") in got


def test_accusing_others_of_supplying_is_not_supplying() -> None:
    got = claims(
        "The United States did not accuse any countries of providing North Korea with "
        "refined petroleum."
    )
    assert not any(st == "US" and s == "alleges_violation" for st, s, _ in got)


def test_target_exporting_banned_goods_itself() -> None:
    got = claims("North Korea exported 3,000 tonnes of seafood to China in May.")
    assert ("KP", "alleges_violation", "2371-lead-seafood") in got


def test_a_veto_is_conduct_without_a_stance() -> None:
    got = claims("The panel of experts was disbanded after a Russian veto in the Council.")
    assert ("RU", "other", "1874-OP26") in got
    got = claims("The mandate of the panel of experts lapsed after it was vetoed by China.")
    assert ("CN", "other", "1874-OP26") in got
    # no state vetoes here
    got = claims("The panel of experts was disbanded in April.")
    assert not any(s == "other" and st in ("RU", "CN") for st, s, _ in got)


def test_breaches_as_the_topic_of_reports_accuse_no_one() -> None:
    text = (
        "The envoy reaffirmed the U.S. commitment to denuclearisation and said the team "
        "will publish reports on sanctions breaches."
    )
    assert not any(s == "alleges_violation" for _, s, _ in claims(text))
    # with an agent the breaches are alleged: "reports on breaches by North Korea"
    text = "The team published reports on sanctions breaches by North Korea."
    assert ("KP", "alleges_violation") in [(st, s) for st, s, _ in claims(text)]


def test_the_country_refers_back_to_the_state_just_discussed() -> None:
    text = (
        "Mongolia has complied with the ban on North Korean workers, officials said.\n"
        "The country stopped issuing work permits to North Koreans in 2017."
    )
    got = claims(text)
    assert got[-1][:2] == ("MN", "reports_measure")
    # "the country of origin": not a reference back
    text = (
        "Mongolia has complied with the ban on North Korean workers, officials said.\n"
        "The country of origin stopped issuing work permits to them in 2017."
    )
    assert ("MN", "reports_measure") not in [(st, s) for st, s, _ in claims(text)[1:]]


def test_the_speakers_name_does_not_pick_the_obligation() -> None:
    # "UN experts" names the panel, not what North Korea is said to have done
    got = claims("UN experts said North Korea shipped coal to Chinese ports in May.")
    assert ("KP", "alleges_violation", "1874-OP26") not in got
    assert ("KP", "alleges_violation", "2371-OP8") in got
    # where the panel is what the sentence is about, it still links
    got = claims("Russia vetoed the renewal of the panel of experts, diplomats said.")
    assert ("RU", "other", "1874-OP26") in got


def test_traders_and_ports_make_their_state_the_actor() -> None:
    got = claims("Chinese ports received coal shipments from North Korea last year.")
    assert ("CN", "alleges_violation", "2371-OP8") in got
    # North Korean coal reaching a port is not the port's state acting when no one receives
    got = claims("The ship carried coal from North Korea to a port in China.")
    assert not any(st == "CN" and s == "alleges_violation" for st, s, _ in got)


def test_both_countries_speaking_for_themselves() -> None:
    text = (
        "Vietnam and Malaysia expelled North Korean workers last year.\n"
        "Both countries said they complied with the sanctions."
    )
    got = [(st, s) for st, s, _ in claims(text)]
    assert ("VN", "asserts_compliance") in got and ("MY", "asserts_compliance") in got
    assert ("KP", "asserts_compliance") not in got  # "North Korean" is no state named here


def test_workers_remaining_despite_the_deadline_in_two_states() -> None:
    text = (
        "The report said thousands of North Korean workers remained in China and Russia "
        "despite a UN deadline to send them home."
    )
    got = claims(text)
    assert ("CN", "alleges_violation", "2397-OP8") in got
    assert ("RU", "alleges_violation", "2397-OP8") in got
    # a place named apart from the first is not joined to it
    text = (
        "The report said thousands of North Korean workers remained in China despite a UN "
        "deadline, while Russia sent its workers home."
    )
    assert ("RU", "alleges_violation", "2397-OP8") not in claims(text)


def test_countries_must_is_a_general_obligation() -> None:
    got = claims("Under the resolutions, countries must not import North Korean textiles.")
    assert got == [("ALL", "other", "2375-textiles")]
    # a named state that must do something is not all states
    got = claims("Mongolia must now send home the remaining North Korean workers.")
    assert ("ALL", "other", "2397-OP8") not in got


def test_a_keyword_number_inside_a_larger_number_does_not_count() -> None:
    # "2 million barrels" (the 2375 cap) is not in "3.2 million barrels"
    got = claims(
        "North Korea imported 3.2 million barrels of refined petroleum, far above the cap "
        "of 500,000 barrels, the panel said."
    )
    assert ("KP", "alleges_violation", "2397-OP5") in got


def test_the_targets_vessels_making_transfers_at_sea() -> None:
    got = claims("The panel said North Korean vessels made 30 ship-to-ship transfers of coal.")
    assert ("KP", "alleges_violation", "2375-OP11") in got
    # inspections of transfers are no transfers made
    got = claims("The panel said Japan made public photos of the ship-to-ship transfers.")
    assert not any(s == "alleges_violation" for _, s, _ in got)


IRAN = "The IAEA reports to the Security Council on Iran's nuclear programme.\n"


def test_above_the_limit_is_a_breach_and_the_trailing_report_is_not_the_content() -> None:
    text = IRAN + (
        "Iran's stockpile of enriched uranium has grown to more than 15 times the limit, "
        "the agency said in a confidential report on Monday."
    )
    an = analyse_text(text, published="2021-05-31")
    got = [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]
    assert ("IR", "alleges_violation", "2231-annexA-stockpile") in got
    [quote] = [q for q in an.quotes if "stockpile" in q.text]
    assert quote.text.startswith("Iran's stockpile")
    # a figure below the limit is no breach
    text = IRAN + "Iran's stockpile of enriched uranium stayed below the limit, the agency said."
    got = pairs(text, "2021-05-31")
    assert ("IR", "alleges_violation") not in got


def test_the_jcpoa_named_instead_of_its_resolution() -> None:
    text = IRAN + "The European parties said Iran's actions were a clear breach of the JCPOA."
    [claim] = analyse_text(text, published="2021-05-31").claims
    assert (claim.subject_state, claim.stance) == ("IR", "alleges_violation")
    assert (claim.obligation_id, claim.obligation_label) == (None, "UNSCR 2231")
    # before the resolution was adopted there is nothing to link
    [claim] = analyse_text(text, published="2014-05-31").claims
    assert claim.obligation_label is None


def test_the_target_sending_workers_abroad() -> None:
    got = claims("Despite this, Pyongyang continues to send North Korean workers to China.")
    assert ("KP", "alleges_violation", "2397-OP8") in got
    # receiving workers back home is not sending them out
    got = claims("North Korea said it had received its workers back from China.")
    assert ("KP", "alleges_violation", "2397-OP8") not in got


def test_an_unnamed_official_defending_the_state_speaks_for_it() -> None:
    text = (
        "Mongolia will send home all North Korean workers by the end of the year to comply "
        "with UN sanctions, a government official said on Tuesday."
    )
    assert ("MN", "asserts_compliance") in [(st, s) for st, s, _ in claims(text)]
    # the same official accusing a state is not that state speaking
    text = "North Korea breached the sanctions on coal, a government official said on Tuesday."
    assert ("KP", "alleges_violation") in [(st, s) for st, s, _ in claims(text)]


def test_we_from_an_official_after_a_sentence_about_the_state() -> None:
    text = (
        "Mongolia has reduced the number of North Korean workers to 1,200.\n"
        "\u201cWe are implementing the resolution in full,\u201d Deputy Labour Minister Bat-Erdene "
        "told reporters."
    )
    assert ("MN", "asserts_compliance") in [(st, s) for st, s, _ in claims(text)]
    # a rights activist saying "we" does not speak for the state
    text = (
        "Mongolia has reduced the number of North Korean workers to 1,200.\n"
        "\u201cWe are watching the resolution closely,\u201d activist Sarnai Bold told reporters."
    )
    assert ("MN", "asserts_compliance") not in [(st, s) for st, s, _ in claims(text)]


def test_violations_of_other_things_and_calls_for_measures() -> None:
    got = claims("North Korea has called the sanctions a violation of its sovereignty.")
    assert ("KP", "alleges_violation") not in [(st, s) for st, s, _ in got]
    got = claims("North Korea violated the sanctions by exporting coal, the panel said.")
    assert ("KP", "alleges_violation") in [(st, s) for st, s, _ in got]
    got = claims("The United States has urged countries to expel North Korean workers.")
    assert ("US", "reports_measure") not in [(st, s) for st, s, _ in got]
    got = claims("Kuwait has expelled North Korean workers, officials said.")
    assert ("KW", "reports_measure") in [(st, s) for st, s, _ in got]


def test_following_the_resolutions_is_compliance_but_following_them_in_time_is_not() -> None:
    got = claims("China said Chinese companies strictly followed UN resolutions.")
    assert ("CN", "asserts_compliance") in [(st, s) for st, s, _ in got]
    got = claims("China's trade with North Korea fell following the sanctions, officials said.")
    assert ("CN", "asserts_compliance") not in [(st, s) for st, s, _ in got]


def test_a_blocked_proposal_to_blacklist_is_no_measure() -> None:
    got = claims("Russia and China have blocked a US proposal to blacklist more ships.")
    assert not any(s == "reports_measure" for _, s, _ in got)
    got = claims("The United States blacklisted more ships on Friday.")
    assert ("US", "reports_measure") in [(st, s) for st, s, _ in got]


def test_a_state_that_spotted_transfers_reports_them() -> None:
    text = "Japan has spotted North Korean tankers conducting ship-to-ship transfers at sea."
    got = claims(text)
    assert ("KP", "alleges_violation", "2375-OP11") in got
    assert not any(st == "JP" for st, _, _ in got)


def test_a_think_tank_is_not_the_state_it_is_based_in() -> None:
    text = (
        "North Korean restaurants in China are still operating despite the ban on joint "
        "ventures, according to a report by a South Korean think tank."
    )
    got = [(st, s) for st, s, _ in claims(text)]
    assert ("CN", "alleges_violation") in got
    assert not any(st == "KR" for st, _ in got)


def test_questions_and_open_questions_claim_nothing() -> None:
    assert claims("Will Moscow comply with the resolution on North Korean workers?") == []
    got = claims("It is unclear whether China has repatriated the North Korean workers.")
    assert ("CN", "reports_measure") not in [(st, s) for st, s, _ in got]
    got = claims("China has repatriated the North Korean workers, officials said.")
    assert ("CN", "reports_measure") in [(st, s) for st, s, _ in got]
    got = claims("Russia could face pressure to expel North Korean workers, diplomats said.")
    assert ("RU", "reports_measure") not in [(st, s) for st, s, _ in got]


def test_states_joined_by_as_well_as_act_together() -> None:
    got = claims("Russia as well as China reported sales of refined petroleum to North Korea.")
    pairs = [(st, s) for st, s, _ in got]
    assert ("RU", "reports_measure") in pairs and ("CN", "reports_measure") in pairs
    # a state in a comparison is not joined: "more than China"
    got = claims("Russia reported more sales of refined petroleum than China.")
    assert ("CN", "reports_measure") not in [(st, s) for st, s, _ in got]


def test_require_states_is_general_and_an_estimated_figure_is_no_speaker() -> None:
    got = claims("UN sanctions require states to send North Korean workers home.")
    assert got == [("ALL", "other", "2397-OP8")]
    text = (
        "North Korea earned an estimated $500 million a year from workers abroad, the US "
        "State Department said."
    )
    an = analyse_text(HEAD + text, published="2019-06-01")
    [quote] = [q for q in an.quotes if "earned" in q.text]
    assert quote.speaker == "the US State Department"
    assert ("US", "other") not in [(c.subject_state, c.stance) for c in an.claims]


def test_allegations_worded_without_the_word_violation() -> None:
    cases = {
        "Russia has allowed thousands of North Korean workers to remain, the paper said.": "RU",
        "Russia continues to host 10,000 North Korean labourers, the report said.": "RU",
        "China has yet to send home the North Korean workers in its seafood plants.": "CN",
        "Beijing has turned a blind eye to North Korean workers, analysts say.": "CN",
        "Laos has not submitted its implementation report to the committee.": "LA",
    }
    for text, state in cases.items():
        assert (state, "alleges_violation") in [(st, s) for st, s, _ in claims(text)], text
    # near wordings that allege nothing
    for text in (
        "Russia has allowed the UN panel to visit its ports, the paper said.",
        "China has sent home the North Korean workers in its seafood plants.",
        "Laos has submitted its implementation report to the committee.",
    ):
        assert not any(s == "alleges_violation" for _, s, _ in claims(text)), text


def test_more_wordings_of_compliance_measures_and_denials() -> None:
    cases = {
        "Thailand has fully implemented the measures, its foreign ministry said.": (
            "TH",
            "asserts_compliance",
        ),
        "Kuwait said it was committed to the sanctions.": ("KW", "asserts_compliance"),
        "Singapore has suspended all trade with North Korea.": ("SG", "reports_measure"),
        "Uganda has cut military ties with North Korea in line with the resolutions.": (
            "UG",
            "reports_measure",
        ),
        "Malaysia closed a North Korean restaurant in Kuala Lumpur.": ("MY", "reports_measure"),
        'Moscow called the reports "fake news".': ("RU", "denies_violation"),
    }
    for text, want in cases.items():
        assert want in [(st, s) for st, s, _ in claims(text)], text
    # trade that goes on, and news that is not about the claims
    for text in (
        "Singapore's trade with North Korea grew last year.",
        "Moscow called the meeting a success.",
    ):
        assert claims(text) == [], text


def test_both_and_the_two_governments_refer_to_the_last_pair() -> None:
    text = (
        "A UN report said Russia and China had failed to repatriate North Korean workers.\n"
        "Both have denied the allegations.\n"
        "The two governments said they had complied with the resolutions."
    )
    got = [(st, s) for st, s, _ in claims(text)]
    for state in ("RU", "CN"):
        assert (state, "denies_violation") in got and (state, "asserts_compliance") in got
    # "both" before a noun that is not a state is no pair
    text = (
        "A UN report said Russia and China had failed to repatriate North Korean workers.\n"
        "Both reports have been denied by the panel."
    )
    assert ("CN", "denies_violation") not in [(st, s) for st, s, _ in claims(text)]


LIBYA = "The UN arms embargo on Libya has been in force since 2011.\n"


def test_a_state_sending_arms_to_an_embargoed_state() -> None:
    text = LIBYA + "Turkey has sent military advisers and drones to the Tripoli government."
    got = [(c.subject_state, c.stance, c.obligation_id) for c in analyse_text(text).claims]
    assert ("TR", "alleges_violation", "1970-OP9") in got
    # sending aid workers is no arms transfer
    text = LIBYA + "Turkey has sent doctors and medicine to the Tripoli government."
    got = [(c.subject_state, c.stance) for c in analyse_text(text).claims]
    assert ("TR", "alleges_violation") not in got


def test_the_agent_of_a_passive_acts() -> None:
    got = [(st, s) for st, s, _ in claims("North Korean workers were sent home by Russia.")]
    assert ("RU", "reports_measure") in got
    got = [(st, s) for st, s, _ in claims("The tanker was seized by South Korea in Yeosu.")]
    assert ("KR", "reports_measure") in got
    text = "North Koreans are still employed by Chinese companies, in breach of the sanctions."
    assert ("CN", "alleges_violation") in [(st, s) for st, s, _ in claims(text)]
    # a place reached "by" a route is no agent
    got = claims("The workers travelled home by train through Russia.")
    assert ("RU", "reports_measure") not in [(st, s) for st, s, _ in got]


def test_an_adverb_before_the_speech_verb_and_evasion_to_fight() -> None:
    got = claims("Washington has repeatedly accused Beijing of failing to enforce the sanctions.")
    pairs = [(st, s) for st, s, _ in got]
    assert ("CN", "alleges_violation") in pairs and ("US", "alleges_violation") not in pairs
    got = claims("Japan and South Korea have urged China to crack down on sanctions evasion.")
    assert not any(s == "alleges_violation" for _, s, _ in got)
    got = claims("Japan said China had helped North Korea with sanctions evasion.")
    assert ("CN", "alleges_violation") in [(st, s) for st, s, _ in got]


def test_hiring_the_targets_workers() -> None:
    text = "Russian companies had hired North Korean workers after the deadline, the panel said."
    assert ("RU", "alleges_violation", "2397-OP8") in claims(text)
    # the stock of workers is a figure, not a breach; not hiring is no breach
    text = "Russian companies employed 30,000 North Korean workers in 2016, the panel said."
    assert ("RU", "alleges_violation", "2397-OP8") not in claims(text)
    text = "Russian companies have not hired North Korean workers since 2017, officials said."
    assert ("RU", "alleges_violation", "2397-OP8") not in claims(text)


def test_what_the_resolutions_require_is_a_general_statement() -> None:
    for text, ob in (
        ("Resolution 2397 caps refined petroleum at 500,000 barrels a year.", "2397-OP5"),
        ("The sanctions ban North Korean exports of seafood.", "2371-lead-seafood"),
        ("Countries were barred from issuing new work permits to North Koreans.", "2375-OP17"),
        ("The resolution gave countries 24 months to repatriate the workers.", "2397-OP8"),
    ):
        assert claims(text) == [("ALL", "other", ob)], text
    # a state's own ban on something is its measure, not the resolutions' requirement
    got = claims("Mongolia banned new work permits for North Koreans in 2017.")
    assert ("ALL", "other", "2375-OP17") not in got


def test_the_targets_figure_above_the_linked_cap() -> None:
    text = IRAN + "Iran's stockpile stood at 3,241 kg of enriched uranium, the IAEA said."
    got = [(c.subject_state, c.stance, c.obligation_id) for c in analyse_text(text).claims]
    assert ("IR", "alleges_violation", "2231-annexA-stockpile") in got
    text = IRAN + "Iran has begun enriching uranium to 60 percent at Natanz."
    got = [(c.subject_state, c.stance) for c in analyse_text(text).claims]
    assert ("IR", "alleges_violation") in got
    # below the cap: a figure, no breach
    text = IRAN + "Iran's stockpile stood at 190 kg of enriched uranium, the IAEA said."
    got = [(c.subject_state, c.stance) for c in analyse_text(text).claims]
    assert ("IR", "alleges_violation") not in got


def test_returning_to_compliance_admits_being_out_of_it() -> None:
    text = IRAN + "Tehran says it will return to full compliance if Washington lifts sanctions."
    got = [(c.subject_state, c.stance) for c in analyse_text(text).claims]
    assert ("IR", "admits_noncompliance") in got


def test_a_state_named_in_a_condition_does_not_act() -> None:
    got = claims("Russia said it would expel the North Korean workers if China did the same.")
    pairs = [(st, s) for st, s, _ in got]
    assert ("RU", "reports_measure") in pairs and ("CN", "reports_measure") not in pairs


def test_workers_leaving_and_numbers_falling_are_measures() -> None:
    text = (
        "North Korean workers are leaving Mongolia, with the number falling to about 500 "
        "from 1,200 a year ago, officials said."
    )
    assert ("MN", "reports_measure") in [(st, s) for st, s, _ in claims(text)]
    # prices falling, or workers leaving a site, are no such measure
    text = "Coal prices in Mongolia are falling to about 50 dollars a tonne, traders said."
    assert ("MN", "reports_measure") not in [(st, s) for st, s, _ in claims(text)]


def test_cues_read_through_quotation_marks_and_workers_remaining_after_the_deadline() -> None:
    text = 'China said Beijing had "always strictly implemented" Security Council resolutions.'
    assert ("CN", "asserts_compliance") in [(st, s) for st, s, _ in claims(text)]
    text = "Thousands of North Korean workers remain in China weeks after the UN deadline expired."
    assert ("CN", "alleges_violation", "2397-OP8") in claims(text)
    # visas issued after the deadline are a figure, not an allegation by the text
    text = "Russia issued 753 work visas to North Koreans after the deadline, data showed."
    assert ("RU", "alleges_violation") not in [(st, s) for st, s, _ in claims(text)]


def test_visa_figures_take_the_documents_obligation() -> None:
    text = (
        "UN Security Council resolution 2397 required states to repatriate North Korean "
        "workers by December 22, 2019.\n"
        "Russia said it had sent home most of the workers.\n"
        "Russia issued 3,000 student visas to North Koreans last year, data showed."
    )
    got = claims(text)
    assert ("RU", "other", "2397-OP8") in got
    # without a resolution the document names, a visa figure links to nothing
    text = "Russia issued 3,000 student visas to North Koreans last year under UN sanctions."
    assert ("RU", "other", None) in claims(text)


def test_every_demonym_of_a_list_qualifies_the_noun() -> None:
    text = "The report names Chinese, Russian and Vietnamese firms that helped evade sanctions."
    got = [(st, s) for st, s, _ in claims(text)]
    for state in ("CN", "RU", "VN"):
        assert (state, "alleges_violation") in got, state
    # a list of demonyms before workers names no actor
    text = "Chinese, Russian and Vietnamese workers were said to have evaded the sanctions."
    assert not any(st in ("CN", "RU") for st, _ in [(st, s) for st, s, _ in claims(text)])


def test_workers_not_yet_gone_admitted_by_the_state_or_alleged_by_others() -> None:
    text = "About 200 North Korean workers in Mongolia had not yet left, the panel said."
    assert ("MN", "alleges_violation") in [(st, s) for st, s, _ in claims(text)]
    text = "Mongolia admitted that 200 North Korean workers had not yet left."
    assert ("MN", "admits_noncompliance") in [(st, s) for st, s, _ in claims(text)]
    text = "Kuwait conceded it had been slow to act on the resolution."
    assert ("KW", "admits_noncompliance") in [(st, s) for st, s, _ in claims(text)]
    # workers who have left: no admission
    text = "Mongolia said that all North Korean workers had left."
    assert ("MN", "admits_noncompliance") not in [(st, s) for st, s, _ in claims(text)]


def test_more_wordings_of_denial() -> None:
    for text, state in (
        ("China said the accusations were untrue.", "CN"),
        ("Russia insisted it had done nothing wrong.", "RU"),
        ("Vietnam said the allegations had no basis.", "VN"),
    ):
        assert (state, "denies_violation") in [(st, s) for st, s, _ in claims(text)], text
    # a report said to be right is no denial
    got = claims("Vietnam said the report was accurate and it would act.")
    assert not any(s == "denies_violation" for _, s, _ in got)


def test_goods_delivered_to_a_state_and_suspected_transfers() -> None:
    text = "North Korean coal was delivered to ports in Vietnam and Malaysia, the panel said."
    got = [(st, s) for st, s, _ in claims(text)]
    assert ("VN", "alleges_violation") in got and ("MY", "alleges_violation") in got
    text = "Japan reported 12 suspected ship-to-ship transfers involving North Korean tankers."
    assert ("KP", "alleges_violation", "2375-OP11") in claims(text)
    # coal from elsewhere delivered to Vietnam is no breach
    text = "Australian coal was delivered to ports in Vietnam, the panel said."
    assert ("VN", "alleges_violation") not in [(st, s) for st, s, _ in claims(text)]


def test_the_sanctions_cap_as_a_noun_is_no_general_statement() -> None:
    got = claims("The US accused North Korea of breaching the sanctions cap on refined petroleum.")
    assert ("ALL", "other", "2397-OP5") not in got
    assert ("KP", "alleges_violation", "2397-OP5") in got
    assert claims("UN sanctions ban North Korean coal exports.") == [("ALL", "other", "2371-OP8")]


def test_a_ban_not_enforced_and_trade_that_stopped() -> None:
    text = "According to the Japanese government, China has not enforced the ban on textiles."
    assert ("CN", "alleges_violation") in [(st, s) for st, s, _ in claims(text)]
    text = "Beijing's commerce ministry said imports of North Korean textiles had stopped."
    assert ("CN", "reports_measure", "2375-textiles") in claims(text)
    # trade that goes on is no measure
    text = "Beijing's commerce ministry said imports of North Korean textiles had grown."
    assert ("CN", "reports_measure") not in [(st, s) for st, s, _ in claims(text)]


def test_admission_of_a_step_not_yet_taken() -> None:
    # the state owns that a required step is still undone: "has yet to adopt"
    text = (
        "The Philippines said it has yet to adopt rules to freeze North Korean assets"
        " under resolution 1718."
    )
    assert ("PH", "admits_noncompliance") in [(st, s) for st, s, _ in claims(text)]
    # the step taken: no admission
    text = (
        "The Philippines said it has adopted rules to freeze North Korean assets"
        " under resolution 1718."
    )
    assert ("PH", "admits_noncompliance") not in [(st, s) for st, s, _ in claims(text)]


def test_an_abbreviated_number_does_not_end_the_sentence() -> None:
    an = analyse_text(
        "Tehran's sale of drones to Moscow breaches resolution No. 2231, the ministry "
        "said. Officials met on Monday.",
        published="2023-01-10",
    )
    assert [s.text[:18] for s in an.sentences] == ["Tehran's sale of d", "Officials met on M"]
    assert any(c.subject_state == "IR" and c.stance == "alleges_violation" for c in an.claims)


def test_the_state_of_the_main_clause_acts_not_the_one_of_a_clause_before_it() -> None:
    text = (
        "The IAEA reports on Iran's compliance with resolution 2231.\n"
        "Since the United States left the agreement in 2018, Iran has been breaching its "
        "limits step by step."
    )
    got = pairs(text, "2020-06-01")
    assert ("IR", "alleges_violation") in got, got
    assert not any(st == "US" for st, _ in got), got


def test_the_state_accused_is_the_subject_not_the_accusers() -> None:
    text = (
        "The IAEA reports on Iran's compliance with resolution 2231.\n"
        "Britain, France and Germany, which accused Tehran of breaking the 2015 nuclear "
        "deal, started the process."
    )
    got = pairs(text, "2025-09-01")
    assert ("IR", "alleges_violation") in got, got
    assert not any(st in ("FR", "DE", "GB") for st, _ in got), got
    text = (
        "The IAEA reports on Iran's compliance with resolution 2231.\n"
        "The Secretary-General received letters from the UK and Ukraine arguing that Iran "
        "had sent drones to Russia in breach of resolution 2231."
    )
    got = pairs(text, "2023-06-01")
    assert ("IR", "alleges_violation") in got, got
    assert not any(st in ("GB", "UA") for st, _ in got), got


def test_a_state_following_united_nations_resolutions_asserts_compliance() -> None:
    got = claims(
        "China has strictly followed United Nations resolutions on North Korea, a "
        "spokesman for its defence ministry said."
    )
    assert ("CN", "asserts_compliance", None) in got, got
    got = claims("The United States urged China to follow United Nations resolutions.")
    assert not any(st == "CN" and stance == "asserts_compliance" for st, stance, _ in got), got


def test_no_workers_left_and_contracts_expired_are_measures() -> None:
    got = claims("There are now no North Koreans working in Russia, a Russian official said.")
    assert [(st, stance) for st, stance, _ in got] == [("RU", "reports_measure")], got
    got = claims(
        "All contracts with North Korean workers have expired, the Mongolian labour ministry said."
    )
    assert [(st, stance) for st, stance, _ in got] == [("MN", "reports_measure")], got
    # must not: none left "in violation" is a denial, not a measure
    got = claims(
        "There are no North Korean workers in Russia in violation of the resolution, "
        "a Russian official said."
    )
    assert [(st, stance) for st, stance, _ in got] == [("RU", "denies_violation")], got


def test_a_north_korean_restaurant_closing_is_the_host_states_measure() -> None:
    head = "North Korean workers must leave by the UN deadline of December 22, 2019.\n"
    got = claims(
        head + "A second North Korean restaurant, in Dubai, went out of business in the "
        "spring, the sources said."
    )
    assert ("AE", "reports_measure", "2397-OP8") in got, got
    got = claims(
        head + "Emirati authorities did not renew the restaurant's trading licence or its "
        "staff's visas, a source said."
    )
    assert ("AE", "reports_measure", "2397-OP8") in got, got
    # must not: a restaurant still open is a breach told, not a measure
    got = claims(
        head + "North Korean restaurants in Cambodia remain open despite the ban, the group said."
    )
    assert ("KH", "alleges_violation", "2397-OP8") in got, got
    assert not any(stance == "reports_measure" for _, stance, _ in got), got


def test_accused_of_supplying_and_a_transfer_to_a_north_korean_ship_are_charges() -> None:
    got = claims(
        "Japanese patrols spotted what looked like a cargo transfer between a "
        "Dominica-registered tanker and a North Korean ship at sea, Tokyo said."
    )
    assert ("KP", "alleges_violation") in [(st, stance) for st, stance, _ in got], got
    an = analyse_text(
        "Iran's drone sales are barred by resolution 2231.\n"
        "A US assessment accused Iran of providing Moscow with parts for a drone factory.",
        published="2023-06-20",
    )
    got2 = [(c.subject_state, c.stance) for c in an.claims]
    assert ("IR", "alleges_violation") in got2, got2
    assert not any(st == "US" for st, _ in got2), got2
    # must not: a ship named with no transfer to North Korea is no charge
    got = claims("Japan said its patrols had observed a Dominica-registered oil tanker at anchor.")
    assert not any(stance == "alleges_violation" for _, stance, _ in got), got


def test_deliveries_above_the_cap_are_a_charge_and_below_it_are_not() -> None:
    head = (
        "North Korea's refined petroleum imports are capped by UN sanctions at 500,000 "
        "barrels a year.\n"
    )
    got = pairs(
        head + "A research group estimated that Russia had shipped more than a million "
        "barrels of petroleum to North Korea since the spring.",
        "2024-11-01",
    )
    assert ("RU", "alleges_violation") in got, got
    got = pairs(
        head + "Russia delivered 200,000 barrels of petroleum to North Korea last year, the "
        "committee said.",
        "2024-11-01",
    )
    assert ("RU", "alleges_violation") not in got, got


def test_a_count_of_workers_that_declined_by_a_figure_is_a_measure() -> None:
    got = claims(
        "Moscow told the committee that the number of North Koreans holding work visas in "
        "Russia had declined by 16,400 since 2017."
    )
    assert ("RU", "reports_measure") in [(st, stance) for st, stance, _ in got], got


def test_a_duty_told_as_mandated_called_for_or_given_time_is_a_background_statement() -> None:
    for text in (
        "The resolution mandated that every North Korean worker abroad go home before the "
        "end of 2019.",
        "The sanctions call for an end to new work visas for North Koreans and for all of "
        "them to be sent home.",
        "Member countries have two years to carry out the measure in full.",
        "Member states are also required to file a midterm report on the workers sent back "
        "by March 2019.",
    ):
        got = claims(text)
        assert ("ALL", "other") in [(st, stance) for st, stance, _ in got], (text, got)
    # must not: one state pressing another is no statement of the duty on all
    got = claims("The United States called on China to enforce the sanctions on workers.")
    assert not any(st == "ALL" for st, _, _ in got), got


def test_a_flag_named_by_its_demonym_is_no_actor_unless_it_is_the_targets() -> None:
    got = claims(
        "The Security Council has blacklisted an Indian-flagged oil tanker for carrying "
        "North Korean coal."
    )
    assert not any(st == "IN" for st, _, _ in got), got
    got = claims(
        "Treasury said the companies operated a tanker that had conducted at least six "
        "ship-to-ship transfers with North Korean-flagged vessels since 2021."
    )
    assert ("KP", "alleges_violation", "2375-OP11") in got, got


def test_claims_that_and_a_claim_denied_by() -> None:
    got = claims(
        "Seoul claims that Moscow hands North Korean labourers student visas to disguise "
        "breaches of UN sanctions."
    )
    assert ("RU", "alleges_violation") in [(st, stance) for st, stance, _ in got], got
    assert not any(st == "KR" for st, _, _ in got), got
    got = claims(
        "Washington and Seoul have accused North Korea of selling weaponry to Russia, a "
        "claim denied by Moscow and Pyongyang."
    )
    pairs = [(st, stance) for st, stance, _ in got]
    assert ("KP", "alleges_violation") in pairs, got
    assert ("RU", "denies_violation") in pairs and ("KP", "denies_violation") in pairs, got
    # must not: a request denied is no denial of a charge
    got = claims("Ankara denied the mission's request to board the freighter, the EU said.")
    assert not any(stance == "denies_violation" for _, stance, _ in got), got


def test_interdictions_blocked_assets_and_a_rejection_of_us_accusations() -> None:
    got = pairs(
        "The UN arms embargo on the Houthis under resolution 2216 is in force.\n"
        "The US Navy said its sailors had intercepted a dhow heading for Yemen with rifles.\n"
        "Beijing rejected U.S. accusations that it had loosened its enforcement of U.N. "
        "sanctions.",
        "2021-02-20",
    )
    assert ("US", "reports_measure") in got, got
    assert ("CN", "denies_violation") in got, got
    assert ("US", "alleges_violation") not in got, got
    got = claims(
        "The Treasury's Office of Foreign Assets Control blocked the three entities' "
        "property in the United States."
    )
    assert ("US", "reports_measure") in [(st, stance) for st, stance, _ in got], got


def test_workers_sent_abroad_by_the_target_are_its_breach() -> None:
    head = "North Korean workers must be sent home under UN sanctions by December 22, 2019.\n"
    for text in (
        "South Korea's spy agency says North Korea sent thousands of labourers to building "
        "sites in Russia last year.",
        "Several thousand North Korean labourers were reportedly dispatched to Russia in "
        "2024, according to Seoul's intelligence service.",
    ):
        an = analyse_text(head + text, published="2025-02-10")
        got = [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]
        assert ("KP", "alleges_violation", "2397-OP8") in got, (text, got)
    # must not: workers sent home are a measure, not a breach
    an = analyse_text(
        head + "Thousands of North Korean laborers were sent home from Russia in 2019, the "
        "ministry said.",
        published="2020-02-10",
    )
    assert not any(c.stance == "alleges_violation" for c in an.claims), an.claims


def test_the_target_sending_banned_items_or_making_shipments_is_a_breach() -> None:
    head = "The UN arms embargo on North Korea bans its weapons exports.\n"
    got = pairs(
        head + "A UN panel says North Korea sent valves and other items usable in "
        "chemical weapons to Syria.",
        "2018-03-01",
    )
    assert ("KP", "alleges_violation") in got, got
    got = pairs(
        head + "The panel also says North Korea made some 40 shipments of weapons to "
        "Syria over five years.",
        "2018-03-01",
    )
    assert ("KP", "alleges_violation") in got, got
    # must not: a delegation sent is no banned trade
    an = analyse_text(
        head + "North Korea sent a delegation to the talks in Geneva.", published="2018-03-01"
    )
    assert not any(c.stance == "alleges_violation" for c in an.claims), an.claims


def test_a_state_calling_the_allegations_baseless_denies_and_theft_is_a_charge() -> None:
    got = claims(
        "The Kremlin said Western claims that Pyongyang was arming Russia were not based "
        "on evidence."
    )
    assert ("RU", "denies_violation") in [(st, stance) for st, stance, _ in got], got
    assert ("KP", "alleges_violation") not in [(st, stance) for st, stance, _ in got], got
    got = claims(
        "The monitors say North Korea stole about $150 million in digital currency from "
        "an exchange."
    )
    assert ("KP", "alleges_violation") in [(st, stance) for st, stance, _ in got], got
    got = claims(
        "Tanzania is under investigations by UN experts over arms deals with a North Korean "
        "company, the report says."
    )
    assert ("TZ", "alleges_violation") in [(st, stance) for st, stance, _ in got], got


def test_a_minister_saying_his_country_has_to_meet_its_obligations_asserts() -> None:
    got = pairs(
        "North Korean workers must leave under UN sanctions.\n"
        "Ghana's foreign minister told reporters that 120 North Korean workers had been "
        "repatriated.\n"
        "The minister said his country needed to meet its international obligations.\n"
        "The United States said China needed to meet its obligations.",
        "2017-11-22",
    )
    assert ("GH", "asserts_compliance") in got, got
    assert not any(st == "CN" and stance == "asserts_compliance" for st, stance in got), got


def test_the_council_passing_or_imposing_a_ban_is_a_background_statement() -> None:
    for text in (
        "The U.N. Security Council passed a resolution in 2017 banning North Korea from "
        "exporting coal.",
        "The United Nations Security Council (UNSC) imposed a new set of sanctions on "
        "Pyongyang that could cut its export revenue by a third.",
    ):
        got = claims(text)
        assert ("ALL", "other") in [(st, stance) for st, stance, _ in got], (text, got)
        assert not any(stance == "alleges_violation" for _, stance, _ in got), (text, got)
    # must not: a breach of resolutions that ban a trade is still a breach
    got = claims(
        "North Korea has shipped artillery shells to Russia in violation of Security Council "
        "resolutions banning its arms exports, the minister said."
    )
    assert ("KP", "alleges_violation") in [(st, stance) for st, stance, _ in got], got
