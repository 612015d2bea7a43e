"""sanctionwatch on Apache Spark: screening and document analysis for data too big for
one machine, with the same scorer and the same analysis as the single-machine path.

>>> spark = spark_session("local[2]")
>>> names = spark.read.parquet("customers.parquet")
>>> screened = screen_dataframe(names, screener, columns=ColumnMap(name="full_name"))
>>> screened.write.parquet("screened.parquet")

Needs the optional extra ``sanctionwatch[spark]`` (pyspark, pyarrow, pandas) and Java.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sanctionwatch.screening.batch import ColumnMap
from sanctionwatch.spark.session import require_spark, spark_available, spark_session

if TYPE_CHECKING:
    from sanctionwatch.spark.files import SparkSummary

__all__ = [
    "ColumnMap",
    "DocumentColumns",
    "SparkSummary",
    "analyse_dataframe",
    "require_spark",
    "screen_dataframe",
    "screen_file",
    "spark_available",
    "spark_session",
]


def __getattr__(name: str) -> Any:
    """The pandas-based parts load on first use, so a clear error (not an ImportError)
    comes from :func:`require_spark` when the extra is not installed."""
    modules = {
        "DocumentColumns": "sanctionwatch.spark.rows",
        "analyse_dataframe": "sanctionwatch.spark.documents",
        "screen_dataframe": "sanctionwatch.spark.screening",
        "screen_file": "sanctionwatch.spark.files",
        "SparkSummary": "sanctionwatch.spark.files",
    }
    if name not in modules:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    require_spark()
    import importlib

    return getattr(importlib.import_module(modules[name]), name)
