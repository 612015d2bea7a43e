"""One local[2] SparkSession for the whole test session, the real UN list as the
screening index, and a few hundred real query rows from the evaluation files.

Every test here skips cleanly where pyspark, pyarrow, pandas or java is missing."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.screening import Screener
from sanctionwatch.spark.session import spark_available
from tests.conftest import shared_file

UN_LIST = "lists/un/consolidated_2026-02-27.xml"
COLUMNS = ["id", "full_name", "date_of_birth", "nationality", "kind"]


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if not spark_available():
        pytest.skip("pyspark, pyarrow, pandas or java is not available")
    from sanctionwatch.spark import spark_session

    session = spark_session(
        "local[2]",
        app_name="sanctionwatch-tests",
        conf={
            "spark.sql.shuffle.partitions": "4",
            "spark.default.parallelism": "2",
            "spark.driver.memory": "1g",
            "spark.sql.execution.arrow.maxRecordsPerBatch": "64",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def un_screener() -> Screener:
    from sanctionwatch.screening.loading import screener_from_files

    return screener_from_files([shared_file(UN_LIST)])


def _rows(relative: str, count: int, prefix: str) -> list[dict[str, str]]:
    with shared_file(relative).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[:count]
    return [
        {
            "id": f"{prefix}{i:04d}",
            "full_name": r["full_name"],
            "date_of_birth": r["date_of_birth"],
            "nationality": r["nationality"],
            "kind": "person",
        }
        for i, r in enumerate(rows)
    ]


@pytest.fixture(scope="session")
def query_rows() -> list[dict[str, str]]:
    """150 UN persons with typos and reordering (should match), 150 synthetic persons
    and 50 US Congress members (should mostly not), and four rows that are errors."""
    rows = _rows("evaluation/yente_positives_un_treated.csv", 150, "pos")
    rows += _rows("evaluation/yente_validation_negatives_global.csv", 150, "neg")
    rows += _rows("evaluation/yente_positives_us_congress_untreated.csv", 50, "usc")
    rows += [
        {"id": "bad1", "full_name": "", "date_of_birth": "", "nationality": "", "kind": ""},
        {
            "id": "bad2",
            "full_name": "Kim Jong Un",
            "date_of_birth": "soon",
            "nationality": "",
            "kind": "",
        },
        {
            "id": "bad3",
            "full_name": "Ri Je Son",
            "date_of_birth": "",
            "nationality": "",
            "kind": "planet",
        },
        {"id": "bad4", "full_name": "x" * 900, "date_of_birth": "", "nationality": "", "kind": ""},
    ]
    return rows


@pytest.fixture(scope="session")
def query_csv(tmp_path_factory: pytest.TempPathFactory, query_rows: list[dict[str, str]]) -> Path:
    path = tmp_path_factory.mktemp("queries") / "queries.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(query_rows)
    return path
