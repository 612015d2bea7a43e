"""UN consolidated list: every real snapshot parsed, counted against the raw XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sanctionwatch.lists.model import EntityKind, IdentifierKind, NameKind, PartialDate
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

UN_FILES = [
    "lists/un/consolidated_2026-02-27.xml",
    "lists/un/consolidated_2025-11-20.xml",
    "lists/un/consolidated_2025-04-19.xml",
    "lists/un/consolidated_2018-10-29.xml",
]


def raw_records(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    return list(root.iter("INDIVIDUAL")) + list(root.iter("ENTITY"))


@pytest.mark.parametrize("rel", UN_FILES)
def test_every_record_parsed(rel: str) -> None:
    path = shared_file(rel)
    raw = raw_records(path)
    raw_refs = {(r.findtext("REFERENCE_NUMBER") or "").strip() for r in raw}
    raw_dprk = sum(1 for r in raw if r.findtext("UN_LIST_TYPE") == "DPRK")

    assert detect_format(path) == "un-xml"
    snapshot = parse_file(path)
    entities = list(snapshot.entities)

    assert len(entities) == len(raw)
    assert {e.ref for e in entities} == raw_refs
    assert all(e.ref == e.ref.strip() for e in entities)
    assert sum(1 for e in entities if "DPRK" in e.programmes) == raw_dprk
    persons = sum(1 for e in entities if e.kind is EntityKind.PERSON)
    assert persons == sum(1 for r in raw if r.tag == "INDIVIDUAL")
    stamp = ET.parse(path).getroot().get("dateGenerated")
    assert snapshot.published == datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert all(e.names and e.primary_name for e in entities)


def test_2018_reference_numbers_are_stripped() -> None:
    path = shared_file("lists/un/consolidated_2018-10-29.xml")
    raw = [r.findtext("REFERENCE_NUMBER") or "" for r in raw_records(path)]
    assert "CDi.032 " in raw  # the caveat is real in this file
    refs = {e.ref for e in parse_file(path).entities}
    assert "CDi.032" in refs


@pytest.fixture(scope="module")
def un2026() -> dict[str, object]:
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    snap = parse_file(path)
    assert snap.published == datetime(2026, 2, 27, 0, 0, 9, 554000, tzinfo=UTC)
    return {e.ref: e for e in snap.entities}


def test_dprk_individual_aliases_passport_and_dob(un2026: dict) -> None:
    e = un2026["KPi.006"]
    assert e.kind is EntityKind.PERSON
    assert e.primary_name == "PAEK CHANG-HO"
    aliases = {n.full for n in e.names if n.kind is NameKind.STRONG_ALIAS}
    assert aliases == {"Pak Chang-Ho", "Paek Ch'ang-Ho"}
    assert e.programmes == ["DPRK"]
    assert e.nationalities == ["kp"]
    # the same passport stated in three languages is one identifier
    passports = [i for i in e.identifiers if i.kind is IdentifierKind.PASSPORT]
    assert [p.value for p in passports] == ["381420754"]
    assert e.birth_dates[0].start == PartialDate(1964, 6, 18)


def test_dprk_shipping_company_carries_imo(un2026: dict) -> None:
    e = un2026["KPe.022"]
    assert e.primary_name == "CHONGCHONGANG SHIPPING COMPANY"
    assert [i.value for i in e.identifiers if i.kind is IdentifierKind.IMO] == ["5342883"]
    # a shipping company with an IMO company number is not a vessel
    assert e.kind is EntityKind.ORGANISATION
    assert len(e.addresses) == 2
    assert {a.country for a in e.addresses} == {"kp"}
    assert {a.city for a in e.addresses} == {"Pyongyang"}


def test_imo_numbers_of_every_dprk_entry(un2026: dict) -> None:
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    with_imo = {
        (r.findtext("REFERENCE_NUMBER") or "").strip()
        for r in raw_records(path)
        if "IMO" in (r.findtext("COMMENTS1") or "")
    }
    parsed = {
        ref for ref, e in un2026.items() if any(i.kind is IdentifierKind.IMO for i in e.identifiers)
    }
    assert parsed == with_imo
    assert len(with_imo) == 16


def test_alias_qualities_and_original_script(un2026: dict) -> None:
    adf = un2026["CDe.001"]
    assert "Allied Democratic Forces" in {
        n.full for n in adf.names if n.kind is NameKind.STRONG_ALIAS
    }
    assert {"ADF/NALU", "NALU"} <= {n.full for n in adf.names if n.kind is NameKind.FORMER}
    weak = [n for e in un2026.values() for n in e.names if n.kind is NameKind.WEAK_ALIAS]
    assert weak
    originals = [n for e in un2026.values() for n in e.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert originals and all(n.script for n in originals)
    assert {n.script for n in originals} >= {"Arab"}


def test_birth_date_range_and_titles(un2026: dict) -> None:
    e = un2026["CDi.030"]
    dob = e.birth_dates[0]
    assert (dob.start, dob.end) == (PartialDate(1973), PartialDate(1974))
    assert list(dob.years()) == [1973, 1974]
    assert un2026["CDi.001"].listed_on == date(2012, 12, 31)
    assert un2026["CDi.001"].gender == "male"
    assert un2026["CDi.001"].nationalities == ["cd"]
    assert any(e.titles for e in un2026.values())
    assert any(e.positions for e in un2026.values())
    assert un2026["CDi.001"].remarks.startswith("He fled to Rwanda")
