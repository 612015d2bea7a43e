from __future__ import annotations

import io
import re
from datetime import date

import pytest
from lxml import html as lxml_html

from sanctionwatch.compliance.contradictions import ReferenceIssue, find_contradictions
from sanctionwatch.compliance.designations import link_designations
from sanctionwatch.compliance.indicators import detect_surges, series_from_text
from sanctionwatch.compliance.report import Brief, build_brief, render_html, render_markdown
from sanctionwatch.compliance.rules import assess
from tests.compliance.facts import (
    ADMISSION,
    EXPERTS,
    ILYICHEV,
    OP8,
    REMAINING,
    SAME_DAY_CLAIM,
    UNI,
    US_ESTIMATE,
    US_ON_CHINA,
)
from tests.compliance.test_indicators import TEXT

EVIDENCE = [ADMISSION, SAME_DAY_CLAIM, ILYICHEV, EXPERTS, US_ON_CHINA]
ISSUE = ReferenceIssue("uni", "uni", UNI, "2379", "2379 (21 Sep 2017) is on ISIL crimes in Iraq")


def brief_for(state: str) -> Brief:
    series = series_from_text(TEXT, published=date(2020, 1, 16), source="reuters")
    surges = detect_surges(series)
    a = assess(EVIDENCE, OP8, date(2024, 6, 1), state=state, surges=surges)
    mine = [e for e in EVIDENCE if e.state == state]
    found = find_contradictions(mine, [US_ESTIMATE, REMAINING], [ISSUE], deadline=OP8.deadline)
    return build_brief(a, contradictions=found, series=series, links=link_designations(EVIDENCE))


def test_markdown_brief_cites_every_statement() -> None:
    b = brief_for("RU")
    md = render_markdown(b)
    assert "## Status: disputed" in md
    for ev in b.assessment.evidence:
        n = b.cite(ev)
        assert f"[{n}] **{ev.who}**" in md
        assert f"“{ev.sentence}”" in md
    sources = md.split("## Sources", 1)[1]
    assert len(re.findall(r"^\[\d+\] ", sources, flags=re.M)) == len(b.citations)
    assert "x8.2" in md and "x4.0" in md and "Experts suspect" in md
    assert "tourist 2019 " + "█" * 40 + " 16,613" in md  # the longest bar
    assert "2019-12-22** (deadline)" in md
    assert "cites resolution 2379" in md
    assert "Designations linked" not in md  # the US designation concerns China


def test_china_brief_links_the_designation() -> None:
    md = render_markdown(brief_for("CN"))
    assert "## Status: reported non-compliance" in md
    assert "Korea Namgang Trading Corporation: ofac_sdn 27383" in md
    assert "Beijing Sukbakso: ofac_sdn 27254" in md


def test_html_is_self_contained_with_svg_chart() -> None:
    b = brief_for("RU")
    page = render_html(b)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script|//link|//img|//iframe")
    svgs = tree.xpath("//*[local-name()='svg'][@aria-label!='timeline']")
    assert len(svgs) == len(b.charts) == 1
    timeline = tree.xpath("//*[local-name()='svg'][@aria-label='timeline']")[0]
    dots = timeline.xpath(".//*[local-name()='circle'][@r='5']")
    assert len(dots) == len([e for e in b.assessment.evidence if e.published])
    red = [d for d in dots if d.get("fill") == "#c0392b"]
    assert len(red) == 2  # the admission and the experts' report
    bars = svgs[0].xpath(".//*[local-name()='rect'][*[local-name()='title']]")
    assert sorted(r.xpath("string(*[local-name()='title'])") for r in bars) == [
        "student 2018: 2,610",
        "student 2019: 10,345",
        "tourist 2018: 2,035",
        "tourist 2019: 16,613",
    ]
    heights = {r.xpath("string(*[local-name()='title'])"): float(r.get("height")) for r in bars}
    assert heights["tourist 2019: 16,613"] / heights["tourist 2018: 2,035"] == pytest.approx(
        16613 / 2035, rel=0.01
    )
    targets = {a.get("href")[1:] for a in tree.xpath("//a[starts-with(@href, '#')]")}
    ids = set(tree.xpath("//li/@id"))
    assert targets and targets <= ids


def test_html_escapes_hostile_text() -> None:
    from dataclasses import replace

    b = brief_for("RU")
    evil = replace(EXPERTS, sentence="<script>alert(1)</script> experts say", start=5000)
    a = assess([*b.assessment.evidence, evil], OP8, date(2024, 6, 1), state="RU")
    page = render_html(build_brief(a))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_pdf_has_text_and_chart() -> None:
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("fpdf")
    from sanctionwatch.compliance.pdf import render_pdf

    data = render_pdf(brief_for("RU"))
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Status: disputed" in text
    assert "RU: visas by year" in text  # drawn from the SVG chart
    assert "Pyotr Ilyichev" in text
    core = pypdf.PdfReader(io.BytesIO(render_pdf(brief_for("CN"), core_font=True)))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in core.pages)
    assert "Status: reported non-compliance" in text
    assert '"A senior U.S. official said China' in text  # curly quotes folded for Helvetica
