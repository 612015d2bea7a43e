"""Shortened names, initials and patronymics against real list names.

A query that leaves out one part of a person's name, or gives one part as an
initial, fits every entry of which it is a part equally, whichever part is missing
and however rare; a patronymic is not the given name it is made from; the spelling
as listed beats a listed variant of it when all else is equal."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.screening import Match, Query, Screener


def _entity(ref: str, *names: str, kind: EntityKind = EntityKind.PERSON) -> Entity:
    return Entity(
        "ofac_sdn",
        ref,
        kind,
        [
            Name(n, NameKind.PRIMARY if i == 0 else NameKind.STRONG_ALIAS)
            for i, n in enumerate(names)
        ],
    )


@pytest.fixture(scope="module")
def screener() -> Screener:
    vessel, org = EntityKind.VESSEL, EntityKind.ORGANISATION
    return Screener.from_entities(
        [
            _entity("konstantin", "MALOFEYEV, Konstantin"),
            _entity("kirill", "MALOFEYEV, Kirill Konstantinovich"),
            _entity("aung-mar", "MYINT, Aung Mar"),
            _entity("ohn-mar", "MYINT, Ohn Mar"),
            _entity("kim", "KIM, Kyong Il"),
            _entity("kang", "KANG, Kyong Il"),
            _entity("barsukov", "BARSUKOV, Sergei Vladimirovich"),
            _entity("berezkin", "BEREZKIN, Sergei Vladimirovich"),
            _entity("al-amin", "AL-AMIN, Muhammad 'Abdallah"),
            _entity("behzad", "BEHZAD, Ahmad Abdulla Mohammad Abdulla", "AHMED MOHAMMED ABDULLAH"),
            _entity("ezat", "ZAKI EZAT ZAKI AHMED"),
            _entity("izzat", "AHMAD, Zaki Izzat Zaki"),
            _entity("oo", "OO, Ko Ko"),
            _entity("hlaing", "HLAING, Ko Ko"),
            _entity("huwaysh", "ABD-AL-TAWWAB MULLAH HUWAYSH"),
            _entity("ryan", "RYAN, Damion Patrick John"),
            _entity("mahat", "HASSAN MAHAT OMAR"),
            _entity("hussain", "HUSSAIN, Omar"),
            _entity("anshori", "ABDULLAH ANSHORI", "Abu Fatih"),
            _entity("markov", "Vladimir Konstantinovich MARKOV"),
            _entity("masri", "MAHAMED, Mostafa", "AL-MASRI, Abu Sulayman"),
            _entity("kurdi", "MUHAMMADI, Umid", "AL-KURDI, Abu Sulayman"),
            _entity("dulaymi", "AL-DULAYMI, Ahmad Khalaf Shabib", "SULAYMAN, Abu"),
            _entity("sudak", "SUDAK", kind=vessel),
            _entity("foxwhelp", "FOXWHELP LIMITED", kind=org),
        ]
    )


def _found(screener: Screener, name: str, kind: EntityKind | None = None) -> list[Match]:
    return screener.screen(Query(name, kind=kind))


def _top(screener: Screener, name: str, kind: EntityKind | None = None) -> set[str]:
    """The references tied for the top score (at or above the threshold)."""
    found = _found(screener, name, kind)
    return {m.entity.ref for m in found if m.score == found[0].score} if found else set()


@pytest.mark.parametrize(
    ("query", "refs"),
    [
        ("MYINT, Mar", {"aung-mar", "ohn-mar"}),  # a rare part dropped costs no more
        ("K. Kyong Il", {"kim", "kang"}),  # the initial fits both family names
        ("B. Sergei Vladimirovich", {"barsukov", "berezkin"}),
        ("MALOFEYEV, Konstantinovich", {"kirill"}),  # the son, not Konstantin
        ("A. Muhammad 'Abdallah", {"al-amin"}),  # "A." for AL-AMIN, spelt as listed
        ("ZAKI ZAKI AHMED", {"ezat"}),  # Ahmed as listed beats the variant Ahmad
        ("O. Ko Ko", {"oo"}),  # a lone letter in a Burmese name is an initial
        ("HUWAYSH, Mullah", {"huwaysh"}),  # "Abd al-Tawwab" left out is one part
        ("Konstantin MALOFEYEV", {"konstantin"}),
        ("HASSAN OMAR", {"mahat"}),  # a middle name left out before a sound-alike name
        # the article before "Abu" belongs to a word left out: AL-MASRI or AL-KURDI
        ("AL Abu Sulayman", {"masri", "kurdi"}),
        ("Abu Sulayman", {"dulaymi"}),
    ],
)
def test_shortened_names_and_initials(screener: Screener, query: str, refs: set[str]) -> None:
    assert _top(screener, query) == refs


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("MALOFEYEV, Konstantinovich", "konstantin"),  # a patronymic is not its root
        ("Vladimir Markovich Konstantinovich", "markov"),  # Markovich is not Markov
        ("Patrick Ryan", "ryan"),  # two of four parts left out, the first name among them
        ("Al Fatih", "anshori"),  # the article is not the "Abu" of "Abu Fatih"
    ],
)
def test_not_a_match(screener: Screener, query: str, ref: str) -> None:
    assert ref not in {m.entity.ref for m in _found(screener, query)}


def test_swapped_neighbours_are_one_typo(screener: Screener) -> None:
    found = _found(screener, "USDAK", EntityKind.VESSEL)
    assert [m.entity.ref for m in found] == ["sudak"]
    assert found[0].score >= 0.85  # clear of the threshold, not on it
    # A long word with a swap shares few 3-grams with the listed one: reached by swaps.
    assert _top(screener, "FOXHWELP LIMITED", EntityKind.ORGANISATION) == {"foxwhelp"}
    assert "foxwhelp" in screener.index.swap_keys("foxhwelp")


@pytest.fixture(scope="module")
def ordered() -> Screener:
    """One designee listed in two orders (UN SOi.001 and OFAC 11747), and an entry whose
    given name is another's family name (OFAC: SAID, Khan)."""
    return Screener.from_entities(
        [
            _entity("un", "ALI, Yasin Baynah"),
            _entity("ofac", "BAYNAH, Yasin Ali"),
            _entity("said", "SAID, Khan"),
            _entity("khan", "KHAN, Hafiz Saeed"),
        ]
    )


