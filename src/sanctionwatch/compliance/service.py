"""The compliance picture put together: documents' analyses, imported indicators and
filings in; assessments, contradictions, alerts and briefs out.

:func:`build_picture` is pure (analyses are passed in); ``load_picture`` reads them
from the store. The CLI and the web app call these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sanctionwatch.compliance import adapters
from sanctionwatch.compliance.alerts import (
    Alert,
    ListChange,
    NameMention,
    RecordedStatus,
    deadline_alerts,
    list_change_alerts,
    names_in_texts,
    status_alerts,
)
from sanctionwatch.compliance.contradictions import (
    Contradiction,
    ReferenceIssue,
    find_contradictions,
)
from sanctionwatch.compliance.designations import DesignationLink, link_designations
from sanctionwatch.compliance.indicators import (
    DEFAULT_SURGE_THRESHOLD,
    Series,
    Surge,
    detect_surges,
    merge_series,
)
from sanctionwatch.compliance.model import (
    Assessment,
    Evidence,
    ObligationView,
    Observation,
    ReportFiling,
)
from sanctionwatch.compliance.relevance import evidence_for
from sanctionwatch.compliance.report import Brief, build_brief
from sanctionwatch.compliance.rules import assess
from sanctionwatch.errors import NotFoundError

__all__ = ["Picture", "build_picture", "filings_from_evidence"]

_SUBMITTED = re.compile(r"\b(submit\w*|filed|sent|presented|delivered|handed)\b", re.I)
_REPORT_KIND = re.compile(r"\b(final|midterm|mid-term|interim)\s+report\b", re.I)


def filings_from_evidence(
    evidence: Iterable[Evidence], obligations: Mapping[str, ObligationView]
) -> list[ReportFiling]:
    """Reports a state says (or is reported) to have submitted under an obligation:
    "Russia submitted its final report to the 1718 Committee". Only a statement that
    names the report (final, midterm) and a submission counts; it is filed no later than
    the document's date."""
    out = []
    for ev in evidence:
        ob = obligations.get(ev.obligation_id or "")
        if ob is None or ev.stance != "reports_measure" or not _SUBMITTED.search(ev.sentence):
            continue
        m = _REPORT_KIND.search(ev.sentence)
        if m is None:
            continue
        kind = "final" if m.group(1).lower() == "final" else "midterm"
        duty = next((r for r in ob.reporting if kind in r.what.lower()), None)
        if duty is None:
            continue
        source = (
            f"{ev.who}, {ev.document_title or ev.document_id}: \u201c{ev.sentence.strip()}\u201d"
        )
        out.append(ReportFiling(ev.state, ob.id, duty.what, ev.published, source))
    return out


