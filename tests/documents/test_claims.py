"""Claims from short texts written for these tests (no knowledge base needed here)."""

from __future__ import annotations

from datetime import date

from sanctionwatch.documents import analyse_text

STORY = (
    "BERLIN, May 4 (Wire) - Mongolia has fully complied with the UN Security Council ban on new "
    "work permits for North Korean labourers, Mongolian Deputy Foreign Minister Batbayar Dorj told "
    "the agency.\n"
    "\u201cWe stopped issuing permits in 2017 and the last 300 workers went home,\u201d "
    "Dorj said.\n"
    "The Japanese government said on Tuesday that Mongolian firms had breached the sanctions by "
    "hiring 50 new workers.\n"
    "Ulaanbaatar has denied the accusation.\n"
    "Officials in Ulaanbaatar admitted they had missed the deadline to send everyone home.\n"
    "All UN member states were required to repatriate North Korean workers by December 22, 2019.\n"
    "Tokyo blacklisted three companies on Friday.\n"
)


def claims_of(text: str, **kw: object) -> list[tuple[str, str]]:
    return [(c.subject_state, c.stance) for c in analyse_text(text, kb=None, **kw).claims]  # type: ignore[arg-type]


def test_story_claims_and_attribution() -> None:
    an = analyse_text(STORY, published="2021", kb=None)
    got = [(c.subject_state, c.stance) for c in an.claims]
    assert got == [
        ("MN", "asserts_compliance"),
        ("MN", "reports_measure"),
        ("MN", "alleges_violation"),
        ("MN", "denies_violation"),
        ("MN", "admits_noncompliance"),
        ("ALL", "other"),
        ("JP", "reports_measure"),
    ]
    first, quote, allegation = an.claims[0], an.claims[1], an.claims[2]
    assert first.speaker == "Batbayar Dorj"
    assert first.speaker_affiliation == "Mongolian Deputy Foreign Minister"
    assert quote.speaker == "Batbayar Dorj"  # surname resolved to the full name
    assert [(q.value, q.unit) for q in quote.quantities] == [(300, "workers")]
    assert allegation.speaker == "The Japanese government"
    assert (
        an.claims[-1].quantities[0].value == 3 and an.claims[-1].quantities[0].unit == "companies"
    )


def test_evidence_offsets_point_into_the_text() -> None:
    an = analyse_text(STORY, published="2021-05-04", kb=None)
    for c in an.claims:
        assert STORY[c.start : c.end] == c.evidence


def test_dateline_metadata_and_year_inference() -> None:
    an = analyse_text(STORY, published="2021", kb=None)
    meta = an.document
    assert (meta.dateline, meta.outlet, meta.published) == ("Berlin", "Wire", date(2021, 5, 4))
    assert meta.published_source == "dateline"
    inferred = analyse_text(STORY, kb=None).document
    assert inferred.published == date(2020, 5, 4) and inferred.published_inferred  # after Dec 2019


def test_trailing_attribution_and_pronoun_carry_over() -> None:
    text = (
        "Iran has exceeded the limit on enriched uranium set by the nuclear deal, "
        "the IAEA said on Monday.\n"
        "Tehran rejected the allegations as baseless.\n"
        "It said the government was complying with its obligations."
    )
    assert claims_of(text) == [
        ("IR", "alleges_violation"),
        ("IR", "denies_violation"),
        ("IR", "asserts_compliance"),
    ]


def test_both_countries_refers_to_the_last_pair() -> None:
    text = (
        "Hundreds of North Korean labourers had worked in Kuwait and in Qatar "
        "under UN sanctions scrutiny.\n"
        "Both countries stopped renewing their visas this year."
    )
    assert claims_of(text) == [("KW", "reports_measure"), ("QA", "reports_measure")]


def test_text_without_sanctions_context_gives_no_claims() -> None:
    text = (
        "The league sanctioned the club for a breach of its rules after the match in England.\n"
        "The manager admitted the charge and was fined £5,000 by the commission."
    )
    assert claims_of(text) == []


def test_across_sentence_quote_gets_one_speaker() -> None:
    text = (
        "\u201cWe have met every deadline set by the Security Council. "
        "Nobody from North Korea works here any more,\u201d said Vietnamese Foreign Ministry "
        "spokeswoman Le Thi Hang.\n"
    )
    an = analyse_text(text, kb=None)
    assert {q.speaker for q in an.quotes} == {"Le Thi Hang"}
    assert {q.speaker_country for q in an.quotes} == {"VN"}


