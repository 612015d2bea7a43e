"""Short words transliterated from Arabic script, whose vowels are guesses, pair with a
Latin spelling of the same consonants; Pashto clan names in -khel are one word. Names
from the UN and UK lists (their own original-script names as queries)."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.names import latin_forms
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.tokensim import short_consonants, token_similarity


@pytest.fixture(scope="module")
def screener() -> Screener:
    listed = {
        "1": "ABDUL BAQI BASIR AWAL SHAH",
        "2": "ABDUL SALAM HANAFI ALI MARDAN QUL",
        "3": "Rashid Taan KATHIM",
        "4": "SAID AHMED SHAHIDKHEL",
        "5": "Ali SHAH",
    }
    return Screener.from_entities(
        [Entity("un", ref, EntityKind.PERSON, [Name(name)]) for ref, name in listed.items()]
    )


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("عبد الباقي بصير أول شاه", "1"),  # awl / AWAL
        ("عبدالسلام حنفی علی مردان قل", "2"),  # qal / QUL
        ("رشيد طعان كاظم", "3"),  # tan / Taan
        ("سيد أحمد شهيد خيل", "4"),  # shahid khel / SHAHIDKHEL
    ],
)
def test_listed_names_in_their_own_script(screener: Screener, name: str, ref: str) -> None:
    found = screener.screen(Query(name, kind=EntityKind.PERSON))
    assert [m.entity.ref for m in found][:1] == [ref]


def test_short_consonants() -> None:
    assert short_consonants("awl") == short_consonants("awal") == "wl"
    assert short_consonants("qal") == short_consonants("qul") == "kl"
    assert short_consonants("ali") == ""  # one consonant says too little
    assert short_consonants("tan") == short_consonants("tin") == "tn"  # vowels are guesses


def test_only_for_arabic_script() -> None:
    # typed Latin words of three letters still pair only when (nearly) equal
    assert token_similarity("tan", "tan", "", "taan", "taan", "")[0] == 0.0
    assert token_similarity("tan", "tan", "", "taan", "taan", "", arabic=True) == (0.9, "skeleton")


def test_khel_joined() -> None:
    assert "sayed ahmad shahidkhel" in {f.text for f in latin_forms("سيد أحمد شهيد خيل")}
