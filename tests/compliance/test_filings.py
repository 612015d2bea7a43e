from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sanctionwatch.compliance.indicators import read_csv
from sanctionwatch.compliance.model import ReportFiling
from sanctionwatch.compliance.rules import assess
from sanctionwatch.compliance.service import filings_from_evidence
from sanctionwatch.errors import InputError
from tests.compliance.facts import ILYICHEV, OP8, ev

FINAL = ev(
    "RU",
    "reports_measure",
    "Russia submitted its final report to the 1718 Committee in March.",
    speaker="Foreign Ministry",
    affiliation="Russian Foreign Ministry",
    published=date(2020, 4, 2),
    start=10,
)


def test_final_report_stated_in_a_document_counts_as_filed() -> None:
    filings = filings_from_evidence([FINAL, ILYICHEV], {OP8.id: OP8})
    assert [(f.state, f.what, f.filed_on) for f in filings] == [
        ("RU", "final report", date(2020, 4, 2))
    ]
    a = assess([ILYICHEV], OP8, date(2024, 6, 1), state="RU", filings=filings)
    assert a.final_report_missing is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia submitted its midterm report to the 1718 Committee.",  # not the final one
        "Russia will prepare its final report.",  # no submission
        "Russia submitted a report to the Committee.",  # which report is not said
    ],
)
def test_other_statements_are_not_final_filings(sentence: str) -> None:
    item = replace(FINAL, sentence=sentence)
    filings = filings_from_evidence([item], {OP8.id: OP8})
    a = assess([ILYICHEV], OP8, date(2024, 6, 1), state="RU", filings=filings)
    assert a.final_report_missing is True


def test_filing_after_the_as_of_date_does_not_count() -> None:
    filing = ReportFiling("RU", OP8.id, "final report", date(2021, 1, 10), "x")
    early = assess([ILYICHEV], OP8, date(2020, 6, 1), state="RU", filings=[filing])
    assert early.final_report_missing is True
    late = assess([ILYICHEV], OP8, date(2021, 6, 1), state="RU", filings=[filing])
    assert late.final_report_missing is False


def test_csv_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("indicator,state,period,value\n" + "visas,RU,2019,5\n" * 100)
    assert len(read_csv(path)[0].points) == 1
    with pytest.raises(InputError, match="more than the 1000 allowed"):
        read_csv(path, max_bytes=1000)