def test_statistical_components_on_request_give_the_same_claims() -> None:
    from sanctionwatch.documents import DocumentInput, analyse_many

    inp = [DocumentInput(STORY, published="2021")]
    (fast,) = analyse_many(inp, kb=None)
    (full,) = analyse_many(inp, kb=None, ner=True, model_sentences=True)
    assert [(c.subject_state, c.stance) for c in full.claims] == [
        (c.subject_state, c.stance) for c in fast.claims
    ]
    people = {m.text for m in full.mentions if m.kind == "person"}
    assert "Batbayar Dorj" in people


def test_negated_accusation_is_not_an_allegation() -> None:
    text = (
        "The inspectors did not accuse any country of illicitly shipping oil to North Korea "
        "under the UN sanctions.\n"
    )
    assert claims_of(text) == []


def test_cooperation_between_two_states_in_violation() -> None:
    text = (
        "Observers presented evidence to UN member states of arms deliveries between Iran and "
        "Russia in violation of UN sanctions.\n"
    )
    assert claims_of(text) == [("IR", "alleges_violation"), ("RU", "alleges_violation")]


def test_attribution_after_an_opening_phrase() -> None:
    text = (
        "Citing shipping records and satellite images, the panel said that Myanmar had "
        "violated the UN arms embargo.\n"
    )
    an = analyse_text(text, kb=None)
    assert [(c.subject_state, c.stance, c.speaker) for c in an.claims] == [
        ("MM", "alleges_violation", "the panel")
    ]


def test_expulsion_is_a_measure_and_the_two_countries_are_not_counted() -> None:
    text = (
        "Under UN sanctions pressure, Peru gave the North Korean ambassador five days to leave "
        "the country, and the two countries cut ties.\n"
    )
    an = analyse_text(text, kb=None)
    # "the two countries" are the two just named: both cut ties
    assert [(c.subject_state, c.stance) for c in an.claims] == [
        ("PE", "reports_measure"),
        ("KP", "reports_measure"),
    ]
    assert an.quantities == []


def test_banned_trade_by_the_targeted_state_is_an_alleged_violation(kb: object) -> None:
    text = (
        "North Korea is under UN sanctions that ban its coal exports.\n"
        "An expert group estimated that North Korea exported 1.2m tons of coal to ports abroad "
        "last year.\n"
    )
    an = analyse_text(text, published="2021-03-01", kb=kb)
    figures = [c for c in an.claims if c.quantities]
    assert [(c.subject_state, c.stance) for c in figures] == [("KP", "alleges_violation")]
    assert figures[0].obligation_id is not None


def test_wire_story_with_a_seizure_a_denial_and_an_assurance() -> None:
    text = (
        "SEOUL, March 3 (Yonhap) -- South Korea has seized a Panama-flagged tanker suspected of "
        "passing oil to a North Korean vessel at sea in violation of UN sanctions, officials "
        "said Tuesday.\n"
        "Panama's maritime authority denied any wrongdoing, saying the vessel had been "
        "struck off its register in January.\n"
        "China's foreign ministry spokesman Wang Wenbin said Beijing strictly implements all "
        "Security Council resolutions on North Korea.\n"
    )
    an = analyse_text(text, published="2021", kb=None)
    assert (an.document.dateline, an.document.outlet) == ("Seoul", "Yonhap")
    assert an.document.published == date(2021, 3, 3)
    got = [(c.subject_state, c.stance, c.speaker) for c in an.claims]
    assert got == [
        ("KR", "reports_measure", "officials"),
        ("PA", "denies_violation", "Panama's maritime authority"),
        ("CN", "asserts_compliance", "Wang Wenbin"),
    ]
    assert an.claims[0].evidence.startswith("South Korea has seized")


def test_a_state_reporting_its_own_measure_and_figure() -> None:
    text = (
        "Vietnam said on Friday it had sent home all North Korean workers before the UN "
        "deadline, according to a statement from its foreign ministry.\n"
        "The statement said 120 workers had left the country by December 2019.\n"
    )
    an = analyse_text(text, published="2020-03-06", kb=None)
    # the departures are the outcome of the measure ("N workers repatriated")
    assert [(c.subject_state, c.stance) for c in an.claims] == [
        ("VN", "reports_measure"),
        ("VN", "reports_measure"),
    ]
    (figure,) = an.claims[1].quantities
    assert (figure.value, figure.unit, figure.as_of) == (120, "workers", "2019-12")


