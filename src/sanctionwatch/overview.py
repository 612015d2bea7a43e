"""What the system knows right now: stored lists, the built-in knowledge base, documents.

``overview()`` gathers it without touching the network, so ``sanctionwatch status`` shows
something real on a fresh, offline machine (the built-in regimes, obligations and
deadlines) and says what to do next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sanctionwatch.regimes import Deadline, deadlines, load_kb
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository, VersionInfo

__all__ = ["Overview", "overview"]


@dataclass(slots=True)
class Overview:
    store_url: str
    as_of: date
    lists: list[VersionInfo]
    resolutions: int
    obligations: int
    regimes: list[str]
    recent_deadlines: list[Deadline]
    next_deadlines: list[Deadline]
    documents: int
    claims: int
    next_steps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "store": self.store_url,
            "as_of": self.as_of.isoformat(),
            "lists": [
                {
                    "source": v.source,
                    "version": v.id,
                    "published": v.published.isoformat() if v.published else None,
                    "entities": v.entity_count,
                }
                for v in self.lists
            ],
            "knowledge_base": {
                "resolutions": self.resolutions,
                "obligations": self.obligations,
                "regimes": self.regimes,
            },
            "recent_deadlines": [d.to_dict() for d in self.recent_deadlines],
            "next_deadlines": [d.to_dict() for d in self.next_deadlines],
            "documents": self.documents,
            "claims": self.claims,
            "next_steps": self.next_steps,
        }


def overview(settings: Settings, *, as_of: date | None = None, deadline_rows: int = 8) -> Overview:
    """Collect the overview; opens (and if needed creates) the store, never the network."""
    from sanctionwatch.documents.repo import DocumentRepository

    today = as_of or date.today()
    store = open_store(settings)
    try:
        repo = ListRepository(store)
        current = [v for v in (repo.current_version(s) for s in repo.sources()) if v]
        docs = DocumentRepository(store)
        n_docs = docs.document_count()
        n_claims = len(docs.claims())
    finally:
        store.dispose()
    kb = load_kb()
    passed = deadlines(kb, as_of=today, which="missed")
    coming = deadlines(kb, as_of=today, which="upcoming")
    steps: list[str] = []
    if not current:
        steps.append(
            "sanctionwatch update  # download the UN, OFAC, EU and UK lists "
            "(offline: sanctionwatch update --from FOLDER)"
        )
    steps.append('sanctionwatch screen "Kim Jong Un"  # screen a name against the stored lists')
    if n_docs == 0:
        steps.append("sanctionwatch analyse article.txt  # extract compliance claims from a text")
    else:
        steps.append("sanctionwatch assess  # status per state and obligation")
    steps.append("sanctionwatch deadlines --regime dprk  # every obligation's dates")
    return Overview(
        store_url=store.safe_url,
        as_of=today,
        lists=current,
        resolutions=len(kb.resolutions),
        obligations=len(kb.obligations()),
        regimes=sorted(kb.regimes),
        recent_deadlines=passed[-deadline_rows:],
        next_deadlines=coming[:deadline_rows],
        documents=n_docs,
        claims=n_claims,
        next_steps=steps,
    )
