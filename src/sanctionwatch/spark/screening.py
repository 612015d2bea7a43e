"""Screening a Spark DataFrame of names with the single-machine scorer.

The screening index is built once on the driver, pickled, and broadcast: every
executor's Python worker unpickles it once and keeps it for all the batches it
screens. The rows are screened in ``mapInPandas`` by :func:`rows.screen_frame`, the
same function the single-machine path calls, so both give identical results.
"""

from __future__ import annotations

import gc
import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import pandas as pd

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Screener
from sanctionwatch.screening.batch import ColumnMap
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.screener import INDEX_FORMAT
from sanctionwatch.spark.rows import SCREEN_FIELDS, screen_frame

__all__ = ["screen_dataframe"]

# Screeners unpickled in this (executor) process, by broadcast key.
_LOADED: dict[str, Screener] = {}


def _unpickle(key: str, payload: bytes, algorithm: str) -> Screener:
    found = _LOADED.get(key)
    if found is not None:
        return found
    enabled = gc.isenabled()
    gc.disable()  # many small long-lived objects: collecting while loading is wasted
    try:
        version, index = pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()
    if version != INDEX_FORMAT or not isinstance(index, ScreeningIndex):
        raise InputError("the broadcast screening index is of another format")
    _LOADED.clear()  # one index per worker at a time
    _LOADED[key] = Screener(index, algorithm)
    return _LOADED[key]


def _check_columns(schema_names: list[str], columns: ColumnMap) -> None:
    missing = [c for c in columns.used() if c not in schema_names]
    if missing:
        raise InputError(
            f"column(s) {', '.join(missing)} not found; the data has: "
            f"{', '.join(schema_names) or '(none)'}"
        )
    clash = [c for c, _ in SCREEN_FIELDS if c in schema_names]
    if clash:
        raise InputError(
            f"the input already has result column(s) {', '.join(clash)}; rename them first"
        )


def screen_dataframe(
    df: Any,
    screener: Screener,
    *,
    columns: ColumnMap | None = None,
    limit: int = 5,
    threshold: float | None = None,
) -> Any:
    """A DataFrame with every input column and the screening result columns
    (:data:`rows.SCREEN_FIELDS`: status, error, match_count, best_score, best_source,
    best_ref, best_name, matched_name, explanation JSON, matches JSON).

    Lazy, like any Spark transformation: nothing runs until the result is written or
    collected. ``screener`` is broadcast to the executors.
    """
    from pyspark.sql.types import StructType

    if limit < 1:
        raise InputError("limit must be at least 1")
    cols = columns or ColumnMap()
    _check_columns(list(df.columns), cols)
    cut = screener.threshold if threshold is None else threshold
    key = uuid.uuid4().hex
    payload = pickle.dumps((INDEX_FORMAT, screener.index), protocol=pickle.HIGHEST_PROTOCOL)
    shared = df.sparkSession.sparkContext.broadcast(payload)
    algorithm = screener.algorithm.name

    def screen(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        local: Screener | None = _LOADED.get(key)
        for batch in batches:
            if local is None:
                local = _unpickle(key, shared.value, algorithm)
            yield screen_frame(batch, local, cols, limit=limit, threshold=cut)

    schema = StructType.fromJson(df.schema.jsonValue())
    for name, kind in SCREEN_FIELDS:
        schema = schema.add(name, kind, nullable=True)
    return df.mapInPandas(screen, schema)
