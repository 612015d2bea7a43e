"""Mark up a document's text: claims, quotes, quantities, entities and references become
``<mark>`` elements, each linked to what it stands for (a list entry, an obligation).

Spans nest: a claim (a sentence) stays one element with the quantities and names inside
it as child marks. A span that crosses the end of the one it starts in is cut in two.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

from markupsafe import Markup

__all__ = ["KINDS", "Span", "to_html"]

KINDS = ("claim", "quote", "reference", "quantity", "entity")


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    href: str | None = None
    title: str | None = None


def _rank(span: Span) -> int:
    return KINDS.index(span.kind) if span.kind in KINDS else len(KINDS)


def _open(span: Span) -> str:
    title = f' title="{escape(span.title)}"' if span.title else ""
    mark = f'<mark class="{escape(span.kind)}"{title}>'
    if span.href:
        mark += f'<a href="{escape(span.href)}">'
    return mark


def _close(span: Span) -> str:
    return ("</a>" if span.href else "") + "</mark>"


def to_html(text: str, spans: Sequence[Span]) -> Markup:
    """The escaped text with properly nested marks. Spans outside the text or empty
    are ignored; links are never nested inside links (an inner span keeps its mark
    but not its link when an outer one already links)."""
    queue = [
        (s.start, -s.end, _rank(s), i, s)
        for i, s in enumerate(spans)
        if 0 <= s.start < s.end <= len(text)
    ]
    heapq.heapify(queue)
    counter = len(queue)
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(escape(text[pos : top.end]))
            pos = top.end
            out.append(_close(top))

    while queue:
        _, _, _, _, span = heapq.heappop(queue)
        close_until(span.start)
        if span.start < pos:  # starts inside text already written (cut remainder)
            span = replace(span, start=pos)
            if span.start >= span.end:
                continue
        out.append(escape(text[pos : span.start]))
        pos = span.start
        if stack and span.end > stack[-1].end:
            rest = replace(span, start=stack[-1].end)
            counter += 1
            heapq.heappush(queue, (rest.start, -rest.end, _rank(rest), counter, rest))
            span = replace(span, end=stack[-1].end)
        if any(s.href for s in stack):
            span = replace(span, href=None)
        out.append(_open(span))
        stack.append(span)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return Markup("".join(out))
