"""The evaluation script on the shared development articles: it runs, and the scores stay
above floors well below the figures recorded in bench/RESULTS.md (a regression guard)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO


def bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "documents_eval", REPO / "bench" / "documents_eval.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["documents_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_gold_obligation_labels_are_normalised() -> None:
    b = bench_module()
    assert b.gold_obligations("UNSCR 2397 OP8 worker repatriation") == [(2397, "OP8")]
    assert b.gold_obligations("UNSCR 2371 coal export ban") == [(2371, None)]
    assert b.gold_obligations("UNSCR 2397 OP5 cap; UNSCR 2375 OP11 transfers") == [
        (2397, "OP5"),
        (2375, "OP11"),
    ]
    assert b.gold_obligations("UNSC DPRK sanctions (general)") == [None]
    assert b.gold_obligations("JCPOA enriched uranium stockpile limit") == [(2231, None)]
    # only numbers the label calls resolutions; years and other instruments are not
    assert b.gold_obligations("EU Regulation 833/2014 import ban") == [None]
    assert b.gold_obligations("US designations (E.O. 13722)") == [None]
    assert b.gold_obligations("visas (pre-UNSCR 2397)") == [None]
    assert b.gold_obligations("UNSCR 1718 / 1874 arms embargo") == [(1718, None), (1874, None)]
    assert b.gold_obligations("UNSC sanctions resolution (2375)") == [(2375, None)]
    assert b.gold_obligations("UNSC 1718 Committee reporting") == [(1718, None)]
    # predictions go through the same reading
    assert b.pred_obligation({"obligation_id": "2397-OP8"}) == (2397, "OP8")
    assert b.pred_obligation({"obligation_label": "UNSCR 2321"}) == (2321, None)
    assert b.pred_obligation({"obligation_label": "designations since 2017"}) is None
    assert b.obligation_ok([(2371, None)], (2371, "OP8"))
    assert not b.obligation_ok([(2397, "OP8")], (2397, "OP5"))
    assert not b.obligation_ok([None], (2397, "OP8"))


def test_gold_error_notes_are_read_by_kind() -> None:
    b = bench_module()
    number = (
        "Resolution number given as 2379; the December 2017 resolution requiring "
        "repatriation is UNSCR 2397."
    )
    assert b.gold_errors([number]) == [("resolution_number", 2379)]
    # a date said wrong for a right number, even where the note names the other resolution
    said = (
        "Resolution 2371 is said to have been adopted 'in September 2017'; it was adopted "
        "on 5 August 2017 (September 2017 is UNSCR 2375)."
    )
    assert b.gold_errors([said]) == [("resolution_date", 2371)]
    assert b.gold_errors(["Deadline stated loosely as 'the end of 2019'"]) == [("deadline", None)]
    year = (
        "'Resolution 1970, adopted in February 2012' - it was adopted on 26 February 2011 "
        "(wrong year)."
    )
    assert b.gold_errors([year]) == [("resolution_date", 1970)]
    within = (
        "'by December 22, 2020' - UNSCR 2397 OP8 required repatriation within 24 months of "
        "adoption, i.e. by 22 December 2019 (wrong year)."
    )
    assert b.gold_errors([within]) == [("deadline", None)]


def test_scores_on_the_dev_articles(
    shared_data: Path, kb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_data / "articles" / "dev"
    if not (folder / "annotations.jsonl").exists():
        pytest.skip("dev articles missing")
    b = bench_module()
    assert b.main(["--articles", str(folder), "--repeat", "0", "--no-pin", "--no-reference"]) == 0
    out = capsys.readouterr().out
    scores = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] in ("full", "state+stance", "quantities"):
            scores[parts[0]] = float(parts[-1] if parts[0] != "quantities" else parts[4])
    assert scores["state+stance"] >= 0.55, out
    assert scores["full"] >= 0.35, out
    assert scores["quantities"] >= 0.7, out


def test_half_split_and_error_listing(
    shared_data: Path, kb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_data / "articles" / "dev"
    if not (folder / "annotations.jsonl").exists():
        pytest.skip("dev articles missing")
    ids = sorted(p.stem for p in folder.glob("*.txt") if p.stem.isdigit())
    odd = [i for i in ids if int(i) % 2]
    b = bench_module()
    argv = ["--articles", str(folder), "--repeat", "0", "--no-pin", "--no-reference"]
    assert b.main([*argv, "--half", "odd", "--show"]) == 0
    out = capsys.readouterr().out
    assert f"articles: {len(odd)} " in out
    listed = {line.split()[1] for line in out.splitlines() if line.startswith("  ") and
              line.split()[0] in ("MISS", "FP", "OBL", "QMISS", "QFP")}  # fmt: skip
    assert listed <= set(odd), listed


def test_gold_quantity_values_in_words_or_none() -> None:
    b = bench_module()
    assert b.quantity_value(3) == 3.0
    assert b.quantity_value("1,200") == 1200.0
    assert b.quantity_value("twelve") == 12.0
    # a value that names no number is left out of the scoring, not a crash
    assert b.quantity_value("dozens") is None
    assert b.quantity_value(None) is None


def test_a_messy_annotation_file_is_scored_not_a_crash(
    tmp_path: Path, kb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "900.txt").write_text(
        "title: t\ndate: 2020-01-10\n---\nRussia said it had complied with resolution 2397 "
        "and sent all North Korean workers home.\n",
        encoding="utf-8",
    )
    messy = {
        "id": "900",
        "claims": [
            {"subject_state": "RU", "obligation": "UNSCR 2397 OP8", "evidence_sentence": "x"},
            "not a claim",
            {
                "subject_state": "RU",
                "stance": "asserts_compliance",
                "obligation": "UNSCR 2397 OP8",
                "quantities": [{"value": "dozens"}, {"value": "some", "unit": "workers"}],
                "evidence_sentence": "Russia said it had complied",
            },
        ],
        "factual_errors": [{"description": "deadline given as 23 December"}, 7],
    }
    (tmp_path / "annotations.jsonl").write_text(json.dumps(messy) + "\n", encoding="utf-8")
    b = bench_module()
    (art,) = b.read_articles(tmp_path)
    assert [c["stance"] for c in art.gold["claims"]] == ["", "asserts_compliance"]
    assert art.gold["claims"][1]["quantities"] == [{"value": "some", "unit": "workers"}]
    assert art.gold["factual_errors"] == ["deadline given as 23 December", "7"]
    assert b.main(["--articles", str(tmp_path), "--repeat", "0", "--no-pin", "--no-reference"]) == 0
    assert "claims (micro)" in capsys.readouterr().out
