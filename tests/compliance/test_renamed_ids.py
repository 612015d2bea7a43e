"""Claims stored under an obligation id the knowledge base has since renamed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from sanctionwatch.compliance.service import load_analyses, load_picture
from sanctionwatch.documents import analyse_text
from sanctionwatch.documents.repo import DocumentRepository
from sanctionwatch.documents.tables import ClaimRow
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store

TEXT = (
    "A UN panel said North Korea had sold artillery shells and other munitions to Russia "
    "in violation of the arms embargo.\n"
)


def test_a_claim_stored_under_the_old_arms_embargo_id_is_read_as_the_new_one(
    tmp_path: Path,
) -> None:
    store = open_store(Settings(home=tmp_path))
    repo = DocumentRepository(store)
    repo.save(analyse_text(TEXT, outlet="Wire", published="2024-03-01"))
    with store.session() as session:
        changed = session.execute(
            update(ClaimRow)
            .where(ClaimRow.obligation_id == "1718-OP8ab")
            .values(obligation_id="1718-arms-embargo")
        )
        assert changed.rowcount >= 1  # type: ignore[attr-defined]
    [analysis] = load_analyses(store)
    assert {c.obligation_id for c in analysis.claims} == {"1718-OP8ab"}
    pairs = load_picture(store).pairs()
    assert ("KP", "1718-OP8ab") in pairs
    store.dispose()
