"""Hand-built evidence mirroring the facts of the two seed articles (in our own words)."""

from __future__ import annotations

from datetime import date

from sanctionwatch.compliance.model import (
    Evidence,
    ObligationView,
    Observation,
    ReportingDue,
    SourceKind,
)

OP8 = ObligationView(
    id="2397-OP8",
    title="Repatriate DPRK nationals earning income",
    deadline=date(2019, 12, 22),
    reporting=(
        ReportingDue("midterm report", date(2019, 3, 22)),
        ReportingDue("final report", date(2020, 3, 22)),
    ),
)
REUTERS = date(2020, 1, 16)
UNI = date(2023, 12, 17)


def ev(
    state: str,
    stance: str,
    sentence: str,
    *,
    speaker: str | None = None,
    affiliation: str | None = None,
    kind: SourceKind = SourceKind.OWN,
    published: date | None = REUTERS,
    doc: str = "reuters",
    start: int = 0,
    obligation: str | None = "2397-OP8",
    quantities: tuple[Observation, ...] = (),
) -> Evidence:
    return Evidence(
        state=state,
        obligation_id=obligation,
        stance=stance,
        sentence=sentence,
        speaker=speaker,
        affiliation=affiliation,
        source_kind=kind,
        outlet="Reuters" if doc == "reuters" else "UNI",
        published=published,
        document_id=doc,
        document_title=doc,
        start=start,
        end=start + len(sentence),
        quantities=quantities,
    )


REMAINING = Observation(
    "RU", "North Korean workers still in Russia", 1000, "workers", as_of=REUTERS,
    approx=True, stated_in=REUTERS, speaker="Maria Zakharova", document_id="reuters",
)  # fmt: skip
US_ESTIMATE = Observation(
    "RU", "North Korean workers in Russia (US estimate)", 30000, "workers", as_of=None,
    stated_in=REUTERS, speaker="United States", document_id="reuters",
)  # fmt: skip

ADMISSION = ev(
    "RU",
    "admits_noncompliance",
    "Zakharova told reporters that Moscow had missed the deadline and that around 1,000 "
    "workers were still in Russia.",
    speaker="Maria Zakharova",
    affiliation="Russian Foreign Ministry",
    start=100,
    quantities=(REMAINING,),
)
SAME_DAY_CLAIM = ev(
    "RU",
    "asserts_compliance",
    "Zakharova said Moscow was rigorously complying with the sanctions nonetheless.",
    speaker="Maria Zakharova",
    affiliation="Russian Foreign Ministry",
    start=300,
    obligation=None,
)
ILYICHEV = ev(
    "RU",
    "asserts_compliance",
    "Russia has complied with the resolution prohibiting the hiring of North Korean workers.",
    speaker="Pyotr Ilyichev",
    affiliation="Russian Foreign Ministry",
    published=UNI,
    doc="uni",
)
EXPERTS = ev(
    "RU",
    "alleges_violation",
    "Experts suspect that many of those issued tourist visas are working illegally.",
    speaker="experts",
    kind=SourceKind.INDEPENDENT,
    start=900,
)
US_ON_CHINA = ev(
    "CN",
    "alleges_violation",
    "A senior U.S. official said China had also failed to send home North Korean workers by "
    "the December deadline, saying that was why Washington had blacklisted two entities "
    "involved in Pyongyang's labor export.",
    speaker="senior U.S. official",
    affiliation="United States",
    kind=SourceKind.THIRD_STATE,
    start=1500,
)
