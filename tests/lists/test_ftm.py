"""FollowTheMoney: export through followthemoney's model, import of real FtM JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from followthemoney import model

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.ftm import entity_from_ftm, entity_to_ftm, write_ftm
from sanctionwatch.lists.model import EntityKind, IdentifierKind, NameKind
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

TARGET_SCHEMATA = {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel"}
FIXTURES = [
    "opensanctions/yente_fixture_zala.entities.ftm.json",
    "opensanctions/yente_fixture_t1.entities.ftm.json",
]


@pytest.mark.parametrize("rel", FIXTURES)
def test_import_counts_target_entities(rel: str) -> None:
    path = shared_file(rel)
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    targets = [d for d in lines if d["schema"] in TARGET_SCHEMATA]
    assert detect_format(path) == "ftm-json"
    snapshot = parse_file(path)
    assert snapshot.source == "ftm"
    entities = list(snapshot.entities)
    assert [e.ref for e in entities] == [d["id"] for d in targets]
    persons = sum(1 for d in targets if d["schema"] == "Person")
    assert sum(1 for e in entities if e.kind is EntityKind.PERSON) == persons
    for entity, raw in zip(entities, targets, strict=True):
        assert entity.primary_name == raw["caption"]
        assert {n.full for n in entity.names} >= set(raw["properties"].get("name", []))


def test_import_takes_programmes_from_sanction_entities() -> None:
    path = shared_file(FIXTURES[0])
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    expected: dict[str, set[str]] = {}
    for d in lines:
        if d["schema"] == "Sanction":
            props = d["properties"]
            for target in props.get("entity", []):
                ids = props.get("programId") or props.get("program") or []
                expected.setdefault(target, set()).update(ids)
    entities = {e.ref: e for e in parse_file(path).entities}
    assert any(expected.get(ref) for ref in entities)
    for ref, entity in entities.items():
        own = set(next(d for d in lines if d["id"] == ref)["properties"].get("program", []))
        assert set(entity.programmes) == expected.get(ref, set()) | own
    zakharov = next(e for e in entities.values() if e.primary_name.endswith("ZAKHAROV"))
    assert {"EU-UKR", "GB-RUS", "US-RUSHAR"} <= set(zakharov.programmes)


def test_import_with_dataset_key() -> None:
    snapshot = parse_file(shared_file(FIXTURES[1]), source="os_eu")
    entities = list(snapshot.entities)
    assert {e.source for e in entities} == {"os_eu"}
    org = next(e for e in entities if e.ref == "NK-2GdmHtZTeNXjNVrBGEXZNj")
    assert org.kind is EntityKind.ORGANISATION
    assert org.nationalities == ["by"]
    assert [(i.kind, i.value) for i in org.identifiers] == [
        (IdentifierKind.REGISTRATION, "808000714")
    ]
    assert "Общество с ограниченной ответственностью “Интер Тобако”" in {
        n.full for n in org.names if n.script == "Cyrl"
    }


@pytest.fixture(scope="module")
def un_entities() -> dict:
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    return {e.ref: e for e in parse_file(path).entities}


def test_export_dprk_person(un_entities: dict) -> None:
    data = entity_to_ftm(un_entities["KPi.006"], dataset_version="2026-02-27")
    assert data["schema"] == "Person"
    assert data["id"] == "un-KPi.006"
    assert data["datasets"] == ["un"]
    props = data["properties"]
    assert props["name"] == ["PAEK CHANG-HO"]
    assert set(props["alias"]) == {"Pak Chang-Ho", "Paek Ch'ang-Ho"}
    assert props["birthDate"] == ["1964-06-18"]
    assert props["nationality"] == ["kp"]
    assert props["passportNumber"] == ["381420754"]
    assert props["program"] == ["DPRK"]
    assert props["topics"] == ["sanction"]
    # followthemoney reads it back as a valid entity of its model
    proxy = model.get_proxy(data)
    assert proxy.schema.name == "Person"
    assert proxy.caption == "PAEK CHANG-HO"


def test_export_vessel_and_organisation() -> None:
    sdn = {
        e.ref: e for e in parse_file(shared_file("lists/ofac/sdn_csv_2024-05-03/sdn.csv")).entities
    }
    vessel = entity_to_ftm(sdn["17069"])
    assert vessel["schema"] == "Vessel"
    assert vessel["properties"]["imoNumber"] == ["IMO7937317"]
    assert vessel["properties"]["flag"] == ["kp"]
    assert vessel["properties"]["program"] == ["DPRK"]
    org = entity_to_ftm(sdn["24977"])
    assert org["schema"] == "Organization"
    assert org["properties"]["program"] == ["DPRK3", "DPRK4"]
    aircraft = next(e for e in sdn.values() if e.kind is EntityKind.AIRCRAFT)
    assert entity_to_ftm(aircraft)["schema"] == "Airplane"


def test_round_trip_through_ftm(un_entities: dict, tmp_path: Path) -> None:
    out = tmp_path / "un.ftm.json"
    with out.open("w", encoding="utf-8") as fh:
        assert write_ftm(un_entities.values(), fh) == len(un_entities)
    back = {e.ref: e for e in parse_file(out, source="un").entities}
    assert len(back) == len(un_entities)
    for ref, entity in un_entities.items():
        again = back[f"un-{ref}".replace(" ", "-")]
        assert {n.full for n in again.names} == {n.full for n in entity.names}
        assert again.primary_name == entity.primary_name
        assert {(i.kind, i.value) for i in again.identifiers} == {
            (i.kind, i.value) for i in entity.identifiers
        }
        assert [str(b.start) for b in again.birth_dates] == [
            s
            for b in entity.birth_dates
            for s in filter(None, (str(b.start), b.end and str(b.end)))
        ] or not entity.birth_dates
        assert again.programmes == entity.programmes
        assert again.listed_on == entity.listed_on


def test_original_script_names_are_kept(un_entities: dict) -> None:
    with_original = next(
        e for e in un_entities.values() if any(n.kind is NameKind.ORIGINAL_SCRIPT for n in e.names)
    )
    data = entity_to_ftm(with_original)
    originals = [n.full for n in with_original.names if n.kind is NameKind.ORIGINAL_SCRIPT]
    assert set(originals) <= set(data["properties"]["alias"])
    again = entity_from_ftm(model.get_proxy(data))
    assert {n.script for n in again.names if n.full in originals} == {"Arab"}


def test_bad_ftm_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.ftm.json"
    path.write_text(
        '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"id": ', "utf-8"
    )
    with pytest.raises(ListParseError, match="truncated: line 2"):
        list(parse_file(path).entities)
    path.write_text('{"id": "a", "schema": "NoSuchSchema", "properties": {}}\n', "utf-8")
    with pytest.raises(ListParseError, match="line 1: invalid FtM entity"):
        list(parse_file(path).entities)
    path.write_text('{"id": "a", "schema": "Person"}\n[1, 2]\n', "utf-8")
    with pytest.raises(ListParseError, match="line 2: not an FtM entity"):
        list(parse_file(path, "ftm-json").entities)


def test_write_is_json_lines(un_entities: dict) -> None:
    buf = io.StringIO()
    write_ftm(list(un_entities.values())[:3], buf, dataset_version="v1")
    lines = buf.getvalue().splitlines()
    assert len(lines) == 3
    assert all(json.loads(line)["dataset_version"] == "v1" for line in lines)


def test_control_characters_in_ftm_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "x.ftm.json"
    obj = {
        "id": "p1",
        "schema": "Person",
        "properties": {"name": ["KIM\u0000 Jong\u202e Un"], "address": ["Pyong\u0007yang"]},
    }
    path.write_text(json.dumps(obj) + "\n", "utf-8")
    (entity,) = parse_file(path).entities
    assert [n.full for n in entity.names] == ["KIM Jong Un"]
    assert [a.full for a in entity.addresses] == ["Pyongyang"]
