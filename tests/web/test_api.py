"""The JSON API and its pages over real data: the knowledge base, two real versions of
the UN list, screening, documents and compliance (each skipped while its capability is
absent from the build)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sanctionwatch.settings import Settings
from sanctionwatch.store.db import Store, open_store
from sanctionwatch.web.app import create_app
from sanctionwatch.web.auth import KeyRing
from tests.conftest import shared_file
from tests.web.live import load_lists

UN_OLD = "lists/un/consolidated_2025-11-20.xml"
UN_NEW = "lists/un/consolidated_2026-02-27.xml"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, TestClient]]:
    pytest.importorskip("sanctionwatch.lists.registry")
    pytest.importorskip("sanctionwatch.store.lists_repo")
    settings = Settings(home=tmp_path_factory.mktemp("api"))
    store = open_store(settings)
    load_lists(store, [(shared_file(UN_OLD), None), (shared_file(UN_NEW), None)])
    with TestClient(create_app(settings, store=store)) as client:
        yield store, client
    store.dispose()


@pytest.fixture
def api(loaded: tuple[Store, TestClient]) -> TestClient:
    return loaded[1]


def reference_numbers(path: Path) -> set[str]:
    """REFERENCE_NUMBER values of a UN XML file, read with the standard library."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return {e.text.strip() for e in root.iter("REFERENCE_NUMBER") if e.text}


# --- obligations and deadlines ------------------------------------------------------


def test_obligations_paginated(client: TestClient) -> None:
    regimes = pytest.importorskip("sanctionwatch.regimes")
    every = regimes.load_kb().obligations()
    first = client.get("/api/obligations", params={"limit": 500}).json()
    assert first["total"] == len(every)
    assert [o["id"] for o in first["items"]] == [o.id for o in every]
    page = client.get("/api/obligations", params={"limit": 2, "offset": 1}).json()
    assert [o["id"] for o in page["items"]] == [o.id for o in every[1:3]]
    assert client.get("/api/obligations", params={"limit": 501}).status_code == 422


def test_obligation_and_deadlines(client: TestClient) -> None:
    pytest.importorskip("sanctionwatch.regimes")
    ob = client.get("/api/obligations/2397-OP8").json()
    assert ob["resolution"] == 2397 and ob["deadline"] == "2019-12-22"
    assert ob["adopted"] == "2017-12-22"
    missing = client.get("/api/obligations/9999-OP1")
    assert missing.status_code == 404 and "9999-OP1" in missing.json()["detail"]
    params = {"which": "missed", "as_of": "2020-01-01", "limit": 500}
    missed = client.get("/api/deadlines", params=params).json()["items"]
    assert missed and all(d["due"] < "2020-01-01" for d in missed)
    assert any(d["obligation_id"] == "2397-OP8" and d["due"] == "2019-12-22" for d in missed)
    html = client.get("/obligations/2397-OP8")
    assert html.status_code == 200 and "Repatriate" in html.text
    assert client.get("/obligations.json").json()["obligations"][0]["id"]


# --- lists --------------------------------------------------------------------------


def test_lists_versions_and_changes(api: TestClient) -> None:
    old = reference_numbers(shared_file(UN_OLD))
    new = reference_numbers(shared_file(UN_NEW))
    lists = api.get("/api/lists").json()["items"]
    un = next(s for s in lists if s["source"] == "un")
    assert un["versions"] == 2
    assert un["current"]["entity_count"] == len(new)
    changes = api.get("/api/lists/un/changes", params={"limit": 500}).json()
    assert changes["counts"]["added"] == len(new - old)
    assert changes["counts"]["removed"] == len(old - new)
    added = {c["ref"] for c in changes["items"] if c["action"] == "added"}
    assert added == new - old
    assert api.get("/api/lists/nowhere/changes").status_code == 404
    page = api.get("/lists/un")
    assert page.status_code == 200
    assert all(ref in page.text for ref in new - old)


