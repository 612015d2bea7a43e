"""An abbreviation written with stops in a name that is not a person's is also one word."""

from __future__ import annotations

from sanctionwatch.lists.model import EntityKind
from sanctionwatch.screening.index import prepare_forms


def _tokens(text: str, kind: EntityKind | None) -> set[tuple[str, ...]]:
    return {f.tokens for f in prepare_forms(text, kind)}


def test_dotted_letters_joined() -> None:
    got = _tokens("PREMERA (H.K.) INTERNATIONAL CO, LIMITED", EntityKind.ORGANISATION)
    assert ("premera", "hk", "international") in got
    assert ("premera", "h", "k", "international") in got  # as written, too
    assert ("uae", "trading") in _tokens("U.A.E. TRADING", None)


def test_persons_initials_stay_letters() -> None:
    assert _tokens("H.K. Lee", EntityKind.PERSON) == {("h", "k", "lee")}
