"""Candidate generation: which names a query token reaches, and which entities come
first when many share the query's tokens."""

from __future__ import annotations

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.names import phonetic, variant_key
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.candidates import (
    EDIT,
    KEY,
    NEAR,
    PHONETIC,
    candidates,
    reach,
    reach_skeleton,
)


def _screener(*names: str) -> Screener:
    return Screener.from_entities(
        [Entity("un", f"E.{i}", EntityKind.PERSON, [Name(n)]) for i, n in enumerate(names)]
    )


def test_reach_takes_each_name_once_by_its_strongest_way() -> None:
    s = _screener("Kim Jong Un", "Kim Chong Il", "Jong Nam", "Ri Jong Sik", "Pak Yong")
    index = s.index
    got = reach(index, variant_key("jong"), phonetic("jong"))
    by_name = dict(zip(got.names.tolist(), got.how.tolist(), strict=True))
    texts = {index.names[n].text: how for n, how in by_name.items()}
    assert len(by_name) == len(got.names)  # each name once
    # "chong" shares the variant key of "jong": reached by key, not by sound alone
    assert texts["Kim Chong Il"] == KEY and texts["Jong Nam"] == KEY
    assert "Pak Yong" not in texts
    assert reach(index, variant_key("jong"), phonetic("jong")) is got  # cached
    # a key no list uses reaches names through its nearest known keys
    near = reach(index, "jongsikk", phonetic("jongsikk"))
    assert near.key_size is None
    assert set(near.how.tolist()) <= {NEAR, PHONETIC}


def test_equal_shares_put_the_shortest_name_first() -> None:
    """Thirty entries contain "Kim Chol"; the one that is just "Kim Chol" must be among
    the candidates kept, whatever its place in the lists."""
    many = [f"Kim {given} Chol" for given in ["Yong", "Song", "Tong", "Myong"] * 8]
    s = _screener(*many, "Kim Chol")
    pq = s.prepare(Query("Kim Chol"))
    found = candidates(pq, s.index, limit=5)
    assert s.index.records[found[0][0]].ref == f"E.{len(many)}"
    assert s.screen(Query("Kim Chol"))[0].entity.ref == f"E.{len(many)}"


def test_equal_shares_put_the_name_that_found_more_of_the_query_first() -> None:
    """A query in two scripts has a form for each part: "АО" (Cyrillic letters) alone
    reaches every name with AO as fully as the whole query reaches "179 SRZ AO", and
    those names are shorter; the whole query's entry must come first."""
    real = ["AO TSSD", "AO NIK", "AO SHVABE", "PROGRESS AO", "INSTRUMENT AO", "AO SRZ"]
    s = Screener.from_entities(
        [
            Entity("ofac_sdn", f"O.{i}", EntityKind.ORGANISATION, [Name(n)])
            for i, n in enumerate([*real, "179 SRZ AO"])
        ]
    )
    pq = s.prepare(Query("179 SRZ \u0410\u041e", kind=EntityKind.ORGANISATION))
    assert any(form.tokens == ("ao",) for form in pq.forms)  # the Cyrillic part alone
    found = candidates(pq, s.index, limit=3)
    assert s.index.records[found[0][0]].ref == f"O.{len(real)}"


def test_a_consonant_skeleton_reaches_the_names_spelt_with_its_consonants() -> None:
    """Arabic script leaves out vowels: the skeleton "jrmn" (جرمان) reaches DJERMANE
    (dj/j folded) and Jarman, never German or Jordan; among 40 names sharing "Kamel", the one
    whose other part has that skeleton is kept, and matches first."""
    others = [f"Kamel {n}" for n in ["Jordan", "German", "Saleh", "Nasser"] * 10]
    s = _screener(*others, "KAMEL DJERMANE", "Omar Jarman")
    got = reach_skeleton(s.index, "jrmn")
    texts = {s.index.names[n].text for n in got.names.tolist()}
    assert texts == {"KAMEL DJERMANE", "Omar Jarman"}
    assert set(got.how.tolist()) == {EDIT}
    assert reach_skeleton(s.index, "jrmn") is got  # cached
    assert len(reach_skeleton(s.index, "zzz").names) == 0
    pq = s.prepare(Query("كمال جرمان"))
    kept = {s.index.records[e].ref for e, _ in candidates(pq, s.index, limit=3)}
    assert f"E.{len(others)}" in kept
    assert s.screen(Query("كمال جرمان"))[0].entity.ref == f"E.{len(others)}"
    # another given name: the skeleton alone does not make a match
    assert not s.screen(Query("حسن جرمان"))
