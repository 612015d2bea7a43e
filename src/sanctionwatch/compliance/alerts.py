"""Alerts: things an analyst should look at now. Pure functions over assessments.

- ``deadline-no-report``: an obligation's deadline has passed and the final report
  it requires is not on record for a state with evidence about it;
- ``contradicts-status``: evidence that arrived after the last recorded status of a
  (state, obligation) points the other way;
- ``list-change``: a list entry added, removed or amended whose name appears in a
  stored document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from rapidfuzz import fuzz

from sanctionwatch.compliance.model import Assessment, Polarity, Status

__all__ = [
    "Alert",
    "ListChange",
    "NameMention",
    "RecordedStatus",
    "deadline_alerts",
    "list_change_alerts",
    "names_in_texts",
    "status_alerts",
]


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str
    message: str
    state: str | None = None
    obligation_id: str | None = None
    since: date | None = None
    sources: tuple[str, ...] = ()
    detail: str = ""  # what makes this alert distinct (part of its key)

    @property
    def key(self) -> str:
        raw = "|".join((self.kind, self.state or "", self.obligation_id or "", self.detail))
        return hashlib.sha1(raw.encode()).hexdigest()[:12]

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "kind": self.kind,
            "state": self.state,
            "obligation_id": self.obligation_id,
            "since": self.since.isoformat() if self.since else None,
            "message": self.message,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class RecordedStatus:
    state: str
    obligation_id: str
    status: Status
    evidence_keys: frozenset[str]
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ListChange:
    source: str  # dataset key: "un", "ofac_sdn", ...
    ref: str
    names: tuple[str, ...]
    change: str  # "added" | "removed" | "amended"
    version: str = ""  # published date or version id of the newer list


@dataclass(frozen=True, slots=True)
class NameMention:
    name: str
    document_id: str | None
    document_title: str | None
    sentence: str = ""


def deadline_alerts(assessments: Iterable[Assessment]) -> list[Alert]:
    out = []
    for a in assessments:
        final = a.obligation.final_report
        if a.rule == "no-evidence":
            continue  # nothing on record points either way: not worth an alert
        if a.final_report_missing and final is not None:
            out.append(
                Alert(
                    "deadline-no-report",
                    f"{a.state} on {a.obligation.id}: deadline {a.obligation.deadline} passed "
                    f"and the {final.what} due {final.due} is not on record "
                    f"(status: {a.status.value})",
                    a.state,
                    a.obligation.id,
                    final.due,
                    detail=f"{final.what}@{final.due}",
                )
            )
    return out


_AGAINST: dict[Status, Polarity] = {
    Status.CLAIMS_COMPLIANCE: Polarity.NONCOMPLIANT,
    Status.ADMITS_NONCOMPLIANCE: Polarity.COMPLIANT,
    Status.REPORTED_NONCOMPLIANCE: Polarity.COMPLIANT,
}


def status_alerts(
    assessments: Iterable[Assessment],
    previous: Mapping[tuple[str, str], RecordedStatus],
) -> list[Alert]:
    """New evidence (not seen when the status was recorded) pointing against it."""
    out = []
    for a in assessments:
        rec = previous.get((a.state, a.obligation.id))
        if rec is None:
            continue
        against = _AGAINST.get(rec.status)
        new = [e for e in a.evidence if e.key not in rec.evidence_keys]
        for ev in new:
            if against is None or ev.polarity is not against:
                continue
            out.append(
                Alert(
                    "contradicts-status",
                    f"{a.state} on {a.obligation.id} was '{rec.status.value}' "
                    f"({rec.recorded_at:%Y-%m-%d}); new evidence points the other way: "
                    f"{ev.who} ({ev.published or 'undated'}): \u201c{ev.sentence.strip()}\u201d",
                    a.state,
                    a.obligation.id,
                    ev.published,
                    sources=tuple(x for x in (ev.document_title or ev.document_id,) if x),
                    detail=ev.key,
                )
            )
        if rec.status is not a.status and new:
            out.append(
                Alert(
                    "status-changed",
                    f"{a.state} on {a.obligation.id}: status changed from "
                    f"'{rec.status.value}' to '{a.status.value}' with {len(new)} new "
                    "piece(s) of evidence",
                    a.state,
                    a.obligation.id,
                    a.as_of,
                    detail=f"{rec.status.value}->{a.status.value}",
                )
            )
    return out


LEGAL_FORMS = frozenset(
    [
        "co",
        "corp",
        "corporation",
        "company",
        "ltd",
        "limited",
        "llc",
        "inc",
        "incorporated",
        "jsc",
        "ojsc",
        "plc",
        "gmbh",
    ]
)


def _norm(text: str) -> str:
    """Casefolded words without punctuation, control characters or legal forms."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    words = re.sub(r"[^\w]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def names_in_texts(
    changes: Iterable[ListChange], texts: Iterable[tuple[str | None, str | None, str]]
) -> list[NameMention]:
    """Where the name of a changed list entry occurs in a document's text.

    ``texts``: (document id, title, text). Names of two or more words (after legal forms
    are dropped) are looked up as whole words in the normalised text.
    """
    wanted = {_norm(n) for c in changes for n in c.names}
    wanted = {w for w in wanted if len(w.split()) >= 2}
    out = []
    for doc_id, title, text in texts:
        padded = f" {_norm(text)} "
        for name in sorted(wanted):
            if f" {name} " in padded:
                out.append(NameMention(name, doc_id, title))
    return out


def list_change_alerts(
    changes: Iterable[ListChange],
    mentions: Sequence[NameMention],
    *,
    threshold: float = 92.0,
) -> list[Alert]:
    """A list change whose entry's name matches a name mentioned in a stored document
    (one alert per change and document)."""
    normalised = [(_norm(m.name), m) for m in mentions if m.name.strip()]
    out = []
    for change in changes:
        done: set[str | None] = set()
        for name in change.names:
            key = _norm(name)
            if not key:
                continue
            for mkey, mention in normalised:
                if mention.document_id in done:
                    continue
                if len(mkey.split()) < 2 and mkey != key:
                    continue  # single words match only exactly
                if fuzz.token_sort_ratio(key, mkey) < threshold:
                    continue
                done.add(mention.document_id)
                where = mention.document_title or mention.document_id or "a document"
                version = f" in {change.version}" if change.version else ""
                out.append(
                    Alert(
                        "list-change",
                        f"{change.source} {change.ref} ({name}) was {change.change}{version}; "
                        f"\u201c{mention.name}\u201d is named in {where}",
                        sources=(where,),
                        detail=f"{change.source}:{change.ref}:{change.change}:{change.version}:"
                        f"{mention.document_id}",
                    )
                )
    return out
