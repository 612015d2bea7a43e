"""The acceptance items on the two seed articles (read from the shared folder)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.documents import Analysis, analyse_text


def seed(seeds_dir: Path, prefix: str) -> str:
    found = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} missing")
    return found[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sputnik(seeds_dir: Path, kb: Any) -> Analysis:
    return analyse_text(seed(seeds_dir, "000"), published="2023", kb=kb)


@pytest.fixture(scope="module")
def reuters(seeds_dir: Path, kb: Any) -> Analysis:
    return analyse_text(seed(seeds_dir, "003"), outlet="Reuters", published="2020-01-16", kb=kb)


def find(an: Analysis, state: str, stance: str) -> list[Any]:
    return [c for c in an.claims if c.subject_state == state and c.stance == stance]


def test_dateline_gives_place_agency_and_day(sputnik: Analysis, seeds_dir: Path) -> None:
    meta = sputnik.document
    assert (meta.dateline, meta.outlet, meta.published) == ("Moscow", "UNI", date(2023, 12, 17))
    bare = analyse_text(seed(seeds_dir, "000"), kb=None).document
    # the year comes from the text: munitions "to use in Ukraine" (2022 on) and the
    # Russian-North Korean top-level meeting after that (September 2023)
    assert bare.published == date(2023, 12, 17)
    assert bare.published_inferred  # and says it was inferred


def test_russia_asserts_compliance_on_2397_op8(sputnik: Analysis) -> None:
    hits = [c for c in find(sputnik, "RU", "asserts_compliance") if c.obligation_id == "2397-OP8"]
    assert hits, [(c.stance, c.obligation_id) for c in sputnik.claims]
    claim = hits[0]
    assert claim.speaker is not None and "Ilyichev" in claim.speaker
    assert claim.speaker_affiliation == "Russian Foreign Ministry"
    assert claim.outlet == "UNI"
    assert sputnik.text[claim.start : claim.end] == claim.evidence


def test_russia_denies_the_munitions_allegation(sputnik: Analysis) -> None:
    evidence = [c.evidence for c in find(sputnik, "RU", "denies_violation")]
    assert "Moscow has rejected the allegations." in evidence
    # the denial is of the charge just told (munitions for the war), not of the text's
    # repatriation duty
    denial = next(
        c
        for c in find(sputnik, "RU", "denies_violation")
        if c.evidence == "Moscow has rejected the allegations."
    )
    assert denial.obligation_id == "1718-OP8ab"


def test_2379_is_flagged(sputnik: Analysis) -> None:
    flagged = [e for e in sputnik.factual_errors if e["number"] == 2379]
    assert flagged and flagged[0]["resolved"] == 2397
    assert "2397" in flagged[0]["message"]


def test_russia_admits_noncompliance_with_about_1000_workers(reuters: Analysis) -> None:
    claims = find(reuters, "RU", "admits_noncompliance")
    zakharova = [c for c in claims if c.speaker == "Maria Zakharova"]
    assert zakharova and zakharova[0].speaker_affiliation == "Russian Foreign Ministry"
    quantities = [(q.value, q.unit, q.approx) for c in zakharova for q in c.quantities]
    assert (1000, "workers", "about") in quantities
    assert zakharova[0].obligation_id == "2397-OP8"


def test_visa_figures_with_their_years(reuters: Analysis) -> None:
    got = {(q.value, q.unit, q.as_of) for q in reuters.quantities if q.unit == "visas"}
    assert got == {
        (16613, "visas", "2019"),
        (10345, "visas", "2019"),
        (2035, "visas", "2018"),
        (2610, "visas", "2018"),
    }


def test_us_estimate_of_earnings_and_workers(reuters: Analysis) -> None:
    estimate = [c for c in reuters.claims if any(q.unit == "USD" for q in c.quantities)]
    assert len(estimate) == 1
    got = [(q.value, q.unit, q.approx) for q in estimate[0].quantities]
    assert got == [
        (500_000_000, "USD", "more than"),
        (100_000, "workers", "nearly"),
        (50_000, "workers", "about"),
        (30_000, "workers", None),
    ]
    assert estimate[0].speaker == "The United States"


def test_china_alleged_and_us_measure(reuters: Analysis) -> None:
    (china,) = find(reuters, "CN", "alleges_violation")
    assert china.speaker == "A senior U.S. official"
    measures = find(reuters, "US", "reports_measure")
    assert any("blacklisted two entities" in c.evidence for c in measures)
