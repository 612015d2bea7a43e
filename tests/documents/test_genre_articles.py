"""Claims on short articles written for the tests (tests/documents/data/genre).

The texts are invented (states, speakers and figures made up) in the genres the
project reads: a worker repatriation story, UK and US designation releases, a panel of
experts report on transfers at sea, a watchdog report on Iran's nuclear limits, a
state's denial, a state's implementation report, permit statistics, and a negative
control. They were annotated in the dev schema (``annotations.jsonl``) and the claims
below written down before the pipeline was run on them; each claim is
(subject_state, stance, knowledge-base obligation id or None). Articles 101-109 were
then used to find and fix rules; 110-113 were written afterwards as a held-out check
(first run: F1 0.545 on 7 claims, see bench/RESULTS.md) and three of their misses
fixed by general rules (a pledge to keep within a limit, "the limit" named again, a
transfer "banned under" a resolution and the receiving ship's state).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.documents import analyse_text

DATA = Path(__file__).with_name("data") / "genre"
OP8 = "2397-OP8"
OP17 = "2375-OP17"

EXPECTED: dict[str, list[tuple[str, str, str | None]]] = {
    # repatriation story: measure, background, assertion, allegation, denial
    "101": [
        ("LA", "reports_measure", OP8),
        ("ALL", "other", OP8),
        ("LA", "asserts_compliance", OP8),
        ("LA", "alleges_violation", OP8),
        ("LA", "denies_violation", OP8),
    ],
    # the UK's own listing names no UN obligation; "did not respond" is no claim
    "102": [("GB", "reports_measure", None), ("KP", "alleges_violation", "2371-OP8")],
    # a new figure from the same panel is a new claim about the transfers just named
    "103": [
        ("KP", "alleges_violation", "2397-OP5"),
        ("KP", "alleges_violation", "2375-OP11"),
        ("MT", "denies_violation", "2375-OP11"),
        ("RU", "other", None),
    ],
    "104": [
        ("IR", "alleges_violation", "2231-annexA-stockpile"),
        ("IR", "alleges_violation", "2231-annexA-enrichment"),
        ("IR", "denies_violation", "2231-annexA-enrichment"),
    ],
    # compliance with "the Security Council resolutions" in general: no single obligation
    "105": [
        ("KH", "denies_violation", OP8),
        ("KH", "alleges_violation", OP8),
        ("KH", "asserts_compliance", None),
        ("KH", "reports_measure", OP8),
    ],
    "106": [
        ("TH", "reports_measure", "1718-reporting"),
        ("TH", "reports_measure", "1718-OP8a-iii"),
        ("TH", "reports_measure", "2375-OP18"),
    ],
    # permit statistics: an indicator without a stance
    "107": [
        ("KG", "other", OP17),
        ("ALL", "other", OP17),
        ("KG", "alleges_violation", OP17),
        ("KG", "asserts_compliance", OP17),
    ],
    "108": [("US", "reports_measure", None), ("KP", "alleges_violation", "2371-OP8")],
    "109": [],
    # held out: written after the rules above were fixed, run once, then the rules
    # below were added (see the module's docstring)
    "110": [
        ("MN", "admits_noncompliance", OP8),
        ("ALL", "other", OP8),
        ("MN", "alleges_violation", OP8),
    ],
    # a pledge to stay within the limit; "exceeded the limit" is the limit just named
    "111": [
        ("IR", "asserts_compliance", "2231-annexA-stockpile"),
        ("IR", "alleges_violation", "2231-annexA-stockpile"),
    ],
    # a transfer at sea: the tanker's state and the receiving ship's both parties
    "112": [("VN", "alleges_violation", "2375-OP11"), ("KP", "alleges_violation", "2375-OP11")],
    "113": [],
}

# Cases the pipeline still gets wrong, with the reason (the rest must pass).
XFAIL: dict[str, str] = {
    "103": "'The experts said 11 tankers had taken part in the transfers': the breach is "
    "named only in the sentence before, so the new figure is read as a statistic (other)",
    "105": "'a monitoring group had said at least 40 North Korean workers were employed' "
    "after a UN deadline: no breach word in the sentence, read as a worker count (other); "
    "the codebook's indicator rule also allows that reading",
}


def read(article: str) -> tuple[dict[str, str], str]:
    raw = (DATA / f"{article}.txt").read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    header = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        header[key.strip()] = value.strip()
    return header, body


def test_expected_claims_agree_with_the_annotations() -> None:
    """The test's claims are the annotation file's, read through KB ids."""
    import json

    lines = (DATA / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {obj["id"]: obj for obj in map(json.loads, lines)}
    assert set(gold) == set(EXPECTED) == {p.stem for p in DATA.glob("*.txt")}
    for article, claims in EXPECTED.items():
        _, body = read(article)
        annotated = gold[article]["claims"]
        assert Counter((c["subject_state"], c["stance"]) for c in annotated) == Counter(
            (s, st) for s, st, _ in claims
        ), article
        for c in annotated:
            assert c["evidence_sentence"] in body
        for (_, _, ob), c in zip(claims, annotated, strict=True):
            label = c["obligation"]
            assert (ob is None) == (
                "UNSCR" not in label and "JCPOA" not in label and "1718 Committee" not in label
            ), (article, label)


@pytest.mark.parametrize("article", sorted(EXPECTED))
def test_claims_on_written_articles(article: str, kb: Any) -> None:
    header, body = read(article)
    analysis = analyse_text(
        body, title=header.get("title"), published=date.fromisoformat(header["date"])
    )
    got = Counter((c.subject_state, c.stance, c.obligation_id) for c in analysis.claims)
    if article in XFAIL:
        if got == Counter(EXPECTED[article]):
            pytest.fail(f"fixed, remove it from XFAIL: {XFAIL[article]}")
        pytest.xfail(XFAIL[article])
    assert got == Counter(EXPECTED[article])
