"""The brief as PDF, drawn with fpdf2 (pure Python; charts embedded as SVG).

A Unicode TrueType font (DejaVu Sans, found in the usual system places or given as
``font``) is used when present; otherwise the built-in Helvetica, with text folded to
Latin-1.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from sanctionwatch.compliance.charts import svg_bars
from sanctionwatch.compliance.report import Brief
from sanctionwatch.errors import InputError

__all__ = ["FONT_CANDIDATES", "render_pdf"]

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)
_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                       "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u2192": "->",
                       "\u2588": "#", "\u00a0": " "})  # fmt: skip


def _latin1(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).translate(_FOLD)
    return text.encode("latin-1", "replace").decode("latin-1")


def _same(text: str) -> str:
    return text


def render_pdf(brief: Brief, *, font: Path | None = None, core_font: bool = False) -> bytes:
    """The brief as PDF bytes. ``font``: a TrueType file; ``core_font``: use Helvetica."""
    try:
        from fpdf import FPDF
        from fpdf.enums import XPos, YPos
    except ImportError:
        raise InputError(
            "PDF output needs the fpdf2 package: pip install 'sanctionwatch[pdf]'"
        ) from None
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(_latin1(brief.title))
    font_path = (
        None if core_font else font or next((p for p in FONT_CANDIDATES if p.exists()), None)
    )
    if font_path is not None:
        if not font_path.exists():
            raise InputError(f"font file not found: {font_path}")
        pdf.add_font("body", "", str(font_path))
        family, clean = "body", _same
    else:
        family, clean = "helvetica", _latin1
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float = 10, *, bold: bool = False, indent: float = 0) -> None:
        pdf.set_font(family, "B" if bold and family == "helvetica" else "", size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)

    def heading(text: str) -> None:
        pdf.ln(3)
        para(text, 13, bold=True)

    a = brief.assessment
    para(brief.title, 16, bold=True)
    para(f"Analyst's brief, generated {brief.generated}; evidence up to {a.as_of}.", 9)
    heading(f"Status: {a.status.value} (confidence {100 * a.confidence:.0f}%)")
    para(a.headline + ".")
    for r in a.reasons:
        para(f"- {r.rule}: {r.text}", 9, indent=2)
    heading("Timeline")
    timeline = brief.timeline_svg()
    if timeline:
        svg_text = timeline if family != "helvetica" else _latin1(timeline)
        pdf.image(io.BytesIO(svg_text.encode("utf-8")), w=min(width, 170))
        pdf.ln(2)
    for t in brief.timeline:
        cites = "".join(f" [{n}]" for n in t.cites)
        para(f"{t.when}  ({t.kind})  {t.text}{cites}", 9, indent=2)
    heading("Evidence")
    for ev in a.evidence:
        n = brief.cite(ev)
        head = f"[{n}] {ev.who} ({ev.source_kind.value}, {ev.published or 'undated'})"
        stance = ev.stance.replace("_", " ")
        para(f"{head}, {stance}: \u201c{ev.sentence.strip()}\u201d", 9, indent=2)
    heading("Indicators")
    if not brief.surges:
        para("No surge flagged.", 9)
    for s in brief.surges:
        text = f"- {s.label}: flagged as an evasion indicator for {s.obligation_id}."
        if s.suspicion:
            text += f" Suspicion stated in the source: \u201c{s.suspicion}\u201d"
        para(text, 9, indent=2)
    for chart in brief.charts:
        svg = svg_bars(chart)
        if family == "helvetica":
            svg = _latin1(svg)
        pdf.image(io.BytesIO(svg.encode("utf-8")), w=min(width, 160))
        pdf.ln(2)
    if brief.links:
        heading("Designations linked")
        for link in brief.links:
            n = brief.cite(link.evidence)
            event = link.event
            para(f"{event.authority} designation of {event.date} ({event.topic}), {link.why} [{n}]",
                 9, indent=2)  # fmt: skip
            for e in link.event.entities:
                para(f"- {e.name}: {link.event.list_source} {e.ref}", 9, indent=6)
    heading("Contradictions")
    if not brief.contradictions:
        para("None found.", 9)
    for c in brief.contradictions:
        cites = "".join(f" [{brief.cite(ev)}]" for ev in c.evidence)
        text = f"- {c.kind.value}: {c.summary}{cites}"
        if c.explanation:
            text += f". Dates: {c.explanation}"
        para(text, 9, indent=2)
    heading("Sources")
    for cit in brief.citations:
        extra = f", {cit.speaker}" if cit.speaker else ""
        url = f" {cit.url}" if cit.url else ""
        para(f"[{cit.n}] {cit.where}{extra}{url}: \u201c{cit.sentence.strip()}\u201d", 8, indent=2)
    return bytes(pdf.output())
