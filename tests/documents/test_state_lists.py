"""States named in one list are each a subject: past an acronym in brackets, on both
sides of "vs", and after "other countries including". Plain lists of accusers or of
places are left as they were. Every text here is written for these tests."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents import analyse_text


def states(text: str, published: str = "2020-09-09") -> list[str]:
    an = analyse_text(text, published=published)
    return [c.subject_state for c in an.claims if c.stance == "alleges_violation"]


def test_an_acronym_in_brackets_does_not_end_the_list() -> None:
    text = (
        "Egypt, the United Arab Emirates (UAE) and Turkey flouted the arms embargo on Libya, "
        "experts said."
    )
    assert states(text) == ["EG", "AE", "TR"]
    # the acronym alone, with no state after it, adds nobody
    alone = (
        "Egypt and the United Arab Emirates (UAE) flouted the arms embargo on Libya, experts said."
    )
    assert states(alone) == ["EG", "AE"]


def test_both_sides_of_a_conflict_are_listed() -> None:
    text = (
        "The foreign backers of the rival camps, Russia and the UAE versus Turkey and Qatar, "
        "violated the arms embargo on Libya, the panel said."
    )
    assert states(text) == ["RU", "AE", "TR", "QA"]


def test_other_countries_including_the_ones_named_are_parties_to_the_sale() -> None:
    text = (
        "North Korea sold coal worth 100 million dollars to China and other countries "
        "including Vietnam and Malaysia in breach of UN sanctions, the experts said."
    )
    assert set(states(text)) == {"KP", "CN", "VN", "MY"}
    # without the transfer's other end named as a group, a later state is no party
    text = (
        "North Korea sold coal worth 100 million dollars to China in breach of UN "
        "sanctions, experts told Vietnam's state media."
    )
    assert "VN" not in states(text)


def test_the_two_congos_are_told_apart_in_any_spacing() -> None:
    from sanctionwatch.documents.gazetteer import gazetteer

    gaz = gazetteer()

    def named(text: str) -> list[str]:
        return [h.iso2 for h in gaz.countries(text)]

    assert named("the Democratic Republic of Congo and the Republic of Congo") == ["CD", "CG"]
    assert named("Congo-Kinshasa, Congo Brazzaville") == ["CD", "CG"]
    # a name broken over two lines of hard-wrapped text is still one name
    assert named("leaders of the Democratic\nRepublic of Congo's M23 rebels") == ["CD"]
    assert named("the United  States") == ["US"]
    # must not: a bare "Congo" (either state) is no state, nor is a sea or a currency
    assert named("eastern Congo") == []
    assert named("the East China Sea, paid in US dollars") == []


@given(st.data())
def test_any_white_space_inside_a_country_name_keeps_the_name(data: st.DataObject) -> None:
    from sanctionwatch.documents.gazetteer import gazetteer

    gaz = gazetteer()
    names = sorted(n for n in gaz.country_names if " " in n)
    name = data.draw(st.sampled_from(names))
    gaps = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", " \n"]), min_size=8, max_size=8))
    spaced = "".join(
        word + (gaps[i] if i < len(name.split()) - 1 else "") for i, word in enumerate(name.split())
    )
    original = [h.iso2 for h in gaz.countries(f"Officials of {name.title()} said so.")]
    hits = [h.iso2 for h in gaz.countries(f"Officials of {spaced.title()} said so.")]
    assert hits == original


def test_a_list_after_in_addition_to_one_state_acts() -> None:
    ctx = "North Korea has sold arms in Africa despite the UN arms embargo, the panel said. "
    listed = (
        "In addition to Mozambique, Angola, Zimbabwe, Namibia and Senegal are under "
        "investigation as sanctions violators."
    )
    got = {c.subject_state for c in analyse_text(ctx + listed, published="2017-03-01").claims}
    assert {"AO", "ZW", "NA", "SN"} <= got
    assert "MZ" not in got  # the state set beside the list
    # must not: a list after "to" stays the goods' destination
    sales = "The panel also looked at sales to Mozambique, Angola and Zimbabwe in breach of it."
    got = {c.subject_state for c in analyse_text(ctx + sales, published="2017-03-01").claims}
    assert not {"MZ", "AO", "ZW"} & got


def test_the_wagner_group_acts_for_russia() -> None:
    ctx = "Libya is under a UN arms embargo. "
    sent = "The Wagner Group deployed fighters to Libya in violation of the embargo, monitors said."
    got = [
        (c.subject_state, c.stance) for c in analyse_text(ctx + sent, published="2020-05-07").claims
    ]
    assert ("RU", "alleges_violation") in got
    # must not: the name Wagner alone
    opera = "Monitors said an opera by Richard Wagner was staged in Tripoli in breach of nothing."
    got = [c.subject_state for c in analyse_text(ctx + opera, published="2020-05-07").claims]
    assert "RU" not in got