def test_entity_and_its_page(api: TestClient) -> None:
    entity = api.get("/api/entities/un/KPi.066").json()
    assert entity["ref"] == "KPi.066" and entity["names"]
    page = api.get("/lists/un/entities/KPi.066")
    assert entity["names"][0]["full"] in page.text
    assert api.get("/api/entities/un/XXi.999").status_code == 404


# --- screening ----------------------------------------------------------------------


def test_match_is_yente_shaped(api: TestClient) -> None:
    pytest.importorskip("sanctionwatch.screening.yente")
    query = {"schema": "Person", "properties": {"name": ["Kim Jung Jong"]}}
    body = {"queries": {"q1": query, "bad": {"schema": "Person", "properties": {}}}}
    resp = api.post("/match/default", json=body, params={"limit": 3})
    assert resp.status_code == 200
    data = resp.json()
    best = data["responses"]["q1"]["results"][0]
    assert best["id"] == "un-KPi.021" and best["match"] is True
    assert best["features"] and best["explanations"]
    assert data["responses"]["bad"]["status"] == 400
    assert api.post("/match/nowhere", json=body).status_code == 404
    assert api.post("/match/default", json={"queries": 3}).status_code == 422


def test_search_and_decisions_are_audited(loaded: tuple[Store, TestClient]) -> None:
    pytest.importorskip("sanctionwatch.screening.decisions")
    store, api = loaded
    found = api.get("/search/un", params={"q": "김정종"}).json()
    assert found["results"] and found["results"][0]["ref"] == "KPi.021"
    admin, _ = KeyRing(store).create("lead", "admin")
    viewer, _ = KeyRing(store).create("intern", "viewer")
    decision = {"query": "김정종", "source": "un", "ref": "KPi.021",
                "decision": "true_match", "reason": "same person"}  # fmt: skip
    assert (
        api.post("/api/decisions", json=decision, headers={"X-API-Key": viewer}).status_code == 403
    )
    made = api.post("/api/decisions", json=decision, headers={"X-API-Key": admin})
    assert made.status_code == 201 and made.json()["analyst"] == "lead"
    again = api.get("/search/un", params={"q": "김정종"}).json()["results"][0]
    assert again["decision"]["decision"] == "true_match"
    trail = api.get("/api/audit", headers={"X-API-Key": admin}).json()["items"]
    assert trail[0]["action"] == "screening.decision" and trail[0]["actor"] == "lead"


def test_batch_csv_with_progress(api: TestClient) -> None:
    pytest.importorskip("sanctionwatch.screening.screener")
    csv_text = "name,id\nKim Jung Jong,1\nJohn Nobody Smithson,2\n"
    started = api.post("/api/screening/batch", files={"file": ("names.csv", csv_text)})
    assert started.status_code == 202
    job = started.json()
    assert job["total"] == 2
    for _ in range(200):
        status = api.get(f"/api/screening/batch/{job['id']}").json()
        if status["finished"]:
            break
        import time

        time.sleep(0.05)
    assert status["done"] == 2
    rows = api.get(f"/api/screening/batch/{job['id']}/results").json()["rows"]
    assert rows[0]["matches"][0]["ref"] == "KPi.021"
    csv_out = api.get(f"/api/screening/batch/{job['id']}/results", params={"format": "csv"})
    assert "KPi.021" in csv_out.text.splitlines()[1]
    bad = api.post("/api/screening/batch", files={"file": ("x.csv", "who,what\na,b\n")})
    assert bad.status_code == 400 and "'name' column" in bad.json()["detail"]


# --- documents and compliance -------------------------------------------------------


