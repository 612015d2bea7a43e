"""Rules found on the longer wire-style articles written for the tests (114-123): quotes
opened after a full stop, cue words for obligations met, denials, workers still at work,
contracts ended and ships struck from a register, duties told as what a resolution bans
all states, general duties, a denial that takes the charge's obligation, names that look
like capitals, flag states, "the Islamic Republic". Each rule has a text that must give
the reading and one that must not.

Every text here is written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer
from sanctionwatch.documents.pipeline import _soft_breaks

LABOUR = (
    "A 2017 UN Security Council resolution required all member states to repatriate "
    "North Korean workers by December 22, 2019. "
)


def claims(text: str, published: str = "2020-01-10") -> list[tuple[str, str, str | None]]:
    an = analyse_text(text, published=published)
    return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]


def states(text: str) -> set[str]:
    return {c[0] for c in claims(text)}


# ---- sentences and quotes -------------------------------------------------------------


def test_an_opening_quote_starts_its_sentence(kb: Any) -> None:
    text = (
        "Kenya's labour ministry said it was not aware of any breach. \"Kenya complies "
        'fully with the resolution," the ministry said.'
    )
    an = analyse_text(text, published="2020-01-10")
    # must find: the quote's sentence begins with its opening mark
    assert [s.text[0] for s in an.sentences] == ["K", '"']
    # must not: a closing mark stays at the end of its own sentence
    assert an.sentences[1].text.endswith("said.")
    assert an.sentences[0].text.endswith("breach.")


def test_a_hard_wrapped_sentence_is_read_whole(kb: Any) -> None:
    wrapped = (
        "UNITED NATIONS, May 3 - A panel of experts said in a\n"
        "confidential report that Eritrea had violated the\n"
        "arms embargo on Somalia by shipping\n"
        "rifles to armed groups, despite its strong denials.\n"
        "Crosshead\n"
        "The panel was set up by the Security Council in 2004 and\n"
        "Eritrea has long dismissed its findings as untrue.\n"
    )
    an = analyse_text(wrapped, published="2020-05-04")
    texts = [s.text for s in an.sentences]
    # must find: the lines of one sentence make one sentence, and its claim
    assert any(t.startswith("A panel of experts") and t.endswith("denials.") for t in texts)
    assert any(t.startswith("The panel was set up") and t.endswith("untrue.") for t in texts)
    assert [(c.subject_state, c.stance) for c in an.claims] == [
        ("ER", "alleges_violation"),
        ("ER", "denies_violation"),
    ]
    # must not: a short line without a full stop (a headline, a crosshead) joins the next
    assert "Crosshead" in texts
    # must not: text that is not hard-wrapped keeps every line break as a cut
    lines = "Chad denies supplying arms\nthe ministry said on Monday it had done nothing wrong."
    assert len(analyse_text(lines, published="2020-05-04").sentences) == 2


@given(st.text(alphabet='ab AB.,\n"', max_size=300))
def test_only_single_line_breaks_inside_a_line_run_are_soft(text: str) -> None:
    for i in _soft_breaks(text):
        assert text[i] == "\n"
        assert text[i + 1 : i + 2].strip() and text[i - 1 : i].strip() != "."
    if "\n" not in text.strip() or not any(c.islower() for c in text):
        assert not _soft_breaks(text)


# ---- cue words --------------------------------------------------------------------------


def test_obligations_met_assert_compliance(kb: Any) -> None:
    said = LABOUR + '"Peru has met its obligations in full," deputy minister Ana Quispe said.'
    assert ("PE", "asserts_compliance", "2397-OP8") in claims(said)
    # must not: obligations someone is urged to meet, or failed to meet
    urged = LABOUR + "Japan urged Peru to meet its obligations under the resolution."
    assert not any(c[1] == "asserts_compliance" for c in claims(urged))
    failed = LABOUR + "Japan said Peru had failed to meet its obligations."
    assert not any(c[1] == "asserts_compliance" for c in claims(failed))


def test_charges_called_unsubstantiated_or_absurd_are_denials(kb: Any) -> None:
    text = (
        "South Korea said Russia had bought North Korean artillery shells in breach of UN "
        "sanctions. A Kremlin spokesman said the accusations were unsubstantiated."
    )
    assert ("RU", "denies_violation", "1718-OP8ab") in claims(text)
    # must not: a finding described as substantiated is no denial
    found = (
        "South Korea said Russia had bought North Korean artillery shells in breach of UN "
        "sanctions. The panel said the accusations were substantiated."
    )
    assert not any(c[1] == "denies_violation" for c in claims(found))


def test_no_such_conduct_in_violation_is_a_denial(kb: Any) -> None:
    text = LABOUR + (
        '"There are no North Korean workers in Peru in violation of the resolution," '
        "foreign ministry spokeswoman Rosa Vega said."
    )
    assert ("PE", "denies_violation", "2397-OP8") in claims(text)
    # must not: workers counted without a denial
    counted = LABOUR + "There are 40 North Korean workers in Peru, the ministry said."
    assert not any(c[1] == "denies_violation" for c in claims(counted))


def test_workers_still_working_is_an_allegation(kb: Any) -> None:
    text = LABOUR + (
        "A rights group said 30 North Korean workers were still working at farms in Peru."
    )
    assert ("PE", "alleges_violation", "2397-OP8") in claims(text)
    # must not: workers no longer at work
    gone = LABOUR + "A rights group said the North Korean workers were no longer in Peru."
    assert not any(c[1] == "alleges_violation" for c in claims(gone))


def test_contracts_ended_and_ships_struck_from_a_register_are_measures(kb: Any) -> None:
    ended = (
        "Kenya said in 2018 that it had ended all contracts with North Korean firms under "
        "UN sanctions."
    )
    assert ("KE", "reports_measure") in {c[:2] for c in claims(ended)}
    struck = (
        "Belize's maritime authority said it had removed six vessels from its registry "
        "after the UN panel linked them to transfers with North Korean tankers."
    )
    assert ("BZ", "reports_measure") in {c[:2] for c in claims(struck)}
    # must not: contracts still running, a register only named
    running = (
        "Kenya said its contracts with North Korean firms under UN sanctions were still valid."
    )
    assert not any(c[1] == "reports_measure" for c in claims(running))


def test_calls_for_designations_are_no_measure(kb: Any) -> None:
    text = "Japan has called for more vessels to be designated by the UN sanctions committee."
    assert not any(c[1] == "reports_measure" for c in claims(text))
    # must find: designations made
    made = "Japan designated four vessels under its North Korea sanctions on Friday."
    assert ("JP", "reports_measure") in {c[:2] for c in claims(made)}


# ---- background duties and general duties ----------------------------------------------


def test_a_resolution_that_bans_all_states_is_background(kb: Any) -> None:
    text = "Resolution 1718, adopted in 2006, bans all states from buying arms from North Korea."
    assert claims(text) == [("ALL", "other", "1718-OP8ab")]
    # must not: one state's own ban on its companies
    own = "Kenya banned its companies from buying arms from North Korea, UN officials said."
    assert ("ALL", "other", "1718-OP8ab") not in claims(own)


def test_obligations_in_general_link_no_single_duty(kb: Any) -> None:
    text = LABOUR + (
        '"Peru takes its obligations under the UN Security Council resolutions '
        'seriously," a spokesperson said.'
    )
    assert ("PE", "asserts_compliance", None) in claims(text)
    # must not: a resolution named by its number keeps its duty
    numbered = LABOUR + (
        '"Peru has met its obligations under resolution 2397," a spokesperson for the '
        "Peruvian labour ministry said."
    )
    assert ("PE", "asserts_compliance", "2397-OP8") in claims(numbered)


def test_a_denial_of_the_report_takes_the_charge_duty(kb: Any) -> None:
    text = LABOUR + (
        "A rights group said 30 North Korean workers were still working at farms in Peru. "
        "Deputy minister Ana Quispe said Peru had met its obligations. "
        "Quispe rejected the report, saying inspectors had found no such employees."
    )
    assert ("PE", "denies_violation", "2397-OP8") in claims(text)


def test_a_state_rejecting_a_report_is_what_the_charge_is_about(kb: Any) -> None:
    text = (
        "Kenya on Monday rejected a report by UN sanctions monitors that accused it of "
        "buying arms from a North Korean state company, calling the allegations baseless."
    )
    got = claims(text)
    assert ("KE", "denies_violation", "1718-OP8ab") in got
    # must not: the charge told inside the denial is no new allegation
    assert not any(c[1] == "alleges_violation" for c in got)


# ---- names ------------------------------------------------------------------------------


def test_a_capital_ending_a_persons_name_is_no_state(kb: Any) -> None:
    text = LABOUR + (
        '"We have fully implemented the UN resolutions," Undersecretary Maria Lourdes '
        "Santiago said."
    )
    assert "CL" not in states(text)
    # must find: the capital used for its government
    used = LABOUR + "Officials in Lima said Peru had sent home all North Korean workers."
    assert "PE" in states(used)


def test_a_register_named_with_a_ship_does_not_act(kb: Any) -> None:
    text = (
        "Customs officers impounded the Panama-flagged carrier after finding 3,200 tonnes "
        "of North Korean coal on board, in breach of UN sanctions."
    )
    assert "PA" not in states(text)
    # must not: the targeted state's own flag is kept
    own = (
        "The tanker made six ship-to-ship transfers with North Korean-flagged vessels in "
        "breach of UN sanctions, the panel said."
    )
    assert "KP" in states(own)


def test_the_islamic_republic_is_iran(kb: Any) -> None:
    text = (
        "The IAEA said Iran's stockpile of enriched uranium exceeded the JCPOA limit. "
        '"The Islamic Republic has violated nothing," its envoy said.'
    )
    assert ("IR", "denies_violation") in {c[:2] for c in claims(text, "2021-03-01")}


def test_added_with_an_object_adds_and_does_not_say(kb: Any) -> None:
    text = (
        "Canada on Friday added three individuals to its North Korea sanctions list, "
        "accusing them of helping Pyongyang evade UN sanctions."
    )
    an = analyse_text(text, published="2020-01-10")
    assert not an.quotes  # no speaker "Canada on Friday"
    assert ("CA", "reports_measure") in {(c.subject_state, c.stance) for c in an.claims}
    # must not: "added" that reports speech keeps its speaker
    said = "Canada will enforce UN sanctions on North Korea, the minister added."
    assert [q.speaker for q in analyse_text(said, published="2020-01-10").quotes] == [
        "the minister"
    ]


def test_a_designation_named_again_is_no_new_measure(kb: Any) -> None:
    text = (
        "Canada on Friday designated three North Korean firms for evading UN sanctions. "
        '"These designations show that we will not let the regime profit," the minister '
        "said."
    )
    measures = [c for c in claims(text) if c[1] == "reports_measure"]
    assert len(measures) == 1
    # must find: a new designation told in a second sentence is a second measure
    two = (
        "Canada on Friday designated three North Korean firms for evading UN sanctions. "
        "Japan designated two more firms on Monday for evading UN sanctions."
    )
    assert len([c for c in claims(two) if c[1] == "reports_measure"]) == 2


def test_such_things_named_again_take_the_duty_of_the_sentence_before(kb: Any) -> None:
    cap = (
        "Under UN sanctions, supplies of refined petroleum to North Korea are capped at "
        "500,000 barrels a year, and states that sell fuel must report their deliveries. "
    )
    got = claims(cap + "Only Kenya has filed such reports, declaring 9,000 barrels.")
    assert ("KE", "reports_measure", "2397-OP5") in got
    # must not: other reports, not named again, take no duty from the sentence before
    other = claims(cap + "Kenya filed its annual implementation reports to the committee on time.")
    assert ("KE", "reports_measure", "2397-OP5") not in other


# ---- cue words, one by one (must find / must not find) ---------------------------------

CUES = [
    (
        "compliance",
        "Peru takes its international obligations very seriously",
        "Peru takes its time",
    ),
    (
        "compliance",
        "the government implemented every measure",
        "the government studied every measure",
    ),
    (
        "compliance",
        "it strictly implements council resolutions",
        "it strictly reads council resolutions",
    ),
    (
        "measure",
        "the last 38 workers had returned home",
        "the last 38 workers had returned to work",
    ),
    ("measure", "the 27 workers had all left by December", "the 27 workers had all stayed"),
    ("measure", "it had reduced the number of North Korean workers", "it had counted the workers"),
    ("measure", "the authority fined two local firms", "the authority named two local firms"),
    ("measure", "Panama cancelled the registration of the ship", "Panama checked the ship"),
    ("measure", "It is the fourth vessel South Korea has detained", "It is the fourth vessel seen"),
    (
        "violation",
        "to bring in fuel far beyond what the UN allows",
        "fuel within what the UN allows",
    ),
    ("violation", "Angola had yet to explain the payments", "Angola had explained the payments"),
    (
        "obligation_statement",
        "North Korea may import no more than 500,000 barrels",
        "North Korea imported 500,000 barrels",
    ),
    # duties told as what states had or may do, or what a resolution or paragraph does
    (
        "obligation_statement",
        "all countries had until 22 December 2019 to send",
        "all countries sent",
    ),
    (
        "obligation_statement",
        "countries hosting North Korean workers must repatriate them",
        "countries hosting North Korean workers repatriated them",
    ),
    (
        "obligation_statement",
        "member states may together supply no more than 500,000 barrels",
        "member states together supplied 500,000 barrels",
    ),
    (
        "obligation_statement",
        "Resolution 2397 allowed member states, between them, to supply no more than 500,000",
        "Resolution 2397 allowed member states to report their deliveries",
    ),
    (
        "obligation_statement",
        "Paragraph 5 of resolution 2397 (2017) limits the amount",
        "Paragraph 5 of resolution 2397 (2017) was discussed",
    ),
    (
        "obligation_statement",
        "Resolution 1970 obliged every member state to prevent the supply of arms",
        "Resolution 1970 worried every member state",
    ),
    (
        "obligation_statement",
        "Resolution 2371 barred every member state from buying coal",
        "Resolution 2371 surprised every member state",
    ),
    (
        "obligation_statement",
        "The sanctions regime, created by resolution 2127, imposes an arms embargo",
        "The sanctions regime, created by resolution 2127, has a committee",
    ),
    (
        "obligation_statement",
        "set a deadline of 22 December 2019 for member states to repatriate",
        "set a deadline of 22 December 2019 for its own report",
    ),
    (
        "obligation_statement",
        "Measures against illicit exports were introduced by the Security Council in 2014",
        "Measures against illicit exports were discussed by the Security Council in 2014",
    ),
    (
        "obligation_statement",
        "final reports were due from Member States by 22 March 2020",
        "final reports were sent by Member States by 22 March 2020",
    ),
    (
        "compliance",
        "France and Germany have fully upheld their commitments under the JCPOA",
        "France and Germany have fully read their commitments under the JCPOA",
    ),
    ("compliance", "Moscow had honestly fulfilled what it signed", "Moscow had hardly begun"),
    ("obligation_statement", "no country may buy coal from North Korea", "no country bought coal"),
    ("violation", "both missed the March deadline for the midterm report", "both met the deadline"),
    ("denial", "the accusations were unproven", "the accusations were proven"),
    (
        "compliance",
        "Russia is meeting its obligations under the resolutions in full",
        "Russia is meeting its partners under the resolutions in full",
    ),
    ("compliance", "Poland is fully compliant with the sanctions regime", "Poland is complaining"),
    ("compliance", "relations conducted in full conformity with international law", "in full view"),
    (
        "compliance",
        "Russia strictly observes the decisions of the Security Council",
        "Russia strictly observes the meetings of the Security Council",
    ),
    (
        "violation",
        "Russia has not filed such a notification since early last year",
        "Russia has filed such a notification every month",
    ),
    (
        "denial",
        "North Koreans in the country are students and tourists, not labourers",
        "North Koreans in the country are labourers, not students",
    ),
    (
        "denial",
        "their presence has nothing whatsoever to do with employment",
        "their presence has much to do with employment",
    ),
    ("admission", "We are not observing those enrichment limits", "We are observing those limits"),
    (
        "admission",
        "We have not always notified the committee of every programme",
        "We have always notified the committee of every programme",
    ),
    (
        "compliance",
        "Russia carried out its obligations under the resolutions fully",
        "Russia carried out its threats against the resolutions",
    ),
    (
        "admission",
        "40 citizens who were employed here could not leave before the deadline",
        "40 citizens who were employed here could not stay after the deadline",
    ),
    (
        "admission",
        "the report was sent to New York about five months late",
        "the ships resurfaced several days later near Ningbo",
    ),
    (
        "measure",
        "China has also sent its monthly notifications on petroleum supplied to the committee",
        "China has also sent its monthly greetings to the committee's chair",
    ),
    (
        "measure",
        "Kiribati had sent its first ever report to the sanctions committee",
        "Kiribati had sent its first ever delegation to the games",
    ),
    (
        "compliance",
        "no North Korean nationals were working in their territory",
        "North Korean nationals were working in their territory",
    ),
    (
        "denial",
        "There is no North Korean company working in Angola",
        "There is a North Korean company working in Angola",
    ),
    (
        "compliance",
        "China has always implemented the Security Council's resolutions in full",
        "China has always studied the Security Council's resolutions in full",
    ),
    (
        "denial",
        "no Chinese company had taken part in the transfer",
        "a Chinese company had taken part in the transfer",
    ),
    (
        "obligation_statement",
        "the council has held the refined petroleum that all countries together may supply",
        "the council has held a meeting that all countries attended",
    ),
    (
        "obligation_statement",
        "the requirement, adopted in December 2017, that every country expel the workers",
        "the report, published in December 2017, that every country read",
    ),
]


@pytest.mark.parametrize(("name", "found", "not_found"), CUES)
def test_cue_words(name: str, found: str, not_found: str) -> None:
    pattern = gazetteer().patterns[name]
    assert pattern.search(found), found
    assert not pattern.search(not_found), not_found