def test_sanctions_named_as_a_whole_link_no_single_obligation(kb: object) -> None:
    narrow = (
        "Chile said on Monday it complies with the UN ban on new work permits for North "
        "Korean workers.\n"
    )
    claim = analyse_text(narrow, published="2019-03-01", kb=kb).claims[0]
    assert (claim.subject_state, claim.stance) == ("CL", "asserts_compliance")
    assert claim.obligation_id is not None  # the permits obligation
    broad = narrow.replace("the UN ban", "all UN sanctions, including the ban")
    claims = analyse_text(broad, published="2019-03-01", kb=kb).claims
    assert [(c.subject_state, c.stance, c.obligation_id) for c in claims] == [
        ("CL", "asserts_compliance", None)
    ]


def test_document_obligation_reaches_plain_sentences_only_with_a_resolution(kb: object) -> None:
    about_permits = (
        "Peru stopped issuing work permits to North Korean workers last year.\n"
        "Peru said it was in full compliance with the UN sanctions.\n"
    )
    an = analyse_text(about_permits, published="2019-03-01", kb=kb)
    got = [(c.stance, c.obligation_id) for c in an.claims]
    assert got == [("reports_measure", "2375-OP17"), ("asserts_compliance", None)]
    named = about_permits.replace("last year.", "last year under resolution 2375.")
    an = analyse_text(named, published="2019-03-01", kb=kb)
    got = [(c.stance, c.obligation_id) for c in an.claims]
    assert got == [("reports_measure", "2375-OP17"), ("asserts_compliance", "2375-OP17")]


def test_expelling_a_diplomat_is_a_measure_in_a_sanctions_story() -> None:
    text = (
        "Under UN sanctions, Peru reviewed its ties with Pyongyang.\n"
        "Officials said on Monday Peru had given the ambassador two weeks to leave the country.\n"
    )
    claims = analyse_text(text, kb=None).claims
    assert [(c.subject_state, c.stance) for c in claims] == [("PE", "reports_measure")]
    assert claims[0].evidence.startswith("Officials said")
    # an envoy's plain visit carries no claim
    visit = text.replace("had given the ambassador two weeks to leave the country", "met the envoy")
    assert analyse_text(visit, kb=None).claims == []


def test_sentences_glued_with_a_lower_case_start_are_cut() -> None:
    text = (
        "The minister spoke to reporters in Lima.the UN Security Council required all member "
        "states to repatriate North Korean workers. Details are at example.in today.\n"
    )
    an = analyse_text(text, kb=None)
    assert [s.text for s in an.sentences] == [
        "The minister spoke to reporters in Lima.",
        "the UN Security Council required all member states to repatriate North Korean workers.",
        "Details are at example.in today.",
    ]
    assert [(c.subject_state, c.stance) for c in an.claims] == [("ALL", "other")]
    assert an.claims[0].evidence.startswith("the UN Security Council")


def test_the_document_obligation_breaks_ties_but_does_not_outvote_a_sentence(kb: object) -> None:
    text = (
        "North Korea exported coal in violation of UN sanctions, experts said.\n"
        "Chinese barges carried North Korean coal in breach of the sanctions, they said.\n"
        "Peru said it had submitted a report to the UN and had never bought North Korean coal.\n"
    )
    an = analyse_text(text, published="2019-03-01", kb=kb)
    by_state = {c.subject_state: c.obligation_id for c in an.claims}
    assert by_state["CN"] == "2371-OP8"  # coal: the document's obligation
    assert by_state["PE"] == "1718-reporting"  # its own, stronger words win over coal


def test_a_noun_back_reference_finds_the_speaker_it_names() -> None:
    text = (
        "UN sanctions on North Korea apply to its workers abroad.\n"
        "Mongolia's labour ministry said 300 North Korean workers had gone home.\n"
        "UN experts said others remained in Mongolia.\n"
        "The last 40 would leave in May, the ministry said."
    )
    an = analyse_text(text, published="2019-06-01", kb=None)
    last = [q for q in an.quotes if "the ministry" in text[q.start - 30 : q.end + 30]]
    speakers = {q.speaker for q in an.quotes}
    assert "UN experts" in speakers
    assert last and last[-1].speaker == "Mongolia's labour ministry"
