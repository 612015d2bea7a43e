"""Pure helpers of the web layer: highlighting and the tile map."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.web.highlight import Span, segments, to_html
from sanctionwatch.web.worldgrid import positions, tile_map_svg


def test_nested_marks_and_escaping() -> None:
    text = "Zakharova said <about 1,000> workers"
    claim = Span(0, len(text), "claim", href="/obligations/2397-OP8", title="2397-OP8")
    qty = Span(text.index("1,000"), text.index("1,000") + 5, "quantity")
    html = str(to_html(text, [qty, claim]))
    assert html.startswith('<mark class="claim" title="2397-OP8"><a href="/obligations/2397-OP8">')
    assert '<mark class="quantity">1,000</mark>' in html
    assert "&lt;about" in html and "<about" not in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["claim", "entity"]))
    ),
)
def test_segments_cover_text_exactly(text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [Span(a, b, k) for a, b, k in raw]
    pieces = segments(text, spans)
    assert "".join(p for p, _ in pieces) == text
    pos = 0
    for piece, covering in pieces:
        for span in covering:
            assert span.start <= pos and pos + len(piece) <= span.end
        pos += len(piece)


def test_tile_map_places_each_state_once() -> None:
    grid = positions()
    assert len(set(grid.values())) == len(grid)
    for iso in ("RU", "CN", "KP", "KR", "US", "GB", "FR", "ZA", "BR", "AU", "IN"):
        assert iso in grid
    svg = tile_map_svg({"ru": "disputed", "CN": "reported non-compliance"})
    assert svg.count("<rect") == len(grid)
    assert 'data-iso="RU"' in svg
    ru = svg[svg.index('data-iso="RU"') :]
    assert 'data-status="disputed"' in ru[: ru.index("</a>")]
    assert "Russia: disputed" in svg
