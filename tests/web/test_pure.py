"""Pure helpers of the web layer: highlighting and the tile map."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.web.highlight import Span, to_html
from sanctionwatch.web.worldgrid import positions, tile_map_svg


def test_nested_marks_and_escaping() -> None:
    text = "Zakharova said <about 1,000> workers"
    claim = Span(0, len(text), "claim", href="/obligations/2397-OP8", title="2397-OP8")
    qty = Span(text.index("1,000"), text.index("1,000") + 5, "quantity")
    html = str(to_html(text, [qty, claim]))
    assert html.startswith('<mark class="claim" title="2397-OP8"><a href="/obligations/2397-OP8">')
    assert html.endswith("workers</a></mark>")
    assert html.count('<mark class="claim"') == 1
    assert '<mark class="quantity">1,000</mark>' in html
    assert "&lt;about" in html and "<about" not in html


def test_crossing_spans_are_cut() -> None:
    text = "abcdefghij"
    html = str(to_html(text, [Span(0, 5, "claim"), Span(3, 8, "entity", href="/x")]))
    assert html == (
        '<mark class="claim">abc<mark class="entity"><a href="/x">de</a></mark></mark>'
        '<mark class="entity"><a href="/x">fgh</a></mark>ij'
    )


@settings(deadline=None)  # no wall-clock limits in CI
@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(
            st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["claim", "entity", "quote"])
        )
    ),
)
def test_marks_nest_and_keep_the_text(text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [Span(a, b, k, href="/e" if k == "entity" else None) for a, b, k in raw]
    html = str(to_html(text, spans))
    tags = re.findall(r"</?(mark|a)\b[^>]*>", html)
    depth = 0
    for match in re.finditer(r"<(/?)mark\b", html):
        depth += -1 if match.group(1) else 1
        assert depth >= 0
    assert depth == 0
    assert len(tags) % 2 == 0
    depth = 0
    for match in re.finditer(r"<(/?)a\b", html):  # links never nest
        depth += -1 if match.group(1) else 1
        assert depth in (0, 1)
    plain = re.sub(r"<[^>]+>", "", html)
    assert unescape(plain) == text


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
