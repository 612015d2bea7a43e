"""Updating from official URLs (a local HTTP server stands in for them) and from files."""

from __future__ import annotations

import hashlib
import shutil
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.lists.download import DownloadError, download
from sanctionwatch.lists.sources import load_manifest
from sanctionwatch.lists.update import discover, file_sha256, import_from, update_sources
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository
from tests.conftest import shared_file


class Handler(SimpleHTTPRequestHandler):
    """Serves a folder with ETags; ``server.plan[path]`` lists statuses to answer first,
    ``server.delay[path]`` seconds to wait before answering."""

    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        time.sleep(self.server.delay.get(self.path, 0.0))
        plan = self.server.plan.get(self.path)
        if plan:
            self.send_error(plan.pop(0))
            return
        target = Path(self.server.root) / self.path.lstrip("/")
        if not target.is_file():
            self.send_error(404)
            return
        body = target.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Fri, 27 Feb 2026 00:00:09 GMT")
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.root = root
        self.plan: dict[str, list[int]] = {}
        self.delay: dict[str, float] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{name}"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "served"
    root.mkdir()
    srv = Server(root)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def manifest_for(tmp_path: Path, url: str, *, minimum: int = 500) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        f"""
un:
  title: UN list served locally
  publisher: test
  format: un-xml
  licence: test
  entities: {{min: {minimum}, max: 5000}}
  downloads:
    - url: {url}
      filename: consolidated.xml
""",
        encoding="utf-8",
    )
    return path


def settings_for(tmp_path: Path, sources: Path, **kw: Any) -> Settings:
    return Settings(
        home=tmp_path / "home",
        db_url=f"sqlite:///{tmp_path / 'store.db'}",
        sources_file=sources,
        http_timeout=kw.get("timeout", 5.0),
        http_retries=kw.get("retries", 3),
    )


def un_count(path: Path) -> int:
    root = ET.parse(path).getroot()
    return len(root.findall("INDIVIDUALS/INDIVIDUAL")) + len(root.findall("ENTITIES/ENTITY"))


def versions(settings: Settings) -> list[Any]:
    store = open_store(settings)
    try:
        return ListRepository(store).versions()
    finally:
        store.dispose()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- download() on its own ----------------------------------------------------------------


def test_download_retries_after_a_500(server: Server, tmp_path: Path) -> None:
    (server.root / "f.txt").write_bytes(b"payload")
    server.plan["/f.txt"] = [500]
    with httpx.Client() as client:
        headers = download(client, server.url("f.txt"), tmp_path / "out", backoff=0.01)
    assert headers is not None and headers["etag"]
    assert (tmp_path / "out").read_bytes() == b"payload"
    assert [p for p, _ in server.requests] == ["/f.txt", "/f.txt"]


def test_download_gives_up_after_repeated_503(server: Server, tmp_path: Path) -> None:
    server.plan["/f.txt"] = [503, 503, 503]
    with httpx.Client() as client, pytest.raises(DownloadError) as err:
        download(client, server.url("f.txt"), tmp_path / "out", retries=3, backoff=0.01)
    assert "HTTP 503" in err.value.message and "after 3 attempts" in err.value.message
    assert len(server.requests) == 3


def test_download_404_fails_at_once(server: Server, tmp_path: Path) -> None:
    with httpx.Client() as client, pytest.raises(DownloadError) as err:
        download(client, server.url("missing.xml"), tmp_path / "out", backoff=0.01)
    assert err.value.message == f"cannot download {server.url('missing.xml')}: HTTP 404 Not Found"
    assert len(server.requests) == 1


def test_download_timeout_is_retried_then_reported(server: Server, tmp_path: Path) -> None:
    (server.root / "slow.xml").write_bytes(b"<x/>")
    server.delay["/slow.xml"] = 1.0
    with httpx.Client(timeout=0.2) as client, pytest.raises(DownloadError) as err:
        download(client, server.url("slow.xml"), tmp_path / "out", retries=2, backoff=0.01)
    assert err.value.message.startswith(f"cannot reach {server.url('slow.xml')}: timed out")
    assert len(server.requests) == 2


