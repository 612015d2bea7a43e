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

114-123 are longer (300-370 words, wire-story style: dateline, background paragraphs,
quotes from several speakers, states named in passing), written and annotated before the
pipeline was run on them (first run: F1 0.368 on 115 claims, see bench/RESULTS.md).
Their expected obligations are read from the annotation labels as the bench reads them:
a resolution and paragraph ("2397-OP8": any knowledge-base id of that paragraph), a
resolution alone ("2371": any of its ids), alternatives (a tuple) or None.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.documents import analyse_text

DATA = Path(__file__).with_name("data") / "genre"
OP8 = "2397-OP8"
OP17 = "2375-OP17"

Spec = str | tuple[str, ...] | None
EXPECTED: dict[str, list[tuple[str, str, Spec]]] = {
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
    # repatriation at the deadline: a quote's second sentence carries the group's charge
    "114": [
        ("PL", "reports_measure", "2397-OP8"),
        ("ALL", "other", "2397-OP8"),
        ("PL", "asserts_compliance", "2397-OP8"),
        ("PL", "reports_measure", ("2375-OP17", "2397-OP8")),
        ("PL", "other", None),
        ("PL", "alleges_violation", "2397-OP8"),
        ("PL", "alleges_violation", "2397-OP8"),
        ("PL", "denies_violation", "2397-OP8"),
        ("KP", "other", None),
        ("RU", "reports_measure", "2397-OP8"),
    ],
    # panel report: fuel over the cap, transfers at sea, coal; reports by two suppliers
    "115": [
        ("KP", "alleges_violation", ("2397-OP5", "2375-OP11", "2371")),
        ("KP", "alleges_violation", "2397-OP5"),
        ("KP", "alleges_violation", None),
        ("KP", "alleges_violation", "2375-OP11"),
        ("ALL", "other", "2397-OP5"),
        ("RU", "reports_measure", "2397-OP5"),
        ("CN", "reports_measure", "2397-OP5"),
        ("KP", "alleges_violation", "2371"),
        ("SL", "reports_measure", ("2270", "2321")),
        ("CN", "asserts_compliance", None),
        ("KP", "alleges_violation", "2397-OP5"),
    ],
    # Treasury release: the designation and the charge in one sentence (two claims)
    "116": [
        ("US", "reports_measure", None),
        ("KP", "alleges_violation", "2397-OP5"),
        ("KP", "alleges_violation", "2375-OP11"),
        ("KP", "alleges_violation", "2397-OP5"),
        ("ALL", "other", ("2397-OP5", "2375-OP11")),
        ("SG", "asserts_compliance", None),
        ("SG", "reports_measure", "2375-OP11"),
        ("CN", "asserts_compliance", None),
        ("US", "reports_measure", None),
    ],
    # UK listing: the listed North Koreans' host states (Laos, UAE) under the labour duty
    "117": [
        ("GB", "reports_measure", None),
        ("KP", "alleges_violation", ("2375", "2397")),
        ("LA", "alleges_violation", "2397-OP8"),
        ("AE", "alleges_violation", "2397-OP8"),
        ("ALL", "other", "2397-OP8"),
        ("CN", "alleges_violation", "2397-OP8"),
        ("RU", "alleges_violation", "2397-OP8"),
        ("GB", "reports_measure", None),
        ("EU", "reports_measure", None),
        ("AE", "denies_violation", "2397-OP8"),
        ("AE", "asserts_compliance", None),
        ("GB", "reports_measure", None),
    ],
    # watchdog report: limits recalled as background about Iran; a soft dispute is other
    "118": [
        ("IR", "alleges_violation", "2231"),
        ("IR", "alleges_violation", "2231"),
        ("IR", "other", "2231"),
        ("IR", "alleges_violation", "2231"),
        ("IR", "other", "2231"),
        ("IR", "alleges_violation", None),
        ("IR", "other", None),
        ("IR", "other", "2231"),
        ("IR", "denies_violation", "2231"),
        ("IR", "alleges_violation", "2231"),
        ("IR", "other", None),
        ("ALL", "other", "2231"),
    ],
    # a state's denial of a panel finding on arms-related services
    "119": [
        ("TZ", "denies_violation", ("1718", "1874")),
        ("TZ", "alleges_violation", ("1718", "1874")),
        ("ALL", "other", "1718"),
        ("TZ", "denies_violation", ("1718", "1874")),
        ("TZ", "reports_measure", None),
        ("TZ", "alleges_violation", ("1718", "1874")),
        ("MZ", "alleges_violation", None),
        ("AO", "alleges_violation", None),
        ("AO", "reports_measure", ("2397-OP8", "2375-OP18")),
        ("TZ", "reports_measure", None),
        ("TZ", "reports_measure", "1718"),
        ("TZ", "alleges_violation", ("1718", "1874")),
    ],
    # a state's implementation report: measures, an assertion, two admissions
    "120": [
        ("PH", "reports_measure", ("2397-OP9", "2371")),
        ("PH", "reports_measure", ("2371", "2397-OP9")),
        ("PH", "asserts_compliance", None),
        ("PH", "admits_noncompliance", "1718-OP8"),
        ("PH", "admits_noncompliance", "1718-OP8"),
        ("PH", "reports_measure", ("2397-OP8", "2375-OP17")),
        ("ALL", "other", "1718"),
        ("multiple (96 reporting states)", "other", "2397"),
        ("PA", "reports_measure", ("2270", "2321")),
        ("VN", "alleges_violation", "2371"),
        ("MY", "alleges_violation", "2371"),
        ("CN", "alleges_violation", "2371"),
        ("MY", "denies_violation", "2371"),
    ],
    # arms transfers: both states in each sentence about the trade
    "121": [
        ("KP", "alleges_violation", ("1718", "1874")),
        ("RU", "alleges_violation", ("1718", "1874")),
        ("KP", "alleges_violation", ("1718", "1874")),
        ("RU", "alleges_violation", ("1718", "1874")),
        ("RU", "alleges_violation", ("1718", "1874")),
        ("RU", "alleges_violation", ("1718", "1874")),
        ("KP", "alleges_violation", ("1718", "1874")),
        ("ALL", "other", ("1718", "1874")),
        ("RU", "denies_violation", ("1718", "1874")),
        ("KP", "denies_violation", ("1718", "1874")),
        ("RU", "denies_violation", ("1718", "1874")),
        ("KP", "denies_violation", ("1718", "1874")),
        ("KP", "alleges_violation", ("1718", "1874")),
        ("RU", "other", "1874"),
    ],
    # a ship detained: the measure, the transfer's receiving state, the flag state
    "122": [
        ("KR", "reports_measure", ("2397-OP9", "2375-OP11")),
        ("KP", "alleges_violation", ("2375-OP11", "2397-OP5")),
        ("KR", "reports_measure", "2397-OP9"),
        ("ALL", "other", ("2397-OP9", "2375-OP11")),
        ("TG", "reports_measure", ("2270", "2321")),
        ("TG", "asserts_compliance", None),
        ("CN", "asserts_compliance", None),
        ("KP", "alleges_violation", "2375-OP11"),
        ("ALL", "other", "2397-OP5"),
        ("KP", "alleges_violation", "2397-OP5"),
    ],
    # workers in seafood plants; 2379 for 2397 (a factual error, not a claim)
    "123": [
        ("CN", "alleges_violation", "2397-OP8"),
        ("CN", "alleges_violation", "2397-OP8"),
        ("KP", "other", None),
        ("CN", "alleges_violation", "2397-OP8"),
        ("ALL", "other", "2397-OP8"),
        ("ALL", "other", "2371"),
        ("CN", "asserts_compliance", ("2397-OP8", "2371")),
        ("CN", "denies_violation", "2397-OP8"),
        ("CN", "reports_measure", "1718"),
        ("CN", "reports_measure", "2397-OP8"),
        ("CN", "alleges_violation", "2397-OP8"),
        ("KP", "other", None),
    ],
}

