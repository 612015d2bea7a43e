"""Exports of the current versions: JSON lines, CSV, and FtM read back by the importer."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.lists.export import CSV_COLUMNS, export_entities
from sanctionwatch.lists.model import Entity, ListSnapshot
from sanctionwatch.store.db import Store
from sanctionwatch.store.lists_repo import ListRepository
from tests.conftest import shared_file
from tests.store.backends import make_entity, store, store_settings

__all__ = ["store", "store_settings"]


def fill(repo: ListRepository) -> None:
    repo.import_snapshot(
        ListSnapshot("un", "test", None, iter([make_entity("un", i) for i in range(1, 4)])),
        file_sha256="a" * 64,
        origin="old",
    )
    newer = [make_entity("un", i) for i in range(2, 6)]
    repo.import_snapshot(
        ListSnapshot("un", "test", None, iter(newer)), file_sha256="b" * 64, origin="new"
    )
    repo.import_snapshot(
        ListSnapshot("uk", "test", None, iter([make_entity("uk", 9)])),
        file_sha256="c" * 64,
        origin="uk",
    )


def test_json_export_is_the_current_versions_with_provenance(store: Store) -> None:
    repo = ListRepository(store)
    fill(repo)
    out = io.StringIO()
    assert export_entities(repo, "json", out, ["un"]) == 4
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["ref"] for r in records] == ["T00002", "T00003", "T00004", "T00005"]
    assert {r["version"]["sha256"] for r in records} == {"b" * 64}
    assert {r["version"]["origin"] for r in records} == {"new"}
    back = Entity.from_dict(records[0])
    assert back.to_dict() == make_entity("un", 2).to_dict()


def test_csv_export_has_one_row_per_entity(store: Store) -> None:
    repo = ListRepository(store)
    fill(repo)
    out = io.StringIO()
    assert export_entities(repo, "csv", out) == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["source"], r["ref"]) for r in rows] == [
        ("uk", "T00009"),
        ("un", "T00002"),
        ("un", "T00003"),
        ("un", "T00004"),
        ("un", "T00005"),
    ]
    assert rows[1]["name"] == "Test Person 2"
    assert rows[1]["aliases"] == "Alias 2"
    assert rows[1]["identifiers"] == "passport:P0000002"


def test_export_errors(store: Store) -> None:
    repo = ListRepository(store)
    with pytest.raises(InputError, match="nothing stored for any source"):
        export_entities(repo, "json", io.StringIO())
    fill(repo)
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        export_entities(repo, "xml", io.StringIO())
    with pytest.raises(InputError, match="nothing stored for ofac"):
        export_entities(repo, "csv", io.StringIO(), ["ofac"])


def test_ftm_export_of_real_un_list_reads_back(store: Store, tmp_path: Path) -> None:
    registry = pytest.importorskip("sanctionwatch.lists.registry")
    ftm = pytest.importorskip("sanctionwatch.lists.ftm")
    if "ftm-json" not in registry.FORMATS:
        pytest.skip("ftm-json importer not registered")
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    repo = ListRepository(store)
    info = repo.import_snapshot(registry.parse_file(path), file_sha256="d" * 64, origin=str(path))
    target = tmp_path / "un.ftm.json"
    with target.open("w", encoding="utf-8") as fh:
        written = export_entities(repo, "ftm", fh, ["un"])
    root = ET.parse(path).getroot()
    people = len(root.findall("INDIVIDUALS/INDIVIDUAL"))
    organisations = len(root.findall("ENTITIES/ENTITY"))
    assert written == people + organisations == 1003

    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for o in lines if o["schema"] == "Person") == people
    # Provenance: every object names the stored version it was exported from.
    assert {o.get("dataset_version") for o in lines} == {info.label}
    assert info.label.startswith("un@2026-02-27#")
    assert [o["id"] for o in lines] == [ftm.ftm_id(e) for e in repo.current_entities(["un"])]
    back = list(registry.parse_file(target, fmt="ftm-json").entities)
    assert len(back) == written
    stored = {e.primary_name for e in repo.current_entities(["un"])}
    assert {e.primary_name for e in back} == stored