@dataclass(slots=True)
class Picture:
    """Everything the compliance functions work from."""

    evidence: list[Evidence] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    issues: list[ReferenceIssue] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    filings: list[ReportFiling] = field(default_factory=list)
    obligations: dict[str, ObligationView] = field(default_factory=dict)
    threshold: float = DEFAULT_SURGE_THRESHOLD
    doc_obligations: dict[str | None, set[str]] = field(default_factory=dict)
    texts: list[tuple[str | None, str | None, str]] = field(default_factory=list)

    def surges(self) -> list[Surge]:
        return detect_surges(self.series, self.threshold)

    def obligation(self, obligation_id: str) -> ObligationView:
        found = self.obligations.get(obligation_id)
        if found is None:
            near = ", ".join(
                sorted(k for k in self.obligations if k.split("-")[0] in obligation_id)[:8]
            )
            hint = f" (known for that resolution: {near})" if near else ""
            raise NotFoundError(f"obligation {obligation_id!r} is not in the knowledge base{hint}")
        return found

    # --- assessment ---------------------------------------------------------------

    def pairs(self) -> list[tuple[str, str]]:
        """Every (state, obligation) that some evidence or flagged indicator is about."""
        found = {(e.state, e.obligation_id) for e in self.evidence if e.obligation_id}
        found |= {(s.state, s.obligation_id) for s in self.surges() if s.obligation_id}
        return sorted((s, o) for s, o in found if o in self.obligations)

    def evidence_for(self, obligation_id: str) -> list[Evidence]:
        ob = self.obligation(obligation_id)
        return evidence_for(self.evidence, ob, self.obligations, self.doc_obligations)

    def assess(self, state: str, obligation_id: str, as_of: date) -> Assessment:
        ob = self.obligation(obligation_id)
        surges = [s for s in self.surges() if s.obligation_id == ob.id]
        evidence = self.evidence_for(ob.id)
        return assess(evidence, ob, as_of, state=state, surges=surges, filings=self.filings)

    def _assess_pairs(self, pairs: Sequence[tuple[str, str]], as_of: date) -> list[Assessment]:
        """Like :meth:`assess` for many pairs, sorting the evidence out once."""
        surges = self.surges()
        grouped: dict[tuple[str, str], list[Evidence]] = {}
        for ob_id in sorted({o for _, o in pairs}):
            for ev in self.evidence_for(ob_id):
                grouped.setdefault((ev.state.upper(), ob_id), []).append(ev)
        out = []
        for state, ob_id in pairs:
            ob = self.obligations[ob_id]
            mine = [x for x in surges if x.obligation_id == ob_id and x.state == state]
            evidence = grouped.get((state, ob_id), [])
            out.append(assess(evidence, ob, as_of, state=state, surges=mine, filings=self.filings))
        return out

    def assess_all(
        self, as_of: date, *, state: str | None = None, obligation_id: str | None = None
    ) -> list[Assessment]:
        if obligation_id is not None:
            self.obligation(obligation_id)  # clear error when unknown
        pairs = [
            (s, o)
            for s, o in self.pairs()
            if (state is None or s == state.upper()) and (obligation_id in (None, o))
        ]
        if not pairs and state and obligation_id:
            pairs = [(state.upper(), obligation_id)]
        return self._assess_pairs(pairs, as_of)

    # --- contradictions, links, alerts --------------------------------------------

    def contradictions(
        self, *, state: str | None = None, obligation_id: str | None = None
    ) -> list[Contradiction]:
        pool = self.evidence if obligation_id is None else self.evidence_for(obligation_id)
        evidence = [e for e in pool if state is None or e.state == state.upper()]
        observations = [o for o in self.observations if state is None or o.state == state.upper()]
        docs = {e.document_id for e in evidence}
        issues = [i for i in self.issues if state is None or i.document_id in docs]
        deadline = (
            self.obligations[obligation_id].deadline if obligation_id in self.obligations else None
        )
        return find_contradictions(evidence, observations, issues, deadline=deadline)

    def links(self) -> list[DesignationLink]:
        return link_designations(self.evidence)

    def alerts(
        self,
        as_of: date,
        previous: Mapping[tuple[str, str], RecordedStatus],
        list_changes: Iterable[ListChange] = (),
    ) -> list[Alert]:
        assessments = self.assess_all(as_of)
        out = deadline_alerts(assessments)
        out += status_alerts(assessments, previous)
        changes = list(list_changes)
        mentions = self.mentions + names_in_texts(changes, self.texts)
        out += list_change_alerts(changes, mentions)
        return out

    def brief(
        self, state: str, obligation_id: str, as_of: date, *, generated: date | None = None
    ) -> Brief:
        a = self.assess(state, obligation_id, as_of)
        return build_brief(
            a,
            contradictions=self.contradictions(state=state, obligation_id=obligation_id),
            series=self.series,
            links=self.links(),
            generated=generated,
        )


def build_picture(
    analyses: Sequence[Any],
    obligations: Mapping[str, ObligationView],
    *,
    imported: Sequence[Series] = (),
    filings: Sequence[ReportFiling] = (),
    threshold: float = DEFAULT_SURGE_THRESHOLD,
) -> Picture:
    """A picture from documents' analyses and the analyst's imported data. Pure."""
    pic = Picture(obligations=dict(obligations), filings=list(filings), threshold=threshold)
    series: list[Series] = list(imported)
    for analysis in analyses:
        doc = analysis.document.sha256
        named = {c.obligation_id for c in analysis.claims if c.obligation_id}
        named |= {r.obligation_id for r in analysis.references if r.obligation_id}
        pic.doc_obligations.setdefault(doc, set()).update(named)
        pic.evidence += adapters.evidence_from_analysis(analysis)
        pic.texts.append((doc, adapters.document_title(analysis.document), analysis.text))
        pic.observations += adapters.observations_from_analysis(analysis)
        pic.issues += adapters.issues_from_analysis(analysis)
        pic.mentions += adapters.mentions_from_analysis(analysis)
        series += adapters.series_from_analysis(analysis)
    pic.series = merge_series(series)
    pic.filings += filings_from_evidence(pic.evidence, pic.obligations)
    # Figures that make up an indicator series are compared as a series, not as rivals.
    in_series = {(p.sentence, p.value) for s in pic.series for p in s.points}
    pic.observations = [o for o in pic.observations if (o.sentence, o.value) not in in_series]
    return pic


# --- I/O edge: reading the store ----------------------------------------------------


_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")


