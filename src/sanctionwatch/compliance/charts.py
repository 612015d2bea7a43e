"""Charts drawn as inline SVG (for HTML and PDF) and as text bars (for Markdown).

No plotting library: a grouped bar chart is a few rectangles, and writing them out
keeps reports self-contained (no CDN, no fonts to fetch).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from sanctionwatch.compliance.indicators import Series, Surge

__all__ = ["Chart", "Mark", "chart_for", "svg_bars", "svg_timeline", "text_bars"]

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948")


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    unit: str
    periods: tuple[str, ...]
    groups: tuple[tuple[str, tuple[float | None, ...]], ...]  # (category, value per period)
    notes: tuple[str, ...] = ()  # surge labels


def chart_for(series: Sequence[Series], surges: Sequence[Surge] = ()) -> list[Chart]:
    """One chart per (indicator, state): categories side by side, one bar per period."""
    by_key: dict[tuple[str, str], list[Series]] = {}
    for s in series:
        by_key.setdefault((s.indicator, s.state), []).append(s)
    charts = []
    for (indicator, state), group in sorted(by_key.items()):
        periods = tuple(sorted({p.period for s in group for p in s.points}))
        rows = []
        for s in sorted(group, key=lambda s: s.category):
            values = {p.period: p.value for p in s.points}
            rows.append((s.category or indicator, tuple(values.get(p) for p in periods)))
        notes = tuple(x.label for x in surges if x.indicator == indicator and x.state == state)
        unit = next((s.unit for s in group if s.unit), indicator)
        charts.append(Chart(f"{state}: {indicator} by year", unit, periods, tuple(rows), notes))
    return charts


def svg_bars(chart: Chart, width: int = 560, height: int = 260) -> str:
    """A grouped bar chart as a standalone <svg> element."""
    left, right, top, bottom = 64, 16, 36, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _, vals in chart.groups for v in vals if v is not None]
    vmax = max(values) if values else 1.0
    vmax = vmax if vmax > 0 else 1.0
    n_periods = max(1, len(chart.periods))
    n_groups = max(1, len(chart.groups))
    slot = plot_w / n_periods
    bar_w = slot * 0.8 / n_groups
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="11" role="img" aria-label="{escape(chart.title)}">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="20" font-size="13" font-weight="bold">{escape(chart.title)}</text>',
    ]
    for i in range(5):  # grid and axis labels
        y = top + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            'stroke="#dddddd" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{vmax * i / 4:,.0f}</text>'
        )
    for pi, period in enumerate(chart.periods):
        x0 = left + slot * pi + slot * 0.1
        for gi, (category, vals) in enumerate(chart.groups):
            v = vals[pi]
            if v is None:
                continue
            h = plot_h * v / vmax
            x = x0 + bar_w * gi
            color = PALETTE[gi % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w * 0.92:.1f}" '
                f'height="{h:.1f}" fill="{color}"><title>{escape(category)} {period}: '
                f"{v:,.0f}</title></rect>"
            )
            parts.append(
                f'<text x="{x + bar_w * 0.46:.1f}" y="{top + plot_h - h - 3:.1f}" '
                f'text-anchor="middle" font-size="10">{v:,.0f}</text>'
            )
        parts.append(
            f'<text x="{left + slot * (pi + 0.5):.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle">{escape(period)}</text>'
        )
    for gi, (category, _) in enumerate(chart.groups):  # legend
        x = left + gi * 120
        y = height - 14
        color = PALETTE[gi % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}">{escape(category)} {escape(chart.unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def text_bars(chart: Chart, width: int = 40) -> str:
    """The same chart as lines of block characters, for Markdown and terminals."""
    values = [v for _, vals in chart.groups for v in vals if v is not None]
    vmax = max(values) if values else 1.0
    vmax = vmax if vmax > 0 else 1.0
    label_w = max((len(f"{c} {p}") for c, _ in chart.groups for p in chart.periods), default=8)
    lines = [f"{chart.title} ({chart.unit})"]
    for category, vals in chart.groups:
        for period, v in zip(chart.periods, vals, strict=True):
            if v is None:
                continue
            bar = "\u2588" * max(1, round(width * v / vmax)) if v > 0 else ""
            lines.append(f"{f'{category} {period}':<{label_w}} {bar} {v:,.0f}")
    return "\n".join(lines)


TONES = {"compliant": "#2e8b57", "noncompliant": "#c0392b", "neutral": "#999999"}
ROWS = ("deadline", "statement", "indicator", "designation")


@dataclass(frozen=True, slots=True)
class Mark:
    when: date
    row: str  # one of ROWS
    label: str
    tone: str = "neutral"


def svg_timeline(marks: Sequence[Mark], width: int = 640) -> str:
    """Events on a time axis: deadlines as lines, statements as dots coloured by which
    way they point, indicator periods as squares, designations as diamonds."""
    if not marks:
        return ""
    left, right, top, row_h = 90, 20, 24, 26
    height = top + row_h * len(ROWS) + 30
    lo = min(m.when for m in marks).toordinal() - 60
    hi = max(m.when for m in marks).toordinal() + 60
    span = max(1, hi - lo)

    def x(d: date) -> float:
        return left + (width - left - right) * (d.toordinal() - lo) / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" '
        'font-size="10" role="img" aria-label="timeline">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for i, row_name in enumerate(ROWS):
        y = top + row_h * i + row_h / 2
        parts.append(f'<text x="{left - 8}" y="{y + 3:.1f}" text-anchor="end">{row_name}s</text>')
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eeeeee"/>'
        )
    axis_y = top + row_h * len(ROWS) + 4
    first_year = date.fromordinal(lo).year
    last_year = date.fromordinal(hi).year
    for year in range(first_year, last_year + 1):
        d = date(year, 1, 1)
        if lo <= d.toordinal() <= hi:
            parts.append(
                f'<line x1="{x(d):.1f}" y1="{top}" x2="{x(d):.1f}" y2="{axis_y}" '
                'stroke="#dddddd" stroke-dasharray="2,3"/>'
            )
            parts.append(
                f'<text x="{x(d):.1f}" y="{axis_y + 12}" text-anchor="middle">{year}</text>'
            )
    for m in marks:
        row_no = ROWS.index(m.row) if m.row in ROWS else 1
        cx, cy = x(m.when), top + row_h * row_no + row_h / 2
        color = TONES.get(m.tone, TONES["neutral"])
        tip = f"<title>{escape(f'{m.when} {m.label}')}</title>"
        if m.row == "deadline":
            parts.append(
                f'<line x1="{cx:.1f}" y1="{top}" x2="{cx:.1f}" y2="{axis_y}" stroke="#d08a00" '
                f'stroke-width="2">{tip}</line>'
            )
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#d08a00">{tip}</circle>')
        elif m.row == "indicator":
            parts.append(
                f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" '
                f'fill="#4e79a7">{tip}</rect>'
            )
        elif m.row == "designation":
            parts.append(
                f'<polygon points="{cx:.1f},{cy - 6:.1f} {cx + 6:.1f},{cy:.1f} {cx:.1f},'
                f'{cy + 6:.1f} {cx - 6:.1f},{cy:.1f}" fill="#76b7b2">{tip}</polygon>'
            )
        else:
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{color}" '
                f'fill-opacity="0.8">{tip}</circle>'
            )
    parts.append("</svg>")
    return "".join(parts)
