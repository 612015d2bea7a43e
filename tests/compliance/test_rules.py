from __future__ import annotations

from dataclasses import replace
from datetime import date

from sanctionwatch.compliance.indicators import Point, Series, detect_surges
from sanctionwatch.compliance.model import ReportFiling, Status
from sanctionwatch.compliance.rules import RULES, assess
from tests.compliance.facts import (
    ADMISSION,
    EXPERTS,
    ILYICHEV,
    OP8,
    REUTERS,
    SAME_DAY_CLAIM,
    UNI,
    US_ON_CHINA,
)

AFTER = date(2024, 6, 1)


def visa_surges() -> list:
    tourist = Series("visas", "RU", "tourist", "visas", (Point("2018", 2035), Point("2019", 16613)))
    return detect_surges([tourist])


def test_no_evidence_is_no_information_with_deadline_shown() -> None:
    a = assess([], OP8, AFTER, state="RU")
    assert a.status is Status.NO_INFORMATION
    assert a.deadline_passed is True
    assert a.final_report_missing is True
    assert "final report was due 2020-03-22" in " ".join(r.text for r in a.reasons)


def test_admission_outranks_same_day_claim() -> None:
    a = assess([SAME_DAY_CLAIM, replace(SAME_DAY_CLAIM, obligation_id="2397-OP8"), ADMISSION],
               OP8, date(2020, 2, 1), state="RU")  # fmt: skip
    assert a.status is Status.ADMITS_NONCOMPLIANCE
    assert a.rule == "later-admission"
    assert "outranks 1 earlier or same-day claim" in a.reasons[0].text
    assert a.confidence == 1.0
    assert a.deadline_passed is True
    assert a.final_report_missing is False  # final report not due until 2020-03-22


def test_later_admission_outranks_earlier_claim_but_not_the_reverse() -> None:
    early_claim = replace(ILYICHEV, published=date(2019, 6, 1))
    a = assess([early_claim, ADMISSION], OP8, AFTER, state="RU")
    assert a.status is Status.ADMITS_NONCOMPLIANCE
    # A later claim of compliance, uncontested, replaces the earlier admission.
    b = assess([ADMISSION, ILYICHEV], OP8, AFTER, state="RU")
    assert b.status is Status.CLAIMS_COMPLIANCE
    assert b.rule == "own-claim"


def test_claim_contested_by_experts_and_visa_surge_is_disputed() -> None:
    a = assess([ADMISSION, ILYICHEV, EXPERTS], OP8, AFTER, state="RU", surges=visa_surges())
    assert a.status is Status.DISPUTED
    text = a.reasons[0].text
    assert "Pyotr Ilyichev" in text and "experts" in text and "x8.2" in text
    assert 0 < a.confidence < 1
    assert "no filing by RU is on record" in " ".join(r.text for r in a.reasons)
    assert "disputed (deadline 2019-12-22 passed, no final report on record)" in a.headline


def test_surge_alone_contests_a_claim() -> None:
    a = assess([ILYICHEV], OP8, AFTER, state="RU", surges=visa_surges())
    assert a.status is Status.DISPUTED
    assert assess([ILYICHEV], OP8, AFTER, state="RU").status is Status.CLAIMS_COMPLIANCE


def test_third_party_report_without_own_claim() -> None:
    a = assess([US_ON_CHINA, ADMISSION], OP8, AFTER, state="CN")
    assert a.status is Status.REPORTED_NONCOMPLIANCE
    assert [e.state for e in a.evidence] == ["CN"]
    assert a.confidence == 0.7


def test_as_of_hides_later_evidence_and_flips_deadline() -> None:
    a = assess([ADMISSION, ILYICHEV], OP8, date(2019, 1, 1), state="RU")
    assert a.status is Status.NO_INFORMATION
    assert a.deadline_passed is False
    assert a.final_report_missing is False


def test_filed_final_report_clears_the_missing_flag() -> None:
    filing = ReportFiling("RU", "2397-OP8", "final report", date(2020, 3, 20), "1718 Committee")
    a = assess([ILYICHEV], OP8, AFTER, state="RU", filings=[filing])
    assert a.final_report_missing is False
    assert any("filed on 2020-03-20" in r.text for r in a.reasons)


def test_undated_statements_cannot_be_ordered() -> None:
    a = assess([replace(ILYICHEV, published=None), replace(ADMISSION, published=None)],
               OP8, AFTER, state="RU")  # fmt: skip
    assert a.status is Status.ADMITS_NONCOMPLIANCE
    assert any("undated" in r.text for r in a.reasons)


def test_rules_have_unique_names_and_descriptions() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.description for r in RULES)
    assert RULES[-1].name == "fallback"
    assert REUTERS < UNI