def test_download_refuses_an_enormous_file(server: Server, tmp_path: Path) -> None:
    (server.root / "big.xml").write_bytes(b"x" * 5000)
    with httpx.Client() as client, pytest.raises(DownloadError) as err:
        download(client, server.url("big.xml"), tmp_path / "out", max_bytes=4096)
    assert err.value.message == f"cannot download {server.url('big.xml')}: larger than 4096 bytes"
    assert len(server.requests) == 1


def test_download_conditional_get_gives_none_on_304(server: Server, tmp_path: Path) -> None:
    (server.root / "f.txt").write_bytes(b"payload")
    with httpx.Client() as client:
        first = download(client, server.url("f.txt"), tmp_path / "a")
        assert first is not None
        again = download(
            client, server.url("f.txt"), tmp_path / "b", headers={"If-None-Match": first["etag"]}
        )
    assert again is None
    assert not (tmp_path / "b").exists()


def test_offline_source_is_a_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/consolidated.xml"
    settings = settings_for(tmp_path, manifest_for(tmp_path, url), retries=2)
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed
    assert outcome.message.startswith(f"cannot reach {url}: ")
    assert versions(settings) == []


# --- the whole update path ------------------------------------------------------------------


def test_update_stores_then_not_modified_then_new_version(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    first_file = shared_file("lists/un/consolidated_2025-11-20.xml")
    second_file = shared_file("lists/un/consolidated_2026-02-27.xml")
    shutil.copyfile(first_file, server.root / "consolidated.xml")
    settings = settings_for(tmp_path, manifest_for(tmp_path, server.url("consolidated.xml")))

    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.status == "new", outcome.message
    assert outcome.version is not None
    assert outcome.version.entity_count == un_count(first_file)
    assert outcome.version.sha256 == hashlib.sha256(first_file.read_bytes()).hexdigest()
    assert outcome.version.published == datetime.fromisoformat("2025-11-20T23:00:09.067+00:00")
    assert outcome.version.origin == server.url("consolidated.xml")
    assert outcome.version.etag

    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.status == "not modified"
    assert server.requests[-1][1].get("If-None-Match") == versions(settings)[0].etag
    assert len(versions(settings)) == 1

    shutil.copyfile(second_file, server.root / "consolidated.xml")
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.status == "new"
    assert outcome.version is not None and outcome.version.entity_count == un_count(second_file)
    assert [v.entity_count for v in versions(settings)] == [1000, 1003]
    assert not list(settings.downloads_dir.iterdir())  # temporary files are gone


def test_too_small_list_is_rejected_and_nothing_stored(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    shutil.copyfile(
        shared_file("lists/un/consolidated_2026-02-27.xml"), server.root / "consolidated.xml"
    )
    url = server.url("consolidated.xml")
    settings = settings_for(tmp_path, manifest_for(tmp_path, url, minimum=2000))
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed
    assert outcome.message == (
        "un: only 1003 entities parsed, expected at least 2000 for a complete list "
        "(truncated or wrong file? --no-check imports it anyway)"
    )
    assert versions(settings) == []
    [outcome] = update_sources(settings, ["un"], check=False, backoff=0.01)
    assert outcome.status == "new"


def test_truncated_download_is_rejected_and_nothing_stored(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    data = shared_file("lists/un/consolidated_2026-02-27.xml").read_bytes()
    (server.root / "consolidated.xml").write_bytes(data[: len(data) // 2])
    settings = settings_for(tmp_path, manifest_for(tmp_path, server.url("consolidated.xml")))
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed
    assert outcome.message.startswith(server.url("consolidated.xml") + ": ")
    assert versions(settings) == []


def test_html_page_instead_of_the_list_is_rejected(server: Server, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    (server.root / "consolidated.xml").write_text(
        "<!DOCTYPE html><html><body>Service unavailable</body></html>", encoding="utf-8"
    )
    settings = settings_for(tmp_path, manifest_for(tmp_path, server.url("consolidated.xml")))
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed
    assert outcome.message.startswith(server.url("consolidated.xml") + ": ")
    assert versions(settings) == []


# --- local files ----------------------------------------------------------------------------


def test_import_folder_detects_formats_and_dedups(shared_data: Path, tmp_path: Path) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    folder = shared_data / "lists" / "un"
    settings = settings_for(tmp_path, manifest_for(tmp_path, "http://127.0.0.1:9/x"))
    outcomes = import_from(settings, folder)
    files = sorted(folder.glob("*.xml"))
    assert [o.status for o in outcomes] == ["new"] * len(files)
    assert [o.origin for o in outcomes] == [str(p.resolve()) for p in files]
    stored = versions(settings)
    assert [v.entity_count for v in stored] == [un_count(p) for p in files]  # by date
    assert {v.sha256 for v in stored} == {file_sha256([p]) for p in files}

    again = import_from(settings, folder)
    assert [o.status for o in again] == ["unchanged"] * len(files)
    assert len(versions(settings)) == len(files)


def test_discover_leaves_ofac_siblings_to_sdn_csv(tmp_path: Path) -> None:
    trio = tmp_path / "trio"
    trio.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv", "README.md"):
        (trio / name).write_text("x")
    (tmp_path / "alt.csv").write_text("x")  # no sdn.csv beside it: kept
    assert discover(tmp_path) == [tmp_path / "alt.csv", trio / "sdn.csv"]


def test_file_sha256_of_one_file_is_the_plain_digest(tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    one.write_bytes(b"abc")
    two.write_bytes(b"def")
    assert file_sha256([one]) == hashlib.sha256(b"abc").hexdigest()
    assert file_sha256([one, two]) != file_sha256([two, one])


# --- the manifest ----------------------------------------------------------------------------


def test_builtin_manifest_covers_the_official_lists() -> None:
    manifest = load_manifest(Settings(sources_file=None))
    assert {"un", "ofac_sdn", "ofac_cons", "eu_fsf", "uk"} <= set(manifest.sources)
    assert manifest.sources["un"].main_url == (
        "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    )
    assert [d.filename for d in manifest.sources["ofac_sdn"].downloads] == [
        "sdn.csv",
        "alt.csv",
        "add.csv",
        "sdn_comments.csv",
    ]
    assert [s.key for s in manifest.select(["ofac"])] == ["ofac_cons", "ofac_sdn"]
    with pytest.raises(InputError, match="unknown source 'nz'"):
        manifest.select(["nz"])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("un: [1, 2", "not valid YAML"),
        ("[]", "expected a mapping"),
        ("un:\n  title: t\n", "invalid source manifest"),
        (
            "un: {title: t, publisher: p, format: pdf, licence: l, entities: {min: 1, max: 2},"
            " downloads: [{url: 'http://x/y', filename: y}]}",
            "unknown format 'pdf'",
        ),
        (
            "un: {title: t, publisher: p, format: un-xml, licence: l, entities: {min: 9, max: 2},"
            " downloads: [{url: 'http://x/y', filename: y}]}",
            "min 9 is above max 2",
        ),
        (
            "un: {title: t, publisher: p, format: un-xml, licence: l, entities: {min: 1, max: 2},"
            " downloads: [{url: 'http://x/y', filename: ../../etc/passwd}]}",
            "filename",
        ),
    ],
)
def test_bad_manifest_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_manifest(Settings(sources_file=path))
    assert str(path) in err.value.message and problem in err.value.message


def test_update_through_the_manifest_retries_times_out_and_reports_404(
    server: Server, tmp_path: Path
) -> None:
    pytest.importorskip("sanctionwatch.lists.registry")
    shutil.copyfile(
        shared_file("lists/un/consolidated_2026-02-27.xml"), server.root / "consolidated.xml"
    )
    url = server.url("consolidated.xml")
    settings = settings_for(tmp_path, manifest_for(tmp_path, url), timeout=0.5, retries=2)

    server.delay["/consolidated.xml"] = 2.0
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed and outcome.message.startswith(f"cannot reach {url}: timed out")
    assert len(server.requests) == 2 and versions(settings) == []

    server.delay.clear()
    server.plan["/consolidated.xml"] = [500]
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.status == "new", outcome.message
    assert len(server.requests) == 4  # the 500, then the file

    (server.root / "consolidated.xml").unlink()
    [outcome] = update_sources(settings, ["un"], backoff=0.01)
    assert outcome.failed and outcome.message == f"cannot download {url}: HTTP 404 Not Found"
    assert len(versions(settings)) == 1
