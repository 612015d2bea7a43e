"""Every file under shared/data/lists is covered by a count test in this folder."""

from __future__ import annotations

from pathlib import Path

from tests.lists import test_parse_eu, test_parse_ofac, test_parse_uk, test_parse_un

OFAC_XML = [
    "lists/ofac/consolidated_nonsdn_2025-03-28.xml",
    "lists/ofac/sdn_xml_excerpt_2020-04-22.xml",
]
TRIO_SIDE_FILES = [  # read with the trio's sdn.csv in test_folder_and_file_give_the_trio
    "lists/ofac/sdn_csv_trio_2021-07/alt.csv",
    "lists/ofac/sdn_csv_trio_2021-07/add.csv",
    "lists/ofac/sdn_csv_trio_2021-07/sdn_comments.csv",
]


def test_every_list_file_has_a_count_test(shared_data: Path) -> None:
    covered = {
        *test_parse_un.UN_FILES,
        *test_parse_ofac.SDN_CSVS,
        *OFAC_XML,
        *TRIO_SIDE_FILES,
        test_parse_eu.FSF,
        test_parse_eu.OJ,
        *(rel for rel, *_ in test_parse_uk.FILES),
    }
    on_disk = {
        str(p.relative_to(shared_data)) for p in (shared_data / "lists").rglob("*") if p.is_file()
    }
    assert on_disk, "no list files found"
    assert on_disk <= covered, f"list files without a parse test: {sorted(on_disk - covered)}"
