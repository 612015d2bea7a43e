"""Names in a document screened against list entries (the optional screening link)."""

from __future__ import annotations

from sanctionwatch.documents import analyse_text
from sanctionwatch.lists.model import Entity, EntityKind, Name, NameKind
from sanctionwatch.screening import Screener


def entity(ref: str, kind: EntityKind, name: str) -> Entity:
    return Entity(source="un", ref=ref, kind=kind, names=[Name(full=name, kind=NameKind.PRIMARY)])


def test_named_entities_are_screened() -> None:
    screener = Screener.from_entities(
        [
            entity("KPe.901", EntityKind.ORGANISATION, "Ryonbong Shipping Trading Company"),
            entity("KPi.902", EntityKind.PERSON, "Pak Yong Sik"),
        ]
    )
    text = (
        "The UN panel said that Ryonbong Shipping Trading Company had breached the UN sanctions "
        "by shipping coal, and that its director Pak Yong Sik had travelled to Vladivostok.\n"
    )
    an = analyse_text(text, kb=None, screener=screener)
    refs = {e["ref"] for e in an.entities}
    assert "KPe.901" in refs
    assert all(0.0 <= e["score"] <= 1.0 for e in an.entities)
    hit = next(e for e in an.entities if e["ref"] == "KPe.901")
    assert text[hit["start"] : hit["end"]] == hit["mention"]
