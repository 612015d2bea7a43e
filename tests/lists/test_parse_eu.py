"""EU: the Financial Sanctions Files XML excerpt and the DPRK annex CSV, counted
against the raw files."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta, timezone

from sanctionwatch.lists.model import EntityKind, IdentifierKind, NameKind, PartialDate
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

FSF = "lists/eu/fsf_sample_2020-04-15.xml"
OJ = "lists/eu/eu_oj_32017R1509_dprk_annexes.csv"
NS = {"e": "http://eu.europa.ec/fpi/fsd/export"}


def test_fsf_every_entry_parsed() -> None:
    path = shared_file(FSF)
    raw = ET.parse(path).getroot().findall("e:sanctionEntity", NS)
    assert detect_format(path) == "eu-fsf-xml"
    snapshot = parse_file(path)
    assert snapshot.source == "eu_fsf"
    assert snapshot.published == datetime(
        2020, 4, 15, 15, 29, 22, 497000, tzinfo=timezone(timedelta(hours=2))
    )
    entities = list(snapshot.entities)
    assert len(entities) == len(raw)
    assert len({e.ref for e in entities}) == len(entities)
    # the excerpt repeats one reference (with an edited name): kept, marked as duplicate
    raw_refs = Counter(r.get("euReferenceNumber") for r in raw)
    dupes = [ref for ref, n in raw_refs.items() if n > 1]
    assert [e.extra["duplicate_of"] for e in entities if "duplicate_of" in e.extra] == dupes
    raw_programmes = Counter(
        r.find("e:regulation", NS).get("programme")
        for r in raw  # type: ignore[union-attr]
    )
    assert Counter(e.programmes[0] for e in entities) == raw_programmes
    assert all(e.kind is EntityKind.PERSON for e in entities)


def test_fsf_entry_details() -> None:
    entities = {e.ref: e for e in parse_file(shared_file(FSF)).entities}
    first = entities["EU.2026.82"]
    assert first.primary_name == "Abid Hammadou"
    assert (first.names[0].given, first.names[0].family) == ("Abid", "Hammadou")
    assert {"Abdelhamid Abou Zeid", "Youcef Adel"} <= {
        n.full for n in first.names if n.kind is NameKind.STRONG_ALIAS
    }
    assert first.nationalities == ["dz"]
    assert first.birth_dates[0].start == PartialDate(1965, 12, 12)
    assert first.birth_dates[1].start == PartialDate(1958)
    assert first.birth_dates[1].approximate is True
    assert first.programmes == ["TAQA"]
    assert first.listed_on == date(2008, 7, 3)
    tunis = entities["EU.3343.85"]
    assert {(i.kind, i.value, i.country) for i in tunis.identifiers} == {
        (IdentifierKind.NATIONAL_ID, "04643632", "tn"),
        (IdentifierKind.PASSPORT, "L191609", "tn"),
    }
    assert tunis.addresses[0].city == "Tunis"
    assert tunis.addresses[0].country == "tn"
    dprk = entities["EU.4011.64"]
    assert dprk.programmes == ["PRK"]
    assert dprk.positions == ["Director of Korea Ryongaksan General Trading Corporation"]


def raw_oj() -> list[dict[str, str]]:
    with shared_file(OJ).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_oj_every_row_parsed() -> None:
    path = shared_file(OJ)
    rows = raw_oj()
    assert detect_format(path) == "eu-oj-csv"
    snapshot = parse_file(path)
    assert snapshot.source == "eu_dprk_oj"
    assert snapshot.published is None
    entities = list(snapshot.entities)
    assert len(entities) == len(rows)
    assert len({e.ref for e in entities}) == len(rows)
    assert not any("duplicate_of" in e.extra for e in entities)
    kinds = {"Person": EntityKind.PERSON, "LegalEntity": EntityKind.ORGANISATION}
    expected = Counter(kinds.get(r["schema"], EntityKind.VESSEL) for r in rows)
    assert Counter(e.kind for e in entities) == expected
    assert Counter(e.extra["annex"] for e in entities) == Counter(r["annex"] for r in rows)
    imo_rows = sum(1 for r in rows if r["imoNumber"])
    assert sum(1 for e in entities if any(i.kind is IdentifierKind.IMO for i in e.identifiers)) == (
        imo_rows
    )


def test_oj_vessel_and_person() -> None:
    entities = {e.ref: e for e in parse_file(shared_file(OJ)).entities}
    vessel = entities["XIII.B/IMO8606173"]
    assert vessel.kind is EntityKind.VESSEL
    assert vessel.primary_name == "Chol Ryong"
    assert "Ryong Gun Bong" in {n.full for n in vessel.names}
    assert [(i.kind, i.value) for i in vessel.identifiers] == [(IdentifierKind.IMO, "8606173")]
    assert vessel.listed_on == date(2016, 3, 2)
    paek = next(e for e in entities.values() if e.primary_name == "Paek Chang-Ho")
    aliases = {n.full for n in paek.names if n.kind is NameKind.STRONG_ALIAS}
    assert aliases == {"Pak Chang-Ho", "Paek Ch'ang-Ho"}
    assert [i.value for i in paek.identifiers if i.kind is IdentifierKind.PASSPORT] == ["381420754"]
    assert paek.programmes == ["EU-PRK"]
    yun = entities["XIII.A/1"]
    assert yun.birth_dates[0].start == PartialDate(1944, 10, 13)
    assert yun.addresses[0].country == "kp"
    multi = [e for e in entities.values() if len(e.birth_dates) > 1]
    assert multi  # "19.2.1968; 1965 or 1966" and the like give several dates
