"""Chinese company names whose proper name is spelt out in characters (a brand: 普萊米樂
for Premera), and whose generic words the English names on the lists may leave out.
Names from the OFAC and UK lists."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.model import Entity, EntityKind, Name
from sanctionwatch.screening import Query, Screener

ORG = EntityKind.ORGANISATION
LISTED = {
    "ofac:38641": "SINNO ELECTRONICS CO., LIMITED",
    "ofac:41380": "YASON ELECTRONICS TECHNOLOGY CO., LIMITED",
    "ofac_cons:30936": "CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION",
    "uk:16786": "NEWAY CNC EQUIPMENT (SUZHOU) CO LTD",
    "uk:16794": "GSK CNC EQUIPMENT CO LTD",
    "uk:16639": "DONGGUAN SHENGYIN CNC EQUIPMENT CO., LTD",
    "ofac:premera": "PREMERA (H.K.) INTERNATIONAL CO, LIMITED",
    "ofac:15616": "LEADER (HONG KONG) INTERNATIONAL TRADING LIMITED",
}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(
        [Entity(ref.split(":")[0], ref, ORG, [Name(name)]) for ref, name in LISTED.items()]
    )


def _found(screener: Screener, name: str) -> list[str]:
    return [m.entity.ref for m in screener.screen(Query(name, kind=ORG))]


@pytest.mark.parametrize(
    ("name", "ref"),
    [
        ("信諾電子科技有限公司", "ofac:38641"),  # xinnuo / Sinno; 科技 left out in English
        ("纽威数控装备", "uk:16786"),  # niuwei / Neway
        ("普萊米樂(香港)國際貿易有限公司", "ofac:premera"),  # pulaimile / Premera, H.K.
        ("东莞圣寅数控设备有限公司", "uk:16639"),  # pinyin as listed
    ],
)
def test_brand_names_match(screener: Screener, name: str, ref: str) -> None:
    assert _found(screener, name)[:1] == [ref]


def test_sound_alikes_and_loose_spellings_do_not(screener: Screener) -> None:
    # xinnuo is neither Yason nor China; nothing else above the threshold
    assert _found(screener, "信諾電子科技有限公司") == ["ofac:38641"]
    # Guangzhou is not Suzhou, and pulaimile not LIMITED
    assert _found(screener, "广州数控设备有限公司") == []
    assert "ofac:15616" not in _found(screener, "普萊米樂(香港)國際貿易有限公司")


def test_explanation_says_how(screener: Screener) -> None:
    match = screener.screen(Query("纽威数控装备", kind=ORG))[0]
    assert "niuwei~neway sound 0.80" in match.explanation[0].detail


def test_generic_word_left_out_is_explained(screener: Screener) -> None:
    match = screener.screen(Query("信諾電子科技有限公司", kind=ORG))[0]
    detail = match.explanation[0].detail
    assert "xinnuo~sinno sound 0.80" in detail
    assert (
        "technology unmatched in query (a generic word of the glossary: half its weight)" in detail
    )