@pytest.mark.parametrize(
    ("query", "refs"),
    [
        # the family name as the query marks it: by a comma or in capitals
        ("BAYNAH, Yasin Ali", {"ofac"}),
        ("Yasin Ali BAYNAH", {"ofac"}),
        ("ALI, Yasin Baynah", {"un"}),
        ("Yasin Baynah ALI", {"un"}),
        # nothing marked: both orders alike
        ("Yasin Ali Baynah", {"un", "ofac"}),
        ("YASIN ALI BAYNAH", {"un", "ofac"}),
    ],
)
def test_the_family_name_where_the_query_puts_it_ranks_first(
    ordered: Screener, query: str, refs: set[str]
) -> None:
    assert _top(ordered, query) == refs
    found = _found(ordered, query)
    assert {m.entity.ref for m in found} >= {"un", "ofac"}  # the other order still matches
    assert min(m.score for m in found if m.entity.ref in ("un", "ofac")) >= 0.98


def test_another_order_is_only_a_tie_breaker(ordered: Screener) -> None:
    # SAID, Khan still fits "KHAN, Saeed" better than KHAN, Hafiz Saeed with a part
    # left out; a little less than as the query's own order would
    found = {m.entity.ref: m.score for m in _found(ordered, "KHAN, Saeed")}
    assert found["said"] > found["khan"] >= 0.9
    assert found["said"] < {m.entity.ref: m.score for m in _found(ordered, "Saeed Khan")}["said"]
