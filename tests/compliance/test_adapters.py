"""From documents.Analysis to evidence, figures and reference issues."""

from __future__ import annotations

from datetime import date

from sanctionwatch.compliance.adapters import (
    evidence_from_analysis,
    issues_from_analysis,
    observations_from_analysis,
)
from sanctionwatch.compliance.model import SourceKind
from sanctionwatch.documents.model import (
    Analysis,
    Claim,
    DocumentMeta,
    Quantity,
    ReferenceInfo,
    Sentence,
)

TEXT = (
    "The United States estimated nearly 100,000 workers abroad, of which some 50,000 were "
    "in China and 30,000 in Russia. Zakharova said around 1,000 workers were still there."
)


def analysis() -> Analysis:
    first_end = TEXT.index(" Zakharova")

    def q(number: str, what: str, approx: str | None = None) -> Quantity:
        start = TEXT.index(number)
        value = float(number.replace(",", ""))
        return Quantity(value, "workers", what, None, approx, number, start, start + len(number))

    estimate = Claim(
        "KP", "other", TEXT[:first_end], 0, first_end, "2397-OP8", speaker="The United States",
        speaker_affiliation="The United States",
        quantities=[q("100,000", "workers abroad", "nearly"), q("50,000", "were in China"),
                    q("30,000", "in Russia")],
    )  # fmt: skip
    admission = Claim(
        "RU", "admits_noncompliance", TEXT[first_end + 1 :], first_end + 1, len(TEXT),
        "2397-OP8", speaker="Maria Zakharova", speaker_affiliation="Russian Foreign Ministry",
        quantities=[q("1,000", "workers were still there", "around")],
    )  # fmt: skip
    background = Claim("ALL", "other", TEXT[:10], 0, 10, "2397-OP8")
    meta = DocumentMeta("abc123", outlet="Reuters", published=date(2020, 1, 16))
    ref = ReferenceInfo(5, 9, "2379", 2379, 2397, None, "2379 is on Iraq", 0.9)
    return Analysis(
        meta, TEXT, [Sentence(0, 0, first_end, TEXT[:first_end])], [], [], [], [], [ref],
        [estimate, admission, background],
    )  # fmt: skip


def test_evidence_skips_background_and_classifies_speakers() -> None:
    evidence = evidence_from_analysis(analysis())
    assert [(e.state, e.source_kind) for e in evidence] == [
        ("KP", SourceKind.THIRD_STATE),
        ("RU", SourceKind.OWN),
    ]
    assert all(e.published == date(2020, 1, 16) and e.outlet == "Reuters" for e in evidence)


def test_figures_go_to_the_state_named_after_them() -> None:
    got = sorted((o.state, o.value, o.approx) for o in observations_from_analysis(analysis()))
    # "workers abroad" is no figure for one state; the others are placed where the text says.
    assert got == [("CN", 50000.0, False), ("RU", 1000.0, True), ("RU", 30000.0, False)]


def test_flagged_references_become_issues() -> None:
    [issue] = issues_from_analysis(analysis())
    assert issue.text == "2379" and issue.resolved == 2397
    assert issue.sentence.startswith("The United States estimated")
