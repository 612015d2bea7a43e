"""Hand-built entities shaped like real DPRK designations, and a screener over them."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import (
    BirthDate,
    Entity,
    EntityKind,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
    PartialDate,
)
from sanctionwatch.screening import Screener
from tests.store.backends import store, store_settings  # noqa: F401  (SQLite, PostgreSQL)

PERSON = EntityKind.PERSON


def _person(ref: str, *names: str, dob: PartialDate | None = None, nat: str = "kp") -> Entity:
    return Entity(
        "un",
        ref,
        PERSON,
        [
            Name(n, NameKind.PRIMARY if i == 0 else NameKind.STRONG_ALIAS)
            for i, n in enumerate(names)
        ],
        birth_dates=[BirthDate(dob)] if dob else [],
        nationalities=[nat],
    )


@pytest.fixture(scope="session")
def entities() -> list[Entity]:
    kim = _person("T.001", "Kim Jong Un", dob=PartialDate(1984, 1, 8))
    kim.names.append(Name("김정은", NameKind.ORIGINAL_SCRIPT, script="Hang"))
    return [
        kim,
        _person("T.002", "Kim Yo Jong", dob=PartialDate(1987, 9, 26)),
        _person("T.003", "Kim Jong Sik"),
        _person("T.004", "Ri Je-son", "Ri Che-son", dob=PartialDate(1938)),
        _person("T.005", "Abdul Rahman Yasin", nat="iq"),
        _person("T.006", "Choe Ryong Hae"),
        Entity(
            "un",
            "T.007",
            EntityKind.ORGANISATION,
            [Name("Korea Ryonbong General Corporation"), Name("Ryonbong", NameKind.WEAK_ALIAS)],
        ),
        Entity(
            "un",
            "T.008",
            EntityKind.ORGANISATION,
            [Name("Korea Mining Development Trading Corporation"), Name("KOMID")],
        ),
        Entity(
            "ofac_sdn",
            "9001",
            EntityKind.VESSEL,
            [Name("Chon Ma San")],
            identifiers=[Identifier(IdentifierKind.IMO, "IMO 8660313")],
        ),
        Entity(
            "ofac_sdn",
            "9002",
            EntityKind.ORGANISATION,
            [Name("Ocean Maritime Management Company, Limited")],
        ),
    ]


@pytest.fixture(scope="session")
def screener(entities: list[Entity]) -> Screener:
    return Screener.from_entities(entities)
