"""The data tables are well formed."""

from __future__ import annotations

from sanctionwatch.names._data import read_lines, read_table
from sanctionwatch.names.chinese import chinese_surnames
from sanctionwatch.names.hangul import is_hangul_syllable, surnames
from sanctionwatch.names.legal import legal_forms_table
from sanctionwatch.names.text import script_of
from sanctionwatch.names.titles import titles
from sanctionwatch.names.variants import variant_classes


def test_korean_surnames() -> None:
    rows = read_table("korean_surnames.tsv")
    assert all(len(row) == 4 for row in rows)
    table = surnames()
    assert {"김", "리", "이", "박", "최", "정", "남궁", "황보", "제갈", "선우"} <= set(table)
    assert all(all(is_hangul_syllable(ch) for ch in name) for name in table)
    assert all(s.isascii() and s.isalpha() for e in table.values() for s in (*e.mr, e.rr))


def test_hanja_readings() -> None:
    for reading, chars in read_table("hanja_korean.tsv"):
        assert len(reading) == 1 and is_hangul_syllable(reading), reading
        assert script_of(chars) == "Hani" and len(set(map(script_of, chars))) == 1, chars


def test_chinese_surnames() -> None:
    table = chinese_surnames()
    assert len(table) > 300
    assert all(script_of(name) == "Hani" for name in table)
    assert {"欧阳", "司马", "王", "金", "朴"} <= set(table)
    assert table["朴"] == "piao"


def test_variant_classes_have_one_key_each() -> None:
    classes = variant_classes()
    assert classes["lee"] == classes["rhee"] == classes["ri"] == "ri"
    # a key maps to itself
    assert all(classes[key] == key for key in set(classes.values()))
    assert all(s.isascii() and s == s.lower() for s in classes)


def test_titles_and_legal_forms_load() -> None:
    loaded = titles()
    assert ("mr",) in loaded[1]
    assert ("lieutenant", "general") in loaded[2]
    table = legal_forms_table()
    assert table.suffix[("co", "ltd")] == "co ltd"
    assert table.prefix[("ооо",)] == "ooo"
    assert not any(line.startswith(" ") for line in read_lines("titles.txt"))
