"""One claim per position: an allegation said again by the same source is counted once,
a breach that is only foreseen is not alleged, and the targeted state's own figures are
tied to no duty of the other states.

Every text here is written for these tests.
"""

from __future__ import annotations

from sanctionwatch.documents import analyse_text

HEAD = (
    "Officials met on Tuesday to discuss UN sanctions on North Korea, including resolution "
    "2397, which ordered member states to send North Korean workers home by December 2019.\n"
)


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    an = analyse_text(HEAD + text, published="2020-01-10")
    return [
        (c.subject_state, c.stance, c.obligation_id, c.speaker)
        for c in an.claims
        if c.start >= len(HEAD)
    ]


def allegations(text: str, state: str) -> int:
    return sum(1 for st, s, _, _ in found(text) if st == state and s == "alleges_violation")


def test_an_allegation_restated_by_the_same_source_is_one_claim() -> None:
    text = (
        "Laos kept hundreds of North Korean workers after the deadline in defiance of the "
        "sanctions, UN experts said. The experts said that Laos had violated the ban on "
        "North Korean workers."
    )
    assert allegations(text, "LA") == 1, found(text)


def test_a_new_source_or_a_new_figure_is_a_new_claim() -> None:
    # another source accusing the same state is its own claim
    text = (
        "Laos kept North Korean workers after the deadline in violation of the sanctions, "
        "UN experts said. Japan's foreign minister said Laos had violated the resolution "
        "by keeping the workers."
    )
    assert allegations(text, "LA") == 2, found(text)
    # the same source with a figure of its own adds a fact
    text = (
        "Laos kept North Korean workers after the deadline in violation of the sanctions, "
        "UN experts said. The experts said 1,200 North Korean workers had stayed "
        "in Laos beyond the deadline in violation of the ban."
    )
    assert allegations(text, "LA") == 2, found(text)


def test_measures_are_events_and_each_one_counts() -> None:
    text = (
        "Thailand expelled 40 North Korean workers in March. Thailand also closed two "
        "restaurants run by North Korean companies."
    )
    measures = [x for x in found(text) if x[0] == "TH" and x[1] == "reports_measure"]
    assert len(measures) == 2, found(text)


def test_an_accusation_only_foreseen_is_not_made() -> None:
    text = (
        "The new figures are likely to lead to fresh tensions and a string of accusations "
        "that Laos is breaching the sanctions."
    )
    assert allegations(text, "LA") == 0, found(text)
    text = "Japan has accused Laos of breaching the sanctions, which could lead to new talks."
    assert allegations(text, "LA") == 1, found(text)


def test_the_targeted_states_own_earnings_are_tied_to_no_duty_of_others() -> None:
    got = found(
        "Washington estimated that North Korea earned $400 million a year from 80,000 "
        "workers abroad."
    )
    assert ("KP", "other", None) in [x[:3] for x in got], got
    # a host state's figure under the same duty keeps the obligation
    got = found("Laos still hosted 1,500 North Korean workers abroad in March, officials said.")
    assert any(x[0] == "LA" and x[2] == "2397-OP8" for x in got), got


def measures(text: str, state: str) -> list[tuple[str, str, str | None, str | None]]:
    return [x for x in found(text) if x[0] == state and x[1] == "reports_measure"]


def test_a_measure_told_by_the_outlet_and_by_a_source_is_one_measure() -> None:
    text = (
        "Hundreds of North Korean workers must now go home as Laos enforces the UN "
        "sanctions. The workers will be sent home by December, the Lao labour ministry said."
    )
    got = measures(text, "LA")
    assert len(got) == 1 and got[0][3] is not None, found(text)
    # told only by the outlet, the measure stays
    got = measures(
        "Hundreds of North Korean workers must now go home as Laos enforces the UN sanctions.", "LA"
    )
    assert len(got) == 1, got


COAL = (
    "A UN report said on Monday that North Korea shipped coal to Vietnam in violation of "
    "the 2017 ban on its coal exports under resolution 2371.\n"
)


def coal_found(text: str) -> list[tuple[str, str]]:
    an = analyse_text(COAL + text, published="2020-01-10")
    return [(c.subject_state, c.stance) for c in an.claims if c.start >= len(COAL)]


def test_a_state_whose_firms_help_the_breach_is_a_party_to_it() -> None:
    got = coal_found(
        "North Korea kept exporting coal in defiance of the sanctions with the help of "
        "Thailand's shipping firms, the experts said."
    )
    assert ("KP", "alleges_violation") in got and ("TH", "alleges_violation") in got, got
    # a state named after the speaker's words, not as a helper, is no party
    got = coal_found(
        "North Korea kept exporting coal in defiance of the sanctions, Thailand's foreign "
        "minister said."
    )
    assert ("TH", "alleges_violation") not in got, got


def test_goods_handed_to_a_states_vessels_make_it_a_party() -> None:
    got = coal_found(
        "Much of the coal was unloaded from North Korean ships onto Thai barges off the "
        "coast, the experts said."
    )
    assert ("TH", "alleges_violation") in got, got
    # the state's vessels handing goods to the targeted state's ships are not receiving
    got = coal_found("Thai barges sailed past North Korean ships off the coast, the experts said.")
    assert ("TH", "alleges_violation") not in got, got


