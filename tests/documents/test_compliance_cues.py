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
