"""Spark screening gives exactly the single-machine results on real names and the real
UN list: the same rows, statuses, scores, matched entries and explanations."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Screener
from sanctionwatch.screening.batch import ColumnMap
from sanctionwatch.screening.batch import screen_file as batch_screen_file

pd = pytest.importorskip("pandas")
pytest.importorskip("pyspark")

COLS = ColumnMap(name="full_name", kind="kind", birth_date="date_of_birth", country="nationality")


def _normal(text: str | None) -> Any:
    return json.loads(text) if text else None


def _single_machine(screener: Screener, src: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    out = tmp_path / "single.csv"
    batch_screen_file(screener, src, out, columns=COLS, workers=1)
    with out.open(encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def _assert_same(got: dict[str, Any], want: dict[str, str]) -> None:
    """One Spark row against the CSV batch path's row for the same input."""
    assert got["status"] == want["status"], got["id"]
    if want["status"] == "error":
        assert got["error"] and got["error"] in want["error"]
        return
    assert str(int(got["match_count"])) == want["match_count"]
    if want["match_count"] == "0":
        assert got["best_score"] is None and _normal(got["matches"]) == []
        return
    assert f"{got['best_score']:.4f}" == want["best_score"]
    for column in ("best_source", "best_ref", "best_name", "matched_name"):
        assert got[column] == want[column], (got["id"], column)
    keys = " | ".join(f"{m['source']}:{m['ref']}={m['score']:.3f}" for m in _normal(got["matches"]))
    assert keys == want["matches"]
    details = " | ".join(f"{f['name']}: {f['detail']}" for f in _normal(got["explanation"]))
    assert details == want["explanation"]


def test_spark_equals_single_machine(
    spark: Any,
    un_screener: Screener,
    query_rows: list[dict[str, str]],
    query_csv: Path,
    tmp_path: Path,
) -> None:
    from sanctionwatch.spark import screen_dataframe
    from sanctionwatch.spark.rows import match_dicts, query_from

    df = spark.createDataFrame(pd.DataFrame(query_rows)).repartition(3)
    screened = screen_dataframe(df, un_screener, columns=COLS, limit=5)
    got = {r["id"]: r.asDict() for r in screened.collect()}
    assert sorted(got) == sorted(r["id"] for r in query_rows)
    want = _single_machine(un_screener, query_csv, tmp_path)
    for row_id, row in got.items():
        _assert_same(row, want[row_id])
    # The full match lists, features included, equal a direct Screener.screen call.
    for q in query_rows[:60]:
        if got[q["id"]]["status"] != "ok":
            continue
        query = query_from(q["full_name"], q["kind"], q["date_of_birth"], q["nationality"])
        direct = json.loads(json.dumps(match_dicts(un_screener.screen(query, limit=5))))
        assert _normal(got[q["id"]]["matches"]) == direct
    # Real behaviour: UN persons (typos included) are found on the UN list, the
    # synthetic persons mostly are not, and each bad row says what is wrong.
    positives = [r for k, r in got.items() if k.startswith("pos")]
    found = [r for r in positives if r["match_count"] and r["best_source"] == "un"]
    assert len(found) >= 0.8 * len(positives)
    negatives = [r for k, r in got.items() if k.startswith("neg")]
    assert sum(1 for r in negatives if r["match_count"]) <= 0.2 * len(negatives)
    assert "empty" in got["bad1"]["error"]
    assert "birth date" in got["bad2"]["error"]
    assert "unknown kind" in got["bad3"]["error"]
    assert "characters long" in got["bad4"]["error"]


def test_screen_file_csv_to_parquet_and_back(
    spark: Any,
    un_screener: Screener,
    query_rows: list[dict[str, str]],
    query_csv: Path,
    tmp_path: Path,
) -> None:
    from sanctionwatch.spark import screen_file

    want = _single_machine(un_screener, query_csv, tmp_path)
    out = tmp_path / "out.parquet"
    summary = screen_file(query_csv, out, spark=spark, screener=un_screener, columns=COLS)
    table = pd.read_parquet(out)
    assert list(table["id"]) == [r["id"] for r in query_rows]  # input order kept
    assert list(table.columns)[:5] == ["id", "full_name", "date_of_birth", "nationality", "kind"]
    for record in table.to_dict("records"):
        record = {k: (None if pd.isna(v) else v) for k, v in record.items()}
        _assert_same(record, want[record["id"]])
    assert summary.rows == len(query_rows)
    assert summary.errors == sum(1 for r in want.values() if r["status"] == "error") >= 4
    assert summary.matched == sum(1 for r in want.values() if r["match_count"] not in ("", "0"))

    # Parquet in, CSV out.
    back = tmp_path / "back.csv"
    again = screen_file(
        out.parent / "in.parquet" if False else _parquet(query_rows, tmp_path),
        back,
        spark=spark,
        screener=un_screener,
        columns=COLS,
    )
    parts = sorted(back.glob("part-*.csv"))
    assert parts
    rows: list[dict[str, str]] = []
    for part in parts:
        with part.open(encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [r["id"] for r in query_rows]
    assert [r["best_ref"] for r in rows] == [want[r["id"]]["best_ref"] for r in rows]
    assert again.rows == summary.rows and again.matched == summary.matched


def _parquet(rows: list[dict[str, str]], tmp_path: Path) -> Path:
    path = tmp_path / "in.parquet"
    pd.DataFrame(rows).to_parquet(path, index=False)
    return path


def test_bad_input_is_named(
    spark: Any, un_screener: Screener, query_csv: Path, tmp_path: Path
) -> None:
    from sanctionwatch.spark import screen_dataframe, screen_file

    df = spark.createDataFrame([("1", "Kim Jong Un")], "id string, nom string")
    with pytest.raises(InputError, match=r"full_name.*not found.*id, nom"):
        screen_dataframe(df, un_screener, columns=COLS)
    clash = spark.createDataFrame([("Kim Jong Un", "x")], "name string, status string")
    with pytest.raises(InputError, match="status"):
        screen_dataframe(clash, un_screener)
    with pytest.raises(InputError, match="no such file"):
        screen_file(
            tmp_path / "absent.csv", tmp_path / "o.parquet", spark=spark, screener=un_screener
        )
    with pytest.raises(InputError, match="format"):
        screen_file(query_csv, tmp_path / "out.txt", spark=spark, screener=un_screener)
    (tmp_path / "taken.parquet").mkdir()
    with pytest.raises(InputError, match="already exists"):
        screen_file(query_csv, tmp_path / "taken.parquet", spark=spark, screener=un_screener)