def test_an_allegation_relayed_from_its_source_is_that_sources() -> None:
    text = (
        "Laos keeps hiring North Korean cooks in what Japanese diplomats call "
        "clear breaches of UN sanctions, The Daily Herald reported. Japanese diplomats "
        "said the hiring by Laos seems to breach the ban on North Korean labour."
    )
    got = [x for x in found(text) if x[0] == "LA" and x[1] == "alleges_violation"]
    assert len(got) == 1 and got[0][3] == "Japanese diplomats", got
    # without a source inside, the reporter stays the speaker
    got = found(
        "Laos keeps hiring North Korean cooks in violation of UN "
        "sanctions, The Daily Herald reported."
    )
    assert any(x[0] == "LA" and x[3] == "The Daily Herald" for x in got), got


def test_pressing_a_state_to_do_more_is_a_view_without_a_stance() -> None:
    got = found('A Japanese diplomat told reporters, "It is clear that Laos needs to do more."')
    assert ("LA", "other") in [x[:2] for x in got], got
    # the same state named without pressure gives nothing
    got = found('A Japanese diplomat told reporters, "It is clear that Laos is a partner."')
    assert not any(x[0] == "LA" for x in got), got


def test_a_states_reservations_about_findings_are_a_soft_dispute() -> None:
    got = coal_found(
        "The experts' report was published on Friday, with the text noting Thailand's "
        "reservations about the findings."
    )
    assert ("TH", "other") in got, got
    assert ("TH", "denies_violation") not in got, got
    # rejecting the findings outright is a denial
    got = coal_found("Thailand rejected the report's findings as groundless.")
    assert ("TH", "denies_violation") in got, got


def test_the_state_pressed_to_do_more_is_spoken_of_not_the_one_pressing() -> None:
    got = found("Tokyo urged Vientiane to do more to stop the smuggling of North Korean coal.")
    assert ("LA", "other") in [x[:2] for x in got], got
    assert not any(x[0] == "JP" for x in got), got
    # stopping the smuggling is what Laos is asked to do, not a breach by Tokyo
    assert not any(x[1] == "alleges_violation" for x in got), got
    # a state that smuggled is still alleged to breach
    got = found("Laos smuggled North Korean coal in violation of the ban, Japan said.")
    assert ("LA", "alleges_violation") in [x[:2] for x in got], got


def test_nobody_remaining_is_no_admission() -> None:
    got = found(
        "Laos said it had sent home all North Korean workers under the resolution, and "
        "that none remained in the country."
    )
    assert not any(x[1] == "admits_noncompliance" for x in got), got
    got = found("Laos admitted that 300 North Korean workers remained in the country.")
    assert ("LA", "admits_noncompliance") in [x[:2] for x in got], got


def test_a_blocs_own_bans_and_rules_link_no_un_obligation() -> None:
    text = (
        "Polish customs have detained a ship carrying Russian timber in breach of EU "
        "sanctions. The EU banned imports of Russian wood and timber in 2022. Polish "
        "officials said the timber was seized under EU rules.\n"
        "Experts said hundreds of North Koreans were still working in Laos in violation of "
        "the UN resolution."
    )
    an = analyse_text(text, published="2023-05-01")
    polish = [c.obligation_id for c in an.claims if c.subject_state == "PL"]
    assert polish and all(ob is None for ob in polish), polish
    # a seizure under the UN resolution keeps its obligation
    an = analyse_text(
        "Polish officials said the North Korean coal was seized under UN Security Council "
        "resolution 2371.",
        published="2023-05-01",
    )
    assert any(c.subject_state == "PL" and c.obligation_id for c in an.claims), an.claims


def test_a_group_based_in_a_capital_does_not_speak_for_the_state() -> None:
    got = found(
        "Hundreds of North Korean workers remain in Laos after the UN deadline, according "
        "to a report by a Tokyo-based research group."
    )
    assert not any(x[0] == "JP" for x in got), got
    assert any(x[0] == "LA" for x in got), got
    # officials in the capital do speak for their state
    got = found("Officials in Tokyo said they had repatriated all North Korean workers.")
    assert any(x[0] == "JP" for x in got), got


def test_workers_sent_home_with_the_object_between_is_a_measure() -> None:
    got = found("Laos sent 300 North Korean workers back last year, officials said.")
    assert ("LA", "reports_measure") in [x[:2] for x in got], got
    # sending workers abroad is no measure
    got = found("Laos sent 300 engineers abroad last year, officials said.")
    assert ("LA", "reports_measure") not in [x[:2] for x in got], got


def test_a_party_accused_of_helping_is_not_a_speaker() -> None:
    text = (
        "Canada on Thursday imposed sanctions on two shipping firms and a Lao national "
        "accused of helping North Korea obtain refined petroleum in violation of UN "
        "sanctions."
    )
    got = found(text)
    assert ("CA", "reports_measure") in [x[:2] for x in got], got
    # an accusation made by a state is still an attribution
    got = found("Japan accused Laos of helping North Korea breach the sanctions.")
    assert any(x[3] == "Japan" for x in got), got


def test_a_measure_another_state_criticises_is_not_its_own() -> None:
    got = found("Laos's foreign ministry called the designations illegitimate.")
    assert ("LA", "reports_measure") not in [x[:2] for x in got], got
    got = found("Laos designated two North Korean banks last month.")
    assert ("LA", "reports_measure") in [x[:2] for x in got], got
