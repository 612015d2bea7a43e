"""UK OFSI ConList: xlsx (two real files), the CSV derived from one and the 2020 sample
CSV; one entity per Group ID, counted independently from the raw files."""

from __future__ import annotations

import csv
import functools
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, IdentifierKind, NameKind, PartialDate
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
DPRK = "Democratic People's Republic of Korea"


@functools.cache
def xlsx_rows(path: Path) -> list[dict[str, str]]:
    """Rows 3+ of sheet 1 as dicts keyed by the row-2 header, read with zipfile + ElementTree."""
    with zipfile.ZipFile(path) as zf:
        shared = [
            "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
            for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).findall("m:si", NS)
        ]
        sheet = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    table: list[dict[str, str]] = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells: dict[str, str] = {}
        for c in row.findall("m:c", NS):
            col = re.match(r"[A-Z]+", c.get("r", "")).group(0)
            if c.get("t") == "s":
                cells[col] = shared[int(c.findtext("m:v", namespaces=NS))]
            elif c.get("t") == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            else:
                cells[col] = c.findtext("m:v", default="", namespaces=NS)
        table.append(cells)
    header = table[1]
    return [{header[k]: v for k, v in r.items() if k in header} for r in table[2:]]


@functools.cache
def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return [dict(zip(rows[1], r, strict=False)) for r in rows[2:] if any(r)]


FILES = [
    ("lists/uk/ConList_2025-04-14.xlsx", xlsx_rows, "uk-xlsx", date(2025, 4, 14)),
    ("lists/uk/ConList_2023-06-05.xlsx", xlsx_rows, "uk-xlsx", date(2023, 6, 5)),
    ("lists/uk/ConList_2025-04-14.derived-from-xlsx.csv", csv_rows, "uk-csv", date(2025, 4, 14)),
    ("lists/uk/hmt_conlist_sample_2020-04-27.csv", csv_rows, "uk-csv", date(2020, 4, 27)),
]
KIND = {
    "Individual": EntityKind.PERSON,
    "Entity": EntityKind.ORGANISATION,
    "Ship": EntityKind.VESSEL,
}


@functools.cache
def parsed(rel: str) -> tuple[datetime | None, list[Entity]]:
    snapshot = parse_file(shared_file(rel))
    return snapshot.published, list(snapshot.entities)


@pytest.mark.parametrize(("rel", "reader", "fmt", "day"), FILES)
def test_one_entity_per_group(rel: str, reader, fmt: str, day: date) -> None:  # type: ignore[no-untyped-def]
    path = shared_file(rel)
    rows = reader(path)
    groups = {r["Group ID"] for r in rows}
    group_kind = {r["Group ID"]: KIND[r["Group Type"]] for r in rows}
    dprk_groups = {r["Group ID"] for r in rows if r["Regime"] == DPRK}

    assert detect_format(path) == fmt
    published, entities = parsed(rel)
    assert published == datetime(day.year, day.month, day.day)
    assert len(entities) == len(groups)
    assert {e.ref for e in entities} == groups
    assert Counter(e.kind for e in entities) == Counter(group_kind.values())
    assert {e.ref for e in entities if DPRK in e.programmes} == dprk_groups
    assert all(e.names[0].kind is NameKind.PRIMARY for e in entities)
    # every name row's name is among its group's names
    names = {e.ref: {n.full for n in e.names} for e in entities}
    for r in rows:
        full = " ".join(" ".join(r.get(f"Name {i}", "") for i in (1, 2, 3, 4, 5, 6)).split())
        assert full in names[r["Group ID"]]


@pytest.fixture(scope="module")
def uk2025() -> dict:
    return {e.ref: e for e in parsed(FILES[0][0])[1]}


def test_xlsx_and_derived_csv_agree(uk2025: dict) -> None:
    from_csv = {e.ref: e.to_dict() for e in parsed(FILES[2][0])[1]}
    assert from_csv == {ref: e.to_dict() for ref, e in uk2025.items()}


def test_dprk_national_with_hangul_name(uk2025: dict) -> None:
    e = uk2025["16816"]
    assert e.kind is EntityKind.PERSON
    assert e.primary_name == "KIM YONG BOK"
    original = [n for n in e.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert [(n.full, n.script, n.lang) for n in original] == [("김영복", "Hang", "kor")]
    aliases = {n.full for n in e.names if n.kind is NameKind.STRONG_ALIAS}
    assert aliases == {"KIM YONG-BOK", "KIM YOUNG BOK", "KIM YOUNG-BOK"}
    assert e.nationalities == ["kp"]
    assert e.titles == ["Colonel General"]
    assert e.gender == "male"
    assert e.extra["uk_sanctions_list_ref"] == "RUS2452"


def test_dprk_entry_linked_to_un_ref(uk2025: dict) -> None:
    e = uk2025["12871"]
    assert e.primary_name == "SECOND ACADEMY OF NATURAL SCIENCES"
    assert e.extra["un_ref"] == "KPe.018"
    assert e.extra["uk_sanctions_list_ref"] == "DPR0189"
    assert e.programmes == [DPRK]
    assert e.listed_on == date(2013, 4, 23)
    assert [a.country for a in e.addresses] == ["kp"]
    rows = xlsx_rows(shared_file(FILES[0][0]))
    with_un = {r["Group ID"] for r in rows if "(UN Ref):KP" in r.get("Other Information", "")}
    parsed = {ref for ref, x in uk2025.items() if x.extra.get("un_ref", "").startswith("KP")}
    assert parsed == with_un


def test_dprk_ship_with_imo(uk2025: dict) -> None:
    ship = uk2025["13651"]
    assert ship.kind is EntityKind.VESSEL
    assert ship.primary_name == "SAM JONG 2"
    assert "AKTIVA" in {n.full for n in ship.names if n.kind is NameKind.STRONG_ALIAS}
    assert [(i.kind, i.value) for i in ship.identifiers] == [(IdentifierKind.IMO, "7408873")]
    assert ship.extra["vessel_flag"] == "kp"
    # "UN Ref KPe.064" in this text names the owner, not the ship
    assert "un_ref" not in ship.extra
    ships = [e for e in uk2025.values() if e.kind is EntityKind.VESSEL]
    assert ships and all(any(i.kind is IdentifierKind.IMO for i in s.identifiers) for s in ships)


def test_sample_csv_passport_and_dates() -> None:
    entities = {e.ref: e for e in parsed(FILES[3][0])[1]}
    hojati = entities["9053"]
    assert hojati.primary_name == "Mohsen HOJATI"
    assert (hojati.names[0].given, hojati.names[0].family) == ("Mohsen", "HOJATI")
    assert hojati.birth_dates[0].start == PartialDate(1955, 9, 28)
    assert hojati.extra["un_ref"] == "IRi.018"
    assert [n.script for n in hojati.names if n.kind is NameKind.ORIGINAL_SCRIPT] == ["Arab"]
