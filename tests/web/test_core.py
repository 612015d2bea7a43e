"""App factory, errors, JSON twins, request limits, keys, roles and the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sanctionwatch.store.db import Store
from sanctionwatch.web.app import create_app
from sanctionwatch.web.auth import KeyRing, hash_key
from tests.web.conftest import make_settings


def test_health_and_openapi(client: TestClient) -> None:
    resp = client.get("/api/health")
    assert resp.status_code == 200
    assert resp.json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert "/api/health" in spec["paths"]
    assert spec["info"]["title"] == "sanctionwatch"


def test_docs_use_local_assets_only(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_unknown_path_is_json_error_with_status(client: TestClient) -> None:
    resp = client.get("/api/nothing-here")
    assert resp.status_code == 404
    assert resp.json() == {"detail": "Not Found", "status": 404}


def test_validation_error_names_the_field(client: TestClient) -> None:
    resp = client.get("/api/audit", params={"limit": 0})
    assert resp.status_code == 422
    body = resp.json()
    assert body["status"] == 422
    assert "limit" in body["detail"]


def test_page_and_json_twin(client: TestClient) -> None:
    html = client.get("/about")
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert 'href="/about.json"' in html.text
    twin = client.get("/about.json")
    assert twin.headers["content-type"] == "application/json"
    assert twin.json()["you"] == {"name": "anonymous", "role": "analyst"}
    accept = client.get("/about", headers={"Accept": "application/json"})
    assert accept.json() == twin.json()


def test_error_page_for_browsers(client: TestClient) -> None:
    resp = client.get("/nowhere", headers={"Accept": "text/html"})
    assert resp.status_code == 404
    assert "<html" in resp.text and "Not Found" in resp.text


def test_body_over_limit_is_refused_with_413(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, web_max_body_bytes=2048)
    with TestClient(create_app(settings)) as client:
        resp = client.post(
            "/api/keys", content=b"x" * 4096, headers={"content-type": "application/json"}
        )
        assert resp.status_code == 413
        assert resp.json()["status"] == 413
        assert "2,048" in resp.json()["detail"]

        def chunks():  # streamed: no Content-Length, so the limit is counted on the way
            for _ in range(4):
                yield b"y" * 1024

        resp = client.post(
            "/api/keys", content=chunks(), headers={"content-type": "application/json"}
        )
        assert resp.status_code == 413


def test_keys_are_stored_hashed(store: Store) -> None:
    key, info = KeyRing(store).create("ci", "analyst")
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT key_sha256, prefix FROM web_api_keys")).all()
    assert rows == [(hash_key(key), info.prefix)]
    assert key not in str(rows)


def test_roles_and_audit(client: TestClient, store: Store) -> None:
    ring = KeyRing(store)
    admin, _ = ring.create("root", "admin")
    viewer, _ = ring.create("reader", "viewer")
    # Keys exist now: anonymous requests may read but not write.
    assert client.get("/api/whoami").json() == {"name": "anonymous", "role": "viewer"}
    new = {"name": "desk", "role": "analyst"}
    assert client.post("/api/keys", json=new).status_code == 401
    assert client.post("/api/keys", json=new, headers={"X-API-Key": viewer}).status_code == 403
    assert client.get("/api/whoami", headers={"X-API-Key": "sw_wrong"}).status_code == 401
    resp = client.post("/api/keys", json=new, headers={"Authorization": f"Bearer {admin}"})
    assert resp.status_code == 201
    analyst = resp.json()["key"]
    assert client.get("/api/whoami", headers={"X-API-Key": analyst}).json()["role"] == "analyst"
    # A failing write is audited too, with its status.
    bad = client.post("/api/keys", json={"name": "x", "role": "boss"}, headers={"X-API-Key": admin})
    assert bad.status_code == 400
    assert client.get("/api/audit", headers={"X-API-Key": viewer}).status_code == 403
    trail = client.get("/api/audit", headers={"X-API-Key": admin}).json()
    assert trail["total"] == 2
    newest, first = trail["items"]
    assert (first["actor"], first["action"], first["status"]) == ("root", "apikey.create", 201)
    assert newest["status"] == 400
    import hashlib

    sent = b'{"name":"desk","role":"analyst"}'
    assert first["payload_sha256"] == hashlib.sha256(sent).hexdigest()
    assert first["payload_bytes"] == len(sent)
    page = client.get("/audit", headers={"X-API-Key": admin, "Accept": "text/html"})
    assert page.status_code == 200 and "apikey.create" in page.text
    assert client.get("/audit.json", headers={"X-API-Key": admin}).json()["total"] == 2
    assert client.get("/audit", headers={"X-API-Key": viewer}).status_code == 403


def test_audit_trail_is_append_only(client: TestClient, store: Store) -> None:
    admin, _ = KeyRing(store).create("root", "admin")
    client.post("/api/keys", json={"name": "a", "role": "viewer"}, headers={"X-API-Key": admin})
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE web_audit SET actor = 'someone else'"))
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM web_audit"))


def test_no_anonymous_reads_when_configured(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, web_anonymous_read=False, web_open_until_keys=False)
    with TestClient(create_app(settings)) as client:
        resp = client.get("/api/whoami")
        assert resp.status_code == 401
        assert "X-API-Key" in resp.json()["detail"]


def test_browser_key_cookie_lets_pages_write(client: TestClient, store: Store) -> None:
    analyst, _ = KeyRing(store).create("desk", "analyst")
    form = {"text": "x", "published": ""}
    # Keys exist: an anonymous browser form post is refused...
    assert client.post("/documents", data=form, follow_redirects=False).status_code == 401
    assert client.post("/session", data={"key": "sw_nope"}).status_code == 401
    resp = client.post("/session", data={"key": analyst}, follow_redirects=False)
    assert resp.status_code == 303
    cookie = resp.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    # ...and with the key in its cookie, the same browser is the analyst.
    assert client.get("/api/whoami").json() == {"name": "desk", "role": "analyst"}
    client.post("/session/end")
    assert client.get("/api/whoami").json()["name"] == "anonymous"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2023", True),
        ("2020-01-23", True),
        ("2019-12", True),
        ("", True),
        ("0000", False),
        ("2023-13", False),
        ("2023-02-30", False),
        ("1066", False),
        ("2023-1-5", False),
        ("yesterday", False),
    ],
)
def test_published_dates_are_checked(text: str, ok: bool) -> None:
    from sanctionwatch.errors import InputError
    from sanctionwatch.web.routers.documents import check_published

    if ok:
        assert check_published(text) == (text or None)
    else:
        with pytest.raises(InputError, match="not a date"):
            check_published(text)
