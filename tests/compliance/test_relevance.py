from __future__ import annotations

from dataclasses import replace
from datetime import date

from sanctionwatch.compliance.model import ObligationView, Status
from sanctionwatch.compliance.relevance import evidence_for
from sanctionwatch.compliance.rules import assess, weight_of
from tests.compliance.facts import ADMISSION, ILYICHEV, OP8, SAME_DAY_CLAIM

OP8_LABOUR = replace(OP8, category="labour")
OP17 = ObligationView("2375-OP17", "No new work authorizations", category="labour")
COAL = ObligationView("2371-coal", "Coal export ban", category="export ban")
OBLIGATIONS = {o.id: o for o in (OP8_LABOUR, OP17, COAL)}


def test_related_and_general_statements_count_indirectly() -> None:
    on_op17 = replace(ILYICHEV, obligation_id="2375-OP17")
    on_coal = replace(ILYICHEV, obligation_id="2371-coal", start=50)
    general_elsewhere = replace(SAME_DAY_CLAIM, document_id="other")
    docs = {"reuters": {"2397-OP8"}, "uni": {"2375-OP17"}, "other": {"2371-coal"}}
    got = evidence_for(
        [ADMISSION, SAME_DAY_CLAIM, on_op17, on_coal, general_elsewhere],
        OP8_LABOUR,
        OBLIGATIONS,
        docs,
    )
    assert [(e.sentence[:12], e.via) for e in got] == [
        (ADMISSION.sentence[:12], None),
        (SAME_DAY_CLAIM.sentence[:12], "naming no obligation, in a document about 2397-OP8"),
        (ILYICHEV.sentence[:12], "about 2375-OP17, a related labour obligation"),
    ]
    assert all(e.obligation_id == "2397-OP8" for e in got)
    assert weight_of(got[2]) == weight_of(ILYICHEV) * 0.75


def test_indirect_claim_later_than_admission_still_decides() -> None:
    on_op17 = replace(ILYICHEV, obligation_id="2375-OP17")
    evidence = evidence_for([ADMISSION, on_op17], OP8_LABOUR, OBLIGATIONS, {})
    a = assess(evidence, OP8_LABOUR, date(2024, 6, 1), state="RU")
    assert a.status is Status.CLAIMS_COMPLIANCE
    assert "counted as about 2375-OP17" in a.reasons[0].text
    assert "1 statement(s) counted indirectly" in a.reasons[-1].text
