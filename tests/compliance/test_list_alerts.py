"""List changes touching names in stored documents, on the real UN snapshots."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionwatch.compliance.alerts import NameMention, list_change_alerts, names_in_texts
from sanctionwatch.compliance.service import load_list_changes
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository
from tests.conftest import shared_file


def un_names(path: Path) -> dict[str, str]:
    """REFERENCE_NUMBER -> name parts joined, read with the standard library."""
    out = {}
    for el in ET.parse(path).getroot().iter():
        if el.tag not in ("INDIVIDUAL", "ENTITY"):
            continue
        ref = (el.findtext("REFERENCE_NUMBER") or "").strip()
        parts = [el.findtext(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")]
        out[ref] = " ".join(p.strip() for p in parts if p and p.strip())
    return out


@pytest.mark.slow
def test_added_un_entry_named_in_a_document_raises_an_alert(tmp_path: Path) -> None:
    from sanctionwatch.lists.registry import parse_file
    from sanctionwatch.lists.update import file_sha256

    old_path = shared_file("lists/un/consolidated_2025-11-20.xml")
    new_path = shared_file("lists/un/consolidated_2026-02-27.xml")
    store = open_store(Settings(home=tmp_path))
    repo = ListRepository(store)
    for path in (old_path, new_path):
        repo.import_snapshot(parse_file(path), file_sha256=file_sha256([path]), origin=str(path))

    changes = load_list_changes(store)
    old, new = un_names(old_path), un_names(new_path)
    added = sorted(new.keys() - old.keys())
    removed = sorted(old.keys() - new.keys())
    assert sorted(c.ref for c in changes if c.change == "added") == added
    assert sorted(c.ref for c in changes if c.change == "removed") == removed

    named = new[added[0]]
    unchanged = next(n for r, n in new.items() if r in old and old[r] == n and len(n.split()) > 1)
    mentions = [
        NameMention(named.upper(), "doc1", "An article"),
        NameMention(unchanged, "doc2", "Another article"),
    ]
    alerts = list_change_alerts(changes, mentions)
    assert [(a.kind, a.sources) for a in alerts] == [("list-change", ("An article",))]
    assert added[0] in alerts[0].message and "was added" in alerts[0].message

    # The same, found by looking for the changed entries' names in document texts.
    texts = [
        ("doc1", "An article", f"On Friday the Council listed {named}, officials said."),
        ("doc2", "Another article", f"{unchanged} met {named.split()[0]} yesterday."),
    ]
    found = names_in_texts(changes, texts)
    assert [(m.document_id, m.name) for m in found] == [("doc1", " ".join(named.lower().split()))]
    assert len(list_change_alerts(changes, found)) == 1
