"""Words a state uses for its own compliance: "has fully adhered to", "carrying out UN
resolutions". Every text here is written for these tests."""

from __future__ import annotations

from sanctionwatch.documents import analyse_text


def read(text: str) -> list[tuple[str, str]]:
    an = analyse_text(text, published="2019-03-10")
    return [(c.subject_state, c.stance) for c in an.claims]


def test_adhered_to_and_carrying_out_un_resolutions_assert_compliance() -> None:
    said = "Vietnam has fully adhered to UN resolutions on North Korea, its foreign ministry said."
    assert read(said) == [("VN", "asserts_compliance")]
    carried = (
        "Vietnam has been faithfully carrying out UN resolutions on North Korea, a spokesman said."
    )
    assert read(carried) == [("VN", "asserts_compliance")]
    # a state that others say kept to a cap only until it broke it asserts nothing
    broke = "Vietnam adhered to the cap until last year, when it exceeded it, the panel said."
    assert ("VN", "asserts_compliance") not in read(broke)


def test_a_cap_stated_as_what_the_target_may_import_is_a_duty_on_all_states() -> None:
    def read3(text: str) -> list[tuple[str, str, str | None]]:
        an = analyse_text(text, published="2018-07-20")
        return [(c.subject_state, c.stance, c.obligation_id) for c in an.claims]

    allowed = (
        "Under the UN measures, North Korea can import at most 500,000 barrels of fuel a year."
    )
    assert read3(allowed) == [("ALL", "other", "2397-OP5")]
    limited = (
        "Under the resolution, crude oil supplies to North Korea were limited to 4 million "
        "barrels a year."
    )
    assert read3(limited) == [("ALL", "other", "2397-OP4")]
    set_by_un = "The UN has set a yearly cap on refined petroleum deliveries to North Korea."
    assert [c[:2] for c in read3(set_by_un)] == [("ALL", "other")]
    # the target's own imports above the cap are a breach, not the duty
    over = "North Korea imported up to 4 million barrels of fuel, over the cap, the panel said."
    assert ("ALL", "other") not in [c[:2] for c in read3(over)]


def test_shipments_that_topped_the_cap_are_a_breach() -> None:
    ctx = "UN sanctions cap North Korea's imports of refined petroleum at 500,000 barrels a year. "
    said = (
        "John Kirby said Russian shipments have already topped North Korea's annual import "
        "cap mandated by the U.N. Security Council."
    )
    got = [
        (c.subject_state, c.stance) for c in analyse_text(ctx + said, published="2024-06-01").claims
    ]
    assert ("RU", "alleges_violation") in got
    # must not: a price that topped a figure, or deliveries kept below the cap
    price = "Oil topped $80 a barrel as the talks on the cap began."
    assert analyse_text(ctx + price, published="2024-06-01").claims[1:] == []
    below = "Russia's deliveries stayed below the cap, Moscow said."
    got = [
        (c.subject_state, c.stance)
        for c in analyse_text(ctx + below, published="2024-06-01").claims
    ]
    assert ("RU", "alleges_violation") not in got
