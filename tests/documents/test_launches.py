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


def test_sanctions_imposed_in_retaliation_for_tests_are_the_sanctions_not_the_tests() -> None:
    from sanctionwatch.regimes import find_references

    text = (
        "China supported the tougher UN sanctions imposed on North Korea on August 15, which "
        "barred its exports of seafood, iron and iron ore in retaliation for its repeated "
        "nuclear weapon tests, ballistic missile tests and intercontinental ballistic missile "
        "launches."
    )
    [ref] = find_references(text, published=date(2017, 8, 29))
    assert ref.resolved == 2371 and ref.obligation_id != "1718-launches"
    index = ObligationIndex(load_kb())
    index.new_document(text)
    link = index.link(text, [ref], date(2017, 8, 29))  # type: ignore[list-item]
    assert link is not None and link.resolution == 2371 and link.obligation_id is not None
    # the tests alone, named with no sanctions measure, are the DPRK's own duty
    alone = "The UN sanctions bar North Korea from further nuclear and ballistic missile tests."
    assert [r.obligation_id for r in find_references(alone)] in ([], ["1718-launches"])


def test_a_reference_to_the_sanctions_outweighs_the_tests_named_as_their_reason() -> None:
    from sanctionwatch.regimes import Reference

    text = (
        "The new sanctions came in retaliation for its nuclear weapon tests and "
        "intercontinental ballistic missile launches."
    )
    ref = Reference(4, 17, "new sanctions", None, 2371, 0.55, "2371-OP8", None)
    index = ObligationIndex(load_kb())
    index.new_document(text)
    link = index.link(text, [ref], date(2017, 8, 29))  # type: ignore[list-item]
    assert link is not None and link.obligation_id == "2371-OP8"
