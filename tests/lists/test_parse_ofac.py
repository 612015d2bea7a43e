"""OFAC: the legacy SDN CSVs (single file and the sdn/alt/add/comments trio) and the
sdnList XML in both namespaces, counted against the raw files."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from sanctionwatch.lists.model import EntityKind, IdentifierKind, NameKind, PartialDate
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

SDN_CSVS = [
    "lists/ofac/sdn_csv_2024-05-03/sdn.csv",
    "lists/ofac/sdn_csv_2024-04-26/sdn.csv",
    "lists/ofac/sdn_csv_trio_2021-07/sdn.csv",
]
TYPE_KIND = {
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "-0-": EntityKind.ORGANISATION,
}


def raw_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="ascii") as fh:
        return [row for row in csv.reader(fh) if len(row) == 12]


@pytest.mark.parametrize("rel", SDN_CSVS)
def test_every_sdn_row_parsed(rel: str) -> None:
    path = shared_file(rel)
    rows = raw_rows(path)
    assert detect_format(path) == "ofac-csv"
    snapshot = parse_file(path)
    assert snapshot.published is None  # the legacy CSV states no date
    assert snapshot.source == "ofac_sdn"
    entities = list(snapshot.entities)
    assert len(entities) == len(rows)
    assert [e.ref for e in entities] == [r[0] for r in rows]
    raw_kinds = Counter(TYPE_KIND[r[2].strip()] for r in rows)
    assert Counter(e.kind for e in entities) == raw_kinds
    raw_multi = sum(1 for r in rows if "] [" in r[3])
    assert sum(1 for e in entities if len(e.programmes) > 1) == raw_multi


def test_folder_and_file_give_the_trio() -> None:
    folder = shared_file("lists/ofac/sdn_csv_trio_2021-07/sdn.csv").parent
    from_folder = {e.ref: e for e in parse_file(folder).entities}
    from_file = {e.ref: e for e in parse_file(folder / "sdn.csv").entities}
    assert from_folder.keys() == from_file.keys()
    assert detect_format(folder) == "ofac-csv"
    silverstar = from_folder["24977"]
    assert silverstar.programmes == ["DPRK3", "DPRK4"]
    aliases = {n.full for n in silverstar.names if n.kind is NameKind.STRONG_ALIAS}
    assert "YANBIAN SILVER STAR" in aliases
    assert len(silverstar.addresses) == 3
    assert {a.country for a in silverstar.addresses} == {"cn"}

    with (folder / "alt.csv").open(newline="") as fh:
        alt_rows = [r for r in csv.reader(fh) if len(r) == 5]
    for ent_num, _alt, alt_type, alt_name, _remarks in alt_rows:
        names = {n.full: n.kind for n in from_folder[ent_num].names}
        # the parser collapses runs of spaces and drops double quotes around a name
        alias = " ".join(alt_name.split())
        alias = alias[1:-1] if alias[:1] == alias[-1:] == '"' else alias
        assert alias in names
        if alt_type.strip() == "fka":
            assert names[alias] in (NameKind.FORMER, NameKind.PRIMARY)

    with (folder / "add.csv").open(newline="") as fh:
        add_rows = [r for r in csv.reader(fh) if len(r) == 6]
    expected = Counter(r[0] for r in add_rows if any(c.strip() not in ("-0-", "") for c in r[2:5]))
    parsed = Counter({ref: len(e.addresses) for ref, e in from_folder.items() if e.addresses})
    assert parsed == expected

    with (folder / "sdn_comments.csv").open(newline="") as fh:
        comments = [r for r in csv.reader(fh) if len(r) == 2]
    for ent_num, tail in comments:
        remarks = from_folder[ent_num].remarks or ""
        assert remarks.endswith(" ".join(tail.split()))


@pytest.fixture(scope="module")
def sdn2024() -> dict:
    return {e.ref: e for e in parse_file(shared_file(SDN_CSVS[0])).entities}


def test_several_programmes(sdn2024: dict) -> None:
    e = sdn2024["24977"]
    assert e.primary_name == "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD."
    assert e.programmes == ["DPRK3", "DPRK4"]
    # in 2024 there is no alt.csv beside sdn.csv: the primary name only
    assert [n.kind for n in e.names] == [NameKind.PRIMARY]


def test_dprk_vessel_with_imo(sdn2024: dict) -> None:
    e = sdn2024["17069"]
    assert e.kind is EntityKind.VESSEL
    assert e.primary_name == "CHONG CHON GANG"
    assert e.programmes == ["DPRK"]
    assert [(i.kind, i.value) for i in e.identifiers] == [(IdentifierKind.IMO, "7937317")]
    assert e.extra["vessel_flag"] == "kp"
    assert e.extra["vessel_type"] == "General Cargo"


def test_remarks_become_fields(sdn2024: dict) -> None:
    kim = sdn2024["20157"]
    assert kim.kind is EntityKind.PERSON
    assert (kim.names[0].family, kim.names[0].given) == ("KIM", "Jong Un")
    assert kim.birth_dates[0].start == PartialDate(1984, 1, 8)
    assert kim.titles == ["Chairman of the Workers' Party of Korea"]
    assert sdn2024["21444"].gender == "female"
    ryu = sdn2024["17616"]
    assert ryu.nationalities == ["kp"]
    assert [(i.kind, i.value) for i in ryu.identifiers] == [(IdentifierKind.PASSPORT, "563410081")]
    paek = sdn2024["15667"]
    assert paek.birth_places == ["Kaesong, DPRK"]
    passport = paek.identifiers[0]
    assert (passport.value, passport.note) == (
        "381420754",
        "issued 07 Dec 2011 expires 07 Dec 2016",
    )
    sharif = sdn2024["6944"]  # "Passport B 960789; alt. Passport G 649385 issued ..."
    assert [(i.value, i.note) for i in sharif.identifiers] == [
        ("B 960789", None),
        ("G 649385", "issued 08 Sep 2006 expires 17 Jul 2011"),
    ]
    assert [str(b.start) for b in sharif.birth_dates] == ["1969", "1963", "1964-02-11"]
    yusong = sdn2024["23149"]  # "Nationality of Registration Korea, North" is no nationality
    assert yusong.extra["nationality_of_registration"] == "kp"
    assert yusong.nationalities == []
    tanker = sdn2024["15036"]
    ids = {(i.kind, i.value) for i in tanker.identifiers}
    assert {(IdentifierKind.IMO, "9187629"), (IdentifierKind.MMSI, "572469210")} <= ids
    assert (IdentifierKind.CALL_SIGN, "T2EU4") in ids
    assert ("ALPHA", NameKind.FORMER) in {(n.full, n.kind) for n in tanker.names}
    bank = sdn2024["306"]
    assert ("BNC", NameKind.STRONG_ALIAS) in {(n.full, n.kind) for n in bank.names}
    swift = [
        i.value for e in sdn2024.values() for i in e.identifiers if i.kind.value == "swift_bic"
    ]
    assert "HAVIGB2L" in swift


def test_remark_counts_match_raw_text(sdn2024: dict) -> None:
    rows = raw_rows(shared_file(SDN_CSVS[0]))
    with_imo = {r[0] for r in rows if "Vessel Registration Identification IMO " in r[11]}
    parsed = {
        ref
        for ref, e in sdn2024.items()
        if any(i.kind is IdentifierKind.IMO and i.note is None for i in e.identifiers)
    }
    assert with_imo <= parsed
    with_dob = {r[0] for r in rows if r[11].startswith("DOB ")}
    assert with_dob <= {ref for ref, e in sdn2024.items() if e.birth_dates}


@pytest.mark.parametrize(
    ("rel", "namespace", "source"),
    [
        (
            "lists/ofac/consolidated_nonsdn_2025-03-28.xml",
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
            "ofac_cons",
        ),
        ("lists/ofac/sdn_xml_excerpt_2020-04-22.xml", "http://tempuri.org/sdnList.xsd", "ofac_sdn"),
    ],
)
def test_ofac_xml_both_namespaces(rel: str, namespace: str, source: str) -> None:
    path = shared_file(rel)
    root = ET.parse(path).getroot()
    ns = {"o": namespace}
    raw = root.findall("o:sdnEntry", ns)
    stamp = root.findtext("o:publshInformation/o:Publish_Date", namespaces=ns)
    count = root.findtext("o:publshInformation/o:Record_Count", namespaces=ns)

    assert detect_format(path) == "ofac-xml"
    snapshot = parse_file(path)
    entities = list(snapshot.entities)
    assert snapshot.source == source
    assert len(entities) == len(raw)
    assert [e.ref for e in entities] == [r.findtext("o:uid", namespaces=ns) for r in raw]
    assert snapshot.published == datetime.strptime(stamp, "%m/%d/%Y")
    assert snapshot.declared_count == int(count)
    raw_persons = sum(1 for r in raw if r.findtext("o:sdnType", namespaces=ns) == "Individual")
    assert sum(1 for e in entities if e.kind is EntityKind.PERSON) == raw_persons
    raw_akas = sum(len(r.findall("o:akaList/o:aka", ns)) for r in raw)
    assert sum(len(e.names) - 1 for e in entities) >= raw_akas * 0.95


def test_ofac_xml_excerpt_entry() -> None:
    snapshot = parse_file(shared_file("lists/ofac/sdn_xml_excerpt_2020-04-22.xml"))
    e = next(iter(snapshot.entities))
    assert e.ref == "10689"
    assert e.primary_name == "Muhammad SAEED"
    assert (e.names[0].given, e.names[0].family) == ("Muhammad", "SAEED")
    assert "HAFIZ SAHIB" in {n.full for n in e.names if n.kind is NameKind.WEAK_ALIAS}
    passports = {i.value: i for i in e.identifiers if i.kind is IdentifierKind.PASSPORT}
    assert passports["BE5978421"].country == "pk"
    assert passports["BE5978421"].note == "issued 14 Nov 2007; expires 12 Nov 2012"
    assert e.birth_dates[0].start == PartialDate(1950, 6, 5)
    assert e.nationalities == ["pk"]
    assert e.programmes == ["SDGT"]


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(
        b'\xef\xbb\xbf36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        b"-0- ,-0- \r\n\x1a"
    )
    assert detect_format(path) == "ofac-csv"
    (entity,) = parse_file(path).entities
    assert (entity.ref, entity.primary_name, entity.programmes) == (
        "36",
        "AEROCARIBBEAN AIRLINES",
        ["CUBA"],
    )
