"""What the claim rules read for one sentence: its facts, the duty its obligation brings,
and the shape of a claim found in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sanctionwatch.documents.gazetteer import CountryHit
from sanctionwatch.documents.links import ObligationIndex, ObligationLink
from sanctionwatch.documents.model import DateMention, Quantity, ReferenceInfo, Sentence
from sanctionwatch.documents.quotes import Attribution

__all__ = ["Duty", "Found", "SentenceFacts"]


# a claim found in a sentence: subject, stance, cues, confidence, and the obligation it
# is about where that is not the sentence's own (goods of another ban named beside it)
Found = tuple[str, str, list[str], float, str | None]


@dataclass(slots=True)
class Duty:
    """What the sentence's linked obligation brings to the rules: its category, the state
    the regime targets, its caps, and whether its deadline had passed when published."""

    category: str | None = None
    target: str | None = None
    limits: dict[str, float] = field(default_factory=dict)
    overdue: bool = False
    # the other obligations the sentence's words name, with their categories
    others: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls,
        index: ObligationIndex,
        link: ObligationLink | None,
        target: str | None,
        published: date | None,
        text: str = "",
    ) -> Duty:
        if link is None:
            return cls(target=target)
        due = index.deadline(link.obligation_id)
        others = tuple(
            (ob.id, cat)
            for _, ob, _ in index.score(text, published)
            if ob.id != link.obligation_id and (cat := index.category(ob.id))
        )
        return cls(
            category=index.category(link.obligation_id),
            target=target,
            limits=index.limits(link.obligation_id),
            overdue=published is not None and due is not None and published > due,
            others=others if link.obligation_id else (),
        )


@dataclass(slots=True)
class SentenceFacts:
    sentence: Sentence
    countries: list[CountryHit]
    attribution: Attribution | None
    quantities: list[Quantity]
    dates: list[DateMention]
    references: list[ReferenceInfo]
