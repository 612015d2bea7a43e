"""`update` builds and saves the screening index; old saved indexes are pruned."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.screening import loading
from sanctionwatch.screening.loading import KEEP_INDEXES, screener_from_store
from sanctionwatch.settings import Settings
from tests.conftest import shared_file

runner = CliRunner()


def test_update_saves_the_index_that_screening_then_loads(tmp_path: Path) -> None:
    un = shared_file("lists/un/consolidated_2026-02-27.xml")
    home = tmp_path / "home"
    env = {"SANCTIONWATCH_HOME": str(home)}
    db = ["--db", str(tmp_path / "sw.db")]

    skipped = runner.invoke(app, [*db, "update", "--from", str(un), "--no-index"], env=env)
    assert skipped.exit_code == 0, skipped.stderr
    assert not list((home / "screening").glob("index-*.pkl"))

    other = runner.invoke(
        app,
        [
            *db,
            "update",
            "--from",
            str(shared_file("lists/ofac/consolidated_nonsdn_2025-03-28.xml")),
        ],
        env=env,
    )
    assert other.exit_code == 0, other.stderr
    assert "screening index: 1,446 entities, built and saved" in other.stdout
    [saved] = list((home / "screening").glob("index-*.pkl"))

    # An unchanged file stores nothing new, so nothing is rebuilt.
    again = runner.invoke(app, [*db, "update", "--from", str(un)], env=env)
    assert again.exit_code == 0 and "screening index" not in again.stdout

    settings = Settings(home=home, db_url=f"sqlite:///{tmp_path / 'sw.db'}")
    stamp = saved.stat().st_mtime_ns
    screener = screener_from_store(settings)  # loads the saved file, builds nothing
    assert len(screener.index.records) == 1446
    assert saved.stat().st_mtime_ns >= stamp
    found = runner.invoke(
        app, [*db, "screen", "김종식", "--limit", "1"], env={**env, "COLUMNS": "200"}
    )
    assert found.exit_code == 0, found.stderr
    assert "KPi.066" in found.stdout, found.stdout
    assert list((home / "screening").glob("index-*.pkl")) == [saved]


def test_only_the_most_recently_used_indexes_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "screening"
    folder.mkdir()
    paths = []
    for i in range(KEEP_INDEXES + 3):
        path = folder / f"index-v4-{i:02d}.pkl"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
        paths.append(path)
    other = folder / "notes.txt"
    other.write_text("kept")
    newest = paths[0]  # the one just saved, even if its clock says otherwise
    loading._prune(folder, newest)
    left = sorted(p.name for p in folder.glob("index-*.pkl"))
    assert newest.name in left
    assert left == sorted({newest.name, *(p.name for p in paths[-KEEP_INDEXES:])})
    assert other.exists()
