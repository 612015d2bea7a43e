"""Who speaks, checked against the hand-annotated development articles."""

from __future__ import annotations

import json
import re

import pytest

from sanctionwatch.compliance.model import SourceKind
from sanctionwatch.compliance.parties import classify, state_in
from tests.conftest import shared_file

# The codebook: these stances are by the state itself (or someone speaking for it) ...
OWN_STANCES = {"asserts_compliance", "admits_noncompliance", "denies_violation"}


def annotated_claims() -> list[dict[str, str]]:
    path = shared_file("articles/dev/annotations.jsonl")
    claims = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for c in json.loads(line)["claims"]:
            if re.fullmatch(r"[A-Z]{2}", c["subject_state"]) and c["speaker"]:
                claims.append(c)
    return claims


def test_own_statements_are_recognised_as_own() -> None:
    claims = [c for c in annotated_claims() if c["stance"] in OWN_STANCES]
    assert len(claims) >= 5
    wrong = [
        (c["subject_state"], c["speaker"], c["speaker_affiliation"])
        for c in claims
        if classify(c["subject_state"], c["speaker"], c["speaker_affiliation"])[1]
        is not SourceKind.OWN
    ]
    assert wrong == []


def test_allegations_are_never_taken_as_own() -> None:
    claims = [c for c in annotated_claims() if c["stance"] == "alleges_violation"]
    assert len(claims) >= 10
    kinds = [
        classify(c["subject_state"], c["speaker"], c["speaker_affiliation"])[1] for c in claims
    ]
    assert SourceKind.OWN not in kinds
    assert kinds.count(SourceKind.UNKNOWN) <= len(kinds) // 5


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A senior U.S. official said", "US"),
        ("Russia's ambassador to North Korea", "RU"),
        ("North Korean workers in Russia", "RU"),
        ("give us the figures", None),
        ("Washington had blacklisted", "US"),
        ("USSR", None),
    ],
)
def test_state_in(text: str, code: str | None) -> None:
    assert state_in(text, exclude=("KP",)) == code


def test_independent_sources() -> None:
    assert classify("RU", "experts", None) == (None, SourceKind.INDEPENDENT)
    assert classify("CN", "UN Panel of Experts (1718 Committee)", "United Nations")[1] is (
        SourceKind.INDEPENDENT
    )
    assert classify("RU", "Maria Zakharova", "Russian Foreign Ministry") == ("RU", SourceKind.OWN)
    assert classify("CN", "a senior US official", "US Department of State") == (
        "US",
        SourceKind.THIRD_STATE,
    )
