"""Spark document analysis gives exactly the claims the single-machine analyse_text
gives, on the real development articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.documents import analyse_text
from sanctionwatch.errors import InputError
from tests.conftest import shared_file

pd = pytest.importorskip("pandas")
pytest.importorskip("pyspark")


def _articles() -> list[dict[str, str | None]]:
    folder: Path = shared_file("articles/dev")
    rows: list[dict[str, str | None]] = []
    for path in sorted(folder.glob("[0-9][0-9][0-9].txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        rows.append(
            {
                "id": path.stem,
                "text": body,
                "title": meta.get("title"),
                "outlet": meta.get("outlet"),
                "published": (meta.get("date") or "")[:10] or None,
            }
        )
    return rows


def test_spark_claims_equal_analyse_text(spark: Any) -> None:
    from sanctionwatch.spark import DocumentColumns, analyse_dataframe

    articles = _articles()
    assert len(articles) >= 10
    rows = [
        *articles,
        {"id": "empty", "text": "  ", "title": None, "outlet": None, "published": None},
    ]
    df = spark.createDataFrame(
        pd.DataFrame(rows), "id string, text string, title string, outlet string, published string"
    ).repartition(2)
    cols = DocumentColumns("id", "text", title="title", outlet="outlet", published="published")
    got = [r.asDict() for r in analyse_dataframe(df, cols).collect()]
    errors = [r for r in got if r["error"]]
    assert [(r["id"], r["error"]) for r in errors] == [("empty", "the document has no text")]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in got:
        if not r["error"]:
            by_doc.setdefault(r["id"], []).append(r)
    total = 0
    for art in articles:
        single = analyse_text(
            str(art["text"]), title=art["title"], outlet=art["outlet"], published=art["published"]
        )
        want = [json.loads(json.dumps(c.to_dict(), default=str)) for c in single.claims]
        mine = sorted(by_doc.get(str(art["id"]), []), key=lambda r: r["claim_index"])
        assert [json.loads(r["claim"]) for r in mine] == want, art["id"]
        for r, c in zip(mine, single.claims, strict=True):
            assert (r["subject_state"], r["stance"], r["obligation_id"]) == (
                c.subject_state,
                c.stance,
                c.obligation_id,
            )
            assert r["document"] == single.document.sha256
        total += len(want)
    assert total > 20  # the development set has well over a hundred annotated claims
    # Real behaviour: article 001 is Russia's labour minister promising compliance.
    assert any(r["subject_state"] == "RU" for r in by_doc["001"])


def test_missing_text_column_is_named(spark: Any) -> None:
    from sanctionwatch.spark import DocumentColumns, analyse_dataframe

    df = spark.createDataFrame([("1", "x")], "id string, body string")
    with pytest.raises(InputError, match=r"text.*not found.*id, body"):
        analyse_dataframe(df, DocumentColumns())
