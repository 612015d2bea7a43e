"""Analysts' decisions: recorded, shown on later screenings, never changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from sanctionwatch.errors import InputError
from sanctionwatch.screening import Query, Screener
from sanctionwatch.screening.decisions import (
    attach_decisions,
    audit_trail,
    query_key,
    record_decision,
)
from sanctionwatch.store.db import Store


def test_decision_shows_on_later_screening(store: Store, screener: Screener) -> None:
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    record_decision(
        store,
        "Kim Jong Un",
        "un",
        "T.002",
        "false_positive",
        "a.analyst",
        "other person",
        now=when,
    )
    query = Query("KIM JONG-UN")  # same query, written differently
    matches = screener.screen(query, limit=5, threshold=0.0)
    attach_decisions(store, query, matches)
    by_ref = {m.entity.ref: m for m in matches}
    decided = by_ref["T.002"].decision
    assert decided is not None
    assert decided.analyst == "a.analyst" and decided.reason == "other person"
    assert decided.decided_at == when
    assert by_ref["T.001"].decision is None


def test_newer_decision_supersedes_but_trail_keeps_both(store: Store) -> None:
    record_decision(store, "Kim Jong Un", "un", "T.001", "false_positive", "bob", "mistake")
    record_decision(store, "Kim Jong Un", "un", "T.001", "true_match", "carol", "DOB agrees")
    query = Query("Kim Jong Un")
    from sanctionwatch.screening.decisions import decisions_for

    latest = decisions_for(store, query, [("un", "T.001")])[("un", "T.001")]
    assert latest.decision == "true_match" and latest.analyst == "carol"
    trail = audit_trail(store, "un", "T.001")
    assert [d.decision for d in trail] == ["false_positive", "true_match"]


def test_trail_is_append_only(store: Store) -> None:
    record_decision(store, "Kim Jong Un", "un", "T.001", "true_match", "dan", "confirmed")
    with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE screening_decisions SET decision = 'false_positive'"))
    with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM screening_decisions"))
    assert len(audit_trail(store)) == 1


@pytest.mark.parametrize(
    ("decision", "analyst", "reason", "problem"),
    [
        ("maybe", "x", "y", "decision must be"),
        ("true_match", " ", "y", "analyst"),
        ("true_match", "x", "", "reason"),
    ],
)
def test_incomplete_decision_is_refused(
    store: Store, decision: str, analyst: str, reason: str, problem: str
) -> None:
    with pytest.raises(InputError, match=problem):
        record_decision(store, "Kim Jong Un", "un", "T.001", decision, analyst, reason)
    assert audit_trail(store) == []


def test_query_key_ignores_spelling_noise_but_not_kind() -> None:
    assert query_key("Kim Jong-Un") == query_key("  kim jong un ")
    assert query_key("Kim Jong Un") != query_key("Kim Yo Jong")
    from sanctionwatch.lists.model import EntityKind

    assert query_key(Query("Kim", kind=EntityKind.PERSON)) != query_key(Query("Kim"))
