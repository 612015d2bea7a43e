"""`sanctionwatch serve --workers N`: several worker processes over one store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sanctionwatch.settings import Settings, to_environment

TEXT = (
    "Moscow, Dec 20 (Wire) - Russia said on Friday it had sent home all North Korean "
    "workers under UN Security Council resolution 2397, a foreign ministry official said."
)


def test_to_environment_rebuilds_the_same_settings(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path,
        db_url=f"sqlite:///{tmp_path / 'x.db'}",
        http_retries=5,
        web_anonymous_read=False,
        web_max_body_bytes=4096,
    )
    env = to_environment(settings)
    assert env["SANCTIONWATCH_DB_URL"] == settings.db_url
    assert "SANCTIONWATCH_SOURCES_FILE" not in env  # unset stays unset
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        rebuilt = Settings()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert rebuilt == settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANCTIONWATCH_")}
    env["SANCTIONWATCH_HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2] / "src"), *sys.path])
    db = tmp_path / "team.db"
    code = "from sanctionwatch.cli import main; main()"
    args = ["--db", str(db), "serve", "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"serve exited with {proc.returncode}: {out}")
            try:
                if httpx.get(f"{base}/api/documents", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("serve --workers 2 did not answer within 90 s")
            time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert db.exists()  # the --db store, not the one in SANCTIONWATCH_HOME
    assert not (tmp_path / "home" / "sanctionwatch.db").exists()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_serve_with_two_workers_shares_one_store(
    two_workers: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, proc = two_workers
    # Both workers are up (uvicorn starts them after the parent binds the port).
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(_children(proc.pid)) >= 2
    saved = httpx.post(f"{base}/api/documents", json={"text": TEXT}, timeout=60)
    assert saved.status_code == 201, saved.text
    sha = saved.json()["sha256"]
    # Whichever worker answers each new connection, all see the stored document.
    for _ in range(8):
        with httpx.Client(timeout=30) as client:
            got = client.get(f"{base}/api/documents/{sha}")
        assert got.status_code == 200, got.text
        assert got.json()["analysis"]["claims"] == saved.json()["claims"]
