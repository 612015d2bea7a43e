"""Articles 124-507 (tests/documents/data/held_out), written and annotated in the dev
schema before the pipeline was run on them, as a held-out check of claim extraction:
the bench reads them with ``bench/documents_eval.py --dir tests/documents/data/held_out``
(first run and later runs in bench/RESULTS.md). These tests check the set itself and
that every article goes through the pipeline; the figures live in the bench, not here.

The texts are invented (states, speakers and figures made up), CC0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.model import STANCES

DATA = Path(__file__).with_name("data") / "held_out"
CONTROLS = (
    "135",
    "145",
    "155",
    "171",
    "183",
    "195",
    "198",
    "219",
    "229",
    "243",
    "255",
    "267",
    "279",
    "291",
    "296",
    "307",
    "321",
    "339",
    "343",
    "359",
    "371",
    "383",
    "390",
    "411",
    "421",
    "431",
    "442",
    "452",
    "463",
    "480",
    "487",
    "500",
)  # no claims


def _articles() -> dict[str, tuple[dict[str, str], str]]:
    out = {}
    for path in sorted(DATA.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        header = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        out[path.stem] = (header, body)
    return out


def _gold() -> dict[str, dict[str, Any]]:
    lines = (DATA / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    return {o["id"]: o for o in map(json.loads, lines)}


def test_every_article_is_annotated_and_every_evidence_is_in_its_text() -> None:
    articles, gold = _articles(), _gold()
    assert set(articles) == set(gold) == {str(n) for n in range(124, 508)}
    for aid, (_, body) in articles.items():
        for claim in gold[aid]["claims"]:
            assert claim["evidence_sentence"] in body, (aid, claim["evidence_sentence"])
            assert claim["stance"] in STANCES
    controls = CONTROLS
    assert all(gold[c]["claims"] == [] for c in controls)  # negative controls


@pytest.mark.parametrize("article", sorted(_articles()))
def test_every_article_goes_through_the_pipeline(article: str, kb: Any) -> None:
    header, body = _articles()[article]
    an = analyse_text(body, published=header["date"][:10])
    for c in an.claims:
        assert body[c.start : c.end] == c.evidence  # offsets point at the evidence
    if article in CONTROLS:  # negative controls
        assert not [c for c in an.claims if c.stance != "other"]  # a visit, no claim
