"""Processes importing list versions and analysts' processes recording screening
decisions, all at once against one real PostgreSQL: afterwards every version and every
decision is stored exactly once, complete.

Each writer is a separate operating-system process: two importers run the real
``sanctionwatch update --from`` command on real UN list files, a scheduled
``sanctionwatch update --all`` downloads another real UN file from a local web server,
and two analysts call ``record_decision`` in a loop while the imports are under way.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.lists.update import file_sha256
from sanctionwatch.screening.decisions import audit_trail
from sanctionwatch.settings import Settings
from sanctionwatch.store.db import open_store
from sanctionwatch.store.lists_repo import ListRepository
from sanctionwatch.store.lists_tables import ListEntityRow
from tests.conftest import REPO, shared_file
from tests.store.backends import postgres_settings

UN_FILES = {
    "first": ["consolidated_2018-10-29.xml", "consolidated_2025-11-20.xml"],
    "second": ["consolidated_2025-04-19.xml"],
}
SERVED = "consolidated_2026-02-27.xml"  # what the scheduled `update --all` downloads
DECISIONS_PER_ANALYST = 120

ANALYST = textwrap.dedent(
    """
    import sys
    from sanctionwatch.screening.decisions import record_decision
    from sanctionwatch.settings import Settings
    from sanctionwatch.store.db import open_store

    url, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(Settings(db_url=url))
    for i in range(count):
        record_decision(store, f"Kim Jong Un {i}", "un", f"KPi.{i % 80:03d}",
                        "false_positive" if i % 2 else "true_match", who, f"{who} check {i}")
    store.dispose()
    """
)


@pytest.fixture
def pg_settings(tmp_path: Path) -> Iterator[Settings]:
    yield from postgres_settings(tmp_path)


def _env(home: Path) -> dict[str, str]:
    src = str(REPO / "src")
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "SANCTIONWATCH_HOME": str(home)}


def _xml_count(path: Path) -> int:
    """Individuals plus entities, counted with the standard library's parser."""
    root = ET.parse(path).getroot()
    return len(root.findall("./INDIVIDUALS/INDIVIDUAL")) + len(root.findall("./ENTITIES/ENTITY"))


def _cli(
    url: str, home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "sanctionwatch.cli", "--db", url, *args]
    return subprocess.Popen(
        cmd,
        env={**_env(home), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _importer(url: str, folder: Path, home: Path) -> subprocess.Popen[str]:
    return _cli(url, home, "update", "--from", str(folder))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Path]:
    """A manifest whose only list, ``un``, is downloaded from a local web server."""
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / SERVED).symlink_to(shared_file(f"lists/un/{SERVED}"))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    manifest = tmp_path / "sources.yaml"
    url = f"http://127.0.0.1:{server.server_address[1]}/{SERVED}"
    manifest.write_text(
        "un: {title: UN served locally, publisher: test, format: un-xml, licence: test, "
        f"entities: {{min: 500, max: 5000}}, downloads: [{{url: '{url}', "
        "filename: consolidated.xml}]}\n",
        encoding="utf-8",
    )
    try:
        yield manifest
    finally:
        server.shutdown()
        server.server_close()


def _analyst(url: str, who: str, home: Path) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-c", ANALYST, url, who, str(DECISIONS_PER_ANALYST)]
    return subprocess.Popen(
        cmd, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _finish(proc: subprocess.Popen[str]) -> str:
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, out
    return out


@pytest.mark.postgres
@pytest.mark.slow
def test_imports_and_decisions_at_once_lose_nothing(
    pg_settings: Settings, served: Path, tmp_path: Path
) -> None:
    url = pg_settings.database_url
    open_store(pg_settings).dispose()  # the schema, as `sanctionwatch status` creates it
    files: dict[str, Path] = {}
    folders = []
    for who, names in UN_FILES.items():
        folder = tmp_path / who
        folder.mkdir()
        for name in names:
            real = shared_file(f"lists/un/{name}")
            (folder / name).symlink_to(real)
            files[name] = real
        folders.append(folder)
    files[SERVED] = shared_file(f"lists/un/{SERVED}")
    procs = [_importer(url, f, tmp_path) for f in folders]
    procs.append(
        _cli(url, tmp_path, "update", "--all", env={"SANCTIONWATCH_SOURCES_FILE": str(served)})
    )
    procs += [_analyst(url, who, tmp_path) for who in ("alice", "bob")]
    outputs = [_finish(p) for p in procs]
    assert all("un: new" in out for out in outputs[:3]), outputs[:3]

    store = open_store(pg_settings)
    try:
        versions = ListRepository(store).versions("un")
        by_sha = Counter(v.sha256 for v in versions)
        assert len(versions) == 4
        for name, path in files.items():
            digest = file_sha256([path])
            assert by_sha[digest] == 1, name
            (version,) = [v for v in versions if v.sha256 == digest]
            expected = _xml_count(path)
            assert version.entity_count == expected, name
            with store.session() as session:
                stored = session.scalar(
                    select(func.count())
                    .select_from(ListEntityRow)
                    .where(ListEntityRow.version_id == version.id)
                )
            assert stored == expected, name
        trail = audit_trail(store)
        reasons = Counter(d.reason for d in trail)
        wanted = {
            f"{who} check {i}" for who in ("alice", "bob") for i in range(DECISIONS_PER_ANALYST)
        }
        assert set(reasons) == wanted
        assert all(n == 1 for n in reasons.values())
        assert len({d.id for d in trail}) == len(trail) == 2 * DECISIONS_PER_ANALYST
    finally:
        store.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_same_file_imported_twice_at_once_is_stored_once(
    pg_settings: Settings, tmp_path: Path
) -> None:
    url = pg_settings.database_url
    open_store(pg_settings).dispose()
    real = shared_file("lists/un/consolidated_2026-02-27.xml")
    folders = []
    for who in ("one", "two"):
        folder = tmp_path / who
        folder.mkdir()
        (folder / real.name).symlink_to(real)
        folders.append(folder)
    procs = [_importer(url, f, tmp_path) for f in folders]
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        results.append((proc.returncode, out))
    # One import stores the version; the other finds it stored, or fails with a clear
    # one-line error naming the list; never two versions, never a partial one.
    assert sum(1 for code, out in results if code == 0 and ": new " in out) >= 1
    for code, out in results:
        assert code == 0 or "error:" in out, out
    store = open_store(pg_settings)
    try:
        versions = ListRepository(store).versions("un")
        assert len(versions) == 1
        assert versions[0].entity_count == _xml_count(real)
    finally:
        store.dispose()


def test_update_all_refuses_source_and_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "sw.db"), "update", "--all", "--source", "un"]
    )
    assert result.exit_code == 1
    assert "--all updates every list" in result.stderr
