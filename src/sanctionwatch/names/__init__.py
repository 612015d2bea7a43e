"""Name handling for screening: normalisation, transliteration, titles, legal forms,
name-part variants and phonetic keys. Pure functions, cached where useful."""

from __future__ import annotations

from sanctionwatch.names.arabic import consonant_skeleton
from sanctionwatch.names.hangul import korean_syllables
from sanctionwatch.names.legal import legal_form, legal_form_generic
from sanctionwatch.names.text import compact, fold_homoglyphs, normalize, script_of, tokens
from sanctionwatch.names.titles import drop_placeholders, strip_titles
from sanctionwatch.names.translit import LatinForm, ascii_fold, latin_forms
from sanctionwatch.names.variants import phonetic, variant_key

__all__ = [
    "LatinForm",
    "ascii_fold",
    "clear_caches",
    "compact",
    "consonant_skeleton",
    "drop_placeholders",
    "fold_homoglyphs",
    "korean_syllables",
    "latin_forms",
    "legal_form",
    "legal_form_generic",
    "normalize",
    "phonetic",
    "script_of",
    "strip_titles",
    "tokens",
    "variant_key",
]


def clear_caches() -> None:
    """Empty the per-name caches (not the loaded data tables); for benchmarks and tests."""
    from sanctionwatch.names import (
        arabic,
        chinese,
        chinese_gloss,
        cyrillic_gloss,
        hangul,
        hebrew,
        japanese,
        korean_gloss,
        legal,
        text,
        translit,
        variants,
    )

    modules = (arabic, chinese, chinese_gloss, cyrillic_gloss, hangul, hebrew, japanese)
    for module in (*modules, korean_gloss, legal, text, translit, variants):
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if params is not None and params()["maxsize"] != 1:
                value.cache_clear()
