"""The screen, screen-file, decide and decisions commands on the real UN list."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli import app
from tests.conftest import shared_file

UN = "lists/un/consolidated_2026-02-27.xml"
runner = CliRunner()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One home for the module, so the list's index is built once and then loaded."""
    path = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SANCTIONWATCH_HOME", str(path))
        mp.setenv("COLUMNS", "200")
        yield path


def test_screen_a_list_file(home: Path) -> None:
    un = shared_file(UN)
    result = runner.invoke(app, ["screen", "Ri Je-son", "--dob", "1938", "--list", str(un)])
    assert result.exit_code == 0, result.output
    assert "un:KPi.002" in result.output
    assert "birth" in result.output
    assert list((home / "screening").glob("index-*.pkl")), "index not cached"
    again = runner.invoke(app, ["screen", "RI JE SON", "--list", str(un)])
    assert "un:KPi.002" in again.output


def test_screen_bad_input_is_one_clear_line(home: Path) -> None:
    un = shared_file(UN)
    result = runner.invoke(app, ["screen", "   ", "--list", str(un)])
    assert result.exit_code == 1
    assert "empty" in result.output
    result = runner.invoke(app, ["screen", "Kim", "--kind", "planet", "--list", str(un)])
    assert result.exit_code == 1 and "unknown kind" in result.output
    result = runner.invoke(app, ["screen", "Kim", "--list", str(home / "nope.xml")])
    assert result.exit_code == 1 and "no such list file" in result.output


def test_screen_file(home: Path) -> None:
    un = shared_file(UN)
    src = home / "in.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(
            [["who", "born"], ["YUN HO-JIN", "1944"], ["", "1950"], ["x", "bad"]]
        )
    out = home / "out.csv"
    result = runner.invoke(
        app,
        [
            "screen-file",
            str(src),
            "-o",
            str(out),
            "--name-col",
            "who",
            "--dob-col",
            "born",
            "--list",
            str(un),
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 rows screened, 1 with matches, 2 with errors" in result.output
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["best_ref"] == "KPi.001"
    missing = runner.invoke(
        app, ["screen-file", str(src), "-o", str(out), "--name-col", "name", "--list", str(un)]
    )
    assert missing.exit_code == 1 and "not found" in missing.output


def test_decisions_show_when_screening_from_the_store(home: Path) -> None:
    from sanctionwatch.lists.registry import parse_file
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store
    from sanctionwatch.store.lists_repo import ListRepository

    un = shared_file(UN)
    store = open_store(Settings(home=home))
    digest = hashlib.sha256(un.read_bytes()).hexdigest()
    ListRepository(store).import_snapshot(parse_file(un), file_sha256=digest, origin=str(un))
    result = runner.invoke(
        app,
        [
            "decide",
            "Ri Je Son",
            "--entry",
            "un:KPi.002",
            "--decision",
            "true_match",
            "--analyst",
            "j.doe",
            "--reason",
            "DOB and role agree",
        ],
    )
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["screen", "RI JE-SON"])
    assert shown.exit_code == 0, shown.output
    assert "DECISION: true match by j.doe" in shown.output
    trail = runner.invoke(app, ["decisions", "--entry", "un:KPi.002"])
    assert "DOB and role agree" in trail.output
    bad = runner.invoke(
        app,
        [
            "decide",
            "Ri Je Son",
            "--entry",
            "KPi.002",
            "--decision",
            "true_match",
            "--analyst",
            "j.doe",
            "--reason",
            "x",
        ],
    )
    assert bad.exit_code == 1 and "SOURCE:REF" in bad.output
