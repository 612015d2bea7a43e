"""The glossaries' English words and the sounds of Chinese transliterations of names."""

from __future__ import annotations

import pytest

from sanctionwatch.names.glossary import brand_sound, gloss_words


def test_gloss_words_are_the_english_renderings() -> None:
    words = gloss_words()
    assert {"technology", "trading", "electronics", "international", "cnc"} <= words
    assert "premera" not in words and "科技" not in words


@pytest.mark.parametrize(
    ("chinese", "latin"),
    [
        ("pulaimile", "premera"),  # 普萊米樂, PREMERA (H.K.) INTERNATIONAL CO, LIMITED
        ("xinnuo", "sinno"),  # 信諾, SINNO ELECTRONICS CO., LIMITED
        ("niuwei", "neway"),  # 纽威, NEWAY CNC EQUIPMENT (SUZHOU) CO LTD
        ("baoli", "poly"),  # 保利, POLY TECHNOLOGIES, INC
        ("maikeweier", "makewell"),  # 麥克維爾
    ],
)
def test_same_sound(chinese: str, latin: str) -> None:
    assert brand_sound(chinese) == brand_sound(latin)


@pytest.mark.parametrize(
    ("chinese", "latin"),
    [
        ("xinnuo", "china"),  # s-like and ch-like sounds stay apart
        ("xinnuo", "yason"),  # a word that starts with a vowel
        ("pulaimile", "limited"),
        ("daotong", "autel"),
    ],
)
def test_other_sound(chinese: str, latin: str) -> None:
    assert brand_sound(chinese) != brand_sound(latin)
