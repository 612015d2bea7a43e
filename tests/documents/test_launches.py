"""The DPRK's own duty not to test or launch: charged where a launch is told as a
breach, never the duty a whole text is taken to be about because its sanctions were
imposed "over its nuclear tests". Every text here is written for these tests."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.gazetteer import gazetteer
from sanctionwatch.documents.links import ObligationIndex, document_link
from sanctionwatch.regimes import load_kb


def test_a_launch_told_as_a_breach_is_charged_to_the_dprk_under_its_duty() -> None:
    kb = load_kb()
    duty = kb.obligation("1718-launches")
    assert duty.applies_to == "DPRK" and duty.frames_documents is False
    text = "Seoul said North Korea fired a ballistic missile on Sunday, violating UN resolutions."
    an = analyse_text(text, published="2023-09-10")
    assert [(c.subject_state, c.stance, c.obligation_id) for c in an.claims] == [
        ("KP", "alleges_violation", "1718-launches")
    ]


def _fact(text: str) -> SimpleNamespace:
    sentence = SimpleNamespace(text=text, start=0, end=len(text))
    return SimpleNamespace(sentence=sentence, attribution=None, references=[])


def test_sanctions_imposed_over_nuclear_tests_do_not_frame_the_text() -> None:
    index = ObligationIndex(load_kb())
    facts = [
        _fact("The seafood ban was imposed over the North's nuclear tests."),
        _fact("Beijing acted after two more nuclear tests and a missile launch."),
        _fact("Traders say crabs and other seafood still cross the river at night."),
    ]
    index.new_document(" ".join(f.sentence.text for f in facts))
    link = document_link(facts, index, date(2017, 9, 1), gazetteer())
    assert link is not None and link.obligation_id == "2371-lead-seafood"
