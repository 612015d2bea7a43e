"""normalize, tokens, compact, script_of, homoglyphs."""

from __future__ import annotations

import pytest

from sanctionwatch.names import compact, fold_homoglyphs, normalize, script_of, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kim Jong-un", "kim jong un"),
        ("KIM JONG UN", "kim jong un"),
        ("  Kim\t\nJong   Un ", "kim jong un"),
        ("Saddam Hussein AL-TIKRITI", "saddam hussein al tikriti"),
        ("SA'D", "sad"),
        ("Sa’ad Sabawi", "saad sabawi"),
        ("Straße", "strasse"),
        ("ＫＩＭ　ＪＯＮＧ　ＵＮ", "kim jong un"),  # full-width letters and space (NFKC)
        ("K\u200bi\u200dm Jo\u00adng Un", "kim jong un"),  # zero-width and soft hyphen
        ("\u202eKim\u202c Jong Un\ufeff", "kim jong un"),  # bidi controls and BOM
        ("Kim\x00Jong\x1fUn", "kim jong un"),  # control characters separate words
        ("أديب شعبـان العانــي", "أديب شعبان العاني"),  # tatweel removed
        ("華信船務(香港)有限公司", "華信船務 香港 有限公司"),
        ("Путин", "путин"),
        ("رقم ٣٤٥", "رقم 345"),  # Arabic-Indic digits
        ("ＫＩＭ１２３", "kim123"),
        ("", ""),
        ("---", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_hyphen_and_space_variants_are_comparable() -> None:
    forms = ["Kim Jong-un", "Kim Jong Un", "KIM Jongun", "kim jong‐un", "Kim Jong–Un"]
    assert {compact(f) for f in forms} == {"kimjongun"}
    assert tokens("Kim Jong-un") == tokens("Kim Jong Un") == ["kim", "jong", "un"]


def test_homoglyphs_fold_in_mixed_words() -> None:
    # Cyrillic і and Cyrillic К inside Latin words
    assert normalize("Kіm Jong Un") == "kim jong un"
    assert normalize("\u041aim Jong Un") == "kim jong un"
    # Greek capital omicron in a Latin word
    assert normalize("R\u039fDNEY") == "rodney"
    # a mostly Cyrillic word with one Latin look-alike folds to Cyrillic
    assert normalize("Пyтин") == "путин"
    # a mostly Greek word with a Latin look-alike folds to Greek
    assert normalize("Αθηνa") == "αθηνα"
    # Latin i alone among more Cyrillic letters is Ukrainian і (OFAC: Vasyl Oleksandrovych
    # NIKITIN), though every other letter has a Latin look-alike
    assert normalize("Нiкiтiн") == "нікітін"
    assert normalize("Вiктор") == "віктор"
    # ... but not a Latin word with Cyrillic look-alikes, nor Latin letters other than i
    assert normalize("Кіm") == "kim"
    assert normalize("Нікiтin") == "hikitin"
    # a word in one script is left alone
    assert fold_homoglyphs("Путин") == "Путин"
    assert normalize("ВАСЯ") == "вася"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Kim Jong Un", "Latn"),
        ("김정은", "Hang"),
        ("金正恩", "Hani"),
        ("Путин", "Cyrl"),
        ("صدام حسين", "Arab"),
        ("カザン火薬工場", "Jpan"),
        ("Δημήτρης", "Grek"),
        ("123 --", "Zyyy"),
        ("Jin Tiesan (金铁三)", "Latn"),
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script


def test_non_string_input_is_a_clear_error() -> None:
    from sanctionwatch.errors import InputError
    from sanctionwatch.names import latin_forms, legal_form

    for func in (normalize, tokens, script_of, latin_forms, legal_form):
        with pytest.raises(InputError, match="must be a string, not int"):
            func(42)  # type: ignore[arg-type]
