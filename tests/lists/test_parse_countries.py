"""Country text as the lists write it -> ISO codes (raw text kept when unknown)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.lists.countries import country_code, country_or_text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Democratic People's Republic of Korea", "kp"),  # UN
        ("Korea, North", "kp"),  # OFAC
        ("North Korea", "kp"),  # UK
        ("DPRK", "kp"),  # UK, EU annexes
        ("KP", "kp"),
        ("Iran (Islamic Republic of)", "ir"),
        ("Congo (Democratic Republic)", "cd"),  # not the Republic of the Congo
        ("Congo", "cg"),
        ("Repubic of Moldova", "md"),  # a misspelling in the UK list
        ("Iraq (previous address)", "iq"),
        ("Myanmar/Burma", "mm"),
    ],
)
def test_known_countries(text: str, code: str) -> None:
    assert country_code(text) == code
    assert country_or_text(text) == code


@pytest.mark.parametrize("text", ["Stateless", "possibly Palestinian", "Germany. Russia", "115088"])
def test_unknown_text_is_kept(text: str) -> None:
    assert country_code(text) is None
    assert country_or_text(text) == text


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_never_crashes(text: str) -> None:
    code = country_code(text)
    assert code is None or code == code.lower()
