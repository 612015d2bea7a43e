"""Other names written into a name field, as the EU and UK lists do."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.common import split_alias_notes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # EU DPRK annex XVI.B/6
            "Korea General Corporation for External Construction (Aliases: KOGEN, GENCO)",
            ("Korea General Corporation for External Construction", ["KOGEN", "GENCO"], False),
        ),
        ("DANA HOLDINGS A.K.A DANA ASTRA", ("DANA HOLDINGS", ["DANA ASTRA"], False)),  # UK
        ("f.k.a.: NADA", ("NADA", [], True)),  # EU DPRK annex XIII.B/29
        (
            "f.k.a.: Ministry of the People’s Armed Forces (MPAF)",
            ("Ministry of the People’s Armed Forces (MPAF)", [], True),
        ),
        # names that only contain the letters
        ("ALIAS LLC", ("ALIAS LLC", [], False)),
        ("NOROUZI, Aliasghar", ("NOROUZI, Aliasghar", [], False)),
        (
            "Aliaksandr Mikhailavich ALIASHKEVICH",
            ("Aliaksandr Mikhailavich ALIASHKEVICH", [], False),
        ),
        ("(Aliases: X)", ("(Aliases: X)", [], False)),  # nothing before the note
    ],
)
def test_split_alias_notes(text: str, expected: tuple[str, list[str], bool]) -> None:
    assert split_alias_notes(text) == expected
