"""One typo in a name part no other entry uses: the entry must still come first.

A letter dropped, added or swapped with its neighbour can leave a short word with
few or no 3-grams in common with the listed spelling ("MAPKIN" and "MAKIN" share
only "kin"); such tokens reach the names whose keys are one edit away."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.registry import parse_file
from sanctionwatch.names import phonetic
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.candidates import EDIT, candidates, reach
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def un() -> Screener:
    snapshot = parse_file(shared_file("lists/un/consolidated_2026-02-27.xml"))
    return Screener.from_entities(snapshot.entities)


@pytest.mark.parametrize(
    ("query", "ref", "listed"),
    [
        ("MOHAMED LAHAL", "QDi.062", "MOHAMED LAKHAL"),  # a letter left out
        ("DBOST MOHAMMAD", "TAi.092", "DOST MOHAMMAD"),  # a letter added
        ("MAPKIN", "IRe.039", "MAKIN"),
        ("TAMKAS COMPANY", "IRe.074", "TAMAS COMPANY"),
        ("ALI MYACHOU", "QDi.423", "ALI MAYCHOU"),  # two neighbours swapped
        ("ABDULLAH ANSOHRI", "QDi.216", "ABDULLAH ANSHORI"),
    ],
)
def test_one_typo_finds_the_entry(un: Screener, query: str, ref: str, listed: str) -> None:
    found = un.screen(Query(query))
    assert found, query
    top = found[0].score
    assert ref in {m.entity.ref for m in found if m.score == top}, [
        (m.key, m.score) for m in found[:3]
    ]
    assert found[0].matched_name == listed


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("Anna Mapkin", "IRe.039"),  # reaches MAKIN through "mapkin", other word unmatched
        ("Martin Kopti", "KPe.067"),  # reaches KOTI CORP through "kopti"
        ("Tamas Kovacs", "IRe.074"),  # shares "tamas" with TAMAS COMPANY
    ],
)
def test_one_edit_alone_is_not_a_match(un: Screener, query: str, ref: str) -> None:
    reached = candidates(un.prepare(Query(query)), un.index, limit=25)
    assert ref in {un.index.records[e].entity.ref for e, _ in reached}  # scored...
    assert ref not in {m.entity.ref for m in un.screen(Query(query))}  # ...and rejected


def test_unknown_tokens_reach_keys_one_edit_away(un: Screener) -> None:
    index = un.index
    assert "makin" in index.edit_keys("mapkin")  # insertion
    assert "lakhal" in index.edit_keys("lahal")  # deletion
    assert "maychou" in index.edit_keys("myachou")  # transposition
    assert "koti" in index.edit_keys("kobi")  # substitution
    assert all(abs(len(k) - len("myachou")) <= 1 for k in index.edit_keys("myachou"))
    typed = reach(index, "myachou", phonetic("myachou"), typed=True)
    by_edit = typed.names[typed.how == EDIT].tolist()
    assert "ALI MAYCHOU" in {index.names[n].text for n in by_edit}
    # Transliterations are guesses already: no edits on top of them.
    guessed = reach(index, "myachou", phonetic("myachou"))
    assert EDIT not in set(guessed.how.tolist())
