"""A name that gives other names in a note is indexed as each of them (EU DPRK annex
XVI.B/6, whose Korean name the lists withhold from the index in the benchmark)."""

from __future__ import annotations

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.screening import Query, Screener

KOGEN = "Korea General Corporation for External Construction (Aliases: KOGEN, GENCO)"


def test_alias_note_gives_names_of_their_own() -> None:
    org = EntityKind.ORGANISATION
    screener = Screener.from_entities(
        [
            Entity("eu_dprk_oj", "XVI.B/6", org, [Name(KOGEN)]),
            Entity(
                "ofac_sdn", "1", org, [Name("KOREA GENERAL CORPORATION FOR EXTERNAL CONSTRUCTION")]
            ),
            Entity("ofac_sdn", "2", org, [Name("GENCO SHIPPING LTD")]),
        ]
    )
    names = [(n.text, n.kind) for n in screener.index.names if n.entity == 0]
    assert names == [
        ("Korea General Corporation for External Construction", NameKind.PRIMARY),
        ("KOGEN", NameKind.STRONG_ALIAS),
        ("GENCO", NameKind.STRONG_ALIAS),
    ]
    # the Korean name finds both listings of the corporation, tied
    found = screener.screen(Query("조선대외건설총회사", kind=org))
    assert {m.entity.ref for m in found[:2]} == {"XVI.B/6", "1"}
    assert found[0].score == found[1].score
    # and an alias alone finds it
    assert screener.screen(Query("KOGEN", kind=org))[0].entity.ref == "XVI.B/6"
