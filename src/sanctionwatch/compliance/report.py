"""An analyst's brief for one (state, obligation): status and reasons, timeline,
indicator charts, contradictions, and every statement cited to its document and sentence.

:func:`build_brief` gathers everything into a :class:`Brief` (pure); the renderers turn
it into Markdown or self-contained HTML (templates in ``templates/``, charts as inline
SVG). PDF lives in ``pdf.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from sanctionwatch.compliance.charts import (
    Chart,
    Mark,
    chart_for,
    svg_bars,
    svg_timeline,
    text_bars,
)
from sanctionwatch.compliance.contradictions import Contradiction
from sanctionwatch.compliance.designations import DesignationLink
from sanctionwatch.compliance.indicators import Series, Surge
from sanctionwatch.compliance.model import Assessment, Evidence

__all__ = ["Brief", "Citation", "TimelineEntry", "build_brief", "render_html", "render_markdown"]


@dataclass(frozen=True, slots=True)
class Citation:
    n: int
    sentence: str
    document: str  # title or id
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    speaker: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def where(self) -> str:
        bits = [self.document]
        if self.outlet and self.outlet != self.document:
            bits.append(self.outlet)
        bits.append(self.published.isoformat() if self.published else "undated")
        if self.start is not None:
            bits.append(f"chars {self.start}\u2013{self.end}")
        return ", ".join(bits)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: date
    kind: str  # adopted | deadline | report due | statement | indicator | designation
    text: str
    cites: tuple[int, ...] = ()
    tone: str = "neutral"  # statements: compliant | noncompliant | neutral


@dataclass(slots=True)
class Brief:
    assessment: Assessment
    contradictions: list[Contradiction]
    surges: list[Surge]
    series: list[Series]
    links: list[DesignationLink]
    generated: date
    citations: list[Citation] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    # (list source, ref) -> the name on the stored list, or None when not stored there;
    # filled by the caller that has the lists store (see service.check_listed).
    listed: dict[tuple[str, str], str | None] = field(default_factory=dict)
    _by_key: dict[str, int] = field(default_factory=dict)

    def timeline_svg(self) -> str:
        rows = {"deadline": "deadline", "report due": "deadline", "statement": "statement",
                "indicator": "indicator", "designation": "designation"}  # fmt: skip
        marks = [
            Mark(t.when, rows[t.kind], f"{t.kind}: {t.text}", t.tone)
            for t in self.timeline
            if t.kind in rows
        ]
        return svg_timeline(marks)

    @property
    def title(self) -> str:
        a = self.assessment
        return f"{a.state} and {a.obligation.id}: {a.obligation.title}"

    def cite(self, ev: Evidence) -> int:
        """The citation number of a statement (added on first use)."""
        if ev.key not in self._by_key:
            n = len(self.citations) + 1
            self.citations.append(
                Citation(
                    n,
                    ev.sentence,
                    ev.document_title or ev.document_id or "document",
                    ev.outlet,
                    ev.published,
                    ev.url,
                    ev.who,
                    ev.start,
                    ev.end,
                )
            )
            self._by_key[ev.key] = n
        return self._by_key[ev.key]

    def cite_text(self, sentence: str, source: str, published: date | None) -> int:
        key = f"text:{source}:{sentence}"
        if key not in self._by_key:
            n = len(self.citations) + 1
            self.citations.append(Citation(n, sentence, source or "imported data", None, published))
            self._by_key[key] = n
        return self._by_key[key]


def _year_end(period: str) -> date:
    parts = [int(p) for p in period.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 28)
    return date(parts[0], parts[1], parts[2])


def build_brief(
    assessment: Assessment,
    *,
    contradictions: Sequence[Contradiction] = (),
    series: Sequence[Series] = (),
    links: Sequence[DesignationLink] = (),
    generated: date | None = None,
) -> Brief:
    a = assessment
    surges = list(a.surges)
    keys = {(s.indicator, s.state) for s in surges}
    shown = [s for s in series if (s.indicator, s.state) in keys or s.state == a.state]
    links = [
        link
        for link in links
        if link.evidence.state.upper() == a.state or link.event.target_state == a.state
    ]
    brief = Brief(a, list(contradictions), surges, shown, links, generated or a.as_of)
    for ev in a.evidence:
        brief.cite(ev)
    tl: list[TimelineEntry] = []
    ob = a.obligation
    if ob.adopted:
        tl.append(TimelineEntry(ob.adopted, "adopted", f"{ob.id} adopted"))
    if ob.deadline:
        tl.append(TimelineEntry(ob.deadline, "deadline", f"deadline: {ob.title}"))
    for r in ob.reporting:
        if r.due:
            tl.append(TimelineEntry(r.due, "report due", f"{r.what} due"))
    for ev in a.evidence:
        if ev.published:
            tl.append(
                TimelineEntry(
                    ev.published,
                    "statement",
                    f"{ev.who}: {ev.stance.replace('_', ' ')}",
                    (brief.cite(ev),),
                    ev.polarity.value,
                )
            )
    for s in shown:
        for p in s.points:
            n = brief.cite_text(p.sentence, p.source, p.published) if p.sentence else None
            tl.append(
                TimelineEntry(
                    _year_end(p.period),
                    "indicator",
                    f"{s.state} {s.label} in {p.period}: {p.value:,.0f}",
                    (n,) if n else (),
                )
            )
    for link in links:
        n = brief.cite(link.evidence)
        names = ", ".join(
            f"{e.name} ({link.event.list_source} {e.ref})" for e in link.event.entities
        )
        tl.append(
            TimelineEntry(
                link.event.date, "designation", f"{link.event.authority} designates {names}", (n,)
            )
        )
    for c in contradictions:
        for ev in c.evidence:
            brief.cite(ev)
        for obs in c.observations:
            if obs.sentence:
                brief.cite_text(obs.sentence, obs.document_title or obs.document_id or "",
                                obs.stated_in)  # fmt: skip
    for surge in surges:
        if surge.suspicion:
            brief.cite_text(surge.suspicion, ", ".join(surge.sources), surge.published)
    tl.append(TimelineEntry(a.as_of, "assessed", f"status as of this date: {a.status.value}"))
    order = {"adopted": 0, "deadline": 1, "report due": 2, "indicator": 3, "designation": 4,
             "statement": 5, "assessed": 6}  # fmt: skip
    brief.timeline = sorted(tl, key=lambda t: (t.when, order.get(t.kind, 9)))
    brief.charts = chart_for(shown, surges)
    return brief


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("sanctionwatch.compliance", "templates"),
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=False
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["svg"] = svg_bars
    env.filters["bars"] = text_bars
    env.filters["pct"] = lambda x: f"{100 * float(x):.0f}%"
    env.filters["oneline"] = lambda s: " ".join(str(s).split())
    return env


def _context(brief: Brief) -> dict[str, object]:
    from sanctionwatch.compliance.rules import RULES

    surge_cites = {
        s.label: brief.cite_text(s.suspicion, ", ".join(s.sources), s.published)
        for s in brief.surges
        if s.suspicion
    }
    rules = [(r.name, r.status.value, r.description) for r in RULES]
    return {"b": brief, "a": brief.assessment, "surge_cites": surge_cites, "rules": rules}


def render_markdown(brief: Brief) -> str:
    return _env().get_template("brief.md.j2").render(**_context(brief))


def render_html(brief: Brief) -> str:
    from markupsafe import Markup

    env = _env()
    env.filters["svg"] = lambda chart: Markup(svg_bars(chart))  # generated, escaped inside
    return env.get_template("brief.html.j2").render(**_context(brief))
