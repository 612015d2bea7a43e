"""The compliance picture's own small types: evidence in, assessments out.

These are plain frozen dataclasses so the core functions (:func:`assess`,
:func:`find_contradictions`, surge detection) stay pure and easy to test with
hand-built inputs. Adapters (``adapters.py``) build them from the documents and
regimes packages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctionwatch.compliance.indicators import Surge

__all__ = [
    "Assessment",
    "Evidence",
    "ObligationView",
    "Observation",
    "Polarity",
    "Reason",
    "ReportFiling",
    "ReportingDue",
    "SourceKind",
    "Stance",
    "Status",
    "polarity_of",
]


class Stance(StrEnum):
    """The stance codebook shared with the documents package."""

    ASSERTS_COMPLIANCE = "asserts_compliance"
    ADMITS_NONCOMPLIANCE = "admits_noncompliance"
    ALLEGES_VIOLATION = "alleges_violation"
    DENIES_VIOLATION = "denies_violation"
    REPORTS_MEASURE = "reports_measure"
    OTHER = "other"


class Polarity(StrEnum):
    COMPLIANT = "compliant"
    NONCOMPLIANT = "noncompliant"
    NEUTRAL = "neutral"


_POLARITY: dict[str, Polarity] = {
    Stance.ASSERTS_COMPLIANCE.value: Polarity.COMPLIANT,
    Stance.DENIES_VIOLATION.value: Polarity.COMPLIANT,
    Stance.ADMITS_NONCOMPLIANCE.value: Polarity.NONCOMPLIANT,
    Stance.ALLEGES_VIOLATION.value: Polarity.NONCOMPLIANT,
}


def polarity_of(stance: str) -> Polarity:
    """Which way a statement points, whoever says it."""
    return _POLARITY.get(str(stance), Polarity.NEUTRAL)


class SourceKind(StrEnum):
    """Who speaks, relative to the state the statement is about."""

    OWN = "own"  # the state's own government or officials
    THIRD_STATE = "third_state"  # another government
    INDEPENDENT = "independent"  # UN panel, experts, the outlet itself
    UNKNOWN = "unknown"


class Status(StrEnum):
    NO_INFORMATION = "no information"
    CLAIMS_COMPLIANCE = "claims compliance"
    DISPUTED = "disputed"
    ADMITS_NONCOMPLIANCE = "admits non-compliance"
    REPORTED_NONCOMPLIANCE = "reported non-compliance"


@dataclass(frozen=True, slots=True)
class Observation:
    """A number stated in a document: "about 1,000 workers remaining in RU"."""

    state: str
    what: str
    value: float
    unit: str = ""
    as_of: date | None = None
    approx: bool = False
    stated_in: date | None = None  # publication date of the document saying it
    speaker: str | None = None
    sentence: str = ""
    document_id: str | None = None
    document_title: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One attributed statement about one state's conduct (a claim-like view)."""

    state: str
    obligation_id: str | None
    stance: str
    sentence: str
    speaker: str | None = None
    affiliation: str | None = None
    speaker_state: str | None = None  # ISO2 of the speaker's government, if any
    source_kind: SourceKind = SourceKind.UNKNOWN
    outlet: str | None = None
    published: date | None = None
    document_id: str | None = None
    document_title: str | None = None
    url: str | None = None
    start: int | None = None
    end: int | None = None
    quantities: tuple[Observation, ...] = ()
    confidence: float = 1.0
    via: str | None = None  # why an indirect statement counts for this obligation

    @property
    def polarity(self) -> Polarity:
        return polarity_of(self.stance)

    @property
    def key(self) -> str:
        """A stable identifier: document and offsets, or a hash of the sentence."""
        if self.document_id is not None and self.start is not None:
            return f"{self.document_id}:{self.start}-{self.end}:{self.state}:{self.stance}"
        raw = f"{self.state}|{self.stance}|{self.sentence}"
        digest = hashlib.sha1(raw.encode()).hexdigest()[:12]
        return f"{self.document_id or 'text'}:{digest}"

    @property
    def who(self) -> str:
        parts = [p for p in (self.speaker, self.affiliation) if p]
        if len(parts) == 2 and parts[0].casefold() == parts[1].casefold():
            parts = parts[:1]
        return ", ".join(parts) if parts else (self.outlet or "unattributed")

    def cite(self) -> str:
        """ "speaker (affiliation), outlet, date" for reports."""
        bits = [self.who]
        if self.outlet and self.outlet not in bits[0]:
            bits.append(self.outlet)
        bits.append(self.published.isoformat() if self.published else "undated")
        return ", ".join(bits)


@dataclass(frozen=True, slots=True)
class ReportingDue:
    what: str
    due: date | None


@dataclass(frozen=True, slots=True)
class ObligationView:
    """What assessment needs to know about an obligation."""

    id: str
    title: str
    deadline: date | None = None
    reporting: tuple[ReportingDue, ...] = ()
    summary: str = ""
    keywords: tuple[str, ...] = ()
    adopted: date | None = None  # adoption of the resolution
    category: str = ""  # "labour", "export ban", ... (related obligations share one)

    @property
    def final_report(self) -> ReportingDue | None:
        """The last reporting duty with a due date (the final report)."""
        dated = [r for r in self.reporting if r.due is not None]
        return max(dated, key=lambda r: r.due or date.min) if dated else None


@dataclass(frozen=True, slots=True)
class ReportFiling:
    """A record that a state filed a report under an obligation."""

    state: str
    obligation_id: str
    what: str
    filed_on: date | None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    text: str


@dataclass(slots=True)
class Assessment:
    state: str
    obligation: ObligationView
    as_of: date
    status: Status
    confidence: float
    rule: str  # the status rule that decided
    deadline_passed: bool | None  # None: the obligation has no deadline
    final_report_missing: bool
    reasons: list[Reason] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    surges: list[Surge] = field(default_factory=list)

    @property
    def headline(self) -> str:
        text = f"{self.state} on {self.obligation.id}: {self.status.value}"
        if self.deadline_passed is True:
            text += f" (deadline {self.obligation.deadline} passed"
            text += ", no final report on record)" if self.final_report_missing else ")"
        elif self.deadline_passed is False:
            text += f" (deadline {self.obligation.deadline} not yet passed)"
        return text
