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
    total = good = part_total = part_hits = 0
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
        # spelled-out forms, name part by name part, after variant folding
        spelled = {variant_key(t) for f in forms for t in f.text.split()}
        parts = [variant_key(t) for t in tokens(listed)]
        part_total += len(parts)
        part_hits += sum(1 for t in parts if t in spelled)
    assert total >= 100
    print(f"UN Arabic agreement: skeletons {good}/{total}, name parts {part_hits}/{part_total}")
    assert good / total >= 0.98  # 323/327 on the list of 2026-02-27
    assert part_hits / part_total >= 0.75  # 1,012/1,339


def test_uk_chinese_personal_names_match_listed_pinyin() -> None:
    path = shared_file("lists/uk/ConList_2025-04-14.derived-from-xlsx.csv")
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        next(fh)  # "Last Updated" line
        for row in csv.DictReader(fh):
            original = row["Name Non-Latin Script"].strip()
            if row["Group Type"] == "Individual" and original and script_of(original) == "Hani":
                seen[original] = " ".join(row[f"Name {i}"] for i in (6, 1, 2, 3, 4, 5))
    assert len(seen) >= 5
    hits = []
    for original, listed in seen.items():
        want = sorted(tokens(listed))
        if any(sorted(f.text.split()) == want for f in latin_forms(original)):
            hits.append(original)
    print(f"UK Chinese personal names: {len(hits)}/{len(seen)}")
    # 阿不都·哈克 is a Uyghur name listed as ABDUL HAQ, not as its pinyin
    assert {"赵伟", "倪高彬", "金铁三", "赵光宗", "董勒成"} <= set(hits)


def test_hanja_table_covers_syllables_of_listed_korean_names() -> None:
    """Every syllable in the Hangul names of persons on the EU DPRK annexes has at least
    one Chinese character with that Korean reading in the table (so a Hanja spelling of
    those names can be read back)."""
    from sanctionwatch.names._data import read_table

    readings = {reading for reading, _ in read_table("hanja_korean.tsv")}
    pairs = eu_hangul_pairs(shared_file("lists/eu/eu_oj_32017R1509_dprk_annexes.csv"))
    syllables = {ch for hangul, _ in pairs for ch in hangul if ch != " "}
    missing = sorted(syllables - readings)
    assert len(syllables) >= 60
    # 촤 (in 촤찬일, listed as CHOE Chan Il; CHOE is 최) has no Hanja reading
    assert missing == ["촤"]


def test_eu_dprk_organisations_in_hangul_match_listed_names() -> None:
    """Hangul organisation names, split into known words and proper names, against the
    English and romanised names the EU annexes list beside them (legal forms removed)."""
    from sanctionwatch.names import legal_form

    path = shared_file("lists/eu/eu_oj_32017R1509_dprk_annexes.csv")
    pairs: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["schema"] != "LegalEntity":
                continue
            cells = [c.strip() for f in ("name", "alias") for c in row[f].split(";") if c.strip()]
            for cell in cells:
                if _HANGUL.fullmatch(cell):
                    pairs[cell] = [c for c in cells if script_of(c) == "Latn"]
    assert len(pairs) >= 10

    def stem(text: str) -> list[str]:
        return sorted(legal_form(text)[0].split())

    matched = sorted(
        hangul
        for hangul, listed in pairs.items()
        if {tuple(stem(n)) for n in listed} & {tuple(stem(f.text)) for f in latin_forms(hangul)}
    )
    print(f"EU DPRK organisations in Hangul: {len(matched)}/{len(pairs)}: {matched}")
    assert {"조선남강무역회사", "합장강무역회사", "조선국제전람사", "조선백호무역회사"} <= set(
        matched
    )


def test_korean_syllable_splitter_on_un_name_parts() -> None:
    """Name parts of UN DPRK individuals (KPi) read as romanised Korean syllables;
    most parts of Al-Qaida names (QDi) do not, so the splitter tells the two apart."""
    from sanctionwatch.names import korean_syllables

    root = ET.parse(shared_file("lists/un/consolidated_2026-02-27.xml")).getroot()
    counts: dict[str, list[int]] = {"KPi": [0, 0], "QDi": [0, 0]}
    for person in root.iter("INDIVIDUAL"):
        prefix = (person.findtext("REFERENCE_NUMBER") or "").strip()[:3]
        if prefix not in counts:
            continue
        name = " ".join(
            (person.findtext(tag) or "")
            for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        )
        for token in tokens(name):
            counts[prefix][0] += 1
            counts[prefix][1] += korean_syllables(token) is not None
    kp_total, kp_ok = counts["KPi"]
    qd_total, qd_ok = counts["QDi"]
    print(f"read as Korean syllables: KPi {kp_ok}/{kp_total}, QDi {qd_ok}/{qd_total}")
    assert kp_total >= 200 and kp_ok / kp_total >= 0.98
    assert qd_total >= 500 and qd_ok / qd_total < 0.5
