from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.compliance.alerts import (
    ListChange,
    NameMention,
    RecordedStatus,
    _norm,
    deadline_alerts,
    list_change_alerts,
    names_in_texts,
    status_alerts,
)
from sanctionwatch.compliance.designations import link_designations
from sanctionwatch.compliance.model import Status
from sanctionwatch.compliance.rules import assess
from tests.compliance.facts import EXPERTS, ILYICHEV, OP8, US_ON_CHINA


def test_deadline_without_final_report() -> None:
    a = assess([US_ON_CHINA], OP8, date(2021, 1, 1), state="CN")
    alerts = deadline_alerts([a])
    assert len(alerts) == 1
    assert "final report due 2020-03-22 is not on record" in alerts[0].message
    early = assess([US_ON_CHINA], OP8, date(2020, 3, 1), state="CN")
    assert deadline_alerts([early]) == []


def test_new_evidence_against_recorded_status() -> None:
    before = assess([ILYICHEV], OP8, date(2024, 1, 1), state="RU")
    assert before.status is Status.CLAIMS_COMPLIANCE
    keys = frozenset(e.key for e in before.evidence)
    rec = RecordedStatus("RU", "2397-OP8", before.status, keys, datetime(2024, 1, 1))
    now = assess([ILYICHEV, EXPERTS], OP8, date(2024, 1, 1), state="RU")
    alerts = status_alerts([now], {("RU", "2397-OP8"): rec})
    assert [a.kind for a in alerts] == ["contradicts-status", "status-changed"]
    assert "Experts suspect" in alerts[0].message
    assert status_alerts([before], {("RU", "2397-OP8"): rec}) == []
    # keys are stable
    assert alerts[0].key == status_alerts([now], {("RU", "2397-OP8"): rec})[0].key


def test_list_change_touching_a_named_entity() -> None:
    changes = [
        ListChange(
            "ofac_sdn", "27383", ("KOREA NAMGANG TRADING CORPORATION",), "added", "2020-01-14"
        ),
        ListChange("ofac_sdn", "19612", ("NAMGANG CONSTRUCTION",), "added", "2020-01-14"),
    ]
    mentions = [NameMention("Korea Namgang Trading Corp.", "d1", "Treasury note"),
                NameMention("Namgang", "d2", "other")]  # fmt: skip
    alerts = list_change_alerts(changes, mentions)
    assert len(alerts) == 1
    assert "27383" in alerts[0].message and "Treasury note" in alerts[0].message


def test_us_designation_of_two_entities_is_linked() -> None:
    links = link_designations([US_ON_CHINA, ILYICHEV])
    assert len(links) == 1
    event = links[0].event
    assert {e.ref for e in event.entities} == {"27383", "27254"}
    assert "2 entities" in links[0].why
    from dataclasses import replace

    three = replace(US_ON_CHINA, sentence=US_ON_CHINA.sentence.replace("two", "three"))
    assert link_designations([three]) == []
    too_late = replace(US_ON_CHINA, published=date(2021, 1, 1))
    assert link_designations([too_late]) == []


def test_bad_designation_entries_give_clear_errors() -> None:
    import pytest

    from sanctionwatch.compliance.designations import _event
    from sanctionwatch.errors import InputError

    good = {"id": "x", "authority": "US", "list_source": "ofac_sdn", "date": "2020-01-14",
            "entities": [{"name": "A B", "ref": "1"}]}  # fmt: skip
    assert _event(good).date == date(2020, 1, 14)
    for broken, problem in [
        ({**good, "date": "14 Jan"}, "bad entry 'x'"),
        ({**good, "entities": []}, "non-empty list"),
        ({k: v for k, v in good.items() if k != "authority"}, "'authority'"),
        ("just text", "not a mapping"),
    ]:
        with pytest.raises(InputError, match=problem):
            _event(broken)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=st.characters(categories=["L"]), min_size=2, max_size=8),
             min_size=2, max_size=3),
    st.text(max_size=60),
    st.text(max_size=60),
)  # fmt: skip
def test_a_changed_name_is_found_wherever_it_stands(
    words: list[str], before: str, after: str
) -> None:
    name = " ".join(words)
    text = f"{before} {name}, {after}"
    change = ListChange("un", "X1", (name,), "added")
    found = names_in_texts([change], [("d", "t", text)])
    if len(_norm(name).split()) >= 2:
        assert [m.document_id for m in found] == ["d"]
        assert len(list_change_alerts([change], found)) == 1