# Cases the pipeline still gets wrong, with the reason (the rest must pass).
XFAIL: dict[str, str] = {
    "103": "'The experts said 11 tankers had taken part in the transfers': the breach is "
    "named only in the sentence before, so the new figure is read as a statistic (other)",
    # 114-123: held out; left after this round's rules (bench/RESULTS.md lists them all)
    "114": "a quoted measure with no state named ('No work permits have been issued to "
    "citizens of the DPRK'); 45 welders 'near Gdansk' (a city the gazetteer lacks) link no "
    "duty; the 2016 permit count is linked to 2397 and Russia's cut to 2371",
    "115": "'filed such reports' links no duty (the reporting named only as 'must report "
    "their deliveries'); 'the cap exists on paper only' has no breach word; the panel's "
    "general quote is read as the same charge told again",
    "116": "'fined two local firms ... for similar transfers' links no duty; 'illicit "
    "trade' in a count of vessels named is read as an allegation against the US",
    "117": "the sentence's 'accusing them of' is read as the attribution, so the listing "
    "becomes a statistic; the listed North Koreans' host states and the panel's 'thousands "
    "remain abroad, many of them in China and Russia' carry no breach word; the EU as "
    "subject is not a state",
    "118": "background told without a state or an obligation word ('The deal allows "
    "enrichment only up to 3.67%'), the diplomat's 'not cooperated in good faith', the "
    "European parties' joint statement, Russia's defence of Iran: no cue",
    "119": "the panel's finding ('technicians ... had worked ... under a contract') and its "
    "rebuttal ('did not address the evidence') carry no breach word; Tanzania's report is "
    "read as North Korea's ('no North Korean entities')",
    "120": "admissions told as 'acknowledges that ... has not yet passed legislation' and "
    "'our legal framework is incomplete'; the minister's quote; the reporting duty and the "
    "count of reporting states; obligation choices",
    "121": "the allegations against Russia told three times are kept as fewer claims; "
    "'recovered debris from 24 North Korean missiles' names no act",
    "122": "'It is the fourth vessel South Korea has detained' and Japan's observed "
    "transfers involving North Korean tankers find no subject; the first sentence's "
    "detention links the cap, not seizure",
    "123": "the group's figures ('15 factories employing ... North Koreans') read as a "
    "statistic; the US 'urged China to meet its obligations' is pressure; a pay figure and "
    "an estimate attributed to the place or the source, not North Korea",
}


