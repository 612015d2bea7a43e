"""latin_forms on Korean, Chinese, Cyrillic, Arabic and Latin names."""

from __future__ import annotations

from sanctionwatch.names import LatinForm, latin_forms
from sanctionwatch.names.chinese import hanja_to_hangul, split_chinese_name
from sanctionwatch.names.hangul import decompose, romanize_hangul_word, split_hangul_name


def texts(name: str) -> list[str]:
    return [f.text for f in latin_forms(name)]


def methods(name: str) -> dict[str, str]:
    return {f.method: f.text for f in latin_forms(name)}


def test_latin_input_is_its_normal_form() -> None:
    assert latin_forms("Kim Jong-Un") == [LatinForm("kim jong un", "latin")]
    assert latin_forms("José Martí") == [LatinForm("jose marti", "latin")]
    assert latin_forms("") == []
    assert latin_forms("!!") == []


def test_hangul_decomposition() -> None:
    assert decompose("김") == (0, 20, 16)  # ㄱ ㅣ ㅁ
    assert decompose("가") == (0, 0, 0)
    assert decompose("힣") == (18, 20, 27)


def test_kim_jong_un_in_hangul() -> None:
    forms = methods("김정은")
    assert forms["mr"] == "kim jong un"
    assert forms["mr-ch"] == "kim chong un"
    assert forms["rr"] == "gim jeong eun"
    assert forms["rr-kim"] == "kim jeong eun"
    assert texts("김정은")[0] == "kim jong un"
    # spaced the Korean way, the same forms
    assert texts("김 정은") == texts("김정은")


def test_dprk_list_spellings_of_family_names() -> None:
    assert texts("리학철")[0] == "ri hak chol"
    assert texts("박정천")[0] == "pak jong chon"
    assert texts("최용호")[0] == "choe yong ho"
    assert "kim su gwang" in texts("김수광")  # voiced medial consonant
    assert "kim su kwang" in texts("김수광")
    assert "park jae kyung" in texts("박재경")  # South Korean spelling
    assert "lee hak chul" in texts("리학철")


def test_two_syllable_family_names() -> None:
    assert split_hangul_name("남궁민수") == ("남궁", "민수")
    assert split_hangul_name("황보철") == ("황보", "철")
    assert split_hangul_name("김정은") == ("김", "정은")
    assert split_hangul_name("조선인민군무역회사") is None
    assert texts("선우영")[0] == "sonu yong"


def test_hangul_organisation_names_romanise_by_word() -> None:
    assert romanize_hangul_word("조선", "mr") == "joson"
    assert romanize_hangul_word("조선", "rr") == "joseon"
    forms = methods("조선인민군")
    assert forms["mr"] == "josoninmingun"
    assert forms["mr-ch"] == "chosoninmingun"
    assert forms["rr"] == "joseoninmingun"
    assert forms["mr-seg"] == "joson inmingun"
    assert forms["ko-gloss"] == "korea peoples army"


def test_hangul_organisation_words_are_segmented_and_glossed() -> None:
    from sanctionwatch.names.korean_gloss import segment_hangul_word

    assert segment_hangul_word("조선남강무역회사") == (
        ("조선", True),
        ("남강", False),
        ("무역", True),
        ("회사", True),
    )
    forms = methods("조선백호무역회사")
    assert forms["mr-seg"] == "joson paekho muyok hoesa"  # as the EU annex spells it
    assert forms["ko-gloss"] == "korea paekho trading company"
    # a single syllable is a word only at the end of a longer word
    assert segment_hangul_word("사") == (("사", False),)
    assert "ko-gloss" not in methods("남강")


def test_chinese_name_pinyin_and_korean_reading() -> None:
    forms = methods("金正恩")
    assert forms["pinyin"] == "jin zheng en"
    assert forms["pinyin-joined"] == "jin zhengen"
    assert forms["hanja-mr"] == "kim jong un"
    assert hanja_to_hangul("金正恩") == "김정은"
    assert texts("金 正恩") == texts("金正恩")
    assert split_chinese_name("欧阳修") == ("欧阳", "修")
    assert methods("欧阳修")["pinyin"] == "ouyang xiu"
    # surname readings: 单 is shan as a family name
    assert methods("单雄信")["pinyin"] == "shan xiong xin"
    # a Chinese national listed as Jin Tiesan (金铁三)
    assert "jin tiesan" in texts("金铁三")


