"""Plain data classes for one analysed document (slots dataclasses: they sit on the hot path)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "STANCES",
    "Analysis",
    "Claim",
    "DateMention",
    "DocumentMeta",
    "FactualIssue",
    "Mention",
    "Quantity",
    "Quote",
    "ReferenceInfo",
    "Sentence",
]

STANCES = (
    "asserts_compliance",
    "admits_noncompliance",
    "alleges_violation",
    "denies_violation",
    "reports_measure",
    "other",
)


@dataclass(slots=True)
class DocumentMeta:
    sha256: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # "given", "header", "metadata", "dateline", "text"
    published_inferred: bool = False  # True when the year (or more) had to be inferred
    dateline: str | None = None  # place of the dateline, e.g. "Moscow"
    dateline_outlet: str | None = None  # agency named in the dateline, e.g. "UNI"
    language: str = "en"
    chars: int = 0


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A country, organisation or person found in the text."""

    kind: str  # "country", "org", "person"
    text: str
    start: int
    end: int
    sentence: int
    country: str | None = None  # ISO2 of the state meant (or linked), if any
    how: str = ""  # "name", "demonym", "capital", "ner", "role"
    role: str | None = None  # for persons: "spokeswoman", "Director of ..."
    affiliation: str | None = None  # for persons: "Russian Foreign Ministry"


@dataclass(slots=True)
class Quote:
    """Something said: a direct quote or reported speech, with who said it."""

    start: int
    end: int
    text: str
    speaker: str | None
    affiliation: str | None
    speaker_country: str | None
    direct: bool
    sentence: int
    cue: str  # the attribution verb or phrase ("said", "told", "according to")


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str
    what: str | None = None
    as_of: str | None = None
    approx: str | None = None  # "around", "nearly", "more than", ...
    text: str = ""
    start: int = 0
    end: int = 0

    def key(self) -> tuple[float, str]:
        return (self.value, self.unit)


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str  # ISO at the precision the text supports: 2019-12-22, 2019-12, 2019
    inferred: bool = False


@dataclass(slots=True)
class ReferenceInfo:
    """A resolution reference as reported by the regimes checker."""

    start: int
    end: int
    text: str
    number: int | None
    resolved: int | None
    obligation_id: str | None
    problem: str | None
    confidence: float
    date_problem: str | None = None  # the number is right, the date written with it is not


@dataclass(slots=True)
class Claim:
    subject_state: str
    stance: str
    evidence: str
    start: int
    end: int
    obligation_id: str | None = None
    obligation_label: str | None = None
    speaker: str | None = None
    speaker_affiliation: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    resolution_refs: list[str] = field(default_factory=list)
    confidence: float = 0.5
    document: str | None = None  # sha256 of the document
    outlet: str | None = None
    cues: list[str] = field(default_factory=list)  # why this stance (for explanation)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class FactualIssue:
    kind: str  # arithmetic, unit_conversion, list_count, deadline, institution_name, ...
    start: int
    end: int
    text: str
    explanation: str
    confidence: float
    number: int | None = None  # the resolution number, for resolution_number issues

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["message"] = self.explanation
        return d


@dataclass(slots=True)
class Analysis:
    document: DocumentMeta
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[Quote]
    quantities: list[Quantity]
    dates: list[DateMention]
    references: list[ReferenceInfo]
    claims: list[Claim]
    entities: list[dict[str, Any]] = field(default_factory=list)  # screening hits, if any
    factual_errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": _meta_dict(self.document),
            "claims": [c.to_dict() for c in self.claims],
            "quantities": [asdict(q) for q in self.quantities],
            "dates": [asdict(d) for d in self.dates],
            "references": [asdict(r) for r in self.references],
            "quotes": [asdict(q) for q in self.quotes],
            "mentions": [asdict(m) for m in self.mentions],
            "factual_errors": list(self.factual_errors),
            "entities": list(self.entities),
        }
        if with_text:
            out["text"] = self.text
        return out


def _meta_dict(meta: DocumentMeta) -> dict[str, Any]:
    d = asdict(meta)
    d["published"] = meta.published.isoformat() if meta.published else None
    return d
