"""Storing once per content hash, all-or-nothing batches, queries, JSON export, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.repo import DocumentRepository
from sanctionwatch.documents.service import analyse_source
from sanctionwatch.errors import InputError
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store

TEXT = (
    "Kuwait said on Sunday it had stopped renewing visas for North Korean workers.\n"
    "A US official said China had breached the UN sanctions by keeping thousands of workers.\n"
)
OTHER = "Qatar said it was in full compliance with all UN sanctions on North Korea.\n"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path)


def test_document_is_stored_once_and_claims_are_queryable(settings: Settings) -> None:
    store = open_store(settings)
    repo = DocumentRepository(store)
    an = analyse_text(TEXT, outlet="Wire", published="2020-01-05", kb=None)
    first = repo.save(an, "memo")
    again = repo.save(analyse_text(TEXT, outlet="Wire", published="2020-01-05", kb=None))
    assert first.created and not again.created and again.document_id == first.document_id
    assert repo.document_count() == 1
    kw = repo.claims(state="kw")
    assert [(c["subject_state"], c["stance"]) for c in kw] == [("KW", "reports_measure")]
    assert kw[0]["document"]["outlet"] == "Wire" and kw[0]["document"]["published"] == "2020-01-05"
    assert [c["stance"] for c in repo.claims(stance="alleges_violation")] == ["alleges_violation"]
    assert repo.claims(state="RU") == []
    json.dumps(repo.claims())  # the export form is plain JSON
    store.dispose()


def test_batch_with_a_bad_file_stores_nothing(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"b\.txt: the document is empty"):
        analyse_source(str(folder), settings)
    store = open_store(settings)
    assert DocumentRepository(store).document_count() == 0
    store.dispose()


def test_folder_batch_is_stored(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    results = analyse_source(str(folder), settings, published="2017-09-20")
    assert [r.saved.created for r in results if r.saved] == [True, True]
    store = open_store(settings)
    assert DocumentRepository(store).document_count() == 2
    assert [c["stance"] for c in DocumentRepository(store).claims(state="QA")] == [
        "asserts_compliance"
    ]
    store.dispose()


def test_cli_analyse_json_and_claims(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "t.db"
    runner = CliRunner()
    res = runner.invoke(
        app, ["--db", str(db), "analyse", str(path), "--date", "2020-01-05", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload[0]["document"]["published"] == "2020-01-05"
    assert {c["subject_state"] for c in payload[0]["claims"]} == {"KW", "CN"}
    res = runner.invoke(app, ["--db", str(db), "claims", "--state", "CN", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [c["stance"] for c in json.loads(res.output)] == ["alleges_violation"]


def test_cli_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    runner = CliRunner()
    res = runner.invoke(app, ["--db", str(tmp_path / "t.db"), "analyse", str(path)])
    out = " ".join(res.output.split())  # the console may wrap long lines
    assert res.exit_code == 1
    assert "empty.txt: the document is empty" in out
    res = runner.invoke(
        app, ["--db", str(tmp_path / "t.db"), "analyse", str(path), "--date", "soon"]
    )
    assert res.exit_code == 1 and "expected YYYY" in " ".join(res.output.split())


def test_cli_analyse_several_files_stores_all_or_none(tmp_path: Path) -> None:
    a, b, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    empty.write_bytes(b"")
    db = tmp_path / "t.db"
    runner = CliRunner()
    # a bad file among good ones: one clear error, nothing stored
    res = runner.invoke(app, ["--db", str(db), "analyse", str(a), str(empty), str(b)])
    assert res.exit_code == 1 and "empty.txt" in " ".join(res.output.split())
    res = runner.invoke(app, ["--db", str(db), "claims", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output) == []
    # two good files: both analysed and stored in one call
    res = runner.invoke(
        app,
        ["--db", str(db), "analyse", str(a), str(b), "--date", "2020-01-05", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    assert [p["origin"].rsplit("/", 1)[-1] for p in json.loads(res.output)] == ["a.txt", "b.txt"]


def test_cli_analyse_says_when_a_text_has_no_claims(tmp_path: Path) -> None:
    path = tmp_path / "weather.txt"
    path.write_text("Snow fell on Ulaanbaatar on Monday, and schools stayed shut.\n")
    res = CliRunner().invoke(app, ["--db", str(tmp_path / "t.db"), "analyse", str(path)])
    assert res.exit_code == 0, res.output
    assert "no claims" in " ".join(res.output.split())
    assert "stance" not in res.output  # no empty table
