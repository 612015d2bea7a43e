"""Ship sizes no ship has (sentences written for these tests)."""

from __future__ import annotations

from sanctionwatch.documents.dimensions import check_ship_sizes
from sanctionwatch.documents.model import Sentence


def flags(text: str) -> list[str]:
    return [i.text for i in check_ship_sizes([Sentence(0, 0, len(text), text)])]


def test_impossible_widths_and_lengths() -> None:
    assert flags("The tanker, 138 meters wide, was seized off Busan.") == ["138 meters wide"]
    assert flags("The vessel is 1,700 feet long.") == ["1,700 feet long"]


def test_real_sizes_and_other_things_pass() -> None:
    assert flags("The tanker, 138 meters long and 22 meters wide, was seized.") == []
    assert flags("The ship is 600 feet long and 100 feet wide.") == []
    # not about a vessel: a harbour or a field may be that wide
    assert flags("The harbour entrance is 300 metres wide.") == []
