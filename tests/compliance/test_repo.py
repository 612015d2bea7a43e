from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from sanctionwatch.compliance.indicators import parse_csv
from sanctionwatch.compliance.model import ReportFiling, Status
from sanctionwatch.compliance.repo import ComplianceRepository
from sanctionwatch.compliance.rules import assess
from sanctionwatch.errors import InputError
from sanctionwatch.store.db import Store
from tests.compliance.facts import EXPERTS, ILYICHEV, OP8
from tests.store.backends import store, store_settings

__all__ = ["store", "store_settings"]  # fixtures: SQLite, and PostgreSQL when configured

CSV = (
    "indicator,state,category,period,value\n"
    "visas,RU,tourist,2018,2035\nvisas,RU,tourist,2019,16613\n"
)


@pytest.fixture()
def repo(store: Store) -> ComplianceRepository:
    return ComplianceRepository(store)


def test_migration_creates_tables(repo: ComplianceRepository) -> None:
    names = set(inspect(repo.store.engine).get_table_names())
    assert {"compliance_indicator_points", "compliance_status_log",
            "compliance_report_filings", "compliance_alert_acks"} <= names  # fmt: skip


def test_series_roundtrip_and_reimport_replaces(repo: ComplianceRepository) -> None:
    assert repo.import_series(parse_csv(CSV), origin="a.csv") == 2
    assert repo.import_series(parse_csv(CSV), origin="a.csv") == 2
    series = repo.series("ru")
    assert [(p.period, p.value) for p in series[0].points] == [("2018", 2035.0), ("2019", 16613.0)]
    assert [(o, n) for o, n, _ in repo.origins()] == [("a.csv", 2)]


def test_failed_import_leaves_data(repo: ComplianceRepository) -> None:
    repo.import_series(parse_csv(CSV), origin="a.csv")
    with pytest.raises(InputError):
        repo.import_series([], origin="a.csv")
    assert len(repo.series()[0].points) == 2


def test_status_log_only_on_change(repo: ComplianceRepository) -> None:
    a = assess([ILYICHEV], OP8, date(2024, 1, 1), state="RU")
    assert repo.record_statuses([a]) == 1
    assert repo.record_statuses([a]) == 0
    b = assess([ILYICHEV, EXPERTS], OP8, date(2024, 1, 1), state="RU")
    assert repo.record_statuses([b]) == 1
    last = repo.last_statuses()[("RU", "2397-OP8")]
    assert last.status is Status.DISPUTED and len(last.evidence_keys) == 2


def test_filings_and_acks(repo: ComplianceRepository) -> None:
    repo.add_filing(ReportFiling("ru", "2397-OP8", "final report", date(2020, 3, 20), "x"))
    assert repo.filings()[0].state == "RU"
    repo.acknowledge("abc", "seen")
    repo.acknowledge("abc")
    assert list(repo.acknowledged()) == ["abc"]
