"""`sanctionwatch screen-file --engine spark`: the same rows as the local engine."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from sanctionwatch.cli import app
from tests.conftest import shared_file

runner = CliRunner()


def test_screen_file_on_spark_matches_the_local_engine(spark: Any, tmp_path: Path) -> None:
    un = shared_file("lists/un/consolidated_2026-02-27.xml")
    people = shared_file("evaluation/yente_positives_un_treated.csv")
    src = tmp_path / "in.csv"
    with people.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8", newline="") as out:
        rows = list(csv.DictReader(fh))[:40]
        writer = csv.writer(out)
        writer.writerow(["id", "name"])
        writer.writerows([[f"q{i}", r["full_name"]] for i, r in enumerate(rows)])
    common = ["--list", str(un), "--workers", "1"]
    local = runner.invoke(app, ["screen-file", str(src), "-o", str(tmp_path / "l.csv"), *common])
    assert local.exit_code == 0, local.output
    spark_args = ["--engine", "spark", "--master", "local[2]"]
    on_spark = runner.invoke(
        app, ["screen-file", str(src), "-o", str(tmp_path / "s.parquet"), *common, *spark_args]
    )
    assert on_spark.exit_code == 0, on_spark.output
    with (tmp_path / "l.csv").open(encoding="utf-8") as fh:
        expected = {r["id"]: (r["best_ref"], r["best_score"]) for r in csv.DictReader(fh)}
    frame = spark.read.parquet(str(tmp_path / "s.parquet")).toPandas()
    got = {r.id: (r.best_ref or "", _score(r.best_score)) for r in frame.itertuples()}
    assert len(got) == 40
    assert got == expected
    assert sum(1 for ref, _ in got.values() if ref) >= 30  # real UN people are found


def _score(value: Any) -> str:
    """Parquet keeps the float; the CSV writes it with four decimals; no match is empty."""
    if value is None or value != value or value == "":
        return ""
    return f"{float(value):.4f}"


def test_unknown_engine_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name\nKim Jong Un\n", encoding="utf-8")
    result = runner.invoke(
        app, ["screen-file", str(src), "-o", str(tmp_path / "o.csv"), "--engine", "dask"]
    )
    assert result.exit_code == 1
    assert "unknown engine 'dask'" in result.output
