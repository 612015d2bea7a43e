"""One shared run over every registered algorithm."""

from __future__ import annotations

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.screening import ALGORITHMS, Query, Screener, get_algorithm


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
def test_every_algorithm_finds_exact_names_and_rejects_strangers(
    screener: Screener, name: str
) -> None:
    algo = screener.with_algorithm(name)
    for q, ref in [("Kim Jong Un", "T.001"), ("Choe Ryong Hae", "T.006"), ("KOMID", "T.008")]:
        found = algo.screen(Query(q))
        assert found and found[0].entity.ref == ref, (name, q)
        assert 0.0 <= found[0].score <= 1.0
    assert algo.screen(Query("Jennifer McClellan")) == []


def test_only_sw_v1_separates_kim_yo_jong(screener: Screener) -> None:
    ours = screener.screen(Query("Kim Yo Jong"), limit=5)
    assert [m.entity.ref for m in ours] == ["T.002"]
    baseline = screener.with_algorithm("jaro-winkler").screen(Query("Kim Yo Jong"), limit=5)
    assert {m.entity.ref for m in baseline} >= {"T.002", "T.001"}


def test_unknown_algorithm() -> None:
    with pytest.raises(InputError, match="unknown matching algorithm"):
        get_algorithm("logic-v9")