def _sentences(text: str) -> list[Any]:
    from sanctionwatch.documents.model import Sentence

    out: list[Any] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if text[pos : m.start()].strip():
            out.append(Sentence(len(out), pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    if text[pos:].strip():
        out.append(Sentence(len(out), pos, len(text), text[pos:]))
    return out


def load_analyses(store: Any) -> list[Any]:
    """Every analysed document in the store, rebuilt as ``documents.Analysis`` objects
    from the stored document (text, metadata, flagged references) and its claims."""
    from sqlalchemy import select

    from sanctionwatch.documents.model import (
        Analysis,
        Claim,
        DocumentMeta,
        Quantity,
        ReferenceInfo,
    )
    from sanctionwatch.documents.tables import ClaimRow, DocumentRow
    from sanctionwatch.regimes import load_kb

    kb = load_kb()  # ids renamed since the claims were stored are read as they are now

    with store.session() as session:
        docs = list(session.scalars(select(DocumentRow).order_by(DocumentRow.id)))
        rows = list(
            session.scalars(select(ClaimRow).order_by(ClaimRow.document_id, ClaimRow.start))
        )
    claims: dict[int, list[Any]] = {}
    for r in rows:
        quantities = [Quantity(**q) for q in (r.quantities or [])]
        claims.setdefault(r.document_id, []).append(
            Claim(
                subject_state=r.subject_state,
                stance=r.stance,
                evidence=r.evidence,
                start=r.start,
                end=r.end,
                obligation_id=kb.current_id(r.obligation_id) if r.obligation_id else None,
                obligation_label=r.obligation_label,
                speaker=r.speaker,
                speaker_affiliation=r.speaker_affiliation,
                quantities=quantities,
                dates=list(r.dates or []),
                resolution_refs=list(r.resolution_refs or []),
                confidence=r.confidence,
                outlet=r.outlet,
            )
        )
    out: list[Any] = []
    for d in docs:
        title = d.title
        if not title and d.origin:  # name the document after its file or address
            title = Path(d.origin).name or d.origin
        meta = DocumentMeta(
            sha256=d.sha256,
            title=title,
            outlet=d.outlet,
            url=d.url,
            published=d.published,
            published_inferred=d.published_inferred,
            dateline=d.dateline,
            language=d.language,
            chars=len(d.text),
        )
        for c in claims.get(d.id, []):
            c.document = d.sha256
        refs = [
            ReferenceInfo(
                e.get("start", 0),
                e.get("end", 0),
                str(e.get("text", "")),
                e.get("number"),
                e.get("resolved"),
                None,
                e.get("message"),
                1.0,
            )
            for e in (d.factual_errors or [])
            if e.get("kind") == "resolution_number"
        ]
        out.append(
            Analysis(
                meta,
                d.text,
                _sentences(d.text),
                [],
                [],
                [],
                [],
                refs,
                claims.get(d.id, []),
                factual_errors=list(d.factual_errors or []),
            )
        )
    return out


def load_obligations() -> dict[str, ObligationView]:
    from sanctionwatch.regimes import load_kb

    return adapters.all_obligation_views(load_kb())


def load_picture(store: Any, threshold: float = DEFAULT_SURGE_THRESHOLD) -> Picture:
    from sanctionwatch.compliance.repo import ComplianceRepository

    repo = ComplianceRepository(store)
    return build_picture(
        load_analyses(store),
        load_obligations(),
        imported=repo.series(),
        filings=repo.filings(),
        threshold=threshold,
    )


def load_list_changes(store: Any) -> list[ListChange]:
    """Changes between the two newest stored versions of every list dataset."""
    from sanctionwatch.lists.diff import compare_versions
    from sanctionwatch.store.lists_repo import ListRepository

    repo = ListRepository(store)
    out: list[ListChange] = []
    for source in repo.sources():
        if len([v for v in repo.versions(source) if v.source == source]) < 2:
            continue
        compared = compare_versions(repo, source)
        version = compared.new.effective.date().isoformat()
        for change in compared.diff.all():
            names = [change.name]
            entity = repo.entity(source, change.ref) if change.action != "removed" else None
            if entity is not None:
                names += [n.full for n in entity.names if n.full not in names]
            out.append(ListChange(source, change.ref, tuple(names), change.action, version))
    return out


def check_listed(store: Any, brief: Brief) -> None:
    """Look up the linked designations' entries in the stored lists (sets ``brief.listed``)."""
    from sanctionwatch.store.lists_repo import ListRepository

    repo = ListRepository(store)
    sources = set(repo.sources())
    for link in brief.links:
        src = link.event.list_source
        if src not in sources:
            continue
        for e in link.event.entities:
            entity = repo.entity(src, e.ref)
            brief.listed[(src, e.ref)] = entity.primary_name if entity is not None else None
