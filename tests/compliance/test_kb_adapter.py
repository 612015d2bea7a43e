from __future__ import annotations

from datetime import date

from sanctionwatch.compliance.adapters import parse_period
from sanctionwatch.compliance.service import load_obligations
from sanctionwatch.regimes import load_kb


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, d.day)


def test_op8_view_from_the_knowledge_base() -> None:
    views = load_obligations()
    assert len(views) == len(load_kb().obligations())
    op8 = views["2397-OP8"]
    adopted = load_kb().resolution(2397).adopted
    assert op8.adopted == adopted == date(2017, 12, 22)
    # 24 months to repatriate; the final report 27 months after adoption.
    assert op8.deadline == add_months(adopted, 24)
    final = op8.final_report
    assert final is not None and final.due == add_months(adopted, 27)
    assert op8.category == "labour"
    assert "2375-OP17" in {k for k, v in views.items() if v.category == op8.category}


def test_parse_period() -> None:
    assert parse_period("2019-12-22") == date(2019, 12, 22)
    assert parse_period("2020-02") == date(2020, 2, 29)
    assert parse_period("2019-12") == date(2019, 12, 31)
    assert parse_period("2019") == date(2019, 12, 31)
    assert parse_period("2019-13") is None
    assert parse_period("last year") is None
    assert parse_period(None) is None
