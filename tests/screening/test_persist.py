"""The index saved to disk answers exactly as the one built in memory."""

from __future__ import annotations

from pathlib import Path

from sanctionwatch.screening import Query, Screener


def test_round_trip(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "index.pkl"
    screener.save(path)
    loaded = Screener.load(path)
    assert loaded is not None
    for q in ["Kim Jong Un", "김정은", "Korea Ryongbong", "A. R. Yasin"]:
        a = [(m.key, m.score, m.matched_name) for m in screener.screen(Query(q), threshold=0)]
        b = [(m.key, m.score, m.matched_name) for m in loaded.screen(Query(q), threshold=0)]
        assert a == b
    m = loaded.screen(Query("Kim Jong Un"))[0]
    assert m.entity.birth_dates[0].start.year == 1984


def test_missing_or_corrupt_file_gives_none(tmp_path: Path) -> None:
    assert Screener.load(tmp_path / "absent.pkl") is None
    bad = tmp_path / "bad.pkl"
    bad.write_bytes(b"not a pickle")
    assert Screener.load(bad) is None


def test_a_loaded_index_saves_again(screener: Screener, tmp_path: Path) -> None:
    """A loaded index keeps names and entities in saved form until they are used;
    saving it again (some used, most not) gives an index that answers the same."""
    first = tmp_path / "first.pkl"
    screener.save(first)
    loaded = Screener.load(first)
    assert loaded is not None
    loaded.screen(Query("Kim Jong Un"))  # some names and entities now built
    second = tmp_path / "second.pkl"
    loaded.save(second)
    again = Screener.load(second)
    assert again is not None
    assert [r.entity.ref for r in again.index.records] == [
        r.entity.ref for r in screener.index.records
    ]
    for q in ["Kim Jong Un", "Kim Jomg Un", "KimJongUn", "김정은", "John Smith"]:
        want = [(m.key, m.score, m.matched_name) for m in screener.screen(Query(q))]
        got = [(m.key, m.score, m.matched_name) for m in again.screen(Query(q))]
        assert got == want, q


def test_a_warmed_index_answers_the_same(screener: Screener, tmp_path: Path) -> None:
    """warm() builds every name and record of a loaded index before batch workers
    fork; hits() is what screen() returns, without reading the entities."""
    path = tmp_path / "index.pkl"
    screener.save(path)
    loaded = Screener.load(path)
    assert loaded is not None
    loaded.warm()
    assert isinstance(loaded.index.names, list) and isinstance(loaded.index.records, list)
    assert len(loaded.index.names) == len(screener.index.names)
    for q in ["Kim Jong Un", "Ri Je Son", "KOMID"]:
        found = screener.screen(Query(q), threshold=0.5)
        hits = loaded.hits(Query(q), threshold=0.5)
        assert [(m.key, m.score, m.matched_name) for m in found] == [
            (h.key, h.score, h.matched_name) for h in hits
        ]
        assert [h.record.primary for h in hits] == [m.entity.primary_name for m in found]


def test_saves_of_one_index_at_once_all_succeed(screener: Screener, tmp_path: Path) -> None:
    """Two processes storing list versions may save the same index at the same moment."""
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "index.pkl"
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: screener.save(path), range(8)))
    assert Screener.load(path) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.pkl"]
