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
