"""States named in one list are each a subject: past an acronym in brackets, on both
sides of "vs", and after "other countries including". Plain lists of accusers or of
places are left as they were. Every text here is written for these tests."""

from __future__ import annotations

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
