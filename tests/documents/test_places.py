"""Place names one letter off a listed place, where they stand as places (own texts)."""

from __future__ import annotations

from sanctionwatch.documents.places import check_places


def words(text: str) -> list[str]:
    return [i.text for i in check_places(text)]


def test_misspelt_places_are_flagged() -> None:
    assert words("The workers were found in Jilian province last year.") == ["Jilian"]
    assert words("The tanker docked at the port of Gdnyia in May.") == ["Gdnyia"]
    assert words("Coal was unloaded in Nakhodak, officials said.") == ["Nakhodak"]


def test_correct_and_variant_spellings_and_other_words_are_not() -> None:
    assert words("The workers were found in Jilin province and in Dandong.") == []
    assert words("The ship sailed from Nampho to Pusan.") == []  # accepted variants
    # a person's name near a place, not standing as a place
    assert words("Jilian Park, a researcher, said the ship sailed.") == []
    # a word close to two places, or far from all, says nothing
    assert words("The meeting took place in Geneva.") == []
