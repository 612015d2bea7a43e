"""Plain JSON-ready dicts of assessments, contradictions and surges (CLI --json, web)."""

from __future__ import annotations

from typing import Any

from sanctionwatch.compliance.contradictions import Contradiction
from sanctionwatch.compliance.indicators import Surge
from sanctionwatch.compliance.model import Assessment, Evidence, Observation

__all__ = ["assessment_dict", "contradiction_dict", "evidence_dict", "surge_dict"]


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "key": ev.key,
        "state": ev.state,
        "obligation_id": ev.obligation_id,
        "stance": ev.stance,
        "source_kind": ev.source_kind.value,
        "speaker": ev.speaker,
        "affiliation": ev.affiliation,
        "speaker_state": ev.speaker_state,
        "outlet": ev.outlet,
        "published": ev.published.isoformat() if ev.published else None,
        "document_id": ev.document_id,
        "document_title": ev.document_title,
        "url": ev.url,
        "start": ev.start,
        "end": ev.end,
        "sentence": ev.sentence,
        "confidence": ev.confidence,
        "via": ev.via,
    }


def surge_dict(s: Surge) -> dict[str, Any]:
    return {
        "label": s.label,
        "indicator": s.indicator,
        "state": s.state,
        "category": s.category,
        "period_from": s.period_from,
        "period_to": s.period_to,
        "value_from": s.value_from,
        "value_to": s.value_to,
        "ratio": round(s.ratio, 3),
        "threshold": s.threshold,
        "obligation_id": s.obligation_id,
        "suspicion": s.suspicion,
        "sources": list(s.sources),
    }


def _obs(o: Observation) -> dict[str, Any]:
    return {
        "state": o.state,
        "what": o.what,
        "value": o.value,
        "unit": o.unit,
        "approx": o.approx,
        "as_of": o.as_of.isoformat() if o.as_of else None,
        "stated_in": o.stated_in.isoformat() if o.stated_in else None,
        "speaker": o.speaker,
        "sentence": o.sentence,
        "document_id": o.document_id,
    }


def assessment_dict(a: Assessment) -> dict[str, Any]:
    return {
        "state": a.state,
        "obligation_id": a.obligation.id,
        "obligation": a.obligation.title,
        "as_of": a.as_of.isoformat(),
        "status": a.status.value,
        "rule": a.rule,
        "confidence": a.confidence,
        "deadline": a.obligation.deadline.isoformat() if a.obligation.deadline else None,
        "deadline_passed": a.deadline_passed,
        "final_report_missing": a.final_report_missing,
        "headline": a.headline,
        "reasons": [{"rule": r.rule, "text": r.text} for r in a.reasons],
        "evidence": [evidence_dict(e) for e in a.evidence],
        "surges": [surge_dict(s) for s in a.surges],
    }


def contradiction_dict(c: Contradiction) -> dict[str, Any]:
    return {
        "kind": c.kind.value,
        "state": c.state,
        "obligation_id": c.obligation_id,
        "summary": c.summary,
        "explained": c.explained,
        "explanation": c.explanation,
        "evidence": [evidence_dict(e) for e in c.evidence],
        "observations": [_obs(o) for o in c.observations],
        "issue": None
        if c.issue is None
        else {
            "document_id": c.issue.document_id,
            "document_title": c.issue.document_title,
            "text": c.issue.text,
            "problem": c.issue.problem,
            "sentence": c.issue.sentence,
        },
    }
