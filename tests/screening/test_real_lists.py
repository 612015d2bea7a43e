"""sw-v1 on the real UN consolidated list: names find their own entry, in any script."""

from __future__ import annotations

import random

import pytest

from sanctionwatch.lists.model import NameKind
from sanctionwatch.lists.registry import parse_file
from sanctionwatch.screening import Query, Screener
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def un() -> Screener:
    snapshot = parse_file(shared_file("lists/un/consolidated_2026-02-27.xml"))
    return Screener.from_entities(snapshot.entities)


def test_sampled_primary_names_find_their_entry(un: Screener) -> None:
    records = random.Random(5).sample(un.index.records, 60)
    for record in records:
        entity = record.entity
        found = un.screen(Query(entity.primary_name, kind=entity.kind), limit=10)
        assert found, entity.primary_name
        top = found[0].score
        tied = [m.entity.ref for m in found if m.score == top]
        assert entity.ref in tied, (entity.primary_name, [m.key for m in found[:3]])


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("리제선", "KPi.002"),  # Hangul, unspaced
        ("윤호진", "KPi.001"),
        ("Lee Je Son", "KPi.002"),  # romanisation variant
        ("Rhee Je-Son", "KPi.002"),
        ("YUN HOJIN", "KPi.001"),
    ],
)
def test_cross_script_and_romanisation(un: Screener, query: str, ref: str) -> None:
    found = un.screen(Query(query))
    assert found and found[0].entity.ref == ref, [(m.key, m.score) for m in found[:3]]


def test_original_script_arabic_names_find_their_entry(un: Screener) -> None:
    pairs = [
        (n.full, r.entity.ref)
        for r in un.index.records
        for n in r.entity.names
        if n.kind is NameKind.ORIGINAL_SCRIPT and n.script == "Arab"
    ]
    assert len(pairs) > 100
    for text, ref in pairs[:40]:
        found = un.screen(Query(text), limit=3)
        assert found and ref in {m.entity.ref for m in found}, text


def test_clean_names_stay_clean(un: Screener) -> None:
    for name in ["Jennifer McClellan", "Valerie Foushee", "Jake Auchincloss", "Nancy Pelosi"]:
        assert un.screen(Query(name)) == [], name
