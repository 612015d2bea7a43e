"""The regimes commands: obligations, deadlines, check-refs (table and JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app

RUNNER = CliRunner()


def _flat(output: str) -> str:
    """Output with rich's line wrapping undone."""
    return " ".join(output.split())


def test_obligations_json_filters_by_regime() -> None:
    result = RUNNER.invoke(app, ["obligations", "--regime", "iran", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(row["resolution"] == 2231 for row in rows)
    by_id = {row["id"]: row for row in rows}
    assert by_id["2231-annexB-5"]["paragraph_confirmed"] is True
    assert by_id["2231-annexB-3"]["paragraph_confirmed"] is False
    assert by_id["2231-annexB-5"]["ends"] == "2020-10-18"
    result = RUNNER.invoke(app, ["obligations", "--regime", "dprk"])
    assert result.exit_code == 0 and "2397-OP8" in result.stdout


def test_deadlines_missed_and_upcoming() -> None:
    args = ["deadlines", "--as-of", "2019-06-01", "--format", "json"]
    upcoming = json.loads(RUNNER.invoke(app, [*args, "--upcoming"]).stdout)
    missed = json.loads(RUNNER.invoke(app, [*args, "--missed"]).stdout)
    assert ("2397-OP8", "2019-12-22") in [(r["obligation_id"], r["due"]) for r in upcoming]
    assert ("2397-OP8", "2019-03-22") in [(r["obligation_id"], r["due"]) for r in missed]
    assert all(r["due"] < "2019-06-01" for r in missed)


def test_deadlines_bad_input_is_one_clear_line() -> None:
    result = RUNNER.invoke(app, ["deadlines", "--as-of", "2019-13-01"])
    assert result.exit_code == 1 and "not a date" in _flat(result.output)
    result = RUNNER.invoke(app, ["deadlines", "--missed", "--upcoming"])
    assert result.exit_code == 1 and "not both" in _flat(result.output)
    result = RUNNER.invoke(app, ["obligations", "--regime", "atlantis"])
    assert result.exit_code == 1 and "unknown regime" in _flat(result.output)


def test_check_refs(tmp_path: Path) -> None:
    text = (
        "In December 2017, the UN Security Council introduced new sanctions against North "
        "Korea. The resolution received the number 2379."
    )
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = RUNNER.invoke(app, ["check-refs", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    refs = json.loads(result.stdout)
    bad = [r for r in refs if r["number"] == 2379]
    assert len(bad) == 1 and bad[0]["resolved"] == 2397 and "2397" in bad[0]["problem"]
    table = RUNNER.invoke(app, ["check-refs", str(path)])
    assert table.exit_code == 0 and "1 flagged" in table.stdout


def test_check_refs_refuses_unusable_files(tmp_path: Path) -> None:
    missing = RUNNER.invoke(app, ["check-refs", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1 and "cannot read" in _flat(missing.output)
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02resolution 2397")
    result = RUNNER.invoke(app, ["check-refs", str(binary)])
    assert result.exit_code == 1 and "binary" in _flat(result.output)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("r\xe9solution 2397".encode("latin-1"))
    result = RUNNER.invoke(app, ["check-refs", str(latin)])
    assert result.exit_code == 1 and "not UTF-8" in _flat(result.output)


def test_the_table_marks_a_paragraph_no_source_confirms() -> None:
    out = RUNNER.invoke(app, ["obligations", "--regime", "somalia"]).stdout
    rows = {
        line.split("│")[1].strip(): line.split("│")[2].strip()
        for line in out.splitlines()
        if line.count("│") >= 5 and line.split("│")[1].strip()
    }
    assert rows["733-OP5"] == "OP5?"
    # must not: a paragraph a source names stays plain
    assert rows["2036-OP22"] == "OP22"
