"""Transliteration checked against names as the official lists print them.

The UN consolidated list carries no Hangul (its DPRK entries have no original-script
names), so the Korean check uses the EU Official Journal DPRK annexes and the UK list,
which give Hangul next to the Latin spellings."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sanctionwatch.names import latin_forms, script_of, tokens, variant_key
from tests.conftest import shared_file

_HANGUL = re.compile(r"[\uac00-\ud7a3]+(?: [\uac00-\ud7a3]+)*")


def key(text: str) -> str:
    """Variant-folded name with spaces removed ("KIM Jong-un" -> "kimjongun")."""
    return "".join(variant_key(t) for t in tokens(text))


def agreement(pairs: list[tuple[str, list[str]]]) -> tuple[int, list[str]]:
    hits, misses = 0, []
    for original, listed in pairs:
        listed_keys = {key(name) for name in listed}
        if any(key(form.text) in listed_keys for form in latin_forms(original)):
            hits += 1
        else:
            misses.append(original)
    return hits, misses


def eu_hangul_pairs(path: Path) -> list[tuple[str, list[str]]]:
    pairs = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["schema"] != "Person":
                continue
            cells = [
                cell.strip()
                for field in ("name", "alias", "weakAlias")
                for cell in re.split("[;,]", row[field])
                if cell.strip()
            ]
            hangul = [m.group(0) for cell in cells for m in _HANGUL.finditer(cell)]
            latin = [_HANGUL.sub("", c).strip() for c in cells]
            latin = [c for c in latin if c and script_of(c) == "Latn"]
            pairs.extend((h, latin) for h in hangul if latin)
    return pairs


def test_eu_dprk_hangul_names_match_listed_latin_names() -> None:
    pairs = eu_hangul_pairs(shared_file("lists/eu/eu_oj_32017R1509_dprk_annexes.csv"))
    # independent count: Person rows of the file with Hangul in name/alias fields
    assert len(pairs) >= 60
    hits, misses = agreement(pairs)
    rate = hits / len(pairs)
    print(f"EU DPRK Hangul agreement: {hits}/{len(pairs)} = {rate:.1%}; misses: {misses}")
    assert rate >= 0.9, misses
    # the names the issue names explicitly
    originals = dict(pairs)
    for hangul in ("최경성", "박정천", "리학철", "김영철"):
        assert hangul in originals


def test_uk_dprk_hangul_names_match_listed_latin_names() -> None:
    path = shared_file("lists/uk/ConList_2025-04-14.derived-from-xlsx.csv")
    pairs = []
    with path.open(encoding="utf-8", newline="") as fh:
        next(fh)  # "Last Updated" line
        for row in csv.DictReader(fh):
            original = row["Name Non-Latin Script"]
            if _HANGUL.fullmatch(original.strip()):
                listed = " ".join(row[f"Name {i}"] for i in (6, 1, 2, 3, 4, 5))
                pairs.append((original.strip(), [listed]))
    assert len(pairs) >= 5
    hits, misses = agreement(pairs)
    assert hits == len(pairs), misses


def test_un_cyrillic_names_match_listed_latin_names() -> None:
    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    root = ET.parse(path).getroot()
    total = hits = token_total = token_hits = 0
    for person in root.iter("INDIVIDUAL"):
        original = (person.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if not original or script_of(original) != "Cyrl":
            continue
        listed = [
            (person.findtext(tag) or "").strip()
            for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        ]
        listed_tokens = sorted(variant_key(t) for t in tokens(" ".join(listed)))
        forms = latin_forms(original)
        total += 1
        if any(sorted(variant_key(t) for t in f.text.split()) == listed_tokens for f in forms):
            hits += 1
        # token level: systems get mixed within one name (AKHMED RAJAPOVICH CHATAEV)
        seen = {variant_key(t) for f in forms for t in f.text.split()}
        token_total += len(listed_tokens)
        token_hits += sum(1 for t in listed_tokens if t in seen)
    assert total >= 9
    print(f"UN Cyrillic agreement: names {hits}/{total}, tokens {token_hits}/{token_total}")
    assert hits / total >= 0.6
    assert token_hits / token_total >= 0.85


def test_un_arabic_names_share_skeletons_with_listed_names() -> None:
    """Arabic script has no short vowels, so the check is on consonant skeletons: the
    skeleton form's tokens must cover most of the listed name's token skeletons."""
    from sanctionwatch.names import consonant_skeleton

    path = shared_file("lists/un/consolidated_2026-02-27.xml")
    root = ET.parse(path).getroot()
    total = good = 0
    for person in root.iter("INDIVIDUAL"):
        original = (person.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if not original or script_of(original) != "Arab":
            continue
        listed = " ".join(
            (person.findtext(tag) or "")
            for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        )
        want = {consonant_skeleton(t) for t in tokens(listed) if t not in ("al", "el")}
        forms = latin_forms(original)
        got = {consonant_skeleton(t) for f in forms for t in f.text.split() if t not in ("al", "l")}
        total += 1
        if want and len(want & got) / len(want) >= 0.5:
            good += 1
    assert total >= 100
    print(f"UN Arabic skeleton agreement: {good}/{total}")
    assert good / total >= 0.7
