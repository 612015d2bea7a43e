"""The packaged knowledge base: index, regimes, obligations, caps, deadlines."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

import sanctionwatch.regimes
from sanctionwatch.errors import NotFoundError
from sanctionwatch.regimes import STATUSES, load_kb
from tests.conftest import shared_file

KB = load_kb()


def resource_rows(name: str) -> list[dict[str, str]]:
    with (Path(sanctionwatch.regimes.__file__).parent / "data" / name).open(
        encoding="utf-8", newline=""
    ) as fh:
        return list(csv.DictReader(fh))


def test_index_has_every_dated_row_of_the_shared_list() -> None:
    path = shared_file("resolutions/unsc_resolutions.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["date"].strip()]
    for row in rows:
        res = KB.resolution(int(row["number"]))
        assert res is not None, row["number"]
        assert res.adopted.isoformat() == row["date"]
    # the shared rows plus the ones added by hand, nothing else
    added = resource_rows("resolutions_added.csv")
    assert not {int(r["number"]) for r in rows} & {int(r["number"]) for r in added}
    assert len(KB.resolutions) == len(rows) + len(added)
    flagged = {int(r["number"]) for r in rows if r["regime"] == "DPRK 1718"}
    assert {n for n, r in KB.resolutions.items() if r.regime == "dprk"} == flagged | {2680}


@pytest.mark.parametrize(
    ("number", "adopted", "regime"),
    [
        (1718, date(2006, 10, 14), "dprk"),
        (2397, date(2017, 12, 22), "dprk"),
        (2270, date(2016, 3, 2), "dprk"),
        (2379, date(2017, 9, 21), None),
        (2231, date(2015, 7, 20), "iran"),
        (2680, date(2023, 3, 23), "dprk"),
    ],
)
def test_resolution_facts(number: int, adopted: date, regime: str | None) -> None:
    res = KB.resolution(number)
    assert res is not None
    assert res.adopted == adopted
    assert KB.regime_of(number) == regime


def test_2379_is_on_isil_in_iraq() -> None:
    res = KB.resolution(2379)
    assert res is not None and "ISIL" in res.topic and "Iraq" in res.topic
    assert KB.resolution(99999) is None


def test_dprk_regime_lists_the_measure_resolutions_and_panel_end() -> None:
    reg = KB.regimes["dprk"]
    measures = {1718, 1874, 2087, 2094, 2270, 2321, 2356, 2371, 2375, 2397}
    assert measures <= {ob.resolution for ob in KB.obligations("dprk")}
    assert reg.panel_ended == date(2024, 4, 30)
    renewals = [p.resolution for p in reg.panel if p.resolution]
    assert renewals == sorted(renewals) and renewals[-1] == 2680
    # every DPRK resolution after 1874 that sets no measure appears in the Panel history
    measures = {ob.resolution for ob in KB.obligations("dprk")}
    assert set(reg.resolutions) - measures - {1718} == set(renewals) - {1874}
    assert all(p.sources or p.status == "unconfirmed" for p in reg.panel)
    assert KB.obligation("1874-OP26").ends == date(2024, 4, 30)


def test_2397_op8_deadline_and_reports() -> None:
    ob = KB.obligation("2397-OP8")
    assert ob.paragraph == "OP8" and ob.deadline_rule == "24 months after adoption"
    assert ob.deadline == date(2019, 12, 22)
    dues = {duty.what.split()[0]: duty.due for duty in ob.reporting}
    assert dues == {"midterm": date(2019, 3, 22), "final": date(2020, 3, 22)}
    assert {"repatriate", "send home", "north korean workers", "guest workers"} <= set(ob.keywords)


def test_1718_arms_embargo_is_paragraph_8_beside_its_luxury_goods_subparagraph() -> None:
    arms = KB.obligation("1718-OP8ab")
    assert arms.paragraph == "OP8" and "paragraph" not in arms.unconfirmed
    assert KB.obligation("1718-OP8a-iii").paragraph == "OP8(a)(iii)"
    # its id before the paragraph was read still finds it (claims stored under it)
    assert KB.obligation("1718-arms-embargo") is arms
    assert KB.current_id("1718-arms-embargo") == "1718-OP8ab"
    assert KB.current_id("2397-OP8") == "2397-OP8"


def test_2375_op18_joint_ventures_120_days() -> None:
    ob = KB.obligation("2375-OP18")
    assert ob.deadline_rule == "120 days after adoption"
    assert ob.deadline == date(2018, 1, 9)  # 11 Sep 2017 + 120 days


def test_computed_reporting_deadlines_agree_with_the_fact_sheet() -> None:
    assert KB.obligation("1718-reporting").reporting[0].due == date(2006, 11, 13)
    assert KB.obligation("2094-OP25").reporting[0].due == date(2013, 6, 5)
    assert KB.obligation("2270-reporting").reporting[0].due == date(2016, 5, 31)


def test_numeric_caps() -> None:
    op5 = KB.obligation("2397-OP5").quantities[0]
    assert (op5.value, op5.unit, op5.start) == (500000, "barrels", date(2018, 1, 1))
    op4 = KB.obligation("2397-OP4").quantities[0]
    assert [(lim.value, lim.unit) for lim in op4.limits] == [(4000000, "barrels"), (525000, "tons")]
    coal = KB.obligation("2321-OP26b").quantities[0]
    assert coal.rule == "whichever is lower"
    assert [(lim.value, lim.unit) for lim in coal.limits] == [
        (400870018, "USD"),
        (7500000, "tonnes"),
    ]


def test_every_obligation_cites_a_paragraph_or_is_marked_unconfirmed() -> None:
    sources = {key: {s.id for s in reg.sources} for key, reg in KB.regimes.items()}
    for key, reg in KB.regimes.items():
        for ob in reg.obligations:
            assert ob.paragraph is not None or "paragraph" in ob.unconfirmed, ob.id
            assert ob.status in STATUSES
            assert ob.sources or ob.status == "unconfirmed", ob.id
            assert set(ob.sources) <= sources[key], ob.id
            assert ob.id.startswith(f"{ob.resolution}-")
            assert KB.resolution(ob.resolution) is not None


def test_a_second_regime_proves_the_model_general() -> None:
    iran = KB.obligations("iran")
    assert len(iran) >= 5
    arms = KB.obligation("2231-annexB-5")
    assert arms.ends == date(2020, 10, 18)
    stock = KB.obligation("2231-annexA-stockpile")
    assert {q.value for q in stock.quantities} == {300, 202.8}


def test_unknown_ids_raise_clear_errors() -> None:
    with pytest.raises(NotFoundError, match="2397-OP99"):
        KB.obligation("2397-OP99")
    with pytest.raises(
        NotFoundError,
        match="known: car, dprk, drc, eritrea, haiti, iran, libya, somalia, south_sudan, "
        "sudan, yemen",
    ):
        KB.obligations("atlantis")
    assert KB.obligations("DPRK") == KB.obligations("dprk")


def test_load_kb_is_cached() -> None:
    assert load_kb() is KB


def test_libya_reporting_deadline_matches_the_committee_note() -> None:
    # the 1970 Committee told States the 120 days ran "to 26 June 2011"
    ob = KB.obligation("1970-OP25")
    assert ob.reporting[0].due_rule == "120 days after adoption"
    assert ob.reporting[0].due == date(2011, 6, 26)
    assert {o.paragraph for o in KB.obligations("libya")} >= {"OP9", "OP10", "OP15", "OP17"}
    assert KB.regime_of(1970) == KB.regime_of(1973) == "libya"
