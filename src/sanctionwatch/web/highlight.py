"""Mark up a document's text: claims, quotes, quantities, entities and references become
``<mark>`` elements, each linked to what it stands for (a list entry, an obligation).

:func:`segments` is pure: it cuts the text at every span boundary. :func:`to_html`
escapes the text and nests the marks (longer spans outside, shorter inside).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

__all__ = ["Span", "segments", "to_html"]

KINDS = ("claim", "quote", "reference", "quantity", "entity")


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    href: str | None = None
    title: str | None = None


def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, tuple[Span, ...]]]:
    """The text cut at every span boundary, each piece with the spans covering it
    (outermost first). Spans outside the text or empty are ignored."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[tuple[str, tuple[Span, ...]]] = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in valid if s.start <= a and b <= s.end]
        covering.sort(
            key=lambda s: (-(s.end - s.start), KINDS.index(s.kind) if s.kind in KINDS else 9)
        )
        out.append((text[a:b], tuple(covering)))
    return out


def _open(span: Span) -> str:
    title = f' title="{escape(span.title)}"' if span.title else ""
    mark = f'<mark class="{escape(span.kind)}"{title}>'
    if span.href:
        mark += f'<a href="{escape(span.href)}">'
    return mark


def _close(span: Span) -> str:
    return ("</a>" if span.href else "") + "</mark>"


def to_html(text: str, spans: Sequence[Span]) -> Markup:
    parts: list[str] = []
    for piece, covering in segments(text, spans):
        parts.extend(_open(s) for s in covering)
        parts.append(escape(piece))
        parts.extend(_close(s) for s in reversed(covering))
    return Markup("".join(parts))
