"""``screen_file`` on Spark: a CSV or Parquet file (or folder, or cluster URI) of names
in, the same rows with screening results out, written by Spark as CSV or Parquet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Screener
from sanctionwatch.screening.batch import ColumnMap
from sanctionwatch.settings import Settings
from sanctionwatch.spark.screening import screen_dataframe
from sanctionwatch.spark.session import spark_session

__all__ = ["FORMATS", "SparkSummary", "file_format", "read_table", "screen_file"]

FORMATS = ("csv", "parquet")
ORDER_COLUMN = "__sanctionwatch_row"


@dataclass(slots=True)
class SparkSummary:
    rows: int
    matched: int
    errors: int
    output: str


def file_format(path: str, given: str | None) -> str:
    """``given``, else the suffix: ``.csv`` or ``.parquet`` (a folder's name counts too)."""
    fmt = (given or Path(path.rstrip("/")).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError(f"{path}: cannot tell the format; name it .csv or .parquet or pass one")
    return fmt


def _location(path: str | Path) -> str:
    text = str(path)
    return text if "://" in text else str(Path(text).expanduser().resolve())


def read_table(spark: Any, path: str | Path, fmt: str | None = None, **csv: str) -> Any:
    """A DataFrame from CSV (header row, every column as text) or Parquet."""
    where = _location(path)
    kind = file_format(where, fmt)
    if "://" not in where and not Path(where).exists():
        raise InputError(f"{where}: no such file or folder")
    if kind == "parquet":
        return spark.read.parquet(where)
    return spark.read.options(header="true", inferSchema="false", **csv).csv(where)


def _screener(
    settings: Settings | None,
    lists: Sequence[Path] | None,
    sources: Sequence[str] | None,
    algorithm: str,
) -> Screener:
    from sanctionwatch.screening.loading import screener_from_files, screener_from_store

    if lists:
        return screener_from_files(list(lists), settings, algorithm)
    return screener_from_store(settings or Settings(), sources, algorithm)


def screen_file(
    src: str | Path,
    dst: str | Path,
    *,
    master: str | None = "local[*]",
    screener: Screener | None = None,
    settings: Settings | None = None,
    lists: Sequence[Path] | None = None,
    sources: Sequence[str] | None = None,
    algorithm: str = "sw-v1",
    columns: ColumnMap | None = None,
    limit: int = 5,
    threshold: float | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    encoding: str = "UTF-8",
    overwrite: bool = False,
    keep_order: bool = True,
    spark: Any = None,
) -> SparkSummary:
    """Screen every row of ``src`` on Spark and write input plus result columns to
    ``dst`` (a folder of part files, as Spark writes). The lists come from
    ``screener``, else ``lists`` files, else the store of ``settings``. ``master`` None
    uses the running session (spark-submit)."""
    out = _location(dst)
    out_fmt = file_format(out, output_format)
    if "://" not in out and Path(out).exists() and not overwrite:
        raise InputError(f"{out}: already exists; remove it or pass overwrite")
    session = spark if spark is not None else spark_session(master)
    charset = (
        "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8-sig", "utf8-sig") else encoding
    )
    df = read_table(session, src, input_format, encoding=charset)
    if ORDER_COLUMN in df.columns:
        raise InputError(f"the input has a column named {ORDER_COLUMN}")
    cols = columns or ColumnMap()
    chosen = screener or _screener(settings, lists, sources, algorithm)
    parallel = session.sparkContext.defaultParallelism
    spread = df.rdd.getNumPartitions() < parallel
    if keep_order:
        # Range-partition the cheap input by row number, so the partitions (and the
        # part files written from them) follow input order and the screened rows need
        # no sort afterwards (a sort would sample, so screen, the rows twice).
        from pyspark.sql import functions as F

        df = df.withColumn(ORDER_COLUMN, F.monotonically_increasing_id())
        count = max(df.rdd.getNumPartitions(), parallel * 2 if spread else 0)
        df = df.repartitionByRange(count, ORDER_COLUMN).sortWithinPartitions(ORDER_COLUMN)
    elif spread:
        df = df.repartition(parallel * 2)
    result = screen_dataframe(df, chosen, columns=cols, limit=limit, threshold=threshold)
    if keep_order:
        result = result.drop(ORDER_COLUMN)
    writer = result.write.mode("overwrite" if overwrite else "errorifexists")
    if out_fmt == "parquet":
        writer.parquet(out)
    else:
        writer.options(header="true", encoding="UTF-8").csv(out)
    return _summary(session, out, out_fmt)


def _summary(session: Any, out: str, fmt: str) -> SparkSummary:
    from pyspark.sql import functions as F

    written = read_table(session, out, fmt)
    row = written.agg(
        F.count(F.lit(1)).alias("rows"),
        F.sum(F.when(F.col("status") == "error", 1).otherwise(0)).alias("errors"),
        F.sum(F.when(F.col("match_count").cast("int") > 0, 1).otherwise(0)).alias("matched"),
    ).first()
    return SparkSummary(int(row["rows"]), int(row["matched"] or 0), int(row["errors"] or 0), out)
