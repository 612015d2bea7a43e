"""`sanctionwatch status`: real content on a fresh offline store, and the lists once stored."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app
from tests.conftest import shared_file

runner = CliRunner()


def test_status_on_a_fresh_store_shows_built_in_obligations_and_next_step(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    result = runner.invoke(app, ["--db", str(db), "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lists"] == []
    assert data["knowledge_base"]["obligations"] > 10
    assert "dprk" in data["knowledge_base"]["regimes"]
    passed = {(d["obligation_id"], d["due"]) for d in data["recent_deadlines"]}
    assert ("2397-OP8", "2019-12-22") in passed
    assert data["next_steps"][0].startswith("sanctionwatch update")
    table = runner.invoke(app, ["--db", str(db), "status"])
    assert table.exit_code == 0
    assert "No sanctions lists stored yet" in table.output
    assert "2397-OP8" in table.output


def test_status_lists_the_stored_versions(tmp_path: Path) -> None:
    un = shared_file("lists/un/consolidated_2026-02-27.xml")
    db = tmp_path / "lists.db"
    imported = runner.invoke(app, ["--db", str(db), "update", "--from", str(un)])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(app, ["--db", str(db), "status", "--format", "json"])
    data = json.loads(result.output)
    assert [(v["source"], v["entities"]) for v in data["lists"]] == [("un", 1003)]
    assert not data["next_steps"][0].startswith("sanctionwatch update")


def test_status_with_an_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "status", "--format", "xml"])
    assert result.exit_code == 1
    assert "unknown format 'xml'" in result.output
