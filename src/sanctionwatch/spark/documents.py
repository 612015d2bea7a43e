"""Analysing a Spark DataFrame of documents into claims.

Each executor's Python worker loads the spaCy model and the knowledge base once and
analyses its batches with :func:`rows.analyse_frame`, which runs the same
``analyse_many`` as the single-machine path. The result has one row per claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

from sanctionwatch.errors import InputError
from sanctionwatch.spark.rows import CLAIM_FIELDS, DocumentColumns, analyse_frame

__all__ = ["analyse_dataframe"]


def analyse_dataframe(df: Any, columns: DocumentColumns | None = None) -> Any:
    """One row per claim: the document's id column, then :data:`rows.CLAIM_FIELDS`
    (document sha256, claim_index, subject_state, obligation_id, stance, speaker,
    speaker_affiliation, evidence, start, end, confidence, claim JSON, error)."""
    from pyspark.sql.types import StructType

    cols = columns or DocumentColumns()
    names = list(df.columns)
    missing = [c for c in cols.used() if c not in names]
    if missing:
        raise InputError(
            f"column(s) {', '.join(missing)} not found; the data has: {', '.join(names)}"
        )
    id_field = df.schema[cols.id]
    schema = StructType().add(cols.id, id_field.dataType, nullable=True)
    for name, kind in CLAIM_FIELDS:
        schema = schema.add(name, kind, nullable=True)
    wanted = df.select(*cols.used())

    def analyse(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            yield analyse_frame(batch, cols)

    return wanted.mapInPandas(analyse, schema)
