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
        ("조선릉라도무역총회사", ("조선릉라도무역", "corp")),
        ("Foo Oy", ("foo", "oy")),  # from rigour's table
        ("บริษัท เมนซ์ แมชชีน จำกัด", ("เมนซ์ แมชชีน", "ltd")),  # Thai: company ... limited
        ("FIRST EAST EXPORT BANK, P.L.C.", ("first east export bank", "plc")),
        ("IRISL BENELUX NV", ("irisl benelux", "nv")),
        ("KOREA KWANGSON BANKING CORPORATION (KKBC)", ("korea kwangson banking kkbc", "corp")),
        (
            "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)",
            ("ocean maritime management omm", "co ltd"),
        ),
        ("AL-HARAMAIN FOUNDATION (PAKISTAN)", ("al haramain foundation pakistan", None)),
        # "company" written short inside a longer form, at either end
        ("LIMITED LIABILITY Co. AEROSCAN", ("aeroscan", "llc")),
        ("JOINT STOCK Co. ZVEZDA", ("zvezda", "jsc")),
        ("PUBLIC JOINT STOCK CO INTEGRAL", ("integral", "jsc")),
        ("TRANSNEFTEPRODUCT JOINT-STOCK CO", ("transnefteproduct", "jsc")),
        ("KOREA CO", ("korea", "co")),  # "co" alone is a form of its own
        ("Co. Korea", ("co korea", None)),
        ("Foo (", ("foo", None)),
        # real UN entity names that end or start with something that is not a legal form
        ("AFGHAN SUPPORT COMMITTEE (ASC)", ("afghan support committee asc", None)),
        ("IS-Khorasan", ("is khorasan", None)),
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
        ("حاجى مالك نورزى", ["مالك", "نورزى"]),
        ("Генерал Иванов", ["иванов"]),
        # given names that are also titles elsewhere stay
        ("Sultan Hashim Ahmad", ["sultan", "hashim", "ahmad"]),
        ("Amir Abdullah", ["amir", "abdullah"]),
        # nothing but titles: the last word is the name
        ("General", ["general"]),
        ("Mullah Sheikh", ["sheikh"]),
    ],
)
def test_strip_titles(name: str, expected: list[str]) -> None:
    assert strip_titles(tokens(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # "FAMILY, Given": a title word before the comma is the family name; titles
        # at the start of the given names go, as at the start of any name
        ("SHEIKH, Qari Muhammad Yaqoob", ["sheikh", "muhammad", "yaqoob"]),
        ("RAHIM, Mufti Abdul", ["rahim", "abdul"]),
        ("AL-LIBI, Shaykh Mahmud", ["al", "libi", "mahmud"]),
        ("Dr. KIM, Jong Un", ["kim", "jong", "un"]),
        # given names made only of titles keep their last word, as any name does
        ("YAQOOB, Qari", ["yaqoob", "qari"]),
        ("HUWAYSH, Mullah", ["huwaysh", "mullah"]),
        # a title word after a given name is a name part
        ("KHAN, Saeed Mullah", ["khan", "saeed", "mullah"]),
        ("FNU, Haji Khan", ["khan"]),  # no family name: titles go as before
    ],
)
def test_strip_titles_keeps_the_family_name(name: str, expected: list[str]) -> None:
    family = len(tokens(name.partition(",")[0]))
    assert strip_titles(tokens(name), family) == expected


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
        # the article assimilated before a sun letter (lists: ABDUR REHMAN, Abdus Samad)
        ["abdul", "abdur", "abdus"],
        ["yevgeny", "evgeny", "evgeniy"],
    ],
)
def test_variant_classes(group: list[str]) -> None:
    assert len({variant_key(t) for t in group}) == 1


def test_variant_key_distinguishes_and_passes_through() -> None:
    assert variant_key("kim") != variant_key("pak")
    assert variant_key("choe") != variant_key("jong")
    assert variant_key("zzyzx") == "zzyzx"
    assert variant_key("Lee") == "ri"
    assert variant_key("abdur") != variant_key("abdullah")


def test_phonetic_and_skeleton() -> None:
    assert phonetic("mohammed") == phonetic("muhammad")
    assert phonetic("smith") != phonetic("jones")
    assert phonetic("") == ""
    assert consonant_skeleton("hussein") == consonant_skeleton("husayn") == "hsn"


def test_clear_caches_keeps_results() -> None:
    from sanctionwatch.names import clear_caches, latin_forms, normalize

    before = [f.text for f in latin_forms("김정은")]
    clear_caches()
    assert normalize.cache_info().currsize == 0
    assert [f.text for f in latin_forms("김정은")] == before