def test_documents_claims_and_assessment(loaded: tuple[Store, TestClient], seeds_dir: Path) -> None:
    pytest.importorskip("sanctionwatch.documents.repo")
    pytest.importorskip("sanctionwatch.compliance.service")
    store, api = loaded
    key, _ = KeyRing(store).create("desk", "analyst")
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    saved = api.post(
        "/api/documents",
        json={"text": text, "published": "2020-01-23"},
        headers={"X-API-Key": key},
    )
    assert saved.status_code == 201
    body = saved.json()
    assert len(body["sha256"]) == 64 and body["created"] is True
    stances = {(c["subject_state"], c["stance"]) for c in body["claims"]}
    assert ("RU", "admits_noncompliance") in stances
    claims = api.get("/api/claims", params={"state": "RU"}).json()
    assert claims["total"] >= 1 and all(c["subject_state"] == "RU" for c in claims["items"])
    listed = api.get("/api/documents").json()["items"]
    assert listed[0]["sha256"] == body["sha256"]
    page = api.get(f"/documents/{body['sha256']}")
    assert page.text.count('<mark class="claim"') >= 3
    ru = api.get("/api/assessments", params={"state": "RU", "obligation": "2397-OP8"}).json()
    assert ru["items"][0]["status"] == "admits non-compliance"
    report = api.get("/api/reports/RU/2397-OP8", params={"format": "markdown"})
    assert report.status_code == 200 and "Zakharova" in report.text
    assert "attachment" in report.headers["content-disposition"]
    empty = api.post("/api/documents/analyse", json={"text": "   "})
    assert empty.status_code == 400


def test_every_page_has_a_json_twin(loaded: tuple[Store, TestClient]) -> None:
    from fastapi.routing import APIRoute

    from sanctionwatch.web.routers import ALL

    pages = [
        r.path
        for router in ALL
        for r in router.routes
        if isinstance(r, APIRoute)
        and not r.include_in_schema
        and "GET" in r.methods
        and "{" not in r.path
    ]
    assert {"/", "/screening", "/documents", "/obligations", "/states", "/lists"} <= set(pages)
    store, api = loaded
    admin, _ = KeyRing(store).create("pages", "admin")  # /audit is for admins
    for path in pages:
        html = api.get(path, headers={"Accept": "text/html", "X-API-Key": admin})
        assert html.status_code == 200, path
        assert html.headers["content-type"].startswith("text/html"), path
        twin = api.get("/.json" if path == "/" else f"{path}.json", headers={"X-API-Key": admin})
        assert twin.status_code == 200, path
        assert twin.headers["content-type"] == "application/json", path
        assert "<svg" not in twin.text, path  # rendered markup stays out of the data


def test_document_from_a_url_and_an_upload(
    loaded: tuple[Store, TestClient], seeds_dir: Path
) -> None:
    """The inbox reads a URL (a page served on loopback here) and an uploaded file."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pytest.importorskip("sanctionwatch.documents.ingest")
    store, api = loaded
    key, _ = KeyRing(store).create("inbox", "analyst")
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    html = f"<html><head><title>Russia complied</title></head><body><article>{paragraphs}"
    body = (html + "</article></body></html>").encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/article"
        resp = api.post(
            "/documents",
            data={"url": url, "published": "2023"},
            headers={"X-API-Key": key},
            follow_redirects=False,
        )
    finally:
        server.shutdown()
    assert resp.status_code == 303
    doc = api.get(resp.headers["location"] + ".json").json()
    assert doc["url"] == url and "Ilyichev" in doc["text"]
    assert any(c["speaker"] and "Ilyichev" in c["speaker"] for c in doc["analysis"]["claims"])
    upload = api.post(
        "/api/documents/upload",
        files={"file": ("uni.txt", text.encode(), "text/plain")},
        headers={"X-API-Key": key},
    )
    assert upload.status_code == 201 and upload.json()["claims"]
    binary = api.post(
        "/api/documents/upload",
        files={"file": ("x.bin", b"\x00\x01\x02" * 100, "application/octet-stream")},
        headers={"X-API-Key": key},
    )
    assert binary.status_code == 400 and "x.bin" in binary.json()["detail"]
