"""Screening accuracy on the real lists: sw-v1 against nomenklatura's logic-v2 and a
normalised token Jaro-Winkler baseline, in one run.

sw-v1 runs exactly as shipped (``Screener.screen``, its own candidates); the two
references score the same 20 candidates per query from sw-v1's candidate generator
(so that transliterated queries reach them at all).

Positive queries are names sampled from the lists and altered per class (romanisation
variant, original script, unspaced, order, dropped middle part, hyphen/space, typo,
diacritics, initials, homoglyph, invisible character, legal form). A query counts as
found at k when the source entry, or another entry of the same designee (sharing one
of its names, its original-script name, a passport, national, tax or registration
number, or its full birth date with matching name parts; see designee_links), is among
the first k results scoring at least the algorithm's own default threshold; at 1, any
result tied for the top score counts. A variant that is exactly another designee's
listed name is skipped (it tests nothing).
Negatives are other real people sharing family names, similar company names, and the
clean synthetic and US Congress names of shared/data/evaluation; a false positive is
any result at or above the threshold.

Original-script names are withheld from the index, so a query written in Arabic,
Cyrillic, Chinese or Hangul has to be matched through transliteration.

    python bench/screening_accuracy.py [--per-class 100] [--seed 7] [--no-logic-v2]
        [--only CLASS] [--show-misses CLASS]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.screener import candidates
from screening_data import load_entities, shared_data
from screening_variants import (
    ADVERSARIAL,
    GENERATORS,
    HANGUL_NAMES,
    key_of,
    simple_tokens,
)

K = 20  # candidates scored per query, the same for every algorithm
SCHEMA = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}


class Case:
    __slots__ = ("cls", "expected", "kind", "query")

    def __init__(self, cls: str, query: str, kind: EntityKind, expected: frozenset[int]) -> None:
        self.cls = cls
        self.query = query
        self.kind = kind
        self.expected = expected


def split_scripts(entities: list[Entity]) -> tuple[list[Entity], list[tuple[str, int]]]:
    """Entities with only their Latin names, and the withheld (name, entity) pairs."""
    kept: list[Entity] = []
    withheld: list[tuple[str, int]] = []
    for i, e in enumerate(entities):
        latin: list[Name] = []
        for n in e.names:
            if _script(n.full) == "Latin":
                latin.append(n)
            else:
                withheld.append((n.full, i))
        if not latin:
            latin = [Name(e.primary_name)]
        kept.append(
            Entity(
                e.source,
                e.ref,
                e.kind,
                latin,
                e.birth_dates,
                nationalities=e.nationalities,
                identifiers=e.identifiers,
            )
        )
    return kept, withheld


def build_cases(
    entities: list[Entity], withheld: list[tuple[str, int]], per_class: int, rng: random.Random
) -> tuple[list[Case], dict[str, set[int]]]:
    by_key: dict[str, set[int]] = defaultdict(set)
    pool: list[tuple[str, int, EntityKind]] = []
    for i, e in enumerate(entities):
        for n in e.names:
            by_key[key_of(n.full)].add(i)
            if n.kind in (NameKind.PRIMARY, NameKind.STRONG_ALIAS) and len(n.full) <= 80:
                pool.append((n.full, i, e.kind))
    rng.shuffle(pool)

    links = designee_links(entities, withheld)

    def same_as(i: int) -> frozenset[int]:
        """The entity and every entry of the same designee on another list: sharing one
        of its names, or linked by designee_links, and the names of those."""
        found = {i} | links.get(i, set())
        for j in list(found):
            for n in entities[j].names:
                found |= by_key.get(key_of(n.full), set())
        return frozenset(found)

    cases: list[Case] = []
    for cls, gen in GENERATORS.items():
        made = 0
        for text, i, kind in pool:
            if made >= per_class:
                break
            variant = gen(text, kind, rng)
            if variant is None or variant == text:
                continue
            expected = same_as(i)
            if not by_key.get(key_of(variant), set()) <= expected:
                continue  # the variant is another designee's listed name: not a test
            cases.append(Case(cls, variant, kind, expected))
            made += 1
    scripts: dict[str, list[Case]] = defaultdict(list)
    for text, i in withheld:
        script = _script(text)
        expected = same_as(i)
        scripts[script].append(
            Case(f"original script ({script})", text, entities[i].kind, expected)
        )
    for script_cases in scripts.values():
        rng.shuffle(script_cases)
        cases.extend(script_cases[:per_class])
    for hangul, latin in HANGUL_NAMES:
        expected = frozenset(by_key.get(key_of(latin), ()))
        if not expected:
            continue
        family, given = hangul[0], hangul[1:]
        cases.append(
            Case("original script (Hangul)", f"{family} {given}", EntityKind.PERSON, expected)
        )
        cases.append(Case("unspaced Hangul/Hanja", hangul, EntityKind.PERSON, expected))
    return cases, by_key


# Legal-form words (the benchmark's own list, independent of the package's tables).
_LEGAL_WORDS = frozenset(
    [
        "ltd",
        "limited",
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "jsc",
        "ojsc",
        "cjsc",
        "pjsc",
        "ooo",
        "oao",
        "zao",
        "pao",
        "ao",
        "gmbh",
        "ag",
        "sa",
        "srl",
        "sarl",
        "bv",
        "nv",
        "plc",
        "pte",
        "pvt",
    ]
)
_ID_KINDS = {"passport", "national_id", "tax_id", "registration", "imo"}


def designee_links(entities: list[Entity], withheld: list[tuple[str, int]]) -> dict[int, set[int]]:
    """Entries of one designee on several lists whose Latin names are spelt otherwise
    ("GOLIKOV, Oleg Aleksandrovich" on OFAC, "Oleg Alexandrovich GOLIKOV" on the UK
    list): the same original-script name, the same passport, national, tax or
    registration number, or the same full birth date with every part of the shorter
    name found in the other by its first three letters (twins sharing a birth date
    and a family name differ in the given name)."""
    groups: dict[str, set[int]] = defaultdict(set)
    for text, i in withheld:
        groups["n:" + "".join(unicodedata.normalize("NFKC", text).casefold().split())].add(i)
    for i, e in enumerate(entities):
        for ident in e.identifiers:
            value = "".join(ch for ch in ident.value.upper() if ch.isalnum())
            if str(ident.kind) in _ID_KINDS and len(value) >= 5:
                groups[f"i:{ident.kind}:{value}"].add(i)
    by_birth: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entities):
        if e.kind is EntityKind.PERSON:
            for b in e.birth_dates:
                if b.end is None and b.start.day is not None:
                    by_birth[str(b.start)].append(i)
    links: dict[int, set[int]] = defaultdict(set)
    for members in groups.values():
        if 1 < len(members) <= 10:
            for i in members:
                links[i] |= members - {i}
    for members in by_birth.values():
        if len(members) > 50:
            continue
        for a in members:
            for b in members:
                if a < b and _same_person_names(entities[a], entities[b]):
                    links[a].add(b)
                    links[b].add(a)
    return links


def _same_person_names(a: Entity, b: Entity) -> bool:
    for na in a.names:
        ta = simple_tokens(na.full)
        for nb in b.names:
            tb = simple_tokens(nb.full)
            short, other = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
            if len(short) >= 2 and all(
                any(t == o or (len(t) >= 3 and o[:3] == t[:3]) for o in other) for t in short
            ):
                return True
    return False


def _script(text: str) -> str:
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F:
            name = unicodedata.name(ch, "")
            for script in ("ARABIC", "CYRILLIC", "CJK", "HANGUL", "GREEK", "HEBREW"):
                if name.startswith(script):
                    return script.title()
    return "Latin"


def build_negatives(
    entities: list[Entity], by_key: dict[str, set[int]], n: int, rng: random.Random
) -> list[Case]:
    cases: list[Case] = []
    korean = {
        "kim",
        "ri",
        "pak",
        "choe",
        "jong",
        "kang",
        "han",
        "o",
        "yun",
        "jang",
        "chon",
        "hwang",
        "pae",
        "paek",
        "so",
        "sin",
        "cho",
        "ryu",
        "ho",
        "ju",
        "om",
        "mun",
    }
    known_sets = [set(k.split()) for k in by_key]
    persons = [simple_tokens(e.primary_name) for e in entities if e.kind is EntityKind.PERSON]
    persons = [t for t in persons if 2 <= len(t) <= 4]
    kor = [t for t in persons if t[0] in korean or t[-1] in korean]

    def fresh(tokens: list[str]) -> bool:
        mine = set(tokens)
        return not any(mine <= other or other <= mine for other in known_sets if other)

    bare_orgs = {frozenset(k - _LEGAL_WORDS) for k in known_sets}

    def fresh_org(tokens: list[str]) -> bool:
        """Fresh, and not a listed name with another legal form (RUCHSERVOMOTOR OOO is
        RUCHSERVOMOTOR LLC)."""
        return fresh(tokens) and frozenset(set(tokens) - _LEGAL_WORDS) not in bare_orgs

    def family_mix(group: list[list[str]], label: str, want: int) -> None:
        made = tries = 0
        while made < want and tries < want * 40:
            tries += 1
            a, b = rng.choice(group), rng.choice(group)
            if a == b:
                continue
            if label.startswith("Korean"):
                fam = a[0] if a[0] in korean else a[-1]
                given = [t for t in b if t != (b[0] if b[0] in korean else b[-1])]
                tokens = [fam, *given]
            else:
                tokens = [*b[:-1], a[-1]]
            if len(tokens) < 2 or not fresh(tokens):
                continue
            cases.append(Case(label, " ".join(tokens).title(), EntityKind.PERSON, frozenset()))
            made += 1

    family_mix(kor, "Korean family name shared", n)
    family_mix(persons, "family name shared", n)
    orgs = [simple_tokens(e.primary_name) for e in entities if e.kind is EntityKind.ORGANISATION]
    orgs = [t for t in orgs if 2 <= len(t) <= 6]
    made = tries = 0
    while made < n and tries < n * 40:
        tries += 1
        a, b = rng.choice(orgs), rng.choice(orgs)
        pick = max(range(len(a)), key=lambda j: len(a[j]))
        donor = max(b, key=len)
        tokens = [*a[:pick], donor, *a[pick + 1 :]]
        if donor in a or not fresh_org(tokens):
            continue
        cases.append(
            Case(
                "similar organisation name",
                " ".join(tokens).upper(),
                EntityKind.ORGANISATION,
                frozenset(),
            )
        )
        made += 1
    base = shared_data() / "evaluation"
    for fname, label in [
        ("yente_validation_negatives_global.csv", "clean: synthetic global"),
        ("yente_validation_negatives_us.csv", "clean: synthetic US"),
        ("yente_positives_us_congress_untreated.csv", "clean: US Congress"),
    ]:
        with (base / fname).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["full_name"].strip():
                    cases.append(Case(label, row["full_name"], EntityKind.PERSON, frozenset()))
    return cases


def logic_v2_scorer(entities: list[Entity]) -> Callable[[Case, list[int]], list[float]] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import ScoringConfig, get_algorithm
    except ImportError:
        print("  nomenklatura not installed (pip install -e '.[bench]'): logic-v2 skipped")
        return None
    algo = get_algorithm("logic-v2")
    assert algo is not None
    config = ScoringConfig.defaults()
    proxies: dict[int, object] = {}

    def proxy(i: int) -> object:
        got = proxies.get(i)
        if got is None:
            e = entities[i]
            props: dict[str, list[str]] = {"name": [e.primary_name]}
            props["alias"] = [n.full for n in e.names if n.kind is not NameKind.WEAK_ALIAS][1:]
            props["weakAlias"] = [n.full for n in e.names if n.kind is NameKind.WEAK_ALIAS]
            if e.kind is EntityKind.PERSON:
                props["birthDate"] = [str(b.start) for b in e.birth_dates]
                props["nationality"] = list(e.nationalities)
            got = model.get_proxy(
                {"id": f"e{i}", "schema": SCHEMA[e.kind], "properties": props}, cleaned=False
            )
            proxies[i] = got
        return got

    counter = iter(range(10**9))

    def score(case: Case, cands: list[int]) -> list[float]:
        # A fresh id per query: logic-v2 caches name analysis by entity id.
        qid = f"q{next(counter)}"
        query = model.get_proxy(
            {"id": qid, "schema": SCHEMA[case.kind], "properties": {"name": [case.query]}},
            cleaned=False,
        )
        return [algo.compare(query, proxy(i), config).score for i in cands]  # type: ignore[arg-type]

    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-class", type=int, default=100)
    parser.add_argument("--negatives", type=int, default=100, help="per hard-negative class")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-logic-v2", action="store_true")
    parser.add_argument(
        "--show-misses",
        metavar="CLASS",
        action="append",
        default=[],
        help="print sw-v1's misses at R@1 for classes whose name contains CLASS "
        "(repeatable; 'negative' or a negative class prints false positives)",
    )
    parser.add_argument(
        "--only",
        metavar="CLASS",
        action="append",
        default=[],
        help="run only the classes whose name contains CLASS (repeatable)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    raw, _ = load_entities()
    entities, withheld = split_scripts(raw)
    screener = Screener.from_entities(entities)
    index = screener.index
    cases, by_key = build_cases(entities, withheld, args.per_class, rng)
    negatives = build_negatives(entities, by_key, args.negatives, rng)
    if args.only:
        cases = [c for c in cases if any(o in c.cls for o in args.only)]
        negatives = [c for c in negatives if any(o in c.cls for o in args.only)]
    print(
        f"  {len(entities)} entities, {len(index.names)} names; {len(cases)} positive and "
        f"{len(negatives)} negative queries"
    )
    algos: dict[str, tuple[float, Callable[[Case, list[int]], list[float]]]] = {}
    slot = {id(r.entity): i for i, r in enumerate(index.records)}

    def ours(case: Case, cands: list[int]) -> list[float]:
        # sw-v1 as shipped: Screener.screen with its own candidates and pruning.
        found = screener.screen(Query(case.query, kind=case.kind), limit=10)
        scores = {slot[id(m.entity)]: m.score for m in found}
        cands[:] = list(scores)
        return list(scores.values())

    algos["sw-v1"] = (screener.threshold, ours)
    baseline = screener.with_algorithm("jaro-winkler")

    def jaro(case: Case, cands: list[int]) -> list[float]:
        pq = baseline.prepare(Query(case.query, kind=case.kind))
        return [baseline.algorithm.score(pq, index.records[i], index).score for i in cands]

    algos["jaro-winkler"] = (baseline.threshold, jaro)
    if not args.no_logic_v2:
        lv2 = logic_v2_scorer(entities)
        if lv2 is not None:
            algos["logic-v2"] = (0.7, lv2)

    def shown(case: Case) -> bool:
        return any(
            w in case.cls or (w == "negative" and not case.expected) for w in args.show_misses
        )

    def show_miss(case: Case, ranked: list[tuple[float, int]]) -> None:
        want = sorted(case.expected)[:2]
        wanted = " / ".join(entities[i].primary_name for i in want)
        got = "; ".join(f"{entities[i].primary_name} {s:.2f}" for s, i in ranked[:3])
        print(f"  [{case.cls}] {case.query!r} want {wanted!r} got {got or '-'}")

    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    fps: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in cases + negatives:
        pq = screener.prepare(Query(case.query, kind=case.kind))
        cands = [i for i, _ in candidates(pq, index, K)]
        for name, (threshold, scorer) in algos.items():
            mine = list(cands)
            scores = scorer(case, mine) if mine or name == "sw-v1" else []
            ranked = [(s, i) for s, i in zip(scores, mine, strict=True) if s >= threshold]
            ranked.sort(key=lambda x: -x[0])
            if case.expected:
                row = hits[(case.cls, name)]
                row[0] += 1
                top = [i for _, i in ranked[:10]]
                tied = [i for s, i in ranked if s == ranked[0][0]] if ranked else []
                row[1] += any(i in case.expected for i in tied)
                row[2] += any(i in case.expected for i in top)
                if name == "sw-v1" and shown(case) and not any(i in case.expected for i in tied):
                    show_miss(case, ranked)
            else:
                row = fps[(case.cls, name)]
                row[0] += 1
                row[1] += bool(ranked)
                if name == "sw-v1" and shown(case) and ranked:
                    show_miss(case, ranked)
    names = list(algos)
    print(
        "\nRecall at each algorithm's default threshold "
        f"(sw-v1 {algos['sw-v1'][0]}, jaro-winkler {algos['jaro-winkler'][0]}"
        + (", logic-v2 0.7" if "logic-v2" in algos else "")
        + ")"
    )
    head = "| class | kind | n | " + " | ".join(f"{n} R@1 | {n} R@10" for n in names) + " |"
    print(head)
    print("|" + "---|" * (3 + 2 * len(names)))
    for cls in list(GENERATORS) + sorted({c.cls for c in cases if c.cls not in GENERATORS}):
        if (cls, "sw-v1") not in hits:
            continue
        n = hits[(cls, "sw-v1")][0]
        cells = []
        for name in names:
            total, r1, r10 = hits[(cls, name)]
            cells += [f"{r1 / total:.3f}", f"{r10 / total:.3f}"]
        kind = "adversarial" if cls in ADVERSARIAL else "benign"
        print(f"| {cls} | {kind} | {n} | " + " | ".join(cells) + " |")
    print("\nFalse positives per 1,000 queries (any result at or above the threshold)")
    print("| negative class | n | " + " | ".join(names) + " |")
    print("|" + "---|" * (2 + len(names)))
    clean_total = defaultdict(lambda: [0, 0])
    for cls in sorted({c.cls for c in negatives}):
        n = fps[(cls, "sw-v1")][0]
        cells = []
        for name in names:
            total, bad = fps[(cls, name)]
            cells.append(f"{1000 * bad / total:.1f}")
            if cls.startswith("clean"):
                clean_total[name][0] += total
                clean_total[name][1] += bad
        print(f"| {cls} | {n} | " + " | ".join(cells) + " |")
    n_clean = clean_total["sw-v1"][0]
    if not n_clean:
        return
    cells = [f"{1000 * clean_total[n][1] / clean_total[n][0]:.1f}" for n in names]
    print(f"| all clean queries | {n_clean} | " + " | ".join(cells) + " |")
    print(f"\n  seed {args.seed}, {K} candidates per query, {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
