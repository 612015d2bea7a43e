"""Metadata headers at the top of text files (``key: value`` lines closed by ``---``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.documents.header import split_header
from sanctionwatch.documents.ingest import read_path
from sanctionwatch.documents.service import analyse_source
from sanctionwatch.settings import Settings

BODY = (
    "Mongolia said on Tuesday it had sent home the last North Korean workers, in line with "
    "the UN Security Council resolution that ordered all states to repatriate them by "
    "December 22, 2019."
)


def test_key_value_block_closed_by_a_rule() -> None:
    text = "title: Workers sent home\noutlet: The Daily\ndate: 2019-02-05 (from URL)\n---\n" + BODY
    h = split_header(text)
    assert h is not None
    assert text[h.body_start :] == BODY
    assert (h.get("title"), h.get("outlet"), h.date, h.date_inferred) == (
        "Workers sent home",
        "The Daily",
        "2019-02-05",
        False,
    )


def test_front_matter_and_inferred_partial_date() -> None:
    text = "---\ntitle: 'Workers'\ndate: 2018-08 (inferred from the text)\n---\n" + BODY
    h = split_header(text)
    assert h is not None and text[h.body_start :] == BODY
    assert (h.date, h.date_inferred) == ("2018-08", True)


def test_texts_without_a_header() -> None:
    assert split_header(BODY) is None
    # a dateline with a colon is prose, not a header; no rule closes it
    assert split_header("WASHINGTON: Officials said on Monday ...\n" + BODY) is None
    # key lines but no known key
    assert split_header("colour: red\nshape: round\n---\n" + BODY) is None
    # one line only
    assert split_header("title: Workers\n---\n" + BODY) is None
    # prose before the rule
    assert split_header("title: Workers\nSome prose here.\n---\n" + BODY) is None


@given(st.text(max_size=300))
def test_split_header_never_fails_and_stays_in_the_text(text: str) -> None:
    h = split_header(text)
    assert h is None or 0 < h.body_start <= len(text)


def test_read_path_uses_the_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "title: Workers sent home\nurl: https://example.org/a\noutlet: The Daily\n"
        "date: 2019-12\nlanguage: en\n---\n" + BODY,
        encoding="utf-8",
    )
    raw = read_path(path)
    assert raw.text == BODY
    assert (raw.title, raw.url, raw.outlet, raw.date_hint) == (
        "Workers sent home",
        "https://example.org/a",
        "The Daily",
        "2019-12",
    )


def test_analyse_source_takes_the_header_date_unless_one_is_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: W\noutlet: The Daily\ndate: 2020-01-16\n---\n" + BODY, "utf-8")
    settings = Settings(home=tmp_path / "home")
    [res] = analyse_source(str(path), settings, store=False)
    meta = res.analysis.document
    assert (meta.published, meta.published_source, meta.outlet) == (
        date(2020, 1, 16),
        "header",
        "The Daily",
    )
    [res] = analyse_source(str(path), settings, store=False, published="2020-02-01")
    assert (res.analysis.document.published, res.analysis.document.published_source) == (
        date(2020, 2, 1),
        "given",
    )
    path.write_text("title: W\noutlet: The Daily\ndate: 2019 (inferred)\n---\n" + BODY, "utf-8")
    [res] = analyse_source(str(path), settings, store=False)
    meta = res.analysis.document
    assert (meta.published, meta.published_inferred) == (date(2019, 1, 1), True)
