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


def _write_xlsx(path: Path, header: list[str]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Last Updated", "14/04/2025"])
    ws.append(header)
    ws.append(["KIM", "Jong", *[""] * (len(header) - 3), "1"])
    wb.save(path)


def test_xlsx_with_changed_header(tmp_path: Path) -> None:
    from sanctionwatch.lists.uk import REQUIRED_COLUMNS

    header = [c for c in REQUIRED_COLUMNS if c not in ("Group ID", "Regime")] + ["Regime Name"]
    path = tmp_path / "ConList.xlsx"
    _write_xlsx(path, header)
    assert detect_format(path) == "uk-xlsx"
    with pytest.raises(ListParseError, match=r"missing columns: Group ID, Regime$"):
        parse_file(path)


def test_truncated_xlsx(tmp_path: Path) -> None:
    data = shared_file("lists/uk/ConList_2025-04-14.xlsx").read_bytes()
    path = tmp_path / "ConList.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListParseError, match="damaged"):
        parse_file(path)
    with pytest.raises(ListParseError, match="damaged or truncated xlsx"):
        parse_file(path, "uk-xlsx")


def test_uk_csv_with_changed_header(tmp_path: Path) -> None:
    lines = (
        shared_file("lists/uk/hmt_conlist_sample_2020-04-27.csv").read_text("utf-8").splitlines()
    )
    lines[1] = lines[1].replace("Group ID", "Group Number")
    path = tmp_path / "ConList.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ListParseError, match=r"missing columns: Group ID$"):
        parse_file(path)


def test_wrong_source_for_uk(tmp_path: Path) -> None:
    un = shared_file(UN)
    with pytest.raises(ListParseError, match="missing columns"):
        parse_file(un, "uk-csv")
    with pytest.raises(ListParseError, match="damaged or truncated xlsx"):
        parse_file(un, "uk-xlsx")


def test_eu_export_with_wrong_namespace(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text('<export xmlns="urn:other" generationDate="2020-01-01"/>', encoding="utf-8")
    with pytest.raises(ListParseError, match="unrecognised XML list"):
        parse_file(path)
    with pytest.raises(ListParseError, match="not an EU FSF export"):
        parse_file(path, "eu-fsf-xml")


def test_eu_oj_csv_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "annex.csv"
    path.write_text("celex,recordId,schema\n32017R1509,1,Person\n", encoding="utf-8")
    with pytest.raises(ListParseError, match=r"missing columns: annex, name$"):
        parse_file(path, "eu-oj-csv")


def _un_doc(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z"><INDIVIDUALS/><ENTITIES>'
        f"{body}</ENTITIES></CONSOLIDATED_LIST>\n"
    )


def test_hostile_unicode_in_names(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    spoof = "KIM\u202e NUG\u202c JONG\u200b UN\ufeff"  # bidi override, zero-width, BOM
    persian = "\u0645\u06cc\u200c\u0631\u0648\u062f"  # ZWNJ is part of the word
    path.write_text(
        _un_doc(
            f"<ENTITY><FIRST_NAME>{spoof}</FIRST_NAME><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER>"
            f"<ENTITY_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>{persian}</ALIAS_NAME></ENTITY_ALIAS>"
            "</ENTITY>"
        ),
        encoding="utf-8",
    )
    (entity,) = list(parse_file(path).entities)
    assert entity.names[0].full == "KIM NUG JONG UN"
    assert entity.names[1].full == persian
    assert entity.names[1].script == "Arab"


def test_control_characters_are_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_bytes(_un_doc("<ENTITY><FIRST_NAME>A\x01B</FIRST_NAME></ENTITY>").encode())
    with pytest.raises(ListParseError, match="not well-formed XML at line 2"):
        consume(path)


def test_excessive_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.xml"
    path.write_text(_un_doc("<ENTITY>" + "<a>" * 300 + "</a>" * 300 + "</ENTITY>"), "utf-8")
    with pytest.raises(ListParseError, match="not well-formed XML at line 2: Excessive depth"):
        consume(path)


def test_vessel_heuristic(tmp_path: Path) -> None:
    """An entry is a vessel only when it has an IMO number and no company words."""
    path = tmp_path / "un.xml"
    path.write_text(
        _un_doc(
            "<ENTITY><FIRST_NAME>NAM SAN 8</FIRST_NAME><REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER>"
            "<COMMENTS1>DPRK-flagged tanker. IMO number: 8122347.</COMMENTS1></ENTITY>"
            "<ENTITY><FIRST_NAME>NAM SAN SHIPPING CO</FIRST_NAME>"
            "<REFERENCE_NUMBER>KPe.902</REFERENCE_NUMBER>"
            "<COMMENTS1>Owner of the tanker NAM SAN 8. IMO number: 5787684.</COMMENTS1></ENTITY>"
        ),
        encoding="utf-8",
    )
    vessel, company = parse_file(path).entities
    assert (vessel.kind.value, [i.value for i in vessel.identifiers]) == ("vessel", ["8122347"])
    assert (company.kind.value, [i.value for i in company.identifiers]) == (
        "organisation",
        ["5787684"],
    )


def _replace_in_zip(src: Path, dst: Path, member: str, data: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == member else zin.read(item.filename))


def _good_xlsx(path: Path) -> bytes:
    import zipfile

    from sanctionwatch.lists.uk import REQUIRED_COLUMNS

    header = list(REQUIRED_COLUMNS)
    _write_xlsx(path, header)
    assert len(list(parse_file(path).entities)) == 1  # the untouched workbook is fine
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml")


def test_xlsx_with_broken_sheet_xml(tmp_path: Path) -> None:
    sheet = _good_xlsx(tmp_path / "ok.xlsx")
    bad = tmp_path / "bad.xlsx"
    _replace_in_zip(tmp_path / "ok.xlsx", bad, "xl/worksheets/sheet1.xml", sheet[: len(sheet) // 2])
    with pytest.raises(ListParseError, match="not well-formed XML inside the file"):
        consume(bad)


def test_xlsx_with_entity_bomb(tmp_path: Path) -> None:
    sheet = _good_xlsx(tmp_path / "ok.xlsx")
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    bomb = tmp_path / "bomb.xlsx"
    body = sheet[sheet.index(b"<worksheet") :]
    _replace_in_zip(tmp_path / "ok.xlsx", bomb, "xl/worksheets/sheet1.xml", doctype + body)
    with pytest.raises(ListParseError, match="entity declarations are not allowed"):
        consume(bomb)
