"""The per-batch work done on Spark executors, as plain pandas functions.

Spark hands each executor batches of rows as pandas DataFrames (``mapInPandas``); these
functions turn one batch of names into screening results and one batch of documents
into claims. They import nothing from pyspark, so the single-machine path and the
tests call exactly the same code as the cluster does.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Match, Query, Screener, parse_kind
from sanctionwatch.screening.batch import ColumnMap

__all__ = [
    "CLAIM_FIELDS",
    "SCREEN_FIELDS",
    "DocumentColumns",
    "analyse_frame",
    "match_dicts",
    "query_from",
    "screen_frame",
    "screen_values",
]

# (column, Spark SQL type): appended to every input row of a screening.
SCREEN_FIELDS: list[tuple[str, str]] = [
    ("status", "string"),
    ("error", "string"),
    ("match_count", "integer"),
    ("best_score", "double"),
    ("best_source", "string"),
    ("best_ref", "string"),
    ("best_name", "string"),
    ("matched_name", "string"),
    ("explanation", "string"),  # JSON: the best match's features
    ("matches", "string"),  # JSON: every match kept, best first, with its features
]

# (column, Spark SQL type): one output row per claim (after the document id column).
CLAIM_FIELDS: list[tuple[str, str]] = [
    ("document", "string"),  # sha256 of the text
    ("claim_index", "integer"),
    ("subject_state", "string"),
    ("obligation_id", "string"),
    ("stance", "string"),
    ("speaker", "string"),
    ("speaker_affiliation", "string"),
    ("evidence", "string"),
    ("start", "integer"),
    ("end", "integer"),
    ("confidence", "double"),
    ("claim", "string"),  # JSON: the whole claim (quantities, dates, references, cues)
    ("error", "string"),  # set, with every other claim field empty, when a document fails
]


def _text(value: Any) -> str | None:
    """A cell as text: None, NaN and blanks are None; dates become ISO dates."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _identifiers(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [i for i in value.replace(";", "|").split("|") if i.strip()]
    return [str(i) for i in value if i is not None and str(i).strip()]  # array column


def query_from(
    name: Any,
    kind: Any = None,
    birth_date: Any = None,
    country: Any = None,
    identifiers: Any = None,
) -> Query:
    """A :class:`Query` from one row's cells (raises InputError on bad values)."""
    return Query(
        _text(name) or "",
        kind=parse_kind(_text(kind)),
        birth_date=_text(birth_date),
        country=_text(country),
        identifiers=_identifiers(identifiers),
    )


def match_dicts(matches: Sequence[Match]) -> list[dict[str, Any]]:
    return [
        {
            "source": m.entity.source,
            "ref": m.entity.ref,
            "name": m.entity.primary_name,
            "kind": m.entity.kind.value,
            "matched_name": m.matched_name,
            "score": m.score,
            "explanation": [f.to_dict() for f in m.explanation],
        }
        for m in matches
    ]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def screen_values(
    screener: Screener,
    query: Query,
    *,
    limit: int,
    threshold: float,
) -> tuple[Any, ...]:
    """The :data:`SCREEN_FIELDS` values for one query that was built without error."""
    matches = screener.screen(query, limit=limit, threshold=threshold)
    if not matches:
        return ("ok", None, 0, None, None, None, None, None, None, "[]")
    top = matches[0]
    found = match_dicts(matches)
    return (
        "ok",
        None,
        len(matches),
        top.score,
        top.entity.source,
        top.entity.ref,
        top.entity.primary_name,
        top.matched_name,
        _json(found[0]["explanation"]),
        _json(found),
    )


def _column(frame: pd.DataFrame, name: str | None) -> list[Any]:
    if not name:
        return [None] * len(frame)
    return list(frame[name])


