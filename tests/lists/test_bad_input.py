"""Bad input: every problem is a ListParseError naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.errors import ListParseError
from sanctionwatch.lists.registry import detect_format, parse_file
from tests.conftest import shared_file

UN = "lists/un/consolidated_2026-02-27.xml"


def consume(path: Path, fmt: str | None = None) -> int:
    return sum(1 for _ in parse_file(path, fmt).entities)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    with pytest.raises(ListParseError, match="empty file") as info:
        parse_file(path)
    assert str(path) in str(info.value)
    with pytest.raises(ListParseError, match="empty file"):
        consume(path, "un-xml")


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        "<CONSOLIDATED_LIST dateGenerated='2026-01-01T00:00:00Z'>\n<INDIVIDUALS>\n"
        "<INDIVIDUAL><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER></INDIVIDUAL>\n"
        "<INDIVIDUAL><FIRST_NAME>X</SECOND_NAME></INDIVIDUAL>\n</INDIVIDUALS>\n"
        "</CONSOLIDATED_LIST>\n",
        encoding="utf-8",
    )
    with pytest.raises(ListParseError, match="not well-formed XML at line 4"):
        consume(path)


def test_truncated_real_file_fails_lazily(tmp_path: Path) -> None:
    data = shared_file(UN).read_bytes()
    path = tmp_path / "half.xml"
    path.write_bytes(data[: len(data) // 2])
    snapshot = parse_file(path)  # the header is fine
    seen = 0
    with pytest.raises(ListParseError, match="truncated") as info:
        for _ in snapshot.entities:
            seen += 1
    assert seen > 100  # the first half was read before the problem
    assert info.value.path == str(path)


def test_wrong_format_for_the_source(tmp_path: Path) -> None:
    ofac = shared_file("lists/ofac/consolidated_nonsdn_2025-03-28.xml")
    with pytest.raises(
        ListParseError, match=r"not a UN consolidated list \(root element is sdnList\)"
    ):
        parse_file(ofac, "un-xml")
    csv_file = shared_file("lists/ofac/sdn_csv_trio_2021-07/sdn.csv")
    with pytest.raises(ListParseError, match="not well-formed XML"):
        consume(csv_file, "un-xml")


def test_unknown_format_name(tmp_path: Path) -> None:
    with pytest.raises(ListParseError, match="unknown format 'nope'"):
        parse_file(shared_file(UN), "nope")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER>
<FIRST_NAME>&lol9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize("fmt", [None, "un-xml"])
def test_billion_laughs_is_refused(tmp_path: Path, fmt: str | None) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(ListParseError, match="entity declarations are not allowed"):
        consume(path, fmt)


@pytest.mark.parametrize("fmt", [None, "un-xml"])
def test_external_entity_is_refused_and_not_read(tmp_path: Path, fmt: str | None) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>KPi.001"
        "</REFERENCE_NUMBER><FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
        "</CONSOLIDATED_LIST>\n",
        encoding="utf-8",
    )
    with pytest.raises(ListParseError, match="entity declarations are not allowed") as info:
        consume(path, fmt)
    assert "TOP-SECRET-VALUE" not in str(info.value)


def test_external_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dtd.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.invalid/x.dtd">\n'
        "<CONSOLIDATED_LIST/>\n",
        encoding="utf-8",
    )
    with pytest.raises(ListParseError, match="document type declarations are not allowed"):
        consume(path, "un-xml")


def test_unrecognised_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello world\nthis is not a list\n", encoding="utf-8")
    with pytest.raises(ListParseError, match="unrecognised list format"):
        detect_format(path)
    xml = tmp_path / "other.xml"
    xml.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(ListParseError, match=r"root element is rss"):
        parse_file(xml)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ListParseError, match="file not found"):
        parse_file(tmp_path / "nope.xml")


def test_truncated_ofac_csv(tmp_path: Path) -> None:
    data = shared_file("lists/ofac/sdn_csv_2024-05-03/sdn.csv").read_bytes()
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[: len(data) // 2])  # cuts inside a quoted remarks field
    with pytest.raises(ListParseError, match=r"truncated: the file ends inside a quoted field"):
        consume(path)
    # cut after the name column of a row: too few columns in the last row
    line_start = data.rindex(b"\r\n", 0, len(data) // 3) + 2
    cut = data.index(b",", data.index(b",", line_start) + 1)
    path.write_bytes(data[:cut])
    with pytest.raises(ListParseError, match=r"truncated: last row \(line \d+\) has 2 of 12"):
        consume(path)


def test_wrong_source_for_ofac_csv(tmp_path: Path) -> None:
    uk = shared_file("lists/uk/hmt_conlist_sample_2020-04-27.csv")
    with pytest.raises(ListParseError, match="line 1: expected 12 columns, found"):
        consume(uk, "ofac-csv")


def test_ofac_csv_with_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(
        '1,"A",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        'x2,"B",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
        encoding="ascii",
    )
    snapshot = parse_file(path, "ofac-csv")
    it = iter(snapshot.entities)
    assert next(it).ref == "1"
    with pytest.raises(ListParseError, match="line 2: ent_num is not a number: 'x2'"):
        next(it)


def test_ofac_csv_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(b'1,"A\xff\xfe",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    with pytest.raises(ListParseError, match="not valid UTF-8"):
        consume(path)
