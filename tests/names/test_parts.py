"""strip_titles, legal_form, variant_key, phonetic."""

from __future__ import annotations

import pytest

from sanctionwatch.names import (
    consonant_skeleton,
    legal_form,
    legal_form_generic,
    phonetic,
    strip_titles,
    tokens,
    variant_key,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Acme Trading Co., Ltd.", ("acme trading", "co ltd")),
        ("SINO HOLDINGS GROUP CO., LTD.", ("sino holdings group", "co ltd")),
        ("Korea Namgang Trading Corporation", ("korea namgang trading", "corp")),
        ("Poly Technologies, Inc", ("poly technologies", "inc")),
        ("Rahat Ltd.", ("rahat", "ltd")),
        ("Foo Limited Liability Company", ("foo", "llc")),
        ("Foo L.L.C.", ("foo", "llc")),
        ("ООО Ромашка", ("ромашка", "ooo")),
        ("ОАО «Газпром»", ("газпром", "oao")),
        ("Общество с ограниченной ответственностью «Ромашка»", ("ромашка", "ooo")),
        ("Siemens Aktiengesellschaft", ("siemens", "ag")),
        ("Foo GmbH", ("foo", "gmbh")),
        ("Foo S.A.", ("foo", "sa")),
        ("Foo Sp. z o.o.", ("foo", "sp z oo")),
        ("中国控股有限公司", ("中国控股", "co ltd")),
        ("華信船務(香港)有限公司", ("華信船務 香港", "co ltd")),
        ("苏州百胜动力机器股份有限公司", ("苏州百胜动力机器", "jsc")),
        ("조선남강무역회사", ("조선남강무역", "co")),
        ("Foo Oy", ("foo", "oy")),  # from rigour's table
        ("Limited", ("limited", None)),
        ("Kim Jong Un", ("kim jong un", None)),
    ],
)
def test_legal_form(name: str, expected: tuple[str, str | None]) -> None:
    assert legal_form(name) == expected


def test_legal_form_generic_classes() -> None:
    assert legal_form_generic("co ltd") == legal_form_generic("ooo") == "llc"
    assert legal_form_generic("oao") == legal_form_generic("ag") == "jsc"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Haji Mullah Faizullah", ["faizullah"]),
        ("Mr. Kim Jong Un", ["kim", "jong", "un"]),
        ("Colonel General Kim Yong Bok", ["kim", "yong", "bok"]),
        ("Lt. Gen. Ri Chang Ho", ["ri", "chang", "ho"]),
        ("Sheikh Hassan Dahir Aweys", ["hassan", "dahir", "aweys"]),
        ("Maulavi Adam Khan", ["adam", "khan"]),
        ("Dr. Fnu Mnu Khamis", ["khamis"]),
        # given names that are also titles elsewhere stay
        ("Sultan Hashim Ahmad", ["sultan", "hashim", "ahmad"]),
        ("Amir Abdullah", ["amir", "abdullah"]),
        # nothing but titles: unchanged
        ("General", ["general"]),
    ],
)
def test_strip_titles(name: str, expected: list[str]) -> None:
    assert strip_titles(tokens(name)) == expected


@pytest.mark.parametrize(
    "group",
    [
        ["ri", "lee", "yi", "rhee", "li"],
        ["pak", "park", "bak"],
        ["choe", "choi"],
        ["jong", "chong", "jung", "jeong"],
        ["kim", "gim"],
        ["un", "eun"],
        ["chol", "cheol", "chul"],
        ["muhammad", "mohammed", "mohamed", "mohammad"],
        ["abd", "abdul", "abdel"],
        ["yevgeny", "evgeny", "evgeniy"],
    ],
)
def test_variant_classes(group: list[str]) -> None:
    assert len({variant_key(t) for t in group}) == 1


def test_variant_key_distinguishes_and_passes_through() -> None:
    assert variant_key("kim") != variant_key("pak")
    assert variant_key("choe") != variant_key("jong")
    assert variant_key("zzyzx") == "zzyzx"


def test_phonetic_and_skeleton() -> None:
    assert phonetic("mohammed") == phonetic("muhammad")
    assert phonetic("smith") != phonetic("jones")
    assert phonetic("") == ""
    assert consonant_skeleton("hussein") == consonant_skeleton("husayn") == "hsn"
