"""The knowledge base's records: resolutions, regimes, obligations, caps, reporting duties.

Regime files (``data/regimes/*.yaml``) are validated with the pydantic models below when
they are loaded. Deadlines are written either as a date or as a rule relative to the
resolution's adoption ("24 months after adoption"); the loader computes the date and keeps
the rule beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

__all__ = [
    "CATEGORIES",
    "STATUSES",
    "Limit",
    "MandateRenewal",
    "Obligation",
    "Quantity",
    "RegimeFile",
    "ReportingDuty",
    "Resolution",
    "Source",
]

Status = Literal["verbatim", "official summary", "secondary", "unconfirmed"]
STATUSES: tuple[str, ...] = ("verbatim", "official summary", "secondary", "unconfirmed")

Category = Literal[
    "arms embargo",
    "export ban",
    "import ban",
    "supply ban",
    "cap",
    "asset freeze",
    "travel ban",
    "inspection",
    "maritime",
    "financial",
    "labour",
    "joint ventures",
    "reporting",
    "monitoring",
    "nuclear limits",
    "other",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

_PARAGRAPH = re.compile(
    r"^(OP\d+[a-z]?(\([a-z]+\))*(–\d+)?|annex( [A-Z])?( para \d+(\([a-z]\))?)?)$"
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """One row of the resolution index."""

    number: int
    adopted: date
    subject: str
    topic: str
    regime: str | None = None

    @property
    def symbol(self) -> str:
        return f"S/RES/{self.number} ({self.adopted.year})"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """Where a fact was read: a short id used in the regime file and its address."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    url: str
    note: str | None = None


class Limit(_Model):
    value: float = Field(gt=0)
    unit: str


class Quantity(_Model):
    """A numeric cap. Several limits combine by ``rule`` ("whichever is lower")."""

    what: str
    limits: list[Limit] = Field(min_length=1)
    rule: Literal["single", "whichever is lower"] = "single"
    period: str | None = None
    start: date | None = None
    end: date | None = None
    note: str | None = None

    @property
    def value(self) -> float:
        return self.limits[0].value

    @property
    def unit(self) -> str:
        return self.limits[0].unit

    @model_validator(mode="after")
    def _rule_fits(self) -> Quantity:
        if self.rule == "single" and len(self.limits) != 1:
            raise ValueError("several limits need a rule such as 'whichever is lower'")
        return self


def _rule_text(value: object) -> object:
    """A rule written as a bare YAML date arrives as a date: keep it as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


class ReportingDuty(_Model):
    """A report the obligation asks for: what, to whom, and when (rule and computed date)."""

    what: str
    to: str | None = None
    due_rule: str | None = None
    due: date | None = None
    recurring: str | None = None

    due_rule_text = field_validator("due_rule", mode="before")(_rule_text)


class Obligation(_Model):
    """An obligation (or measure) laid down by one paragraph of one resolution."""

    id: str = Field(pattern=r"^\d{1,4}-[A-Za-z0-9().–-]+$")
    resolution: int = Field(gt=0)
    paragraph: str | None = None
    title: str
    summary: str
    category: Category
    applies_to: str = "all States"
    deadline_rule: str | None = None
    deadline: date | None = None
    ends_rule: str | None = None
    ends: date | None = None
    reporting: list[ReportingDuty] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    # names of firms, bodies and places tied to the obligation ("mansudae", "iaea"): they
    # support an obligation that its keywords select, never select one alone
    names: list[str] = Field(default_factory=list)
    status: Status
    unconfirmed: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    note: str | None = None
    # ids this obligation had before (claims stored under them are read as this one)
    replaces: list[str] = Field(default_factory=list)
    # whether a text whose sentences mostly name this duty is about it, so that its other
    # sentences take it: not for conduct told as the reason for sanctions ("over its
    # nuclear tests"), which frames no other sentence
    frames_documents: bool = True
    # keywords that name an act of enforcing other measures ("seized"): a sentence that
    # also names the measure enforced ("seized a ship that carried coal") is about that one
    enforcing_keywords: list[str] = Field(default_factory=list)

    rule_texts = field_validator("deadline_rule", "ends_rule", mode="before")(_rule_text)

    @field_validator("paragraph")
    @classmethod
    def _paragraph_form(cls, value: str | None) -> str | None:
        if value is not None and not _PARAGRAPH.match(value):
            raise ValueError(f"paragraph {value!r} should look like 'OP8', 'OP26(b)' or 'annex B'")
        return value

    @field_validator("keywords", "names", "enforcing_keywords")
    @classmethod
    def _keywords_lower(cls, value: list[str]) -> list[str]:
        return [" ".join(k.casefold().split()) for k in value if k.strip()]

    @model_validator(mode="after")
    def _consistent(self) -> Obligation:
        if not self.id.startswith(f"{self.resolution}-"):
            raise ValueError(f"id {self.id!r} must start with the resolution number")
        if self.paragraph is None and "paragraph" not in self.unconfirmed:
            raise ValueError(
                "no paragraph given: write the paragraph or list 'paragraph' under unconfirmed"
            )
        if not self.sources and self.status != "unconfirmed":
            raise ValueError("sources: name at least one source, or set status: unconfirmed")
        stray = sorted(set(self.enforcing_keywords) - set(self.keywords))
        if stray:
            raise ValueError(f"enforcing_keywords not among the keywords: {', '.join(stray)}")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def paragraph_confirmed(self) -> bool:
        """True when a source read states the paragraph number."""
        return self.paragraph is not None and "paragraph" not in self.unconfirmed

    @computed_field  # type: ignore[prop-decorator]
    @property
    def label(self) -> str:
        where = self.paragraph or "paragraph unconfirmed"
        return f"UNSCR {self.resolution} {where}: {self.title}"


class MandateRenewal(_Model):
    """One step in the history of a monitoring panel's mandate."""

    resolution: int | None = None
    event: str
    until: date | None = None
    reports: list[ReportingDuty] = Field(default_factory=list)
    status: Status
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sourced(self) -> MandateRenewal:
        if not self.sources and self.status != "unconfirmed":
            raise ValueError("sources: name at least one source, or set status: unconfirmed")
        return self


class RegimeFile(_Model):
    """The top level of one ``data/regimes/<key>.yaml`` file."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    committee: str | None = None
    established_by: int
    resolutions: list[int] = Field(min_length=1)
    aliases: list[str] = Field(min_length=1)
    # whether the measures are directed at the state the regime is named after (the DPRK,
    # Iran), or at armed groups and persons on its ground, with its government carrying
    # them out (Somalia's charcoal ban, the DRC's embargo on armed groups, Haiti's gangs)
    against_state: bool = True
    note: str | None = None
    panel: list[MandateRenewal] = Field(default_factory=list)
    panel_obligation: str | None = None
    panel_ended: date | None = None
    obligations: list[Obligation] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)

    @field_validator("aliases")
    @classmethod
    def _aliases_lower(cls, value: list[str]) -> list[str]:
        return [" ".join(k.casefold().split()) for k in value if k.strip()]
