"""The territory lookup read from the shipped name table answers exactly as rigour's own
``lookup_territory``, and an import no longer makes rigour build its name table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rigour.territories import get_territories, lookup_territory

from sanctionwatch.lists.territory_names import TABLE_PATH, lookup, read_table, write_table
from tests.conftest import REPO

# Country text as the real lists write it, including the misspelt, annotated and
# non-country values that go through the fuzzy search.
LIST_VALUES = [
    "Russia",
    "Russian Federation (as at November 2010)",
    "Iraq (previous address)",
    "Congo (Democratic Republic)",
    "Occupied Palestinian Territories",
    "Repubic of Moldova",
    "Bosnia-Herzegovina",
    "Türkiye",
    "Korea, North",
    "Democratic People's Republic of Korea",
    "Syrian Arab Republic",
    "possibly Palestinian",
    "None Identified",
    "Mainz",
    "Stuttgart",
    "115088",
    "AEI",
    "N",
    "Россия",
    "الجمهورية العربية السورية",
    "조선민주주의인민공화국",
]


def test_shipped_table_is_rigours_table() -> None:
    table = read_table(TABLE_PATH)
    assert table is not None, (
        "data/territory_names.tsv was made with another rigour: regenerate it with "
        "`python -m sanctionwatch.lists.territory_names`"
    )
    from rigour.territories.lookup import _get_territory_names

    assert list(table.items()) == [(k, t.code) for k, t in _get_territory_names().items()]


@pytest.mark.parametrize("text", LIST_VALUES)
@pytest.mark.parametrize("fuzzy", [False, True])
def test_same_answer_as_rigour(text: str, fuzzy: bool) -> None:
    assert lookup(text, fuzzy) is lookup_territory(text, fuzzy)


def test_every_territory_name_and_code() -> None:
    for territory in get_territories():
        for text in (territory.name, territory.full_name, territory.code, territory.alpha3):
            if text:
                assert lookup(text) is lookup_territory(text), text


names = st.sampled_from(sorted({t.name for t in get_territories()}))
mangled = st.tuples(names, st.integers(0, 40), st.text(max_size=3)).map(
    lambda x: x[0][: x[1]] + x[2] + x[0][x[1] + 1 :]
)


@given(st.one_of(mangled, st.text(max_size=30)), st.booleans())
@settings(max_examples=80, deadline=None)
def test_same_answer_on_arbitrary_text(text: str, fuzzy: bool) -> None:
    assert lookup(text, fuzzy) is lookup_territory(text, fuzzy)


def test_stale_or_missing_table_is_not_used(tmp_path: Path) -> None:
    assert read_table(tmp_path / "missing.tsv") is None
    stale = tmp_path / "stale.tsv"
    stale.write_text("# rigour 0.0.1 0000000000000000\nrussia\tru\n", encoding="utf-8")
    assert read_table(stale) is None


def test_written_table_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    count = write_table(path)
    table = read_table(path)
    assert table is not None and len(table) == count
    assert table == read_table(TABLE_PATH)


def test_import_does_not_build_rigours_name_table() -> None:
    """Country lookups, fuzzy ones included, leave rigour's own (slow to build) name
    table unbuilt."""
    code = (
        "from rigour.territories.lookup import _get_territory_names\n"
        "from sanctionwatch.lists.countries import country_code\n"
        "assert country_code('Iraq (previous address)') == 'iq'\n"
        "assert country_code('Repubic of Moldova') == 'md'\n"
        "print(_get_territory_names.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
    )
    assert out.stdout.strip() == "0"