def screen_frame(
    frame: pd.DataFrame,
    screener: Screener,
    columns: ColumnMap,
    *,
    limit: int = 5,
    threshold: float | None = None,
) -> pd.DataFrame:
    """``frame`` with the :data:`SCREEN_FIELDS` columns added; a bad row gets
    ``status="error"`` and the reason, and the rest carry on."""
    cut = screener.threshold if threshold is None else threshold
    cells = zip(
        _column(frame, columns.name),
        _column(frame, columns.kind),
        _column(frame, columns.birth_date),
        _column(frame, columns.country),
        _column(frame, columns.identifier),
        strict=True,
    )
    results: list[tuple[Any, ...]] = []
    for name, kind, born, country, ident in cells:
        try:
            query = query_from(name, kind, born, country, ident)
        except InputError as exc:
            results.append(("error", exc.message, *([None] * 8)))
            continue
        results.append(screen_values(screener, query, limit=limit, threshold=cut))
    out = frame.copy()
    for i, (column, kind_) in enumerate(SCREEN_FIELDS):
        values = [r[i] for r in results]
        if kind_ == "integer":
            out[column] = pd.Series(values, index=frame.index, dtype="Int32")
        elif kind_ == "double":
            out[column] = pd.Series(values, index=frame.index, dtype="Float64")
        else:
            out[column] = pd.Series(values, index=frame.index, dtype="object")
    return out


class DocumentColumns:
    """Which input columns hold the document id, its text and optional metadata."""

    __slots__ = ("id", "outlet", "published", "text", "title", "url")

    def __init__(
        self,
        id: str = "id",
        text: str = "text",
        *,
        title: str | None = None,
        outlet: str | None = None,
        published: str | None = None,
        url: str | None = None,
    ) -> None:
        self.id = id
        self.text = text
        self.title = title
        self.outlet = outlet
        self.published = published
        self.url = url

    def used(self) -> list[str]:
        cols = [self.id, self.text, self.title, self.outlet, self.published, self.url]
        return [c for c in cols if c]


def _claim_rows(doc_id: Any, analysis: Any) -> list[tuple[Any, ...]]:
    rows = []
    for i, claim in enumerate(analysis.claims):
        rows.append(
            (
                doc_id,
                analysis.document.sha256,
                i,
                claim.subject_state,
                claim.obligation_id,
                claim.stance,
                claim.speaker,
                claim.speaker_affiliation,
                claim.evidence,
                claim.start,
                claim.end,
                float(claim.confidence),
                _json(claim.to_dict()),
                None,
            )
        )
    return rows


def analyse_frame(frame: pd.DataFrame, columns: DocumentColumns) -> pd.DataFrame:
    """One row per claim found in the documents of ``frame`` (id column first, then
    :data:`CLAIM_FIELDS`). A document that cannot be analysed (no text) gives one row
    with ``error`` set; a document without claims gives no row."""
    from sanctionwatch.documents import DocumentInput, analyse_many  # spaCy: only when used

    ids = _column(frame, columns.id)
    inputs: list[tuple[Any, DocumentInput]] = []
    rows: list[tuple[Any, ...]] = []
    for doc_id, text, title, outlet, published, url in zip(
        ids,
        _column(frame, columns.text),
        _column(frame, columns.title),
        _column(frame, columns.outlet),
        _column(frame, columns.published),
        _column(frame, columns.url),
        strict=True,
    ):
        if not isinstance(text, str) or not text.strip():
            rows.append((doc_id, *([None] * (len(CLAIM_FIELDS) - 1)), "the document has no text"))
            continue
        inputs.append(
            (doc_id, DocumentInput(text, _text(title), _text(outlet), _text(published), _text(url)))
        )
    if inputs:
        analyses = analyse_many([inp for _, inp in inputs])
        for (doc_id, _), analysis in zip(inputs, analyses, strict=True):
            rows.extend(_claim_rows(doc_id, analysis))
    names = [columns.id] + [c for c, _ in CLAIM_FIELDS]
    out = pd.DataFrame.from_records(rows, columns=names)
    for column, kind_ in CLAIM_FIELDS:
        if kind_ == "integer":
            out[column] = out[column].astype("Int32")
        elif kind_ == "double":
            out[column] = out[column].astype("Float64")
    return out
