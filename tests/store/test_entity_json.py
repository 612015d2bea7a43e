"""The store's fast entity serialiser gives exactly ``Entity.to_dict()``."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.lists.model import (
    Address,
    BirthDate,
    Entity,
    EntityKind,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
    PartialDate,
)
from sanctionwatch.store.entity_json import entity_json
from tests.conftest import shared_file

# Any text a database can hold: no NUL, no unpaired surrogate.
storable = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
opt_text = st.none() | st.text(storable, max_size=6)
partial = st.builds(
    PartialDate,
    st.integers(1900, 2020),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
)
entities = st.builds(
    Entity,
    source=st.sampled_from(["un", "uk"]),
    ref=st.text(storable, min_size=1, max_size=8),
    kind=st.sampled_from(list(EntityKind)),
    names=st.lists(
        st.builds(Name, st.text(storable, max_size=8), st.sampled_from(list(NameKind)), opt_text)
    ),
    birth_dates=st.lists(
        st.builds(BirthDate, partial, st.none() | partial, st.booleans(), opt_text)
    ),
    birth_places=st.lists(st.text(storable, max_size=5), max_size=2),
    addresses=st.lists(st.builds(Address, opt_text, opt_text, country=opt_text), max_size=2),
    identifiers=st.lists(
        st.builds(
            Identifier,
            st.sampled_from(list(IdentifierKind)),
            st.text(storable, max_size=6),
            opt_text,
        )
    ),
    gender=st.none() | st.sampled_from(["male", "female"]),
    listed_on=st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1)),
    remarks=opt_text,
    extra=st.dictionaries(st.text(storable, max_size=4), st.text(storable, max_size=4), max_size=3),
)


@given(entities)
def test_same_as_to_dict(entity: Entity) -> None:
    assert entity_json(entity) == entity.to_dict()


@pytest.mark.parametrize("bad", ["\x00", "a\udc80"])
def test_unstorable_text_raises(bad: str) -> None:
    entity = Entity("un", "R1", EntityKind.PERSON, [Name("ok")], remarks=bad)
    with pytest.raises(ValueError, match="NUL or unpaired surrogate"):
        entity_json(entity)
    entity = Entity("un", "R1", EntityKind.PERSON, [Name("ok")], extra={bad: "key"})
    with pytest.raises(ValueError, match="NUL or unpaired surrogate"):
        entity_json(entity)


def test_same_as_to_dict_on_the_real_un_list() -> None:
    registry = pytest.importorskip("sanctionwatch.lists.registry")
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    count = 0
    for entity in registry.parse_file(path).entities:
        assert entity_json(entity) == entity.to_dict()
        count += 1
    assert count == 1003
