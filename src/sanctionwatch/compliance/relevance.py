"""Which statements count for an obligation: those naming it, and two indirect kinds.

- a statement naming no obligation, by a state, in a document that is about the
  obligation (another claim or a resolution reference in it names the obligation):
  "Moscow assumes that its obligations were fulfilled" in an article on 2397 OP8;
- a statement about a related obligation: same category in the knowledge base
  ("labour": 2375 OP17 no new work authorizations, 2397 OP8 repatriation).

Indirect statements are copies with ``obligation_id`` set and ``via`` saying why; the
rules weigh them less (``rules.INDIRECT_FACTOR``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from sanctionwatch.compliance.model import Evidence, ObligationView, Polarity

__all__ = ["evidence_for"]


def _relabel(ev: Evidence, obligation_id: str, via: str) -> Evidence:
    """A copy counted for another obligation (faster than dataclasses.replace)."""
    new = copy.copy(ev)
    object.__setattr__(new, "obligation_id", obligation_id)
    object.__setattr__(new, "via", via)
    return new


def _related(ob: ObligationView, obligations: Mapping[str, ObligationView]) -> dict[str, str]:
    if not ob.category:
        return {}
    return {
        other.id: other.category
        for other in obligations.values()
        if other.id != ob.id and other.category == ob.category
    }


def evidence_for(
    evidence: Iterable[Evidence],
    ob: ObligationView,
    obligations: Mapping[str, ObligationView],
    doc_obligations: Mapping[str | None, set[str]],
) -> list[Evidence]:
    """The statements that count for ``ob``: direct ones unchanged, indirect ones marked."""
    related = _related(ob, obligations)
    out: list[Evidence] = []
    for ev in evidence:
        if ev.obligation_id == ob.id:
            out.append(ev)
        elif ev.obligation_id is None:
            if ev.polarity is Polarity.NEUTRAL:
                continue
            if ob.id not in doc_obligations.get(ev.document_id, ()):
                continue
            out.append(_relabel(ev, ob.id, f"naming no obligation, in a document about {ob.id}"))
        elif ev.obligation_id in related:
            why = f"about {ev.obligation_id}, a related {related[ev.obligation_id]} obligation"
            out.append(_relabel(ev, ob.id, why))
    return out