# a knowledge-base id read as the bench reads it: "2397-OP9-15" -> (2397, "OP9")
_KB_ID = re.compile(r"(\d{3,4})(?:-(OP\d+))?")


def fits(obligation_id: str | None, spec: Spec) -> bool:
    """Does a predicted obligation id meet the expected one (see the module's notes)?"""
    if spec is None or obligation_id is None:
        return spec is None and obligation_id is None
    if isinstance(spec, tuple):
        return any(fits(obligation_id, one) for one in spec)
    if obligation_id == spec:
        return True
    got, want = _KB_ID.match(obligation_id), _KB_ID.fullmatch(spec)
    if got is None or want is None or got.group(1) != want.group(1):
        return False
    return want.group(2) is None or want.group(2) == got.group(2)


def agree(got: list[tuple[str, str, str | None]], expected: list[tuple[str, str, Spec]]) -> bool:
    """One-to-one: every expected claim met by its own predicted claim, none left over."""
    left = list(got)
    for state, stance, spec in expected:
        hit = next((g for g in left if g[0] == state and g[1] == stance and fits(g[2], spec)), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


def test_fits_reads_ids_like_the_bench() -> None:
    assert fits("2397-OP9-15", "2397-OP9")
    assert fits("1718-OP8d", "1718-OP8")
    assert fits("2371-OP8", "2371")
    assert not fits("2375-OP17", "2375-OP1")
    assert not fits("2270-minerals", "2371")
    assert fits(None, None) and not fits("2397-OP8", None) and not fits(None, "2397")
    assert fits("2375-OP18", ("2397-OP8", "2375-OP18"))


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
            label = re.sub(r"\bpre-UNSCR\s*\d{4}", "", c["obligation"])  # before it
            assert (ob is None) == (
                "UNSCR" not in label and "JCPOA" not in label and "1718 Committee" not in label
            ), (article, label)


@pytest.mark.parametrize("article", sorted(EXPECTED))
def test_claims_on_written_articles(article: str, kb: Any) -> None:
    header, body = read(article)
    analysis = analyse_text(
        body, title=header.get("title"), published=date.fromisoformat(header["date"])
    )
    got = [(c.subject_state, c.stance, c.obligation_id) for c in analysis.claims]
    if article in XFAIL:
        if agree(got, EXPECTED[article]):
            pytest.fail(f"fixed, remove it from XFAIL: {XFAIL[article]}")
        pytest.xfail(XFAIL[article])
    assert agree(got, EXPECTED[article]), got
