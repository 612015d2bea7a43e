"""The lists commands through the command line, each on its own SQLite file."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli import app
from tests.conftest import shared_file
from tests.lists.test_update import Server, manifest_for, server

__all__ = ["server"]

runner = CliRunner()


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_update_versions_changes_export(tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    db = tmp_path / "sw.db"
    old = shared_file("lists/un/consolidated_2025-11-20.xml")
    new = shared_file("lists/un/consolidated_2026-02-27.xml")

    code, out, err = run(db, "update", "--from", str(old))
    assert code == 0, err
    assert out.startswith("un: new (version 1, 1000 entities, published 2025-11-20 23:00)")
    code, out, _ = run(db, "update", "--from", str(old))
    assert code == 0 and out.startswith("un: unchanged (version 1,")
    code, out, _ = run(db, "update", "--from", str(new), "--source", "un")
    assert code == 0 and out.startswith("un: new (version 2, 1003 entities")

    code, out, _ = run(db, "versions", "--source", "un")
    assert code == 0
    assert "2025-11-20 23:00" in out and "2026-02-27 00:00" in out and "1003" in out

    code, out, _ = run(db, "changes", "--source", "un", "--format", "json")
    assert code == 0
    [report] = json.loads(out)
    assert [a["ref"] for a in report["added"]] == ["SDi.007", "SDi.008", "SDi.009", "SDi.010"]
    assert [r["ref"] for r in report["removed"]] == ["IQi.074"]
    assert {c["ref"]: c["fields"] for c in report["changed"]} == {
        "HTi.006": ["remarks"],
        "SOi.022": ["remarks"],
    }
    code, out, _ = run(db, "changes", "--source", "un", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["change"] for r in rows].count("added") == 4
    code, out, _ = run(db, "changes", "--source", "un", "--since", "2025-12-01")
    assert code == 0 and "4 added, 1 removed, 2 changed" in out
    code, out, _ = run(db, "changes", "--source", "un", "--since", "2026-03-01")
    assert code == 0 and "0 added, 0 removed, 0 changed" in out

    target = tmp_path / "un.json"
    code, _, err = run(db, "export", "--format", "json", "--source", "un", "-o", str(target))
    assert code == 0 and "wrote 1003 entities" in err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1003
    assert {json.loads(x)["version"]["id"] for x in lines} == {2}
    code, out, _ = run(db, "export", "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 1003


def test_update_offline_exits_non_zero_with_the_url(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/consolidated.xml"
    manifest = tmp_path / "sources.yaml"
    manifest.write_text(
        "un: {title: t, publisher: p, format: un-xml, licence: l, entities: {min: 1, max: 9},"
        f" downloads: [{{url: '{url}', filename: consolidated.xml}}]}}\n",
        encoding="utf-8",
    )
    env = {
        "SANCTIONWATCH_SOURCES_FILE": str(manifest),
        "SANCTIONWATCH_HTTP_RETRIES": "1",
        "SANCTIONWATCH_HOME": str(tmp_path),
    }
    code, _, err = run(tmp_path / "sw.db", "update", "--source", "un", env=env)
    assert code == 1
    assert f"cannot reach {url}" in err
    code, _, err = run(tmp_path / "sw.db", "update", "--source", "nz", env=env)
    assert code == 1 and "unknown source 'nz'" in err


def test_clear_errors_on_an_empty_store(tmp_path: Path) -> None:
    db = tmp_path / "sw.db"
    code, out, _ = run(db, "versions")
    assert code == 0 and "no versions stored" in out
    code, _, err = run(db, "changes", "--source", "un")
    assert code == 1 and "nothing stored for un" in err
    code, _, err = run(db, "export", "--format", "xml")
    assert code == 1 and "unknown export format 'xml'" in err
    code, _, err = run(db, "update", "--from", str(tmp_path / "missing.xml"))
    assert code == 1 and "no such file or folder" in err


def test_update_from_url_then_not_modified(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    shutil.copyfile(
        shared_file("lists/un/consolidated_2026-02-27.xml"), server.root / "consolidated.xml"
    )
    url = server.url("consolidated.xml")
    env = {
        "SANCTIONWATCH_SOURCES_FILE": str(manifest_for(tmp_path, url)),
        "SANCTIONWATCH_HOME": str(tmp_path / "home"),
    }
    db = tmp_path / "sw.db"
    code, out, err = run(db, "update", "--source", "un", env=env)
    assert code == 0, err
    assert out.startswith("un: new (version 1, 1003 entities, published 2026-02-27 00:00)")
    first, index_line = out.rstrip().rsplit("\n", 1)
    assert first.endswith(url)
    assert index_line.startswith("screening index: 1,003 entities, built and saved in")
    code, out, _ = run(db, "update", env=env)
    assert code == 0 and out.startswith("un: not modified")


def ofac_ent_nums(path: Path) -> set[str]:
    """ent_num of every row, read with the csv module (the file ends in a 0x1A byte)."""
    with path.open(newline="", encoding="latin-1") as fh:
        return {row[0] for row in csv.reader(fh) if len(row) == 12}


@pytest.mark.slow
def test_ofac_csv_versions_ordered_by_given_publication_dates(tmp_path: Path) -> None:
    registry = pytest.importorskip("sanctionwatch.lists.registry")
    if "ofac-csv" not in registry.FORMATS:
        pytest.skip("OFAC CSV parser not available")
    db = tmp_path / "sw.db"
    new = shared_file("lists/ofac/sdn_csv_2024-05-03/sdn.csv")
    old = shared_file("lists/ofac/sdn_csv_2024-04-26/sdn.csv")
    # The newer file first: the dates given, not the import order, decide which is current.
    code, out, err = run(db, "update", "--from", str(new), "--published", "2024-05-03")
    assert code == 0, err
    assert out.startswith("ofac_sdn: new (version 1, 14965 entities, published 2024-05-03")
    code, out, err = run(db, "update", "--from", str(old), "--published", "2024-04-26")
    assert code == 0, err

    code, out, _ = run(db, "changes", "--source", "ofac", "--format", "json")
    assert code == 0
    [report] = json.loads(out)
    assert report["source"] == "ofac_sdn"
    assert report["new_version"]["id"] == 1
    new_refs, old_refs = ofac_ent_nums(new), ofac_ent_nums(old)
    assert len(new_refs) == 14965 and len(old_refs) == 14668
    assert {a["ref"] for a in report["added"]} == new_refs - old_refs
    assert {r["ref"] for r in report["removed"]} == old_refs - new_refs
    assert (len(report["added"]), len(report["removed"])) == (305, 8)


def test_ftm_export_imports_back_through_the_cli(tmp_path: Path) -> None:
    registry = pytest.importorskip("sanctionwatch.lists.registry")
    if "ftm-json" not in registry.FORMATS:
        pytest.skip("FtM importer not available")
    source_db, copy_db = tmp_path / "a.db", tmp_path / "b.db"
    code, _, err = run(
        source_db, "update", "--from", str(shared_file("lists/un/consolidated_2026-02-27.xml"))
    )
    assert code == 0, err
    exported = tmp_path / "un.ftm.json"
    code, _, err = run(source_db, "export", "--format", "ftm", "-o", str(exported))
    assert code == 0 and "wrote 1003 entities" in err
    code, out, err = run(copy_db, "update", "--from", str(exported))
    assert code == 0, err
    assert out.startswith("ftm: new (version 1, 1003 entities")


def test_changes_over_several_datasets_notes_those_with_one_version(tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    db = tmp_path / "sw.db"
    for rel in ("un/consolidated_2025-11-20.xml", "un/consolidated_2026-02-27.xml"):
        assert run(db, "update", "--from", str(shared_file(f"lists/{rel}")))[0] == 0
    eu = shared_file("lists/eu/eu_oj_32017R1509_dprk_annexes.csv")
    code, out, err = run(db, "update", "--from", str(eu))
    assert code == 0 and out.startswith("eu_dprk_oj: new"), err

    code, out, err = run(db, "changes", "--format", "json")
    assert code == 0
    assert [d["source"] for d in json.loads(out)] == ["un"]
    assert "note: only one version of 'eu_dprk_oj' is stored; nothing to compare" in err
    code, _, err = run(db, "changes", "--source", "eu")
    assert code == 1 and "only one version of 'eu_dprk_oj'" in err