def test_chinese_company_name() -> None:
    forms = texts("保利科技有限公司")
    assert forms[0] == "bao li ke ji you xian gong si"


def test_cyrillic_systems() -> None:
    assert texts("Путин") == ["putin"]
    assert texts("Владимир Путин") == ["vladimir putin"]
    forms = methods("Хрущёв")
    assert forms["bgn"] == "khrushchyov"
    assert forms["passport"] == "khrushchev"
    assert forms["simple"] == "hruschev"
    assert "jirinovskii" in texts("Жириновский")
    assert "zhirinovskiy" in texts("Жириновский")
    # real UN entry QDi.366: Тархан Исмаилович Газиев = TARKHAN ISMAILOVICH GAZIEV
    assert "tarkhan ismailovich gaziev" in texts("Тархан Исмаилович Газиев")


def test_arabic_names() -> None:
    forms = texts("صدام حسين التكريتي")
    assert "saddam hussein al tikriti" in forms
    assert "sdm hsn l tkrti" in forms  # consonant skeleton, its written final i marked
    assert texts("عبد الله")[0] == "abdullah"
    assert "abdul rahman" in texts("عبدالرحمن")


def test_mixed_scripts_give_each_rendering_alone_and_both() -> None:
    # UK list, original-script field of KIM CHOL SAM: "Jin Tiesan (金铁三)"
    forms = texts("Jin Tiesan (金铁三)")
    assert forms[0] == "jin tie san"  # the characters alone
    assert "kim chol sam" in forms  # their Korean reading alone
    assert "jin tiesan" in forms  # the Latin words alone
    assert "jin tiesan jin tie san" in forms  # both together, as before
    # EU DPRK annexes: "KIM Ho Kyu 김호규", listed as KIM Ho Gyu
    assert "kim ho gyu" in texts("KIM Ho Kyu 김호규")
    assert texts("Kim Jong Un") == ["kim jong un"]  # Latin alone: unchanged


def test_greek_and_other_scripts() -> None:
    assert latin_forms("Δημήτρης") == [LatinForm("dimitris", "elot")]
    # UK list: ΧΡΙΣΤΟΔΟΥΛΟΣ Γ. ΒΑΣΙΛΕΙΑΔΗΣ, listed as Christodoulos ... VASSILIADES
    assert texts("ΧΡΙΣΤΟΔΟΥΛΟΣ Γ. ΒΑΣΙΛΕΙΑΔΗΣ")[0] == "christodoulos g vasileiadis"
    assert latin_forms("ილია") == [LatinForm("ilia", "anyascii")]  # Georgian


def test_romanised_korean_words_split_into_syllables() -> None:
    from sanctionwatch.names import korean_syllables

    assert korean_syllables("jongun") == ("jong", "un")
    assert korean_syllables("kyongchol") == ("kyong", "chol")  # EU: JO Kyongchol
    assert korean_syllables("sunghoon") == ("sung", "hoon")
    assert korean_syllables("youngchul") == ("young", "chul")
    assert korean_syllables("kimjongun") == ("kim", "jong", "un")
    assert korean_syllables("mohammed") is None
    assert korean_syllables("vladimir") is None
    assert korean_syllables("") is None


def test_ukrainian_letters_use_the_ukrainian_readings() -> None:
    # Зеленський has no letter proper to Ukrainian; Гнатюк Ігор has і
    assert "zelenskyi" not in texts("Зеленський")
    assert methods("Ігор Гнатюк")["passport"] == "ihor hnatiuk"


def test_long_and_odd_inputs() -> None:
    long_hangul = "조선" * 2000
    forms = latin_forms(long_hangul)
    assert forms and all(f.text.isascii() for f in forms)
    assert latin_forms("\u200b\u200d\ufeff") == []
    assert latin_forms("٣٤٥") == [LatinForm("345", "latin")]
